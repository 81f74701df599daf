// The app's pulse in the journal: at start it looks at the last record to find out whether protection was off (a
// kill, a crash, a power cut, a long gap) and records it; then a heartbeat every few minutes, and any stretch the
// running app was held still or the computer slept (stallWatch); a clean-stop at a quit.
// It never throws from its timers: a record that cannot be written is reported and the next one tried.
import type { JournalRecord } from '../../../shared/journal';
import { HEARTBEAT_INTERVAL_MS, longestQuietMs } from './heartbeatTiming';
import type { AppRecorder } from './interruptionPorts';
import { createStallWatch, type HeldStretch, type StallWatchOptions } from './stallWatch';

export interface HeartbeatOptions {
  /** Where its records go: appServices' record(), the journal's one way in. */
  recorder: AppRecorder;
  /** The journal's last record, to find a gap at start. */
  lastRecord: () => JournalRecord | null;
  /** The app's version, written in app-started. */
  version: string;
  intervalMs?: number;
  now?: () => Date;
  /** Told in one plain sentence when a heartbeat could not be written. */
  onProblem?: (message: string) => void;
  /** Told after a stretch the running app was held still or the computer slept, once it is in the journal. */
  onHeld?: (stretch: HeldStretch) => void;
  /** How the stretches are noticed (tests give their own clocks). */
  stallWatch?: Omit<StallWatchOptions, 'onHeld'>;
}

/** Protection was off from `from` to `to`; `clean` when it began with a stop the app chose (a quit, a shut-down). */
export interface ProtectionGap {
  from: string;
  to: string;
  clean: boolean;
}

type ProtectionGapRecord = Extract<JournalRecord, { type: 'protection-gap' }>;

export type StopReason = Extract<JournalRecord, { type: 'clean-stop' }>['reason'];

export interface Heartbeat {
  /** Records any gap since the last record, then app-started, then starts the heartbeats. Returns the gap, if any. */
  start(): Promise<ProtectionGap | null>;
  /** Stops the heartbeats and records a clean stop. */
  stop(options: { reason: StopReason }): Promise<void>;
  /** The system is going to sleep (from Electron's powerMonitor): the silence that follows is sleep. */
  systemSuspending(): void;
  /** The screen was locked or unlocked (from Electron's powerMonitor): a silence behind a locked screen is rest. */
  screenLocked(locked: boolean): void;
}

export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { recorder, version } = options;
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const now = options.now ?? (() => new Date());
  const report = options.onProblem ?? (() => undefined);
  let timer: ReturnType<typeof setInterval> | null = null;

  const held = (stretch: HeldStretch): void => {
    const record: ProtectionGapRecord = {
      type: 'protection-gap', at: stretch.to.toISOString(), from: stretch.from.toISOString(), to: stretch.to.toISOString(), clean: false, cause: stretch.cause,
    };
    recorder.append(record).then(
      () => options.onHeld?.(stretch),
      (error: unknown) => report(`A stretch without protection could not be written to the journal: ${(error as Error).message}`),
    );
  };
  const stalls = createStallWatch({ ...options.stallWatch, now: options.stallWatch?.now ?? now, onHeld: held });

  const beat = (): void => {
    recorder.append({ type: 'heartbeat', at: now().toISOString() }).catch((error: unknown) => {
      report(`A heartbeat could not be written to the journal: ${(error as Error).message}`);
    });
  };

  return {
    async start() {
      if (timer) return null;
      const startedAt = now();
      const gap = gapBefore(options.lastRecord(), startedAt, longestQuietMs(intervalMs));
      const at = startedAt.toISOString();
      if (gap) await recorder.append({ type: 'protection-gap', at, ...gap });
      await recorder.append({ type: 'app-started', at, version });
      timer = setInterval(beat, intervalMs);
      timer.unref();
      stalls.start();
      return gap;
    },
    async stop({ reason }) {
      if (!timer) return;
      clearInterval(timer);
      timer = null;
      stalls.stop();
      await recorder.append({ type: 'clean-stop', at: now().toISOString(), reason });
    },
    systemSuspending: () => stalls.systemSuspending(),
    screenLocked: (locked) => stalls.screenLocked(locked),
  };
}

/**
 * The gap between the journal's last record and now: always after a stop that was not clean (however short), and
 * after a clean stop only when the silence was longer than heartbeats allow. None for a journal with no records.
 */
export function gapBefore(last: JournalRecord | null, startedAt: Date, longestQuiet: number): ProtectionGap | null {
  if (!last) return null;
  const lastAt = Date.parse(last.at);
  const to = startedAt.getTime();
  const from = Number.isNaN(lastAt) ? to : Math.min(lastAt, to);
  const clean = last.type === 'clean-stop';
  if (clean && to - from <= longestQuiet) return null;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), clean };
}
