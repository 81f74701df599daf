// The tray's protected actions end to end in the engine, with the real PIN gate: askForPin's event is what the PIN page
// shows, and sending back what the page would send pauses (or not) exactly as the gate decides.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProcessControl } from '../../../../electron/guardian/actions/processControl';
import { createRunningToolPids } from '../../../../electron/guardian/actions/runningToolPids';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import { createEngine } from '../../../../electron/guardian/engine';
import { createGuardianService, type GuardianService } from '../../../../electron/guardian/protection/guardianService';
import { hashPin } from '../../../../electron/guardian/pin/pin';
import { createPinGate } from '../../../../electron/guardian/pin/pinGate';
import { PIN_LOCKOUT_FILE } from '../../../../electron/guardian/pin/pinLockout';
import { defaultProcessSource } from '../../../../electron/guardian/watchers/processes/processSource';
import type { Watcher } from '../../../../electron/guardian/watchers/watcher';
import { ProtectedActionPromptSchema, type ProtectedActionPrompt } from '../../../../shared/interruption';
import type { AppRecord } from '../../../../shared/journal';
import { defaultSettings, type Settings } from '../../../../shared/settings';

let dir: string;
let service: GuardianService;
let settings: Settings;
let prompts: ProtectedActionPrompt[];
let records: AppRecord[];

const processControl: ProcessControl = { canSuspend: true, suspend: async () => 'done', resume: async () => 'done', end: async () => 'done' };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-protected-'));
  const watcher: Watcher = { name: 'script', start: async () => undefined, stop: async () => undefined };
  settings = defaultSettings();
  prompts = [];
  records = [];
  service = createGuardianService({
    engine: createEngine({ dataDir: dir, watchers: [watcher] }),
    settings: () => settings,
    catalog: loadCatalog(),
    processControl,
    listRunning: createRunningToolPids(defaultProcessSource(), loadCatalog()),
    gate: createPinGate({ getHash: () => settings.pin, stateFile: path.join(dir, PIN_LOCKOUT_FILE) }),
    recorder: { append: async (record) => void records.push(record) },
    notifier: { notify: async () => undefined },
    quit: () => undefined,
    log: () => undefined,
    setTimer: () => () => undefined,
  });
  // What the PIN page receives, checked against the contract as the transports check it.
  service.onApiEvent((name, payload) => {
    if (name === 'protectedAction') prompts.push(ProtectedActionPromptSchema.parse(payload));
  });
  await service.start();
});

afterEach(async () => {
  await service.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('pausing from the tray through the PIN page', () => {
  it('with no PIN set, pauses with the word the page was shown and not with any other', async () => {
    service.askForPin({ action: 'pause', hours: 1 });
    const [prompt] = prompts;
    expect(prompt).toEqual({ request: { action: 'pause', hours: 1 }, pinRequired: false, confirmationWord: 'PAUSE', region: 'GB' });
    if (!prompt) throw new Error('no prompt');

    await expect(service.confirmProtectedAction(prompt.request, 'QUIT')).resolves.toEqual({ ok: false, message: 'Type the word PAUSE to go on.', lockedUntil: null });
    expect(service.pausedUntil()).toBeNull();
    expect(service.status().state).not.toBe('paused');

    await expect(service.confirmProtectedAction(prompt.request, prompt.confirmationWord.toLowerCase())).resolves.toEqual({ ok: true, message: null, lockedUntil: null });
    expect(service.status().state).toBe('paused');
    expect(records.filter((r) => r.type === 'protection-paused')).toHaveLength(1);
  });

  it('with a PIN set, asks for it, records a wrong one and pauses with the right one', async () => {
    settings = { ...settings, pin: await hashPin('2468') };
    service.askForPin({ action: 'pause', hours: 4 });
    expect(prompts).toEqual([{ request: { action: 'pause', hours: 4 }, pinRequired: true, confirmationWord: 'PAUSE', region: 'GB' }]);

    await expect(service.confirmProtectedAction({ action: 'pause', hours: 4 }, 'PAUSE')).resolves.toMatchObject({ ok: false });
    await expect(service.confirmProtectedAction({ action: 'pause', hours: 4 }, '1357')).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/^That PIN is not right\./) });
    expect(service.pausedUntil()).toBeNull();
    expect(records.filter((r) => r.type === 'pin-failed')).toEqual([expect.objectContaining({ action: 'pause-protection' })]);

    const before = Date.now();
    await expect(service.confirmProtectedAction({ action: 'pause', hours: 4 }, '2468')).resolves.toMatchObject({ ok: true });
    expect(service.pausedUntil()?.getTime()).toBeGreaterThanOrEqual(before + 4 * 3600_000);
  });
});
