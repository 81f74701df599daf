// A process source that lists only the programs run from one folder: for tests, the preview and the CLI on a shared
// machine, so what they watch and what their "End it" ends is never someone else's program. The tray app never uses it.
import path from 'node:path';
import { defaultProcessSource, type ProcessSource, type RunningProcess } from './processSource';

/** The platform's process source, or only the programs run from `folder` when one is given. */
export function processSourceIn(folder: string | null | undefined): ProcessSource {
  return folder ? createFolderProcessSource(defaultProcessSource(), folder) : defaultProcessSource();
}

export function createFolderProcessSource(source: ProcessSource, folder: string): ProcessSource {
  const inside = path.resolve(folder) + path.sep;
  let last: RunningProcess[] | null = null;
  let kept: RunningProcess[] = [];
  return {
    name: source.name,
    async list() {
      const all = await source.list();
      // The same list back means nothing changed: hand the same kept list back too, as the watcher expects.
      if (all !== last) {
        last = all;
        kept = all.filter((p) => p.exe !== null && p.exe.startsWith(inside));
      }
      return kept;
    },
  };
}
