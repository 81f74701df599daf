// The catalog in force while the app runs: the one reference every watcher, the guardian and the setup service hold,
// whose content the catalog updater alone replaces. Each call goes to the catalog in force at that moment, so a
// watcher's next pass sees new tools and new log paths without a restart. Never checks or fetches anything itself.
import type { Catalog, ProcessInfo } from './catalog';
import type { RemoteTool } from '../../shared/catalog';

export interface LiveCatalog extends Catalog {
  /** Puts `next` in force (already checked and compiled by loadCatalog). */
  replace(next: Catalog): void;
}

export function createLiveCatalog(initial: Catalog): LiveCatalog {
  let current = initial;
  return {
    get version() {
      return current.version;
    },
    get date() {
      return current.date;
    },
    get tools(): readonly RemoteTool[] {
      return current.tools;
    },
    byId: (id: string) => current.byId(id),
    matchProcess: (p: ProcessInfo) => current.matchProcess(p),
    isSessionProcess: (tool: RemoteTool, p: ProcessInfo) => current.isSessionProcess(tool, p),
    matchInstaller: (fileName: string) => current.matchInstaller(fileName),
    toolForPort: (port: number) => current.toolForPort(port),
    replace(next) {
      current = next;
    },
  };
}
