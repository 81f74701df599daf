// Windows on a Linux X11 screen, kept current from the display's own change notices (EWMH), so a look costs nothing.
import fs from 'node:fs';
import path from 'node:path';
import { connectX11, type X11Connection } from './x11Connection';
import { WindowsUnavailableError, type WindowInfo, type WindowSource } from './windowSource';

export interface X11SourceOptions {
  env: NodeJS.ProcessEnv;
}

interface Atoms {
  clientList: number;
  pid: number;
  netName: number;
}

/** WM_NAME is predefined in the core protocol. */
const WM_NAME = 39;
const MAX_TITLE_BYTES = 4096;
const MAX_CLIENT_LIST_BYTES = 64 * 1024;

/**
 * One connection to the display: the root window's _NET_CLIENT_LIST and each window's _NET_WM_PID and title
 * (_NET_WM_NAME, else WM_NAME) are read once, then again only when the display says they changed.
 */
export function createX11Source(opts: X11SourceOptions): WindowSource {
  let live: Promise<X11Windows> | null = null;
  return {
    async list() {
      const problem = unsupported(opts.env);
      if (problem) throw new WindowsUnavailableError(problem);
      live ??= openWindows(opts.env).catch((error: unknown) => {
        live = null;
        throw error;
      });
      const windows = await live;
      if (windows.failure) {
        live = null;
        throw new Error(windows.failure);
      }
      if (!windows.hasClientList) {
        throw new Error('Pause Guard cannot see the windows on screen: the window manager does not list them (EWMH _NET_CLIENT_LIST).');
      }
      return [...windows.byId.values()];
    },
    async close() {
      const closing = live;
      live = null;
      if (closing) (await closing.catch(() => null))?.connection.close();
    },
  };
}

/** Why this desktop's windows cannot be seen over X11, or null when they can. */
function unsupported(env: NodeJS.ProcessEnv): string | null {
  if (env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY && !env.DISPLAY)) {
    return 'Pause Guard cannot see which windows are open on this desktop (it keeps window titles private), so it cannot tell when a bank page is open. Everything else is watched as usual.';
  }
  if (!env.DISPLAY) return 'Pause Guard cannot see which windows are open, because no desktop is running here. Everything else is watched as usual.';
  return null;
}

interface X11Windows {
  readonly connection: X11Connection;
  /** The windows in the latest _NET_CLIENT_LIST: a read that ends after its window left the list is dropped. */
  listed: Set<number>;
  readonly byId: Map<number, WindowInfo>;
  hasClientList: boolean;
  failure: string | null;
}

async function openWindows(env: NodeJS.ProcessEnv): Promise<X11Windows> {
  const connection = await connectX11(env.DISPLAY ?? '', env);
  const state: X11Windows = { connection, listed: new Set(), byId: new Map(), hasClientList: false, failure: null };
  connection.onClose = (reason) => {
    state.failure = reason;
  };
  try {
    const [clientList, pid, netName] = await Promise.all(
      ['_NET_CLIENT_LIST', '_NET_WM_PID', '_NET_WM_NAME'].map((name) => connection.internAtom(name)),
    );
    const atoms: Atoms = { clientList: clientList!, pid: pid!, netName: netName! };
    connection.onPropertyChange = (window, atom) => {
      // A read cut short by the display closing needs no handling here: onClose has recorded the failure.
      if (window === connection.root && atom === atoms.clientList) readClientList(state, atoms).catch(() => {});
      else if ((atom === atoms.netName || atom === WM_NAME) && state.listed.has(window)) void readTitle(state, atoms, window);
    };
    connection.watchProperties(connection.root);
    await readClientList(state, atoms);
  } catch (error) {
    connection.close();
    throw error;
  }
  return state;
}

/** Windows added to the list are read and watched; windows gone from it are forgotten. */
async function readClientList(state: X11Windows, atoms: Atoms): Promise<void> {
  const list = await state.connection.getProperty(state.connection.root, atoms.clientList, MAX_CLIENT_LIST_BYTES).catch(() => null);
  state.hasClientList = list !== null && list.format === 32;
  const ids = new Set<number>();
  if (list && list.format === 32) for (let at = 0; at + 4 <= list.data.length; at += 4) ids.add(list.data.readUInt32LE(at));
  const added = [...ids].filter((id) => !state.listed.has(id));
  state.listed = ids;
  for (const id of state.byId.keys()) if (!ids.has(id)) state.byId.delete(id);
  await Promise.all(added.map((id) => readWindow(state, atoms, id)));
}

async function readWindow(state: X11Windows, atoms: Atoms, id: number): Promise<void> {
  const { connection } = state;
  connection.watchProperties(id);
  const [pidProperty, title] = await Promise.all([
    connection.getProperty(id, atoms.pid, 4).catch(() => null),
    titleOf(connection, atoms, id),
  ]);
  if (!state.listed.has(id)) return;
  const pid = pidProperty && pidProperty.format === 32 && pidProperty.data.length >= 4 ? pidProperty.data.readUInt32LE(0) : null;
  state.byId.set(id, { id: `0x${id.toString(16)}`, pid, title, ...programOf(pid) });
}

async function readTitle(state: X11Windows, atoms: Atoms, id: number): Promise<void> {
  const title = await titleOf(state.connection, atoms, id).catch(() => null);
  const known = state.byId.get(id);
  if (title !== null && known && state.listed.has(id)) state.byId.set(id, { ...known, title });
}

/** _NET_WM_NAME (UTF-8) when the window sets it, else WM_NAME (Latin-1), else empty. */
async function titleOf(connection: X11Connection, atoms: Atoms, id: number): Promise<string> {
  const [netName, wmName] = await Promise.all([
    connection.getProperty(id, atoms.netName, MAX_TITLE_BYTES),
    connection.getProperty(id, WM_NAME, MAX_TITLE_BYTES),
  ]);
  if (netName && netName.format === 8) return netName.data.toString('utf8');
  if (wmName && wmName.format === 8) return wmName.data.toString('latin1');
  return '';
}

/** The owning program's executable, read from /proc (X11 here is always the local machine's display). */
function programOf(pid: number | null): { processName?: string; exe?: string } {
  if (pid === null) return {};
  try {
    const exe = fs.readlinkSync(`/proc/${pid}/exe`);
    return { processName: path.basename(exe.replace(/ \(deleted\)$/, '')), exe };
  } catch {
    try {
      return { processName: fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() };
    } catch {
      return {};
    }
  }
}
