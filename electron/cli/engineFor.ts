// Builds the engine the scan and watch commands run: the bundled catalog and the platform's default watchers.
import { createEngine, type Engine } from '../guardian/engine';
import { loadCatalog } from '../guardian/catalog';
import { createDefaultWatchers } from '../guardian/watchers/defaultWatchers';
import type { CommandContext, CommandOptions } from './command';
import { checkFolder } from './options';

export const WATCH_OPTIONS: CommandOptions = { downloads: { type: 'string', multiple: true } };

export function engineFor(context: CommandContext): Engine {
  const downloads = context.values.downloads;
  const downloadFolders = Array.isArray(downloads) ? downloads.map((d) => checkFolder(String(d), 'downloads folder')) : null;
  return createEngine({
    dataDir: context.common.dataDir,
    watchers: createDefaultWatchers({ catalog: loadCatalog(), downloadFolders }),
  });
}
