// The guardian service over a real engine fed by a scripted watcher: interruptions, warnings, notes and pause reach the
// contract's events exactly as windows (or the preview's page) receive them; quitting and pausing go through the gate.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProcessControl } from '../../../../electron/guardian/actions/processControl';
import { createRunningToolPids } from '../../../../electron/guardian/actions/runningToolPids';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import { createEngine } from '../../../../electron/guardian/engine';
import { createGuardianService, type GuardianService } from '../../../../electron/guardian/protection/guardianService';
import type { GateAnswer } from '../../../../electron/guardian/protection/interruptionPorts';
import { defaultProcessSource } from '../../../../electron/guardian/watchers/processes/processSource';
import type { Emit, Watcher } from '../../../../electron/guardian/watchers/watcher';
import type { AppRecord } from '../../../../shared/journal';
import type { WarningView } from '../../../../shared/interruption';
import { defaultSettings, type Settings } from '../../../../shared/settings';

let dir: string;
let emit: Emit;
let service: GuardianService;
let events: { name: string; payload: unknown }[];
let warnings: WarningView[];
let records: AppRecord[];
let quit: ReturnType<typeof vi.fn<() => void>>;
let timers: { fn: () => void; ms: number }[];
const frozen = new Set<number>();

const settings: Settings = { ...defaultSettings(), trustedHelpers: [{ toolId: 'teamviewer', remoteId: '123 456 789', label: 'Sam' }] };
const processControl: ProcessControl = {
  canSuspend: true,
  suspend: async (pid) => (frozen.add(pid), 'done'),
  resume: async (pid) => (frozen.delete(pid), 'done'),
  end: async (pid) => (frozen.delete(pid), 'done'),
};

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-service-'));
  const watcher: Watcher = { name: 'script', start: async (e) => void (emit = e), stop: async () => undefined };
  events = [];
  warnings = [];
  records = [];
  timers = [];
  quit = vi.fn<() => void>();
  frozen.clear();
  service = createGuardianService({
    engine: createEngine({ dataDir: dir, watchers: [watcher] }),
    settings: () => settings,
    catalog: loadCatalog(),
    processControl,
    listRunning: createRunningToolPids(defaultProcessSource(), loadCatalog()),
    gate: { check: async (_action, entered): Promise<GateAnswer> => (entered === 'CONTINUE' || entered === 'QUIT' || entered === 'PAUSE' ? { ok: true } : { ok: false, reason: 'format', message: 'Type the word to go on.' }) },
    recorder: { append: async (record) => void records.push(record) },
    notifier: { notify: async () => undefined },
    quit,
    log: () => undefined,
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return () => undefined;
    },
  });
  service.onApiEvent((name, payload) => events.push({ name, payload }));
  service.onWarning((warning) => warnings.push(warning));
  await service.start();
});

