// The thread that holds Windows' low-level mouse and keyboard hooks. A hook is only called while its thread waits for
// messages, so it gets a node:worker_threads Worker with its own message loop and never blocks the engine.
// The worker runs the SAME file as the engine (the CLI's esbuild bundle, or electron-vite's main.js), started with
// `workerData.role`, and the entry hands over to runWin32HookThread() instead of starting the app: so koffi and this
// code resolve exactly as they do on the main thread in both bundles, with no second build output to keep in step
// (an `eval` worker would need koffi as a separate file, which the CLI bundle does not have).
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { loadLowLevelHooksApi } from '../../win32/lowLevelHooksApi';
import type { InputKind } from './inputSource';

export const WIN32_HOOK_THREAD_ROLE = 'win32-input-hooks';

/** One input as the thread posts it: its kind, whether it was injected, and when (performance.timeOrigin + now). */
export type HookedInput = readonly [kind: InputKind, injected: boolean, atEpochMs: number];

export type HookThreadMessage =
  | { type: 'ready' }
  /** lasting: Windows refused the hooks (a limit of this computer), not a fault of Pause Guard's own. */
  | { type: 'failed'; reason: string; lasting: boolean }
  | { type: 'input'; inputs: HookedInput[] }
  | { type: 'synced'; id: number };

export type HookThreadRequest = { type: 'sync'; id: number } | { type: 'stop' };

/** The window messages a low-level hook is called with, by what they are. */
const MOTION = new Set([0x0200, 0x020a, 0x020e]); // WM_MOUSEMOVE, WM_MOUSEWHEEL, WM_MOUSEHWHEEL (a wheel moves, as on X11)
const BUTTON = new Set([0x0201, 0x0204, 0x0207, 0x020b]); // WM_LBUTTONDOWN, WM_RBUTTONDOWN, WM_MBUTTONDOWN, WM_XBUTTONDOWN
const KEY = new Set([0x0100, 0x0104]); // WM_KEYDOWN, WM_SYSKEYDOWN
const LLMHF_INJECTED = 0x01;
const LLKHF_INJECTED = 0x10;

/** How long the loop waits for a message before it lets the worker's own events (sync, stop) run: a sync made while
 *  nothing moves waits at most the longer time; a batch of moves at most the shorter one. */
const PUMP_IDLE_MS = 250;
const PUMP_BUSY_MS = 50;
/** Moves are posted at most this often; a click or key press is posted at once. */
const BATCH_MS = 50;

/** What a hook call means, or null for what is not watched (button and key releases). */
export function hookedInput(device: 'mouse' | 'keyboard', message: number, flags: number, atEpochMs: number): HookedInput | null {
  if (device === 'keyboard') return KEY.has(message) ? ['key', (flags & LLKHF_INJECTED) !== 0, atEpochMs] : null;
  if (MOTION.has(message)) return ['motion', (flags & LLMHF_INJECTED) !== 0, atEpochMs];
  if (BUTTON.has(message)) return ['button', (flags & LLMHF_INJECTED) !== 0, atEpochMs];
  return null;
}

/** True in the worker started by startWin32HookThread(): the entry must call runWin32HookThread() and nothing else. */
export function isWin32HookThread(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === WIN32_HOOK_THREAD_ROLE;
}

/** Starts the hook thread on the file this code runs from (see the top of this file). */
export async function startWin32HookThread(): Promise<Worker> {
  const { Worker } = await import('node:worker_threads');
  return new Worker(new URL(import.meta.url), { workerData: { role: WIN32_HOOK_THREAD_ROLE } });
}

/** The hook thread's whole life: install the hooks, pump messages, post inputs in batches until asked to stop. */
export async function runWin32HookThread(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const post = (message: HookThreadMessage) => port.postMessage(message);
  let batch: HookedInput[] = [];
  let batchStarted = 0;
  let pressWaiting = false;
  const flush = () => {
    if (batch.length === 0) return;
    post({ type: 'input', inputs: batch });
    batch = [];
    pressWaiting = false;
  };
  let api;
  try {
    api = await loadLowLevelHooksApi();
  } catch (error) {
    post({ type: 'failed', reason: `Pause Guard cannot watch the mouse and keyboard: ${error instanceof Error ? error.message : String(error)}.`, lasting: false });
    port.close();
    return;
  }
  try {
    api.install((device, message, flags) => {
      const input = hookedInput(device, message, flags, performance.timeOrigin + performance.now());
      if (!input) return;
      if (batch.length === 0) batchStarted = input[2];
      batch.push(input);
      if (input[0] !== 'motion') pressWaiting = true;
    });
  } catch (error) {
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error), lasting: true });
    port.close();
    return;
  }
  const hooks = api;
  let stopping = false;
  port.on('message', (request: HookThreadRequest) => {
    if (request.type === 'stop') stopping = true;
    else {
      hooks.pump(0);
      flush();
      post({ type: 'synced', id: request.id });
    }
  });
  post({ type: 'ready' });
  while (!stopping) {
    hooks.pump(batch.length > 0 ? PUMP_BUSY_MS : PUMP_IDLE_MS);
    if (pressWaiting || (batch.length > 0 && performance.timeOrigin + performance.now() - batchStarted >= BATCH_MS)) flush();
    await new Promise((resolve) => setImmediate(resolve));
  }
  hooks.uninstall();
  flush();
  port.close();
}
