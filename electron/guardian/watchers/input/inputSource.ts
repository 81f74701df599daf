// Where the injected-input watcher hears the mouse and keyboard: XInput 2 on X11, low-level hooks on Windows. Each press and
// move comes with whether it was made by a program (injected) rather than a device in the person's hands.
import type { RawInputKind } from './xinput2';

export type InputKind = RawInputKind;

/** One move, click or key press, as the system reported it. */
export interface InputSample {
  readonly kind: InputKind;
  /** True when a program made it (XTEST on X11, SendInput on Windows, another process's event on macOS). */
  readonly injected: boolean;
  /** The device that made it, where the system names one ("Virtual core XTEST pointer"). */
  readonly device: string | null;
  /** The process that made it, where the system says (macOS only). */
  readonly pid: number | null;
  /** When it was seen, on the watcher's monotonic clock (milliseconds). */
  readonly atMs: number;
}

/** The input on this computer cannot be watched here (Wayland, no desktop, no XInput 2): a limit, not a fault. */
export class InputUnavailableError extends Error {}

export interface InputSource {
  /** Starts listening; rejects with one plain sentence when the input cannot be heard. */
  start(onInput: (sample: InputSample) => void): Promise<void>;
  /** Resolves once every input the system made before now has reached onInput. */
  sync(): Promise<void>;
  /** Called once if the source stops by itself (the display went away), with a plain sentence. */
  onLost: ((reason: string) => void) | null;
  stop(): Promise<void>;
}

/** A system where Pause Guard cannot hear the input yet: the watcher reports the limit once and does nothing else. */
export function unavailableInputSource(reason: string): InputSource {
  return {
    onLost: null,
    start: () => Promise.reject(new InputUnavailableError(reason)),
    sync: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  };
}
