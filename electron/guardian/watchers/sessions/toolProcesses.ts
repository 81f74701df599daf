// Answers "is any process of this tool still running?", used to close a log-seen session whose end line never came.
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';

export type ToolRunningCheck = (tool: RemoteTool) => Promise<boolean>;

/** The default check: one ps-list snapshot, each process named by the catalog. */
export function createToolRunningCheck(catalog: Pick<Catalog, 'matchProcess'>): ToolRunningCheck {
  return async (tool) => {
    const { default: psList } = await import('ps-list');
    const processes = await psList();
    return processes.some(
      (p) => catalog.matchProcess({ pid: p.pid, ppid: p.ppid ?? null, name: p.name, exe: null, cmdline: p.cmd ?? null })?.id === tool.id,
    );
  };
}
