// Watches the Downloads and Desktop folders for remote-access installers; reports each finished file once, never runs it.
import fs from 'node:fs';
import path from 'node:path';
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import type { Emit, Watcher } from '../watcher';
import { isPartialDownload, withoutDuplicateSuffix } from './downloadName';
import { folderProblem } from './folderProblem';

export { defaultWatchFolders } from './watchFolders';

export interface DownloadsWatcherOptions {
  folders: string[];
  catalog: Catalog;
  /** How often every folder is listed again, for the events fs.watch misses and for folders that come back. */
  rescanMs?: number;
}

/** One watched folder: its live fs.watch handle, the folder's identity, and whether it is currently failing. */
interface FolderState {
  readonly folder: string;
  handle: fs.FSWatcher | null;
  /** dev:ino of the folder the handle watches: a folder removed and made again needs a new handle. */
  identity: string | null;
  failed: boolean;
  /** What each name in the folder matched (null: nothing), so a re-scan does not match every name again. */
  readonly matches: Map<string, RemoteTool | null>;
}

export function createDownloadsWatcher(opts: DownloadsWatcherOptions): Watcher {
  const rescanMs = opts.rescanMs ?? 5000;
  const folders = [...new Set(opts.folders.map((folder) => path.resolve(folder)))].map(
    (folder): FolderState => ({ folder, handle: null, identity: null, failed: false, matches: new Map() }),
  );
  /** Reported installers: path -> identity of the file reported, so a file is reported once and a new one again. */
  const reported = new Map<string, string>();
  let emit: Emit = () => {};
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** Looks at one name in one folder, synchronously so two events for the same file cannot both report it. */
  function check(state: FolderState, fileName: string, initial: boolean): void {
    const tool = match(state, fileName);
    if (!tool) return;
    const filePath = path.join(state.folder, fileName);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch {
      reported.delete(filePath);
      return;
    }
    if (!stat.isFile() && !(stat.isDirectory() && fileName.toLowerCase().endsWith('.app'))) return;
    // The inode and birth time stay the same while a file is written in place, and change when a new file takes the name.
    const identity = `${stat.dev}:${stat.ino}:${stat.birthtimeMs}`;
    if (reported.get(filePath) === identity) return;
    reported.set(filePath, identity);
    emit({ type: 'installer-downloaded', toolId: tool.id, name: tool.name, tier: tool.tier, path: filePath, initial });
  }

  function match(state: FolderState, fileName: string): RemoteTool | null {
    const known = state.matches.get(fileName);
    if (known !== undefined) return known;
    const tool = isPartialDownload(fileName)
      ? null
      : (opts.catalog.matchInstaller(fileName) ?? opts.catalog.matchInstaller(withoutDuplicateSuffix(fileName)) ?? null);
    state.matches.set(fileName, tool);
    return tool;
  }

  function fail(state: FolderState, error: unknown): void {
    closeHandle(state);
    if (state.failed) return;
    state.failed = true;
    emit({ type: 'watcher-failed', watcher: 'downloads', message: folderProblem(state.folder, error) });
  }

  function closeHandle(state: FolderState): void {
    state.handle?.close();
    state.handle = null;
    state.identity = null;
  }

  function watchFolder(state: FolderState, identity: string): void {
    closeHandle(state);
    try {
      const handle = fs.watch(state.folder, { persistent: false }, (_event, fileName) => {
        if (stopped) return;
        if (fileName) check(state, fileName.toString(), false);
        else void scan(state, false);
      });
      handle.on('error', (error) => fail(state, error));
      state.handle = handle;
      state.identity = identity;
    } catch (error) {
      fail(state, error);
    }
  }

  /** Lists the folder: reports installers not yet reported, forgets ones that are gone, and (re)starts fs.watch. */
  async function scan(state: FolderState, initial: boolean): Promise<void> {
    let names: string[];
    let identity: string;
    try {
      const stat = await fs.promises.stat(state.folder);
      if (!stat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      identity = `${stat.dev}:${stat.ino}`;
      names = await fs.promises.readdir(state.folder);
    } catch (error) {
      if (!stopped) fail(state, error);
      return;
    }
    if (stopped) return;
    if (state.failed) {
      state.failed = false;
      if (!folders.some((other) => other.failed)) emit({ type: 'watcher-recovered', watcher: 'downloads' });
    }
    if (state.identity !== identity) watchFolder(state, identity);
    const present = new Set(names);
    for (const filePath of reported.keys()) {
      if (path.dirname(filePath) === state.folder && !present.has(path.basename(filePath))) reported.delete(filePath);
    }
    for (const name of state.matches.keys()) if (!present.has(name)) state.matches.delete(name);
    for (const name of names) check(state, name, initial);
  }

  return {
    name: 'downloads',
    async start(emitEvent) {
      emit = emitEvent;
      stopped = false;
      await Promise.all(folders.map((state) => scan(state, true)));
      if (stopped) return;
      timer = setInterval(() => {
        for (const state of folders) void scan(state, false);
      }, rescanMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      for (const state of folders) closeHandle(state);
    },
  };
}
