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
import { defaultWindowSource } from './windows/windowSource';
import { createWindowWatcher } from './windows/windowWatcher';

export interface DefaultWatcherOptions {
  catalog: Catalog;
  /** Folders to watch for installers; null for the person's own Downloads and Desktop. */
  downloadFolders: string[] | null;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** The process list to watch; the platform's own unless given. */
  processSource?: ProcessSource;
}

export function createDefaultWatchers(options: DefaultWatcherOptions): Watcher[] {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const { catalog } = options;
  return [
    createProcessWatcher({ source: options.processSource ?? defaultProcessSource(platform), catalog }),
    createDownloadsWatcher({ folders: options.downloadFolders ?? defaultWatchFolders(env, platform, os.homedir()), catalog }),
    sessionWatcherFor(platform, catalog, env),
    createWindowWatcher({ source: defaultWindowSource(platform, env), catalog }),
  ];
}

function sessionWatcherFor(platform: NodeJS.Platform, catalog: Catalog, env: NodeJS.ProcessEnv): Watcher {
  if (platform === 'win32') return createWindowsSessionWatcher({ catalog, env });
  if (platform === 'darwin') return createMacSessionWatcher({ catalog });
  return createLinuxSessionWatcher({ catalog });
}
