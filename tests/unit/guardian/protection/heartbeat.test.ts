// The heartbeat on a real journal with a fake clock: gaps found at start after a kill, after a long clean stop,
// none after a quick clean restart; heartbeats every interval; clean-stop at stop.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AppRecord, JournalRecord } from '../../../../shared/journal';
import { createHeartbeat, gapBefore } from '../../../../electron/guardian/protection/heartbeat';
import { createJournal, type Journal } from '../../../../electron/guardian/store/journal';
import { verifyJournal } from '../../../../electron/guardian/store/verifyJournal';

const MINUTE = 60_000;
let dir: string;
let journal: Journal;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date('2026-03-02T08:00:00Z'));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-heartbeat-'));
  journal = await createJournal({ dir });
});

afterEach(async () => {
  await journal.close();
  vi.useRealTimers();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The heartbeat's two ports, as appServices gives them, on this journal. */
function recorderOn(on: Pick<Journal, 'append' | 'lastRecord'>) {
  return { recorder: { append: (record: AppRecord) => on.append(record) }, lastRecord: () => on.lastRecord() };
}

async function records(): Promise<JournalRecord[]> {
  const all: JournalRecord[] = [];
  for await (const record of journal.read()) all.push(record);
  return all;
}

/** A later start of the app: the journal opened afresh (as after a restart) and a new heartbeat. */
async function restartAt(time: string) {
  await journal.close();
  vi.setSystemTime(new Date(time));
  journal = await createJournal({ dir });
  return createHeartbeat({ ...recorderOn(journal), version: '1.2.3' });
}

it('writes app-started, a heartbeat every interval, and clean-stop; a first start has no gap', async () => {
  const heartbeat = createHeartbeat({ ...recorderOn(journal), version: '1.2.3' });
  expect(await heartbeat.start()).toBeNull();
  await vi.advanceTimersByTimeAsync(15 * MINUTE);
  await heartbeat.stop({ reason: 'quit' });
  await vi.advanceTimersByTimeAsync(15 * MINUTE);
  expect(await records()).toEqual([
    { type: 'app-started', at: '2026-03-02T08:00:00.000Z', version: '1.2.3' },
    { type: 'heartbeat', at: '2026-03-02T08:05:00.000Z' },
    { type: 'heartbeat', at: '2026-03-02T08:10:00.000Z' },
    { type: 'heartbeat', at: '2026-03-02T08:15:00.000Z' },
    { type: 'clean-stop', at: '2026-03-02T08:15:00.000Z', reason: 'quit' },
  ]);
});

it('after a kill (heartbeats and no clean-stop) records protection off from the last heartbeat to the new start', async () => {
  const first = createHeartbeat({ ...recorderOn(journal), version: '1.2.3' });
  await first.start();
  await vi.advanceTimersByTimeAsync(20 * MINUTE);
  // Killed: no stop(), the timer dies with the process.
  vi.clearAllTimers();

  const second = await restartAt('2026-03-02T13:07:00Z');
  const gap = await second.start();
  expect(gap).toEqual({ from: '2026-03-02T08:20:00.000Z', to: '2026-03-02T13:07:00.000Z', clean: false });
  expect((await records()).slice(-2)).toEqual([
    { type: 'protection-gap', at: '2026-03-02T13:07:00.000Z', from: '2026-03-02T08:20:00.000Z', to: '2026-03-02T13:07:00.000Z', clean: false },
    { type: 'app-started', at: '2026-03-02T13:07:00.000Z', version: '1.2.3' },
  ]);
  await second.stop({ reason: 'shutdown' });
  expect((await verifyJournal(dir)).ok).toBe(true);
});

it('records even a short gap after a stop that was not clean (a crash and a quick restart)', async () => {
  await createHeartbeat({ ...recorderOn(journal), version: '1.2.3' }).start();
  vi.clearAllTimers();
  const gap = await (await restartAt('2026-03-02T08:00:30Z')).start();
  expect(gap).toEqual({ from: '2026-03-02T08:00:00.000Z', to: '2026-03-02T08:00:30.000Z', clean: false });
});

it('records a long silence after a clean stop as an expected gap, and a quick clean restart as none', async () => {
  const first = createHeartbeat({ ...recorderOn(journal), version: '1.2.3' });
  await first.start();
  await first.stop({ reason: 'update' });
  expect(await (await restartAt('2026-03-02T08:02:00Z')).start()).toBeNull();
  vi.clearAllTimers();
  await journal.append({ type: 'clean-stop', at: '2026-03-02T08:03:00.000Z', reason: 'shutdown' });

  const gap = await (await restartAt('2026-03-03T07:30:00Z')).start();
  expect(gap).toEqual({ from: '2026-03-02T08:03:00.000Z', to: '2026-03-03T07:30:00.000Z', clean: true });
});

it('keeps beating when a heartbeat cannot be written, and says so', async () => {
  const problems: string[] = [];
  let failNext = false;
  const flaky = {
    lastRecord: () => journal.lastRecord(),
    append: (record: JournalRecord) => (failNext ? Promise.reject(new Error('disk full')) : journal.append(record)),
  };
  const heartbeat = createHeartbeat({ ...recorderOn(flaky), version: '1.2.3', onProblem: (m) => problems.push(m) });
  await heartbeat.start();
  failNext = true;
  await vi.advanceTimersByTimeAsync(5 * MINUTE);
  failNext = false;
  await vi.advanceTimersByTimeAsync(5 * MINUTE);
  expect(problems).toEqual(['A heartbeat could not be written to the journal: disk full']);
  expect((await records()).map((r) => r.type)).toEqual(['app-started', 'heartbeat']);
  await heartbeat.stop({ reason: 'quit' });
});

it('judges the gap from the last record of any kind, and the allowed silence is two heartbeats and slack', () => {
  const start = new Date('2026-03-02T08:11:00Z');
  const quiet = 11 * MINUTE;
  expect(gapBefore({ type: 'clean-stop', at: '2026-03-02T08:00:00Z', reason: 'quit' }, start, quiet)).toBeNull();
  expect(gapBefore({ type: 'clean-stop', at: '2026-03-02T07:59:59Z', reason: 'quit' }, start, quiet)).toEqual({
    from: '2026-03-02T07:59:59.000Z', to: '2026-03-02T08:11:00.000Z', clean: true,
  });
  expect(gapBefore(null, start, quiet)).toBeNull();
  // A clock put back: the gap cannot start after it ends.
  expect(gapBefore({ type: 'heartbeat', at: '2026-03-02T09:00:00Z' }, start, quiet)).toEqual({
    from: '2026-03-02T08:11:00.000Z', to: '2026-03-02T08:11:00.000Z', clean: false,
  });
});

it('records a stretch the running app was held still, then tells onHeld; sleep is recorded as asleep', async () => {
  let mono = 0;
  const told: string[] = [];
  const heartbeat = createHeartbeat({
    ...recorderOn(journal), version: '1.2.3', onHeld: (s) => told.push(`${s.cause} ${s.from.toISOString()}`),
    stallWatch: { checkEveryMs: 10_000, monotonicMs: () => mono },
  });
  await heartbeat.start();
  // Held still for 20 minutes while the computer ran: no timer fired, both clocks went on.
  mono += 20 * MINUTE;
  vi.setSystemTime(new Date('2026-03-02T08:20:00Z'));
  await vi.advanceTimersByTimeAsync(10_000);
  // Asleep for an hour: the monotonic clock stood still.
  vi.setSystemTime(new Date('2026-03-02T09:20:10Z'));
  await vi.advanceTimersByTimeAsync(10_000);
  await heartbeat.stop({ reason: 'quit' });

  const gaps = (await records()).filter((r) => r.type === 'protection-gap');
  expect(gaps).toEqual([
    { type: 'protection-gap', at: '2026-03-02T08:20:10.000Z', from: '2026-03-02T08:00:00.000Z', to: '2026-03-02T08:20:10.000Z', clean: false, cause: 'stalled' },
    { type: 'protection-gap', at: '2026-03-02T09:20:20.000Z', from: '2026-03-02T08:20:10.000Z', to: '2026-03-02T09:20:20.000Z', clean: false, cause: 'asleep' },
  ]);
  expect(told).toEqual(['stalled 2026-03-02T08:00:00.000Z', 'asleep 2026-03-02T08:20:10.000Z']);
  expect((await verifyJournal(dir)).ok).toBe(true);
});
