// Hears every move and press (inputSource.ts), says `remote-input` when someone else is controlling the computer
// (remoteInputClassifier.ts) and `remote-input-ended` once it stops, and answers the PIN gate whether a choice was made
// by injected input. It keeps a few seconds of samples and no timer at all while the mouse is still.
import type { DetectionEvent } from '../../../../shared/events';
import type { Emit, Watcher } from '../watcher';
import { InputUnavailableError, type InputSample, type InputSource } from './inputSource';
import { currentRun, isRemoteControl, isRemoteControlOver, REMOTE_CONTROL } from './remoteInputClassifier';

/** Presses this far back count as part of the choice being made now (the PIN typed, then the click or Enter). */
export const CHOICE_LOOKBACK_MS = 10_000;
/**
 * Once someone else has moved the mouse, choices stay guarded this long after their last move: a caller who holds the
 * mouse still and then types with injected keys alone is still the caller.
 */
export const GUARDED_AFTER_POINTER_MS = 10 * 60_000;
/** Samples kept: enough for a run of injected input to reach sustainedMs. */
const KEPT_MS = REMOTE_CONTROL.sustainedMs + 2 * REMOTE_CONTROL.maxGapMs;
/** The classifier runs at most this often while input streams in (a mouse gives 60 to 1000 moves a second). */
const CLASSIFY_EVERY_MS = 100;

/** What the PIN gate asks: whether a choice now would come from injected input while remote control is being seen. */
export interface InputWitness {
  choiceWasInjected(): Promise<boolean>;
}

export interface InjectedInputWatcher extends Watcher, InputWitness {}

export interface InjectedInputWatcherOptions {
  source: InputSource;
  now?: () => Date;
  monotonicMs?: () => number;
  /** Input from this process is never someone else's (macOS names the process). */
  ownPid?: number | null;
}

export function createInjectedInputWatcher(options: InjectedInputWatcherOptions): InjectedInputWatcher {
  const { source } = options;
  const now = options.now ?? (() => new Date());
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const ownPid = options.ownPid ?? null;
  let emit: Emit | null = null;
  let samples: InputSample[] = [];
  /** Presses (button or key) of the last CHOICE_LOOKBACK_MS, injected or not. */
  let presses: InputSample[] = [];
  let lastInjectedPointerMs = -Infinity;
  let lastInjectedMs = -Infinity;
  let lastClassifiedMs = -Infinity;
  let live: { event: Extract<DetectionEvent, { type: 'remote-input' }>; endTimer: ReturnType<typeof setTimeout> | null } | null = null;

  const wallAt = (atMs: number): string => new Date(now().getTime() - (monotonicMs() - atMs)).toISOString();

  const end = (): void => {
    if (live === null) return;
    if (!isRemoteControlOver(lastInjectedMs, monotonicMs())) {
      armEnd();
      return;
    }
    const { event } = live;
    live = null;
    emit?.({ ...event, type: 'remote-input-ended' });
  };
  const armEnd = (): void => {
    if (live === null) return;
    const timer = setTimeout(end, Math.max(0, lastInjectedMs + REMOTE_CONTROL.quietMs - monotonicMs()) + 1);
    timer.unref();
    live.endTimer = timer;
  };

  const onInput = (sample: InputSample): void => {
    if (sample.kind !== 'motion') presses = [...presses.filter((p) => sample.atMs - p.atMs <= CHOICE_LOOKBACK_MS), sample];
    if (!sample.injected || (ownPid !== null && sample.pid === ownPid)) return;
    lastInjectedMs = sample.atMs;
    if (sample.kind !== 'key') lastInjectedPointerMs = sample.atMs;
    if (live !== null) return; // Its end timer looks at lastInjectedMs when it fires.
    samples.push(sample);
    if (samples[0]!.atMs < sample.atMs - KEPT_MS) samples = samples.filter((s) => sample.atMs - s.atMs <= KEPT_MS);
    if (sample.atMs - lastClassifiedMs < CLASSIFY_EVERY_MS && sample.kind === 'motion') return;
    lastClassifiedMs = sample.atMs;
    if (!isRemoteControl(samples, sample.atMs, ownPid)) return;
    const run = currentRun(samples, sample.atMs, ownPid);
    // Named by the pointer that moved (the run is pointer movement with a press in it), wherever the last press came from.
    const pointer = run.findLast((s) => s.kind !== 'key') ?? sample;
    const event = { type: 'remote-input', source: 'injected', device: pointer.device, pid: pointer.pid, since: wallAt((run[0] ?? sample).atMs) } as const;
    live = { event, endTimer: null };
    samples = [];
    emit?.(event);
    armEnd();
  };

  return {
    name: 'input',
    async start(e) {
      emit = e;
      source.onLost = (reason) => {
        emit?.({ type: 'watcher-failed', watcher: 'input', message: reason });
      };
      try {
        await source.start(onInput);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        e({ type: 'watcher-failed', watcher: 'input', message, lasting: error instanceof InputUnavailableError });
      }
    },
    async stop() {
      if (live?.endTimer) clearTimeout(live.endTimer);
      live = null;
      emit = null;
      await source.stop();
    },
    async choiceWasInjected() {
      await source.sync();
      const at = monotonicMs();
      const remoteSeen = live !== null || at - lastInjectedPointerMs <= GUARDED_AFTER_POINTER_MS;
      return remoteSeen && presses.some((p) => p.injected && at - p.atMs <= CHOICE_LOOKBACK_MS);
    },
  };
}
