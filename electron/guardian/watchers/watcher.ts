// The shape every watcher has: a first pass that reports what is already there, then events as things change.
import type { DetectionEvent } from '../../../shared/events';

export type Emit = (event: DetectionEvent) => void;

export interface Watcher {
  /** Short name for status and errors: processes, downloads, sessions, windows. */
  readonly name: string;
  /**
   * Makes the first pass, emitting what is already there with `initial: true`, then keeps watching.
   * Resolves once the first pass is done. A failure it can survive is emitted as watcher-failed, never thrown.
   */
  start(emit: Emit): Promise<void>;
  /** Stops every timer and handle; resolves when nothing of the watcher is left running. */
  stop(): Promise<void>;
}
