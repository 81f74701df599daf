// The caller has control through a VNC viewer (real x11vnc under Xvfb: its clicks and keys come through XTEST). The
// person reads out the family PIN; the caller types it and clicks "I started this myself", or pauses protection from the
// tray. Each must be refused with plain words, counted as no wrong PIN but journalled and told to the family, while
// "End it" and "Call" still work; once the caller's hand has gone quiet, the person's own choice goes through.
import type { ChildProcess } from 'node:child_process';
import { OWN_HANDS_MESSAGE } from '../../electron/guardian/pin/ownHandsGate';
import { createInjectedInputWatcher } from '../../electron/guardian/watchers/input/injectedInputWatcher';
import { REMOTE_CONTROL } from '../../electron/guardian/watchers/input/remoteInputClassifier';
import { createX11InputSource } from '../../electron/guardian/watchers/input/x11InputSource';
import { FAMILY_PIN, familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';
import { createVncLab, freePort, type Viewer } from '../fixtures/vncLab';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { needs } from '../prerequisites/needs';

// Loopback only: this test is about whose hand is on the mouse, not where the caller connects from.
const lab = createVncLab({ hostAddress: '198.51.100.9', peerAddress: '198.51.100.10' });
let xvfb: Xvfb | null = null;
let pc: FamilyPc;
let caller: Viewer;
let server: ChildProcess;

describe('a caller with the mouse choosing on the cover', needs('Linux', 'Xvfb', 'x11vnc'), () => {
  beforeAll(async () => {
    xvfb = await startXvfb('640x480x24');
    const port = await freePort(5940, 5949);
    server = await lab.startServer(xvfb.display, port);
    pc = await familyPc();
    const input = createInjectedInputWatcher({ source: createX11InputSource({ env: { DISPLAY: xvfb.display } }) });
    await pc.start({ input });
    await pc.setUp();
    caller = await lab.connect(port, true);
  }, 60_000);

  afterAll(async () => {
    await pc?.stop();
    await pc?.cleanup();
    await lab.tearDown();
    await xvfb?.stop();
  });

  it('refuses the injected PIN and click, and the injected pause, lets End it and Call work, then takes the person\'s own choice', async () => {
    expect(server.pid).toBeTruthy();
    const guardian = pc.running().guardian;
    await caller.drive('move 2500');
    await caller.drive('click');
    await caller.drive('move 500');
    const shown = await pc.interruption((view) => view?.cause === 'remote-input' && view.stage === 'pause');
    const id = shown!.id;

    // The tray's pause needs no countdown: the caller types the PIN the person read out, then clicks.
    await caller.drive(`type ${FAMILY_PIN}`);
    await caller.drive('click');
    await expect(guardian.confirmProtectedAction({ action: 'pause', hours: 4 }, FAMILY_PIN))
      .resolves.toEqual({ ok: false, message: OWN_HANDS_MESSAGE, lockedUntil: null });
    expect(guardian.pausedUntil()).toBeNull();

    // The countdown runs out while the caller keeps the mouse moving; then the injected "I started this myself".
    await vi.waitFor(() => expect(guardian.interruption()?.canCarryOn).toBe(true), { timeout: 60_000, interval: 250 });
    await caller.drive('move 300');
    await caller.drive(`type ${FAMILY_PIN}`);
    await caller.drive('click');
    await expect(guardian.choose({ id, choice: 'started-it-myself', secret: FAMILY_PIN }))
      .resolves.toEqual({ ok: false, message: OWN_HANDS_MESSAGE, lockedUntil: null });
    expect(guardian.interruption()).toMatchObject({ id, stage: 'pause' });

    // Call always works, injected or not.
    await caller.drive('click');
    await expect(guardian.choose({ id, choice: 'call-contact' })).resolves.toMatchObject({ ok: true });
    // End it always works too (here there is no program to end, so the cover stays and says so).
    await caller.drive('click');
    await expect(guardian.choose({ id, choice: 'end-it' })).resolves.toMatchObject({ ok: true });
    await pc.interruption((view) => view?.stage === 'not-ended');
    // No refused try counted as a wrong PIN; each was journalled as what it was, and the family was told.
    const records = await pc.records();
    expect(records.filter((record) => record.type === 'pin-failed')).toEqual([]);
    expect(records.filter((record) => record.type === 'choice-not-own-hands').map((record) => 'action' in record && record.action))
      .toEqual(['pause-protection', 'carry-on']);
    expect((await pc.alertSaying(/did not come from Mum's own hands/)).title).toContain('someone else tried to get past Pause Guard');

    // The caller lets go; once their hand has been quiet for quietMs, the person's own choice goes through.
    await new Promise((resolve) => setTimeout(resolve, REMOTE_CONTROL.quietMs + 500));
    await expect(guardian.choose({ id, choice: 'started-it-myself', secret: FAMILY_PIN })).resolves.toMatchObject({ ok: true });
  }, 120_000);
});
