// Answers "is any process of this tool still running?", used to close a log-seen session whose end line never came.
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import { defaultProcessSource, type ProcessSource } from '../processes/processSource';

export type ToolRunningCheck = (tool: RemoteTool) => Promise<boolean>;

/** The default check: one list from this platform's process source (full paths on Windows), each process named by the catalog. */
export function createToolRunningCheck(catalog: Pick<Catalog, 'matchProcess'>, source: ProcessSource = defaultProcessSource()): ToolRunningCheck {
  return async (tool) => (await source.list()).some((p) => catalog.matchProcess(p)?.id === tool.id);
}