afterEach(async () => {
  await service.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const named = (name: string) => events.filter((e) => e.name === name).map((e) => e.payload);

describe('the guardian service', () => {
  it('turns an AnyDesk start into the interruption event and the interruption page, with the tool frozen', async () => {
    const happened: string[] = [];
    service.onEvent((event) => happened.push(event.type));
    emit({ type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4242, exe: '/opt/anydesk', initial: false });
    await settle();
    expect(named('interruption')).toEqual([expect.objectContaining({ tool: expect.objectContaining({ name: 'AnyDesk' }), stage: 'pause' })]);
    // The page follows the interruption event itself; the journal hears of it as a domain event, never as a window event.
    expect(named('showPage')).toEqual([]);
    expect(happened).toEqual(['tool-started', 'interruption-requested']);
    expect(frozen.has(4242)).toBe(true);
    expect(service.interruption()?.occurrences).toBe(1);
  });

  it('once "End it" ended the tool, closing the Done page opens Check this computer (and not before)', async () => {
    emit({ type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4242, exe: '/opt/anydesk', initial: false });
    await settle();
    const id = service.interruption()?.id ?? '';
    expect((await service.closeInterruption(id)).ok).toBe(false);
    expect(named('showPage')).toEqual([]);
    const chosen = service.choose({ id, choice: 'end-it' });
    // "End it" waits (through setTimer) to see the tool stay gone: those waits end here at once.
    for (let round = 0; round < 50 && service.interruption()?.stage !== 'ended'; round++) {
      timers.shift()?.fn();
      await settle();
    }
    await chosen;
    expect(service.interruption()?.stage).toBe('ended');
    expect((await service.closeInterruption(id)).ok).toBe(true);
    expect(named('showPage')).toEqual(['check']);
  });

  it('shows a warn-tier tool as one tray warning, and its page when asked', async () => {
    emit({ type: 'tool-started', toolId: 'x11vnc', name: 'x11vnc', tier: 'warn', pid: 77, exe: '/usr/bin/x11vnc', initial: false });
    emit({ type: 'tool-started', toolId: 'x11vnc', name: 'x11vnc', tier: 'warn', pid: 78, exe: '/usr/bin/x11vnc', initial: false });
    await settle();
    expect(warnings).toHaveLength(1);
    expect(named('interruption')).toEqual([]);
    expect(service.openWarning(warnings[0]?.id ?? '')).toBe(true);
    expect(named('warning')).toEqual([warnings[0]]);
    expect(named('showPage')).toEqual([]);
    expect(service.openWarning('unknown')).toBe(false);
  });

  it('gives the trusted helper\'s session a note, not an interruption', async () => {
    emit({ type: 'session-started', key: 'k', kind: 'log', toolId: 'teamviewer', name: 'TeamViewer', pid: null, remoteAddress: null, remoteId: '123456789', since: new Date().toISOString(), risk: 'high', initial: false });
    await settle();
    expect(warnings.map((w) => w.cause)).toEqual(['trusted-session']);
    expect(service.interruption()).toBeNull();
  });

  it('asks for the PIN to pause, then only logs until protection comes back by itself', async () => {
    service.askForPin({ action: 'pause', hours: 2 });
    expect(named('protectedAction')).toEqual([{ request: { action: 'pause', hours: 2 }, pinRequired: false, confirmationWord: 'PAUSE', region: 'GB' }]);
    await expect(service.confirmProtectedAction({ action: 'pause', hours: 2 }, 'nope')).resolves.toMatchObject({ ok: false });
    expect(service.pausedUntil()).toBeNull();
    await expect(service.confirmProtectedAction({ action: 'pause', hours: 2 }, 'PAUSE')).resolves.toMatchObject({ ok: true });
    expect(service.status().state).toBe('paused');
    expect(timers.at(-1)?.ms).toBe(2 * 3600_000);
    expect(records.at(-1)).toMatchObject({ type: 'protection-paused' });
    emit({ type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4242, exe: '/opt/anydesk', initial: false });
    await settle();
    expect(service.interruption()).toBeNull();
    timers.at(-1)?.fn();
    expect(service.pausedUntil()).toBeNull();
    expect(service.status().state).not.toBe('paused');
    expect(records.at(-1)).toMatchObject({ type: 'protection-resumed' });
  });

  it('quits only once the gate lets it, leaving the one clean stop to whoever stops the app', async () => {
    await service.confirmProtectedAction({ action: 'quit' }, 'wrong');
    expect(quit).not.toHaveBeenCalled();
    await service.confirmProtectedAction({ action: 'quit' }, 'QUIT');
    expect(quit).toHaveBeenCalledOnce();
    expect(records.filter((r) => r.type === 'clean-stop')).toEqual([]);
  });

  it('shows a channel that fails for good as a problem, in plain words, until it delivers again', async () => {
    const at = new Date().toISOString();
    service.noteAlertOutcome({ type: 'alert-failed', at, alertId: 'a1', channel: 'email', attempts: 3, permanent: false, reason: 'Email: the mail server could not be reached.' });
    expect(service.status().state).toBe('protected');
    service.noteAlertOutcome({ type: 'alert-failed', at, alertId: 'a1', channel: 'email', attempts: 1, permanent: true, reason: 'Email: the server refused the password.' });
    expect(service.status()).toMatchObject({
      state: 'problem',
      watchers: expect.arrayContaining([{ name: 'alerts', ok: false, message: 'Alerts to your family are not getting through. Email: the server refused the password.' }]),
    });
    expect(named('status').at(-1)).toMatchObject({ state: 'problem' });
    service.noteAlertOutcome({ type: 'alert-delivered', at, alertId: 'a2', channel: 'email', attempts: 1 });
    expect(service.status().state).toBe('protected');
  });

  it('lets a frozen tool run again when it stops', async () => {
    emit({ type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 4242, exe: '/opt/anydesk', initial: false });
    await settle();
    await service.stop();
    expect(frozen.size).toBe(0);
  });
});
