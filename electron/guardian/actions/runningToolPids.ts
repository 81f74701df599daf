// Lists afresh which processes of some tools (or some known pids) are running now: how "End it" checks that a tool is
// really gone, never from the engine's last pass. It only reads the process list; it never signals anything.
import type { Catalog } from '../catalog';
import type { ProcessSource } from '../watchers/processes/processSource';

/** The pids running now that are a process of one of `toolIds`, or one of `pids`. */
export type RunningToolPids = (toolIds: ReadonlySet<string>, pids: ReadonlySet<number>) => Promise<number[]>;

export function createRunningToolPids(source: ProcessSource, catalog: Pick<Catalog, 'matchProcess'>): RunningToolPids {
  return async (toolIds, pids) => {
    const running = await source.list();
    return running
      .filter((p) => pids.has(p.pid) || (toolIds.size > 0 && toolIds.has(catalog.matchProcess(p)?.id ?? '')))
      .map((p) => p.pid);
  };
}
