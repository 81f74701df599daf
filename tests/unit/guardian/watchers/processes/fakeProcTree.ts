// Builds a directory tree shaped like /proc (stat, cmdline, exe link per PID, btime in stat) for the /proc source's tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FakeProcess {
  pid: number;
  comm: string;
  ppid?: number;
  /** Clock ticks after boot; defaults to long ago. */
  startTicks?: number;
  /** Arguments as the kernel stores them (joined by NUL); omit for an empty command line. */
  argv?: string[];
  /** Where the exe link points; omit for a process whose exe cannot be read. */
  exe?: string;
}

/** A stat line with every field in place, as the kernel writes it. */
export function statLine(p: { pid: number; comm: string; ppid?: number; startTicks?: number }): string {
  const after = ['S', String(p.ppid ?? 1), '1', '1', '0', '-1', '4194304', '99', '0', '0', '0', '7', '3', '11', '5', '20', '0', '1', '0', String(p.startTicks ?? 1000)];
  const rest = Array.from({ length: 30 }, () => '0');
  return `${p.pid} (${p.comm}) ${[...after, ...rest].join(' ')}\n`;
}

export class FakeProcTree {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-proc-'));
  /** Boot time in seconds, set so that `ticksAgo` can place a start time relative to now. */
  readonly btime = Math.floor(Date.now() / 1000) - 100_000;

  constructor() {
    fs.writeFileSync(path.join(this.root, 'stat'), `cpu  1 2 3 4\nintr 0\nctxt 5\nbtime ${this.btime}\nprocesses 9\n`);
    // Entries that are not PIDs, as in the real /proc.
    fs.mkdirSync(path.join(this.root, 'self'));
    fs.mkdirSync(path.join(this.root, 'sys'));
  }

  /** Start ticks for a process that started `ms` milliseconds ago. */
  ticksAgo(ms: number): number {
    return Math.round((Date.now() - ms - this.btime * 1000) / 10);
  }

  add(p: FakeProcess): void {
    const dir = path.join(this.root, String(p.pid));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'stat'), statLine(p));
    fs.writeFileSync(path.join(dir, 'cmdline'), p.argv ? p.argv.map((a) => `${a}\0`).join('') : '');
    if (p.exe) fs.symlinkSync(p.exe, path.join(dir, 'exe'));
  }

  /** Writes /proc/loadavg with this task count and last PID; without it the source cannot skip a listing. */
  loadavg(tasks: number, lastPid: number): void {
    fs.writeFileSync(path.join(this.root, 'loadavg'), `0.52 0.58 0.59 2/${tasks} ${lastPid}\n`);
  }

  file(pid: number, name: string): string {
    return path.join(this.root, String(pid), name);
  }

  remove(pid: number): void {
    fs.rmSync(path.join(this.root, String(pid)), { recursive: true, force: true });
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
