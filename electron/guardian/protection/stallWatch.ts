// Notices, while the app runs, a stretch in which it did not: the computer was asleep, or the app was held still
// while the computer ran (stopped with a signal, suspended from a task manager or a debugger). Looked at every few
// seconds, so it is noticed the moment the app runs again. Asleep: the monotonic clock stood still for most of the
// stretch (it does not count suspend on Linux and macOS), the system said it was going to sleep, or the screen was
// locked when the stretch began (Electron's powerMonitor; on Windows the monotonic clock may count sleep, and a
// laptop in modern standby holds desktop apps still behind a locked screen without any sleep notice).
import type { HeldCause } from '../../../shared/journal';

export interface HeldStretch {
  from: Date;
  to: Date;
  cause: HeldCause;
}

export interface StallWatchOptions {
  onHeld: (stretch: HeldStretch) => void;
  checkEveryMs?: number;
  /** A stretch longer than this without a look counts as held. */
  heldAfterMs?: number;
  now?: () => Date;
  /** A clock that never jumps; milliseconds. */
  monotonicMs?: () => number;
}

export interface StallWatch {
  start(): void;
  stop(): void;
  /** The system is going to sleep: the stretch that follows is sleep, whatever the clocks say. */
  systemSuspending(): void;
  /** The screen was locked (true) or unlocked: a stretch that begins behind a locked screen is the computer resting. */
  screenLocked(locked: boolean): void;
}

export const STALL_CHECK_MS = 10_000;
export const HELD_AFTER_MS = 60_000;

export function createStallWatch(options: StallWatchOptions): StallWatch {
  const checkEveryMs = options.checkEveryMs ?? STALL_CHECK_MS;
  const heldAfterMs = options.heldAfterMs ?? HELD_AFTER_MS;
  const now = options.now ?? (() => new Date());
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  let timer: ReturnType<typeof setInterval> | null = null;
  let last = { wall: 0, mono: 0 };
  /** When the system last said it was going to sleep (wall clock); it sleeps a few seconds after saying so. */
  let suspendingAt: number | null = null;
  /** The last time the screen was locked: from when, and until when (null while it still is). */
  let lock: { from: number; until: number | null } | null = null;

  const look = (): void => {
    const wall = now().getTime();
    const mono = monotonicMs();
    const wallElapsed = wall - last.wall;
    if (wallElapsed > heldAfterMs) {
      const toldSleep = suspendingAt !== null && suspendingAt >= last.wall - 2 * checkEveryMs && suspendingAt <= wall;
      // The lock must have been heard before the stretch began: one heard after it (queued while held) proves nothing.
      const lockedAtStart = lock !== null && lock.from <= last.wall && (lock.until === null || lock.until > last.wall);
      const asleep = toldSleep || lockedAtStart || wallElapsed - (mono - last.mono) > wallElapsed / 2;
      options.onHeld({ from: new Date(last.wall), to: new Date(wall), cause: asleep ? 'asleep' : 'stalled' });
      suspendingAt = null;
    }
    // A clock set back, or a look that found nothing: either way the next stretch starts here.
    last = { wall, mono };
  };

  return {
    start() {
      if (timer) return;
      last = { wall: now().getTime(), mono: monotonicMs() };
      timer = setInterval(look, checkEveryMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    systemSuspending() {
      suspendingAt = now().getTime();
    },
    screenLocked(locked) {
      const at = now().getTime();
      if (locked && (lock === null || lock.until !== null)) lock = { from: at, until: null };
      else if (!locked && lock !== null && lock.until === null) lock.until = at;
    },
  };
}
