// Where the process watcher gets its list of running programs: /proc on Linux, Toolhelp through koffi on Windows,
// ps-list on macOS.
import type { ProcessInfo } from '../../catalog';
import { createProcSource } from './procSource';
import { createPsListSource } from './psListSource';
import { createWin32ProcessSource } from './win32ProcessSource';

/** A running process as a source sees it: what the catalog matches on, plus what tells one process from a later one on the same PID. */
export interface RunningProcess extends ProcessInfo {
  /** Start time as the source knows it (opaque); the same PID with another start is another process. Empty when unknown. */
  readonly start: string;
  /** When the process started (ISO 8601), where the source knows it. */
  readonly startedAt: string | null;
}

export interface ProcessSource {
  readonly name: 'proc' | 'win32' | 'ps-list';
  /** Every process running now. Rejects only when the list as a whole cannot be had. */
  list(): Promise<RunningProcess[]>;
}

export function defaultProcessSource(platform: NodeJS.Platform = process.platform): ProcessSource {
  if (platform === 'linux') return createProcSource();
  if (platform === 'win32') return createWin32ProcessSource();
  return createPsListSource();
}
