// What is someone else controlling this computer and what is not, from the input a program made (injected). Pure: samples
// and the time in, a yes or no out; the thresholds are named here, chosen from what was measured (README "Injected input").
//
// Decisions worth knowing:
// - Control is injected pointer movement kept up for REMOTE_CONTROL.sustainedMs with at least one injected click or key
//   press in it: how a remote viewer's hand shows up. Measured: a VNC viewer moving its mouse at 60 moves a second gave
//   x11vnc's XTEST pointer 118 raw motions in 2 s (59 a second); one click and one key press each came through as one event.
// - Not control: a short burst (under sustainedMs, or broken by a pause longer than maxGapMs); injected keys or clicks
//   without injected movement (an on-screen keyboard, a password manager's auto-type, voice control's "click"); slow
//   injected moves (under minMovesPerSecond: voice control's mouse grid jumps a few times); Pause Guard's own process.
// - It is over once no injected input has come for quietMs: long enough that a caller who stops to talk is not a new event.
import type { InputSample } from './inputSource';

export const REMOTE_CONTROL = {
  /** How long injected pointer movement must go on, with a click or key in it, to be someone's hand (milliseconds). */
  sustainedMs: 1500,
  /** A pause longer than this ends a run of injected input: what follows is a new run. */
  maxGapMs: 1000,
  /** Injected moves a second over the run: a viewer's mouse gives about 60; a jump now and then is not a hand. */
  minMovesPerSecond: 10,
  /** Remote control is over once no injected input has come for this long. */
  quietMs: 10_000,
} as const;

export type Thresholds = typeof REMOTE_CONTROL;

/** The run of injected input going on at `nowMs`, oldest first: none when the latest was more than maxGapMs ago. */
export function currentRun(samples: readonly InputSample[], nowMs: number, ownPid: number | null, limits: Thresholds = REMOTE_CONTROL): InputSample[] {
  const injected = samples.filter((s) => s.injected && (ownPid === null || s.pid !== ownPid));
  const run: InputSample[] = [];
  let after = nowMs;
  for (let i = injected.length - 1; i >= 0; i -= 1) {
    const sample = injected[i]!;
    if (after - sample.atMs > limits.maxGapMs) break;
    run.unshift(sample);
    after = sample.atMs;
  }
  return run;
}

/** True when the injected input going on now is someone controlling the computer (see the decisions above). */
export function isRemoteControl(samples: readonly InputSample[], nowMs: number, ownPid: number | null, limits: Thresholds = REMOTE_CONTROL): boolean {
  const run = currentRun(samples, nowMs, ownPid, limits);
  const moves = run.filter((s) => s.kind === 'motion');
  if (moves.length < 2) return false;
  const movingMs = moves[moves.length - 1]!.atMs - moves[0]!.atMs;
  if (movingMs < limits.sustainedMs) return false;
  if ((moves.length - 1) / (movingMs / 1000) < limits.minMovesPerSecond) return false;
  return run.some((s) => s.kind === 'button' || s.kind === 'key');
}

/** True once remote control seen earlier is over: no injected input since `lastInjectedMs` for quietMs. */
export function isRemoteControlOver(lastInjectedMs: number, nowMs: number, limits: Thresholds = REMOTE_CONTROL): boolean {
  return nowMs - lastInjectedMs >= limits.quietMs;
}
