// The caller moves the computer's clock an hour forward while the pause-and-check page counts down (Date and Time
// settings, or `date -s`), then carries on with the PIN the person read out. The countdown must follow a clock that
// only moves at the pace of real time: carrying on is still refused until the whole countdown has really passed.
// Only Date is faked (vi.useFakeTimers toFake: Date): the engine, process watcher and timers run for real.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WAIT_MESSAGE } from '../../electron/guardian/protection/interruptions';
import { fakeTool, runTracked } from '../fixtures/toolProcesses';
import { FAMILY_PIN, familyPc, processWatcherIn, type FamilyPc } from '../fixtures/hostile/familyPc';

let dir: string;
let pc: FamilyPc;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-clock-jump-'));
  pc = await familyPc();
  await pc.start({ watchers: [processWatcherIn(dir)], processesIn: dir });
  await pc.setUp();
});

afterAll(async () => {
  vi.useRealTimers();
  for (const child of children) child.kill('SIGKILL');
  await pc?.stop();
  await pc?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('a caller who moves the clock forward during the countdown', () => {
  it('still has to wait the whole countdown before the PIN can carry on', async () => {
    runTracked(children, fakeTool(dir, 'AnyDesk.exe'), ['600']);
    const shown = await pc.interruption((view) => view?.stage === 'pause');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    vi.setSystemTime(Date.now() + 60 * 60 * 1000);

    await expect(pc.running().guardian.choose({ id: shown!.id, choice: 'started-it-myself', secret: FAMILY_PIN }))
      .resolves.toEqual({ ok: false, message: WAIT_MESSAGE, lockedUntil: null });
    expect(pc.running().guardian.interruption()).toMatchObject({ id: shown!.id, stage: 'pause', canCarryOn: false });
    vi.useRealTimers();
  }, 30_000);
});
