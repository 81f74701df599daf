// The injected-input watcher over a scripted input source (the X11 source itself runs for real in
// tests/integration/injectedInput.test.ts): when it says remote-input and its end, and what it tells the PIN gate.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DetectionEvent } from '../../../../../shared/events';
import { createInjectedInputWatcher, CHOICE_LOOKBACK_MS, GUARDED_AFTER_POINTER_MS } from '../../../../../electron/guardian/watchers/input/injectedInputWatcher';
import { InputUnavailableError, type InputKind, type InputSample, type InputSource } from '../../../../../electron/guardian/watchers/input/inputSource';
import { REMOTE_CONTROL } from '../../../../../electron/guardian/watchers/input/remoteInputClassifier';

const START = new Date('2026-12-01T10:00:00.000Z');

function scriptedSource(): InputSource & { feed(kind: InputKind, injected: boolean): void; synced: number } {
  let onInput: ((sample: InputSample) => void) | null = null;
  return {
    onLost: null,
    synced: 0,
    async start(listener) {
      onInput = listener;
    },
    async sync() {
      this.synced += 1;
    },
    async stop() {
      onInput = null;
    },
    feed(kind, injected) {
      const device = injected ? `Virtual core XTEST ${kind === 'key' ? 'keyboard' : 'pointer'}` : kind === 'key' ? 'Xvfb keyboard' : 'Xvfb mouse';
      onInput?.({ kind, injected, device, pid: null, atMs: Date.now() - START.getTime() });
    },
  };
}

describe('the injected-input watcher', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setUp = async () => {
    const source = scriptedSource();
    const watcher = createInjectedInputWatcher({ source, monotonicMs: () => Date.now() - START.getTime() });
    const events: DetectionEvent[] = [];
    await watcher.start((event) => events.push(event));
    /** A viewer's hand for `ms`: 60 moves a second, a click each second. */
    const drive = (ms: number, injected = true): void => {
      for (let at = 0; at < ms; at += 1000 / 60) {
        source.feed(Math.round(at) % 1000 < 17 && at > 0 ? 'button' : 'motion', injected);
        vi.advanceTimersByTime(1000 / 60);
      }
    };
    return { source, watcher, events, drive };
  };

  it('says remote-input once, while sustained injected input goes on, and remote-input-ended after quietMs of quiet', async () => {
    const { watcher, events, drive } = await setUp();
    drive(1200);
    expect(events).toEqual([]);
    drive(600);
    expect(events).toEqual([{ type: 'remote-input', source: 'injected', device: 'Virtual core XTEST pointer', pid: null, since: START.toISOString() }]);
    drive(5000);
    expect(events).toHaveLength(1);
    vi.advanceTimersByTime(REMOTE_CONTROL.quietMs - 100);
    expect(events).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(events[1]).toEqual({ ...events[0], type: 'remote-input-ended' });
    await watcher.stop();
  });

  it('names the pointer that moved when a key press completes the run', async () => {
    const { source, watcher, events } = await setUp();
    for (let at = 0; at <= 1700; at += 1000 / 60) {
      source.feed('motion', true);
      vi.advanceTimersByTime(1000 / 60);
    }
    expect(events).toEqual([]);
    source.feed('key', true);
    expect(events).toEqual([expect.objectContaining({ type: 'remote-input', device: 'Virtual core XTEST pointer' })]);
    await watcher.stop();
  });

  it('says nothing of the person\'s own hands however long they move and click', async () => {
    const { watcher, events, drive } = await setUp();
    drive(5000, false);
    expect(events).toEqual([]);
    await watcher.stop();
  });

  it('tells the gate a choice was injected only while injected pointer input is being seen, after syncing with the source', async () => {
    const { source, watcher, drive } = await setUp();
    source.feed('button', false);
    expect(await watcher.choiceWasInjected()).toBe(false);
    drive(300);
    source.feed('button', true);
    expect(await watcher.choiceWasInjected()).toBe(true);
    expect(source.synced).toBe(2);
    // The person's own click after the caller's: the caller's is still in the lookback.
    source.feed('button', false);
    expect(await watcher.choiceWasInjected()).toBe(true);
    vi.advanceTimersByTime(CHOICE_LOOKBACK_MS + 1);
    source.feed('key', false);
    expect(await watcher.choiceWasInjected()).toBe(false);
    await watcher.stop();
  });

  it('still refuses injected keys alone when the caller held the mouse still after moving it (the PIN typed, then Enter)', async () => {
    const { source, watcher, drive } = await setUp();
    drive(3000);
    vi.advanceTimersByTime(REMOTE_CONTROL.quietMs + CHOICE_LOOKBACK_MS + 1);
    for (let n = 0; n < 5; n += 1) source.feed('key', true);
    expect(await watcher.choiceWasInjected()).toBe(true);
    // Long after the caller's last move, keys are an on-screen keyboard's again.
    vi.advanceTimersByTime(GUARDED_AFTER_POINTER_MS);
    for (let n = 0; n < 5; n += 1) source.feed('key', true);
    expect(await watcher.choiceWasInjected()).toBe(false);
    await watcher.stop();
  });

  it('lets injected keys through when no injected pointer input is seen (an on-screen keyboard)', async () => {
    const { source, watcher } = await setUp();
    source.feed('motion', false);
    for (let n = 0; n < 4; n += 1) source.feed('key', true);
    source.feed('button', false);
    expect(await watcher.choiceWasInjected()).toBe(false);
    await watcher.stop();
  });

  it('reports a desktop where input cannot be heard as a lasting limit', async () => {
    const watcher = createInjectedInputWatcher({
      source: { onLost: null, start: () => Promise.reject(new InputUnavailableError('No desktop.')), sync: async () => {}, stop: async () => {} },
    });
    const events: DetectionEvent[] = [];
    await watcher.start((event) => events.push(event));
    expect(events).toEqual([{ type: 'watcher-failed', watcher: 'input', message: 'No desktop.', lasting: true }]);
  });
});
