// Answers "is this tool still running, and since when?" from the process source: it closes a log-seen session whose
// end line never came, and tells a log line from before the tool's processes started (history) from a live one.
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import { defaultProcessSource, type ProcessSource, type RunningProcess } from '../processes/processSource';

export interface ToolProcesses {
  running: boolean;
  /** When the earliest of the tool's running processes started (ISO 8601), or null when none runs or the source cannot say. */
  startedAt: string | null;
}

export type ToolProcessCheck = (tool: RemoteTool) => Promise<ToolProcesses>;

/** A snapshot of the processes serves every check made within this long (one poll asks about several tools; under
 *  Wine one listing through ps-list takes about 85 ms). */
const SNAPSHOT_REUSE_MS = 1000;

/** The default check: a snapshot of the platform's process source, each process named by the catalog. */
export function createToolProcessCheck(
  catalog: Pick<Catalog, 'matchProcess'>,
  source: ProcessSource = defaultProcessSource(),
  now: () => number = Date.now,
): ToolProcessCheck {
  let snapshot: { takenAt: number; list: Promise<RunningProcess[]> } | null = null;
  const processes = (): Promise<RunningProcess[]> => {
    if (snapshot === null || now() - snapshot.takenAt >= SNAPSHOT_REUSE_MS) {
      const list = source.list();
      snapshot = { takenAt: now(), list };
      // A listing that failed is not kept: the next check tries again.
      list.catch(() => {
        if (snapshot?.list === list) snapshot = null;
      });
    }
    return snapshot.list;
  };
  return async (tool) => {
    const mine = (await processes()).filter((p) => catalog.matchProcess(p)?.id === tool.id);
    const starts = mine.map((p) => p.startedAt);
    const known = starts.every((start) => start !== null) ? (starts as string[]).sort() : [];
    return { running: mine.length > 0, startedAt: known[0] ?? null };
  };
}
