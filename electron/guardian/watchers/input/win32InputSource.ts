// The mouse and keyboard on Windows, heard through low-level hooks on their own thread (win32HookThread.ts): Windows
// marks every move, click and key a program made with SendInput (or keybd_event/mouse_event) as injected, which is how
// remote-control tools drive the desktop. It never blocks, changes or records what is typed; SendInput names no process.
import type { Worker } from 'node:worker_threads';
import { InputUnavailableError, type InputSample, type InputSource } from './inputSource';
import { startWin32HookThread, type HookThreadMessage, type HookThreadRequest } from './win32HookThread';

/** How long the thread may take to remove its hooks before it is ended. */
const STOP_GRACE_MS = 2000;

export function createWin32InputSource(): InputSource {
  let worker: Worker | null = null;
  let syncs = 0;
  const waiting = new Map<number, () => void>();
  const ask = (request: HookThreadRequest) => worker?.postMessage(request);
  const settleSyncs = () => {
    for (const resolve of waiting.values()) resolve();
    waiting.clear();
  };

  const source: InputSource = {
    onLost: null,
    async start(onInput) {
      const thread = await startWin32HookThread();
      await new Promise<void>((resolve, reject) => {
        let ready = false;
        thread.on('message', (message: HookThreadMessage) => {
          if (message.type === 'ready') {
            ready = true;
            worker = thread;
            resolve();
          } else if (message.type === 'failed') {
            reject(message.lasting ? new InputUnavailableError(message.reason) : new Error(message.reason));
          } else if (message.type === 'synced') {
            waiting.get(message.id)?.();
            waiting.delete(message.id);
          } else {
            for (const [kind, injected, atEpochMs] of message.inputs) {
              const sample: InputSample = { kind, injected, device: null, pid: null, atMs: atEpochMs - performance.timeOrigin };
              onInput(sample);
            }
          }
        });
        thread.on('error', (error) => {
          if (!ready) reject(new Error(`Pause Guard cannot watch the mouse and keyboard: its listening thread stopped (${error.message}).`));
        });
        thread.on('exit', () => {
          settleSyncs();
          if (!ready) reject(new Error('Pause Guard cannot watch the mouse and keyboard: its listening thread ended at once.'));
          else if (worker === thread) {
            worker = null;
            source.onLost?.('Windows stopped telling Pause Guard about the mouse and keyboard.');
          }
        });
      });
    },
    sync() {
      if (!worker) return Promise.resolve();
      const id = ++syncs;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        ask({ type: 'sync', id });
      });
    },
    async stop() {
      const thread = worker;
      worker = null;
      if (!thread) return;
      const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
      thread.postMessage({ type: 'stop' } satisfies HookThreadRequest);
      const timer = setTimeout(() => void thread.terminate(), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      settleSyncs();
    },
  };
  return source;
}
