// Builds the engine the scan command runs (watch runs the whole app services): the bundled catalog and the platform's default watchers: the bundled catalog and the platform's default watchers.
import { createEngine, type Engine } from '../guardian/engine';
import { loadCatalog } from '../guardian/catalog';
import { createDefaultWatchers } from '../guardian/watchers/defaultWatchers';
import type { CommandContext, CommandOptions } from './command';
import { checkFolder } from './options';

export const WATCH_OPTIONS: CommandOptions = { downloads: { type: 'string', multiple: true } };

/** The folders given with --downloads, checked; null for the person's own Downloads and Desktop. */
export function downloadFoldersOf(context: CommandContext): string[] | null {
  const downloads = context.values.downloads;
  return Array.isArray(downloads) ? downloads.map((d) => checkFolder(String(d), 'downloads folder')) : null;
}

export function engineFor(context: CommandContext): Engine {
  return createEngine({
    dataDir: context.common.dataDir,
    watchers: createDefaultWatchers({ catalog: loadCatalog(), downloadFolders: downloadFoldersOf(context) }),
  });
}
