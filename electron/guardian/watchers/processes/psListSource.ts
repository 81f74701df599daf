// The macOS process source: ps-list (ps underneath), read whole every time. Linux reads /proc and Windows Toolhelp instead.
import psList, { type ProcessDescriptor } from 'ps-list';
import type { ProcessSource, RunningProcess } from './processSource';

export function toRunningProcess(p: ProcessDescriptor): RunningProcess {
  const started = p.startTime && !Number.isNaN(p.startTime.getTime()) ? p.startTime : null;
  return {
    pid: p.pid,
    ppid: p.ppid,
    name: p.name,
    exe: p.path ? p.path : null,
    cmdline: p.cmd ?? null,
    start: started ? String(started.getTime()) : '',
    startedAt: started ? started.toISOString() : null,
  };
}

export function createPsListSource(): ProcessSource {
  return {
    name: 'ps-list',
    list: async () => (await psList()).map(toRunningProcess),
  };
}
