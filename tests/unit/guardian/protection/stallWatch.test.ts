// The stall watch with a fake wall clock and a fake monotonic clock: a held app (both clocks ran) is "stalled", a
// sleeping computer (only the wall clock ran, or the system said it would sleep) is "asleep", short delays are nothing.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createStallWatch, type HeldStretch } from '../../../../electron/guardian/protection/stallWatch';

const SECOND = 1000;
let wall = Date.parse('2026-03-02T08:00:00Z');
let mono = 0;
let held: HeldStretch[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  wall = Date.parse('2026-03-02T08:00:00Z');
  mono = 0;
  held = [];
});
afterEach(() => vi.useRealTimers());

function startWatch() {
  const watch = createStallWatch({ checkEveryMs: 10 * SECOND, heldAfterMs: 60 * SECOND, now: () => new Date(wall), monotonicMs: () => mono, onHeld: (s) => held.push(s) });
  watch.start();
  return watch;
}

/** Time passes with the app running: both clocks move and the timer fires. */
async function run(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += SECOND) {
    wall += SECOND;
    mono += SECOND;
    await vi.advanceTimersByTimeAsync(SECOND);
  }
}

const at = (ms: number) => new Date(ms).toISOString();

it('reports nothing while the app runs, even with a look a little late', async () => {
  startWatch();
  await run(60 * SECOND);
  wall += 45 * SECOND;
  mono += 45 * SECOND;
  await run(20 * SECOND);
  expect(held).toEqual([]);
});

it('reports a stretch held still while the computer ran as stalled, from the last look to the next', async () => {
  startWatch();
  await run(10 * SECOND);
  const lastLook = wall;
  // SIGSTOP: no timer fires, both clocks go on.
  wall += 5 * 60 * SECOND;
  mono += 5 * 60 * SECOND;
  await run(10 * SECOND);
  expect(held).toHaveLength(1);
  expect(held[0]).toMatchObject({ cause: 'stalled' });
  expect(held[0]!.from.toISOString()).toBe(at(lastLook));
  expect(held[0]!.to.getTime() - lastLook).toBeGreaterThan(5 * 60 * SECOND);
});

it('reports sleep as asleep when the monotonic clock stood still, and when the system said it would sleep', async () => {
  const linux = startWatch();
  await run(10 * SECOND);
  wall += 8 * 3600 * SECOND; // Linux and macOS: the monotonic clock does not count suspend.
  await run(10 * SECOND);
  linux.stop();

  const windows = startWatch();
  windows.systemSuspending();
  wall += 3600 * SECOND; // Windows: the monotonic clock may count sleep, but the system said so.
  mono += 3600 * SECOND;
  await run(10 * SECOND);
  expect(held.map((s) => s.cause)).toEqual(['asleep', 'asleep']);
});

it('forgets a sleep notice the system did not follow, so a later hold is still stalled', async () => {
  const watch = startWatch();
  watch.systemSuspending();
  await run(5 * 60 * SECOND);
  wall += 10 * 60 * SECOND;
  mono += 10 * 60 * SECOND;
  await run(10 * SECOND);
  expect(held.map((s) => s.cause)).toEqual(['stalled']);
});

it('takes a clock set back as a new start, and stops looking when stopped', async () => {
  const watch = startWatch();
  await run(10 * SECOND);
  wall -= 3600 * SECOND;
  await run(30 * SECOND);
  watch.stop();
  wall += 3600 * SECOND;
  mono += 3600 * SECOND;
  await vi.advanceTimersByTimeAsync(60 * SECOND);
  expect(held).toEqual([]);
});

it('takes a stretch that began behind a locked screen as rest (modern standby), whether the unlock is heard before the look or after', async () => {
  const first = startWatch();
  first.screenLocked(true);
  await run(10 * SECOND);
  wall += 7 * 3600 * SECOND; // Held still behind the lock, both clocks running, no sleep notice.
  mono += 7 * 3600 * SECOND;
  first.screenLocked(false); // Heard first, on waking.
  await run(10 * SECOND);
  first.stop();

  const second = startWatch();
  second.screenLocked(true);
  await run(10 * SECOND);
  wall += 3600 * SECOND;
  mono += 3600 * SECOND;
  await run(10 * SECOND);
  second.screenLocked(false);
  expect(held.map((s) => s.cause)).toEqual(['asleep', 'asleep']);
});

it('does not let a lock heard only after the stretch (queued while held) excuse a hold', async () => {
  const watch = startWatch();
  watch.screenLocked(true);
  await run(10 * SECOND);
  watch.screenLocked(false);
  await run(30 * SECOND);
  wall += 10 * 60 * SECOND;
  mono += 10 * 60 * SECOND;
  // Lock and unlock pressed while the app was held: heard only now, before the look.
  watch.screenLocked(true);
  watch.screenLocked(false);
  await run(10 * SECOND);
  expect(held.map((s) => s.cause)).toEqual(['stalled']);
});
