// The mouse and keyboard on an X11 display, heard through XInput 2 raw events on the root window: each carries the device
// it came from, and input made through the XTEST extension (x11vnc and most remote tools on X11) comes from XTEST's own
// devices, "Virtual core XTEST pointer" and "Virtual core XTEST keyboard". It never grabs or changes input.
import { connectX11, type X11Connection } from '../screen/x11Connection';
import { InputUnavailableError, type InputSample, type InputSource } from './inputSource';
import { openXInput2, parseGenericEvent, queryDevices, selectRawInput, type XIDevice } from './xinput2';

export interface X11InputSourceOptions {
  env: NodeJS.ProcessEnv;
  monotonicMs?: () => number;
}

/** XTEST's devices are named this way by every X server (dix/devices.c: "<master name> XTEST pointer/keyboard"). */
export function isXTestDevice(name: string): boolean {
  return / XTEST (pointer|keyboard)$/.test(name);
}

export function createX11InputSource(opts: X11InputSourceOptions): InputSource {
  const monotonicMs = opts.monotonicMs ?? (() => performance.now());
  let connection: X11Connection | null = null;
  const source: InputSource = {
    onLost: null,
    async start(onInput) {
      const { env } = opts;
      if (env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY && !env.DISPLAY)) {
        throw new InputUnavailableError('Pause Guard cannot tell who is moving the mouse on this desktop (it keeps input private).');
      }
      if (!env.DISPLAY) throw new InputUnavailableError('Pause Guard cannot watch the mouse, because no desktop is running here.');
      const x = await connectX11(env.DISPLAY, env);
      try {
        const opcode = await openXInput2(x);
        if (opcode === null) throw new InputUnavailableError('Pause Guard cannot tell who is moving the mouse: this display has no XInput 2.');
        let devices: Map<number, XIDevice> = await queryDevices(x, opcode);
        x.onGenericEvent = (extension, event) => {
          if (extension !== opcode) return;
          const raw = parseGenericEvent(event);
          if (raw === 'hierarchy') {
            void queryDevices(x, opcode).then((fresh) => (devices = fresh), () => undefined);
          } else if (raw !== null) {
            const name = devices.get(raw.sourceId)?.name ?? null;
            const sample: InputSample = { kind: raw.kind, injected: name !== null && isXTestDevice(name), device: name, pid: null, atMs: monotonicMs() };
            onInput(sample);
          }
        };
        x.onClose = (reason) => {
          if (connection === x) {
            connection = null;
            source.onLost?.(reason);
          }
        };
        selectRawInput(x, opcode);
        await x.sync();
        connection = x;
      } catch (error) {
        x.close();
        throw error;
      }
    },
    async sync() {
      await connection?.sync().catch(() => undefined);
    },
    async stop() {
      const closing = connection;
      connection = null;
      closing?.close();
    },
  };
  return source;
}
