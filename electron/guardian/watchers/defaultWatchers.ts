// The watchers this platform runs by default: processes, downloads, incoming sessions and windows on screen.
import os from 'node:os';
import type { Catalog } from '../catalog';
import { createDownloadsWatcher, defaultWatchFolders } from './downloads/downloadsWatcher';
import { createProcessWatcher } from './processes/processWatcher';
import { defaultProcessSource, type ProcessSource } from './processes/processSource';
import { createLinuxSessionWatcher } from './sessions/linuxSessionWatcher';
import { createMacSessionWatcher } from './sessions/macSessionWatcher';
import { createWindowsSessionWatcher } from './sessions/windowsSessionWatcher';
import type { Watcher } from './watcher';
import { defaultWindowSource } from './screen/windowSource';
import { createWindowWatcher } from './screen/windowWatcher';

export interface DefaultWatcherOptions {
  catalog: Catalog;
  /** Folders to watch for installers; null for the person's own Downloads and Desktop. */
  downloadFolders: string[] | null;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** The process list to watch; the platform's own unless given. */
  processSource?: ProcessSource;
  /** The last moment an earlier run recorded: the tools' logs' past sessions written by then are not reported again. */
  pastReportedUntil?: Date | null;
}

export function createDefaultWatchers(options: DefaultWatcherOptions): Watcher[] {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const { catalog } = options;
  return [
    createProcessWatcher({ source: options.processSource ?? defaultProcessSource(platform), catalog }),
    createDownloadsWatcher({ folders: options.downloadFolders ?? defaultWatchFolders(env, platform, os.homedir()), catalog }),
    sessionWatcherFor(platform, catalog, env, options.pastReportedUntil ?? null),
    createWindowWatcher({ source: defaultWindowSource(platform, env), catalog }),
  ];
}

function sessionWatcherFor(platform: NodeJS.Platform, catalog: Catalog, env: NodeJS.ProcessEnv, pastReportedUntil: Date | null): Watcher {
  if (platform === 'win32') return createWindowsSessionWatcher({ catalog, env, pastReportedUntil });
  if (platform === 'darwin') return createMacSessionWatcher({ catalog, pastReportedUntil });
  return createLinuxSessionWatcher({ catalog, pastReportedUntil });
}
