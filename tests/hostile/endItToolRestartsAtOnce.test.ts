// The caller's tool comes straight back: AnyDesk (a copy of /bin/sleep) kept running by a supervisor that restarts it
// the moment it dies, as Windows does for an installed AnyDesk service. "End it" then "Close" must not take the cover
// away: it stays until the countdown has run and the PIN is given, and the journal, the family and the summary hear
// "could not close AnyDesk", never "closed". Real engine, process watcher, process control and controller.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatIsoWeek, isoWeekOfDay } from '../../shared/isoWeek';
import { describeSummary } from '../../shared/summaryWords';
import { endProcessGroup, killGroupOnExit } from '../fixtures/processGroup';
import { fakeTool } from '../fixtures/toolProcesses';
import { FAMILY_PIN, familyPc, processWatcherIn, type FamilyPc } from '../fixtures/hostile/familyPc';

const restartAtOnce = path.join(import.meta.dirname, '../fixtures/restartAtOnce.sh');

let dir: string;
let pc: FamilyPc;
let supervisor: ChildProcess;
let forget: () => void = () => undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-restarting-tool-'));
  pc = await familyPc();
  await pc.start({ watchers: [processWatcherIn(dir)], processesIn: dir });
  await pc.setUp();
});

afterAll(async () => {
  if (supervisor) await endProcessGroup(supervisor);
  forget();
  await pc?.stop();
  await pc?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('a caller whose AnyDesk is restarted the moment it is ended', () => {
  it('keeps the cover, says it could not close AnyDesk, and tells the family and the journal so', async () => {
    const exe = fakeTool(dir, 'AnyDesk.exe');
    supervisor = spawn('/bin/sh', [restartAtOnce, exe, '600'], { stdio: 'ignore', detached: true });
    forget = killGroupOnExit(supervisor);
    const shown = await pc.interruption((view) => view?.stage === 'pause');
    const id = shown!.id;

    await expect(pc.running().guardian.choose({ id, choice: 'end-it' })).resolves.toMatchObject({ ok: true });
    await pc.interruption((view) => view === null || !['pause', 'ending'].includes(view.stage));

    // The caller clicks "Close" where the Done page would have it, and tries to carry on during the countdown.
    await expect(pc.running().guardian.closeInterruption(id)).resolves.toMatchObject({ ok: false });
    await expect(pc.running().guardian.choose({ id, choice: 'started-it-myself', secret: FAMILY_PIN })).resolves.toMatchObject({ ok: false });
    expect(pc.running().guardian.interruption()).toMatchObject({ id, stage: 'not-ended', canCarryOn: false });

    const records = await pc.records();
    expect(records).toContainEqual(expect.objectContaining({ type: 'end-it-outcome', interruptionId: id, toolId: 'anydesk', outcome: 'not-ended' }));
    expect(records).not.toContainEqual(expect.objectContaining({ type: 'end-it-outcome', outcome: 'ended' }));
    const told = await pc.alertSaying(/could not close AnyDesk/);
    expect(told.title).toContain('could not close AnyDesk');
    // No alert at all says it was closed.
    expect(pc.alerts().map((alert) => `${alert.title}\n${alert.text}`).join('\n')).not.toMatch(/(?<!not )closed AnyDesk/);

    const summary = describeSummary(await pc.running().weeklySummary(thisWeek()));
    const words = summary.sections.flatMap((section) => section.lines).join('\n');
    expect(words).toContain('Pause Guard could not close AnyDesk once.');
    expect(words).not.toMatch(/ended it/);
  }, 60_000);
});

/** This ISO week ("2026-W49"), so the summary reads what the test just did. */
function thisWeek(): string {
  const now = new Date();
  return formatIsoWeek(isoWeekOfDay(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}
