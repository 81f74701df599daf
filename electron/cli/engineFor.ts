// Builds the engine the scan command runs (watch runs the whole app services): the catalog in force and the platform's
// default watchers, over the folders --downloads names and, with --processes-in, only the programs run from that folder.
import { createEngine, type Engine } from '../guardian/engine';
import { catalogInForce } from '../guardian/catalogUpdates/catalogUpdates';
import { createDefaultWatchers } from '../guardian/watchers/defaultWatchers';
import { processSourceIn } from '../guardian/watchers/processes/folderProcessSource';
import type { CommandContext, CommandOptions } from './command';
import { checkFolder } from './options';

export const WATCH_OPTIONS: CommandOptions = { downloads: { type: 'string', multiple: true }, 'processes-in': { type: 'string' } };

/** The folder given with --processes-in, checked; null to watch every program on this computer. */
export function processesInOf(context: CommandContext): string | null {
  const folder = context.values['processes-in'];
  return folder === undefined ? null : checkFolder(String(folder), 'folder of programs to watch');
}

/** The folders given with --downloads, checked; null for the person's own Downloads and Desktop. */
export function downloadFoldersOf(context: CommandContext): string[] | null {
  const downloads = context.values.downloads;
  return Array.isArray(downloads) ? downloads.map((d) => checkFolder(String(d), 'downloads folder')) : null;
}

export async function engineFor(context: CommandContext): Promise<Engine> {
  const catalog = await catalogInForce(context.common.dataDir, (line) => process.stderr.write(`${line}\n`));
  return createEngine({
    dataDir: context.common.dataDir,
    watchers: createDefaultWatchers({ catalog, downloadFolders: downloadFoldersOf(context), processSource: processSourceIn(processesInOf(context)) }),
  });
}
