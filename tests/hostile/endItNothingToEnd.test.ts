// The caller is connected in over Remote Desktop: a session with no process Pause Guard could end (pid null, no tool
// of the catalog). "End it" then "Close" must not take the cover away: the page says nothing could be closed and what
// to do instead, the cover stays until the countdown has run and the PIN is given, and the family hears the truth.
import type { Emit, Watcher } from '../../electron/guardian/watchers/watcher';
import { FAMILY_PIN, familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;
let emit: Emit;

beforeAll(async () => {
  // The Windows session watcher reports a Remote Desktop session like this (qwinsta cannot run here).
  const sessions: Watcher = { name: 'sessions', start: async (e) => void (emit = e), stop: async () => undefined };
  pc = await familyPc();
  await pc.start({ watchers: [sessions] });
  await pc.setUp();
});

afterAll(async () => {
  await pc?.stop();
  await pc?.cleanup();
});

describe('a caller connected in with no process to end', () => {
  it('keeps the cover, says nothing could be closed, and tells the family and the journal so', async () => {
    emit({
      type: 'session-started', key: 'rdp:2', kind: 'rdp', toolId: null, name: 'Remote Desktop', pid: null,
      remoteAddress: '198.51.100.9', remoteId: null, since: new Date().toISOString(), risk: 'high', initial: false,
    });
    const shown = await pc.interruption((view) => view?.stage === 'pause');
    const id = shown!.id;

    await expect(pc.running().guardian.choose({ id, choice: 'end-it' })).resolves.toMatchObject({ ok: true });
    await pc.interruption((view) => view === null || !['pause', 'ending'].includes(view.stage));
    await expect(pc.running().guardian.closeInterruption(id)).resolves.toMatchObject({ ok: false });
    await expect(pc.running().guardian.choose({ id, choice: 'started-it-myself', secret: FAMILY_PIN })).resolves.toMatchObject({ ok: false });
    expect(pc.running().guardian.interruption()).toMatchObject({ id, stage: 'not-ended', notEnded: 'nothing-to-end', canCarryOn: false });

    const records = await pc.records();
    expect(records).toContainEqual(expect.objectContaining({ type: 'end-it-outcome', interruptionId: id, outcome: 'not-ended', reason: 'nothing-to-end' }));
    const told = await pc.alertSaying(/could not close Remote Desktop/);
    expect(told.title).toContain('could not close Remote Desktop');
  }, 30_000);
});
