// Reads one process's files under /proc (stat, cmdline, the exe link) with a caller's buffer and as few system calls as
// it can. The one reader for the process source and the session watcher; a process ending mid-read never throws.
import fs from 'node:fs';
import path from 'node:path';
import { parseProcStat, type ProcStat } from './procStat';

/** Longest command line kept: enough for every argument a catalog rule looks at. */
export const CMDLINE_MAX_BYTES = 4096;
/** Room for a whole stat line: 50-odd numbers and a name of at most 64 bytes. */
const STAT_MAX_BYTES = 2048;

/** A buffer every read here fits in; one per reader, which never reads two files at once. */
export const createProcReadBuffer = (): Buffer => Buffer.allocUnsafe(Math.max(CMDLINE_MAX_BYTES, STAT_MAX_BYTES));

/** What one read found: the files, a process gone (or not yet readable: try again later), or a stat it may not read. */
export type ProcFiles =
  | { kind: 'read'; stat: ProcStat; args: string | null; exe: string | null; kernelThread: boolean }
  | { kind: 'gone' }
  | { kind: 'unreadable' };

/** Thrown for a PID whose files disappeared while being read: the process has ended. */
const VANISHED = new Set(['ENOENT', 'ESRCH']);

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

/** Reads at most `maxBytes` of a /proc file into `buffer` (open, read, close). */
export function readHead(file: string, buffer: Buffer, maxBytes = buffer.length): string {
  const fd = fs.openSync(file, 'r');
  try {
    let length = 0;
    while (length < maxBytes) {
      const wanted = maxBytes - length;
      const read = fs.readSync(fd, buffer, length, wanted, null);
      length += read;
      // /proc hands over everything it has in one read: a short read is the end, no need to ask again.
      if (read < wanted) break;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/** The stat of a PID; null for a line it cannot parse; 'gone' when the process has ended. Other errors throw. */
export function readProcStat(procRoot: string, pid: number, buffer: Buffer): ProcStat | null | 'gone' {
  try {
    return parseProcStat(readHead(path.join(procRoot, String(pid), 'stat'), buffer, STAT_MAX_BYTES));
  } catch (error) {
    if (VANISHED.has(errorCode(error))) return 'gone';
    throw error;
  }
}

/** `buffer` comes from createProcReadBuffer. */
export function readProcFiles(procRoot: string, pid: number, buffer: Buffer): ProcFiles {
  const dir = path.join(procRoot, String(pid));
  let stat: ProcStat | null | 'gone';
  try {
    stat = readProcStat(procRoot, pid, buffer);
  } catch {
    return { kind: 'unreadable' };
  }
  if (stat === null || stat === 'gone') return { kind: 'gone' };

  let args: string | null;
  try {
    // Kept NUL-separated, as the kernel gives it: the catalog reads the first argument exactly even with spaces in it.
    args = readHead(path.join(dir, 'cmdline'), buffer, CMDLINE_MAX_BYTES).replace(/\0+$/, '');
  } catch (error) {
    if (VANISHED.has(errorCode(error))) return { kind: 'gone' };
    args = null;
  }
  // A kernel thread (kthreadd, PID 2, and its children) has no command line and no program file.
  if (!args && (pid === 2 || stat.ppid === 2)) return { kind: 'read', stat, args, exe: null, kernelThread: true };

  let exe: string | null = null;
  try {
    exe = fs.readlinkSync(path.join(dir, 'exe')).replace(/ \(deleted\)$/, '');
  } catch {
    // Another user's process (EACCES), a zombie or one just gone (ENOENT): the catalog then goes by the
    // command line's first argument, and last by the short name.
  }
  return { kind: 'read', stat, args, exe, kernelThread: false };
}
