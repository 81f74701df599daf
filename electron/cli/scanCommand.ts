// `scan`: one first pass of every watcher, printed as the CLI contract's JSON object (or plain lines), then exit.
import type { GuardianEvent } from '../../shared/events';
import type { Engine } from '../guardian/engine';
import type { CliCommand } from './command';
import { engineFor, WATCH_OPTIONS } from './engineFor';

export const scanCommand: CliCommand = {
  name: 'scan',
  usage: 'scan [--json] [--downloads DIR ...] [--processes-in DIR]',
  summary: 'Look once for remote-access programs, incoming sessions and installers, then exit.',
  options: WATCH_OPTIONS,
  async run(context) {
    const result = await scan(await engineFor(context));
    context.write(context.common.json ? JSON.stringify(result) : formatScan(result));
    return 0;
  },
};

export interface ScanResult {
  tools: { toolId: string | null; name: string; tier: string; pid: number; exe: string | null }[];
  sessions: { kind: string; toolId: string | null; pid: number | null; remoteAddress: string | null; remoteId: string | null; since: string }[];
  installers: { path: string; toolId: string | null }[];
  problems: { watcher: string; message: string }[];
}

export async function scan(engine: Engine): Promise<ScanResult> {
  const result: ScanResult = { tools: [], sessions: [], installers: [], problems: [] };
  const unsubscribe = engine.onEvent((event) => collect(result, event));
  try {
    await engine.start();
  } finally {
    unsubscribe();
    await engine.stop();
  }
  return result;
}

function collect(result: ScanResult, event: GuardianEvent): void {
  switch (event.type) {
    case 'tool-started':
      result.tools.push({ toolId: event.toolId, name: event.name, tier: event.tier, pid: event.pid, exe: event.exe });
      return;
    case 'session-started':
      result.sessions.push({
        kind: event.kind, toolId: event.toolId, pid: event.pid,
        remoteAddress: event.remoteAddress, remoteId: event.remoteId, since: event.since,
      });
      return;
    case 'installer-downloaded':
      result.installers.push({ path: event.path, toolId: event.toolId });
      return;
    case 'watcher-failed':
      result.problems.push({ watcher: event.watcher, message: event.message });
      return;
    default:
      return;
  }
}

export function formatScan(result: ScanResult): string {
  const lines: string[] = [];
  if (result.tools.length === 0 && result.sessions.length === 0 && result.installers.length === 0) {
    lines.push('No remote-access programs, incoming sessions or installers found.');
  }
  for (const t of result.tools) lines.push(`Running: ${t.name} (process ${t.pid})${t.exe ? ` from ${t.exe}` : ''}`);
  for (const s of result.sessions) {
    const from = s.remoteId ?? s.remoteAddress;
    lines.push(`Connected in now: ${s.toolId ?? s.kind}${from ? ` from ${from}` : ''}, since ${s.since}`);
  }
  for (const i of result.installers) lines.push(`Installer downloaded: ${i.path}`);
  for (const p of result.problems) lines.push(`Problem (${p.watcher}): ${p.message}`);
  return lines.join('\n');
}
