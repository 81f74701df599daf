// What is remote control and what is not, as a table: streams of moves and presses at the paces measured, both sides of
// each named threshold.
import { describe, expect, it } from 'vitest';
import type { InputSample } from '../../../../../electron/guardian/watchers/input/inputSource';
import { isRemoteControl, isRemoteControlOver, REMOTE_CONTROL } from '../../../../../electron/guardian/watchers/input/remoteInputClassifier';

const XTEST_POINTER = 'Virtual core XTEST pointer';
const XTEST_KEYBOARD = 'Virtual core XTEST keyboard';
const OWN_PID = 4242;

type Options = { injected?: boolean; pid?: number | null };

/** Moves from `fromMs` to `toMs` (inclusive) at `perSecond`, as a viewer's mouse gives them. */
function moves(fromMs: number, toMs: number, perSecond: number, { injected = true, pid = null }: Options = {}): InputSample[] {
  const samples: InputSample[] = [];
  for (let atMs = fromMs; atMs <= toMs + 1e-9; atMs += 1000 / perSecond) {
    samples.push({ kind: 'motion', injected, device: injected ? XTEST_POINTER : 'Xvfb mouse', pid, atMs });
  }
  return samples;
}
const click = (atMs: number, { injected = true, pid = null }: Options = {}): InputSample => ({
  kind: 'button', injected, device: injected ? XTEST_POINTER : 'Xvfb mouse', pid, atMs,
});
const key = (atMs: number, { injected = true, pid = null }: Options = {}): InputSample => ({
  kind: 'key', injected, device: injected ? XTEST_KEYBOARD : 'Xvfb keyboard', pid, atMs,
});
const keys = (fromMs: number, count: number, everyMs: number): InputSample[] => Array.from({ length: count }, (_, n) => key(fromMs + n * everyMs));
const inOrder = (...parts: Array<InputSample | InputSample[]>): InputSample[] => parts.flat().sort((a, b) => a.atMs - b.atMs);

const { sustainedMs, maxGapMs, minMovesPerSecond } = REMOTE_CONTROL;

describe('isRemoteControl', () => {
  it.each<[string, InputSample[], number]>([
    ['a viewer moving at 60 a second for 2 s, with a click', inOrder(moves(0, 2000, 60), click(1000)), 2000],
    ['a viewer moving for exactly sustainedMs, then typing', inOrder(moves(0, sustainedMs, 60), keys(sustainedMs - 300, 3, 60)), sustainedMs],
    ['moves at just the slowest pace that counts, with a click', inOrder(moves(0, 2000, minMovesPerSecond), click(2000)), 2000],
    ['a pause just under maxGapMs in the middle', inOrder(moves(0, 800, 60), moves(800 + maxGapMs - 10, 2000, 60), click(1900)), 2000],
    ['the click came first, then the moves', inOrder(click(0), moves(10, 1600, 60)), 1600],
  ])('is control: %s', (_what, samples, nowMs) => {
    expect(isRemoteControl(samples, nowMs, OWN_PID)).toBe(true);
  });

  it.each<[string, InputSample[], number]>([
    ['a short burst: moves and a click for just under sustainedMs', inOrder(moves(0, sustainedMs - 20, 60), click(500)), sustainedMs],
    ['moves alone, however long', moves(0, 5000, 60), 5000],
    ['a password manager\'s auto-type: 20 keys in a second', keys(0, 20, 50), 1000],
    ['an on-screen keyboard: injected keys while the person\'s own mouse moves', inOrder(moves(0, 5000, 60, { injected: false }), keys(100, 30, 150)), 5000],
    ['voice control: a few jumps of the pointer and a click', inOrder(moves(0, 3000, 2), click(3000)), 3000],
    ['two bursts with a pause longer than maxGapMs between', inOrder(moves(0, 1000, 60), click(900), moves(1000 + maxGapMs + 10, 2100, 60), click(2100)), 2100],
    ['a viewer that stopped more than maxGapMs ago', inOrder(moves(0, 2000, 60), click(1000)), 2000 + maxGapMs + 1],
    ['the person\'s own hands', inOrder(moves(0, 3000, 60, { injected: false }), click(1000, { injected: false }), key(2000, { injected: false })), 3000],
    ['Pause Guard\'s own input', inOrder(moves(0, 3000, 60, { pid: OWN_PID }), click(1000, { pid: OWN_PID })), 3000],
  ])('is not control: %s', (_what, samples, nowMs) => {
    expect(isRemoteControl(samples, nowMs, OWN_PID)).toBe(false);
  });
});

describe('isRemoteControlOver', () => {
  it('is over only once no injected input came for quietMs', () => {
    expect(isRemoteControlOver(1000, 1000 + REMOTE_CONTROL.quietMs - 1)).toBe(false);
    expect(isRemoteControlOver(1000, 1000 + REMOTE_CONTROL.quietMs)).toBe(true);
  });
});
