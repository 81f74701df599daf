// The caller moves the computer's clock 13 months forward and restarts Pause Guard (twice), hoping the retention
// deletes every journal file. Retention follows the journal's own months, never a jump of the wall clock.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { familyPc, journalFiles, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
  await pc.stop();
});
afterEach(async () => {
  vi.useRealTimers();
  await pc.cleanup();
});

it('restarting with the clock 13 months ahead, twice, keeps every journal entry', async () => {
  const before = await pc.records();
  const firstFile = (await journalFiles(pc))[0];
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: Date.now() + 400 * 24 * 3600_000 });
  for (let restart = 0; restart < 2; restart += 1) {
    await pc.start();
    await pc.stop();
  }
  vi.useRealTimers();
  expect((await journalFiles(pc))[0]).toBe(firstFile);
  const after = await pc.records();
  expect(after.slice(0, before.length)).toEqual(before);
});
