// Parses one /proc/PID/stat line. The command name sits in parentheses and may itself hold spaces, ')' and
// newlines, so every numbered field is read after the LAST ')'. Never throws: a line it cannot read gives null.

export interface ProcStat {
  /** The kernel's name for the process (field 2), at most 15 characters, possibly anything a file name can hold. */
  readonly comm: string;
  /** Field 4. */
  readonly ppid: number;
  /** Field 22: clock ticks after boot when the process started; with the PID it names one process for good. */
  readonly startTicks: number;
  /** Fields 14-17, in clock ticks: CPU time of the process itself and of its waited-for children. */
  readonly userTicks: number;
  readonly systemTicks: number;
  readonly childUserTicks: number;
  readonly childSystemTicks: number;
}

/** Linux reports stat times in USER_HZ, fixed at 100 per second for every user-space ABI. */
export const CLOCK_TICKS_PER_SECOND = 100;

export function parseProcStat(line: string): ProcStat | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // Fields from 3 (state) on; index i holds field i + 3.
  const fields = line.slice(close + 1).trim().split(' ');
  const field = (n: number): number => Number(fields[n - 3]);
  const stat: ProcStat = {
    comm: line.slice(open + 1, close),
    ppid: field(4),
    startTicks: field(22),
    userTicks: field(14),
    systemTicks: field(15),
    childUserTicks: field(16),
    childSystemTicks: field(17),
  };
  const numbers = [stat.ppid, stat.startTicks, stat.userTicks, stat.systemTicks, stat.childUserTicks, stat.childSystemTicks];
  return numbers.every((n) => Number.isSafeInteger(n) && n >= 0) ? stat : null;
}
