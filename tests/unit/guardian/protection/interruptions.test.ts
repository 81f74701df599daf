// The interruption controller on a fake clock with in-memory processes, journal, contacts and PIN gate: the countdown
// holds whatever the renderer sends, the PIN is checked, storms merge into the one on screen, frozen tools run again.
import type { ProcessActionResult, ProcessControl } from '../../../../electron/guardian/actions/processControl';
import type { AppRecorder, ContactFacts, ContactNotifier, GateAnswer, PinChecker } from '../../../../electron/guardian/protection/interruptionPorts';
import { RELIST_MS, STAYS_GONE_MS } from '../../../../electron/guardian/actions/endForGood';
import { createInterruptionController, NOT_ENDED_MESSAGE, WAIT_MESSAGE } from '../../../../electron/guardian/protection/interruptions';
import type { InterruptDecision } from '../../../../electron/guardian/protection/policy';
import type { AlertKind } from '../../../../shared/events';
import type { InterruptionView } from '../../../../shared/interruption';
import type { AppRecord } from '../../../../shared/journal';
import { defaultSettings, type Settings } from '../../../../shared/settings';

type ProcessState = 'running' | 'stopped' | 'ended';

function inMemoryProcesses(pids: number[], canSuspend = true, endResult?: ProcessActionResult) {
  const state = new Map<number, ProcessState>(pids.map((pid) => [pid, 'running']));
  const act = (pid: number, from: ProcessState[], to: ProcessState): ProcessActionResult => {
    const was = state.get(pid);
    if (was === undefined || was === 'ended') return 'gone';
    if (from.includes(was)) state.set(pid, to);
    return 'done';
  };
  const control: ProcessControl = {
    canSuspend,
    suspend: async (pid) => (canSuspend ? act(pid, ['running'], 'stopped') : 'not-possible'),
    resume: async (pid) => (canSuspend ? act(pid, ['stopped'], 'running') : 'not-possible'),
    end: async (pid) => endResult ?? act(pid, ['running', 'stopped'], 'ended'),
  };
  return { control, state, start: (pid: number) => state.set(pid, 'running') };
}

type SetupOptions = {
  settings?: Partial<Settings>;
  pin?: string | null;
  canSuspend?: boolean;
  /** What ending a process answers, when not the in-memory one's own answer (a Windows service: 'refused'). */
  endResult?: ProcessActionResult;
  runningPids?: number[];
  gate?: PinChecker;
  recorder?: AppRecorder;
  notifier?: ContactNotifier;
};

function setup(options: SetupOptions = {}) {
  let clock = new Date('2025-05-06T10:00:00.000Z');
  /** The wall clock follows the test's clock unless the test moves it on its own (a caller changing the time). */
  let wallJump = 0;
  let wallClock = clock;
  const jumpWallClock = (ms: number) => {
    wallJump += ms;
    wallClock = new Date(clock.getTime() + wallJump);
  };
  const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
    wallClock = new Date(clock.getTime() + wallJump);
    for (const timer of timers) {
      if (!timer.cancelled && timer.at <= clock.getTime()) {
        timer.cancelled = true;
        timer.fn();
      }
    }
  };
  const processes = inMemoryProcesses([4242, 4243, 5000, ...(options.runningPids ?? [])], options.canSuspend, options.endResult);
  const toolPids = new Map<string, number[]>([['anydesk', [4242, 4243]]]);
  const records: AppRecord[] = [];
  const recorder: AppRecorder = { append: async (record) => void records.push(record) };
  const alerts: { kind: AlertKind; facts: ContactFacts }[] = [];
  const notifier: ContactNotifier = { notify: async (kind, facts) => void alerts.push({ kind, facts }) };
  const pin = options.pin === undefined ? '2468' : options.pin;
  const gate: PinChecker = {
    async check(action, entered): Promise<GateAnswer> {
      if (pin === null) return entered.trim().toUpperCase() === 'CONTINUE' ? { ok: true } : { ok: false, reason: 'format', message: 'Type the word CONTINUE to go on.' };
      if (entered === pin) return { ok: true };
      return { ok: false, reason: 'wrong', message: `That PIN is not right (${action}).` };
    },
  };
  const settings: Settings = {
    ...defaultSettings(),
    person: 'Mum',
    contacts: [{ name: 'Sam', phone: '07700 900123', ntfy: null, email: null, webhook: null }],
    pin: pin === null ? null : { algorithm: 'scrypt', salt: 's'.repeat(16), hash: 'h'.repeat(32), N: 16384, r: 8, p: 1 },
    ...options.settings,
  };
  let ids = 0;
  const lines: string[] = [];
  const controller = createInterruptionController({
    settings: () => settings,
    catalog: { byId: (id) => (id === 'anydesk' ? ({ description: 'AnyDesk lets someone far away see and control this computer.' } as never) : undefined) },
    processControl: processes.control,
    toolPids: (toolId) => toolPids.get(toolId) ?? [],
    // Listed afresh from the processes' own state, as the real lister reads the system's.
    listRunning: async (toolIds, pids) =>
      [...processes.state].filter(([pid, s]) => s !== 'ended' && (pids.has(pid) || [...toolIds].some((t) => toolPids.get(t)?.includes(pid)))).map(([pid]) => pid),
    gate: options.gate ?? gate,
    recorder: options.recorder ?? recorder,
    notifier: options.notifier ?? notifier,
    now: () => wallClock,
    monotonicMs: () => clock.getTime(),
    setTimer: (fn, ms) => {
      const timer = { at: clock.getTime() + ms, fn, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    log: (line) => lines.push(line),
    newId: () => `int-${++ids}`,
  });
  const views: (InterruptionView | null)[] = [];
  controller.onChange((view) => views.push(view));
  /** Runs a step that waits on the controller's timers (End it's re-listing), moving the clock until it is done. */
  const driven = async <T>(step: Promise<T>): Promise<T> => {
    let done = false;
    void step.finally(() => (done = true)).catch(() => undefined);
    for (let i = 0; i < 200 && !done; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!done) advance(RELIST_MS);
    }
    return step;
  };
  return { controller, processes, records, alerts, views, advance, jumpWallClock, timers, toolPids, lines, driven };
}

const anydeskStarted = (pid = 4242): InterruptDecision => ({
  action: 'interrupt', key: 'tool:anydesk', level: 'interrupt', cause: 'tool-started', tool: { toolId: 'anydesk', name: 'AnyDesk' }, pid, remoteId: null, remoteAddress: null,
});

describe('the interruption controller', () => {
  it('shows an interruption with the tool, the countdown and the contact, and freezes every known process of the tool', async () => {
    const { controller, processes, views, alerts } = setup();
    await controller.handle(anydeskStarted());
    expect(controller.current()).toEqual({
      id: 'int-1', level: 'interrupt', cause: 'tool-started',
      tool: { toolId: 'anydesk', name: 'AnyDesk', description: 'AnyDesk lets someone far away see and control this computer.' },
      remoteId: null, remoteAddress: null, occurrences: 1,
      shownAt: '2025-05-06T10:00:00.000Z', countdownEndsAt: '2025-05-06T10:00:30.000Z', canCarryOn: false,
      suspension: 'suspended', stage: 'pause', notEnded: null, region: 'GB', personName: 'Mum', contact: { name: 'Sam', phone: '07700 900123' },
      pinRequired: true, confirmationWord: 'CONTINUE',
    });
    expect(processes.state.get(4242)).toBe('stopped');
    expect(processes.state.get(4243)).toBe('stopped');
    expect(processes.state.get(5000)).toBe('running');
    expect(views).toHaveLength(1);
    expect(alerts).toEqual([{ kind: 'interruption', facts: expect.objectContaining({ toolName: 'AnyDesk', happened: 'started', choice: null }) }]);
  });

  it('tells the family what happened in a call: remote control asked for, or the screen shared over a bank page', async () => {
    const meeting = setup();
    await meeting.controller.handle({
      action: 'interrupt', key: 'tool:zoom', level: 'interrupt', cause: 'meeting-control', tool: { toolId: 'zoom', name: 'Zoom' }, pid: 4242,
      remoteId: null, remoteAddress: null,
    });
    expect(meeting.alerts).toEqual([{ kind: 'interruption', facts: expect.objectContaining({ toolName: 'Zoom', happened: 'control-asked' }) }]);
    expect(meeting.processes.state.get(4242)).toBe('stopped');
    const sharing = setup();
    await sharing.controller.handle({
      action: 'interrupt', key: 'window:31', level: 'highest', cause: 'bank-during-sharing', tool: { toolId: null, name: 'Google Chrome' }, pid: 4242,
      remoteId: null, remoteAddress: null,
    });
    expect(sharing.alerts).toEqual([{ kind: 'interruption', facts: expect.objectContaining({ toolName: 'Google Chrome', happened: 'screen-shared' }) }]);
  });

  it('refuses carrying on before the countdown ends, even with the right PIN, then pushes the change when it ends', async () => {
    const { controller, advance, views, processes, records } = setup({ settings: { countdownSeconds: 45 } });
    await controller.handle(anydeskStarted());
    const id = controller.current()?.id ?? '';
    advance(44_999);
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: '2468' })).resolves.toEqual({ ok: false, message: WAIT_MESSAGE, lockedUntil: null });
    expect(controller.current()?.canCarryOn).toBe(false);
    expect(processes.state.get(4242)).toBe('stopped');
    expect(records).toEqual([]);
    advance(1);
    expect(views.at(-1)?.canCarryOn).toBe(true);
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: '2468' })).resolves.toEqual({ ok: true, message: null, lockedUntil: null });
  });

  it('does not stretch the quiet minute after carrying on when the wall clock is set back', async () => {
    const { controller, advance, jumpWallClock } = setup();
    await controller.handle(anydeskStarted());
    advance(30_000);
    await controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' });
    jumpWallClock(-24 * 3600_000);
    advance(61_000);
    await controller.handle(anydeskStarted());
    expect(controller.current()?.id).toBe('int-2');
  });

  it('follows the monotonic clock, not the wall clock: moving the time forward does not end the countdown', async () => {
    const { controller, advance, jumpWallClock } = setup();
    await controller.handle(anydeskStarted());
    jumpWallClock(3600_000);
    expect(controller.current()?.canCarryOn).toBe(false);
    await expect(controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: false, message: WAIT_MESSAGE });
    advance(30_000);
    await expect(controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: true });
  });

  it('needs the PIN after the countdown: a wrong PIN is refused, journalled and reported; the right one resumes the tool', async () => {
    const { controller, advance, processes, records, alerts, views } = setup();
    await controller.handle(anydeskStarted());
    const id = controller.current()?.id ?? '';
    advance(30_000);
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: '1111' })).resolves.toEqual({
      ok: false, message: 'That PIN is not right (carry-on).', lockedUntil: null,
    });
    await expect(controller.choose({ id, choice: 'started-it-myself' })).resolves.toMatchObject({ ok: false });
    expect(processes.state.get(4242)).toBe('stopped');
    expect(records[0]).toEqual({ type: 'pin-failed', at: '2025-05-06T10:00:30.000Z', action: 'carry-on', lockedUntil: null });
    expect(alerts.map((a) => a.kind)).toEqual(['interruption', 'pin-failed', 'pin-failed']);

    await expect(controller.choose({ id, choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: true });
    expect(processes.state.get(4242)).toBe('running');
    expect(processes.state.get(4243)).toBe('running');
    expect(controller.current()).toBeNull();
    expect(views.at(-1)).toBeNull();
    expect(records.at(-1)).toEqual({ type: 'choice', at: '2025-05-06T10:00:30.000Z', interruptionId: id, choice: 'started-it-myself', toolId: 'anydesk' });
    expect(alerts.at(-1)).toEqual({ kind: 'choice', facts: expect.objectContaining({ choice: 'started-it-myself' }) });
  });

  it('passes a lockout on from the gate, with its time', async () => {
    const lockedUntil = new Date('2025-05-06T10:05:00.000Z');
    const { controller, advance } = setup({
      gate: { check: async () => ({ ok: false, reason: 'locked', lockedUntil, message: 'PIN entry is locked. Try again in 5 minutes.' }) },
    });
    await controller.handle(anydeskStarted());
    advance(30_000);
    await expect(controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' })).resolves.toEqual({
      ok: false, message: 'PIN entry is locked. Try again in 5 minutes.', lockedUntil: '2025-05-06T10:05:00.000Z',
    });
  });

  it('asks for the confirmation word when no PIN is set', async () => {
    const { controller, advance } = setup({ pin: null });
    await controller.handle(anydeskStarted());
    expect(controller.current()).toMatchObject({ pinRequired: false, confirmationWord: 'CONTINUE' });
    const id = controller.current()?.id ?? '';
    advance(30_000);
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: 'go' })).resolves.toEqual({
      ok: false, message: 'Type the word CONTINUE to go on.', lockedUntil: null,
    });
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: ' continue ' })).resolves.toMatchObject({ ok: true });
  });

  it('merges a storm of ten starts into the one interruption on screen, freezing each new process', async () => {
    const { controller, views, processes, alerts, toolPids } = setup({ runningPids: [6001, 6002, 6003, 6004, 6005, 6006, 6007, 6008, 6009] });
    await controller.handle(anydeskStarted());
    for (let pid = 6001; pid <= 6009; pid++) {
      toolPids.set('anydesk', [4242, 4243, pid]);
      await controller.handle(anydeskStarted(pid));
    }
    expect(views.filter((v) => v !== null).map((v) => v?.id)).toEqual(Array(10).fill('int-1'));
    expect(controller.current()?.occurrences).toBe(10);
    expect([...processes.state.entries()].filter(([, s]) => s === 'stopped').map(([pid]) => pid).sort()).toEqual([4242, 4243, 6001, 6002, 6003, 6004, 6005, 6006, 6007, 6008, 6009]);
    expect(alerts.filter((a) => a.kind === 'interruption')).toHaveLength(1);
  });

  it('updates the one on screen for another tool or a bank during a session, never stacking a second', async () => {
    const { controller } = setup();
    await controller.handle(anydeskStarted());
    await controller.handle({
      action: 'interrupt', key: 'session:tcp:1', level: 'highest', cause: 'bank-during-session', tool: { toolId: null, name: 'A screen-sharing program' },
      pid: 5000, remoteId: null, remoteAddress: '198.51.100.7',
    });
    expect(controller.current()).toMatchObject({ id: 'int-1', occurrences: 2, level: 'highest', cause: 'bank-during-session', remoteAddress: '198.51.100.7', tool: { name: 'AnyDesk' } });
  });

  it('"End it" ends every process of the tool, shows Done once they stayed gone, is journalled and reported; Close then takes it away', async () => {
    const { controller, processes, records, alerts, views, driven } = setup();
    await controller.handle(anydeskStarted());
    const id = controller.current()?.id ?? '';
    await expect(controller.close(id)).resolves.toEqual({ ok: false, message: 'Please choose one of the options first.', lockedUntil: null });
    const choosing = controller.choose({ id, choice: 'end-it' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(controller.current()).toMatchObject({ stage: 'ending', canCarryOn: false });
    await expect(driven(choosing)).resolves.toMatchObject({ ok: true });
    expect(views.map((v) => v?.stage)).toEqual(['pause', 'ending', 'ended']);
    expect(processes.state.get(4242)).toBe('ended');
    expect(processes.state.get(4243)).toBe('ended');
    expect(controller.current()).toMatchObject({ stage: 'ended', notEnded: null, canCarryOn: false });
    expect(records).toEqual([
      { type: 'choice', at: '2025-05-06T10:00:00.000Z', interruptionId: id, choice: 'end-it', toolId: 'anydesk' },
      { type: 'end-it-outcome', at: expect.any(String), interruptionId: id, toolId: 'anydesk', name: 'AnyDesk', outcome: 'ended', reason: null },
    ]);
    expect(Date.parse((records[1] as { at: string }).at) - Date.parse('2025-05-06T10:00:00.000Z')).toBeGreaterThanOrEqual(STAYS_GONE_MS);
    expect(alerts.at(-1)).toEqual({ kind: 'choice', facts: expect.objectContaining({ choice: 'end-it', endIt: 'ended' }) });
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: false, message: 'The program has already been ended.' });
    await expect(controller.close(id)).resolves.toMatchObject({ ok: true });
    expect(controller.current()).toBeNull();
  });

  it('answers Close and carrying on sent while End it is still checking only once it is done', async () => {
    const { controller, advance, driven } = setup();
    await controller.handle(anydeskStarted());
    advance(30_000);
    const choosing = controller.choose({ id: 'int-1', choice: 'end-it' });
    await new Promise((resolve) => setImmediate(resolve));
    const closing = controller.close('int-1');
    const carrying = controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' });
    await driven(choosing);
    // Queued behind End it, they are answered once it is done: Close then works, and the page is gone for carrying on.
    await expect(closing).resolves.toMatchObject({ ok: true });
    await expect(carrying).resolves.toMatchObject({ ok: false });
  });

  it('says "not ended" when ending is refused (a service of the system), keeps the cover and the PIN, and tells the family', async () => {
    const { controller, advance, records, alerts, driven, processes } = setup({ endResult: 'refused', canSuspend: false });
    await controller.handle(anydeskStarted());
    await driven(controller.choose({ id: 'int-1', choice: 'end-it' }));
    expect(controller.current()).toMatchObject({ stage: 'not-ended', notEnded: 'refused', canCarryOn: false });
    expect(processes.state.get(4242)).toBe('running');
    await expect(controller.close('int-1')).resolves.toEqual({ ok: false, message: NOT_ENDED_MESSAGE, lockedUntil: null });
    await expect(controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: false, message: WAIT_MESSAGE });
    expect(records.at(-1)).toMatchObject({ type: 'end-it-outcome', outcome: 'not-ended', reason: 'refused' });
    expect(alerts.at(-1)).toEqual({ kind: 'choice', facts: expect.objectContaining({ choice: 'end-it', endIt: 'not-ended' }) });
    advance(30_000);
    await expect(controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '1111' })).resolves.toMatchObject({ ok: false });
    await expect(controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: true });
    expect(controller.current()).toBeNull();
  });

  it('says "not ended" when the tool comes back at once, and freezes the copy that came back', async () => {
    const { controller, processes, toolPids, driven } = setup({ runningPids: [7001] });
    await controller.handle(anydeskStarted());
    processes.state.set(7001, 'ended');
    const choosing = controller.choose({ id: 'int-1', choice: 'end-it' });
    await new Promise((resolve) => setImmediate(resolve));
    // A supervisor starts it again the moment it is ended.
    processes.start(7001);
    toolPids.set('anydesk', [4242, 4243, 7001]);
    await driven(choosing);
    expect(controller.current()).toMatchObject({ stage: 'not-ended', notEnded: 'came-back', suspension: 'suspended' });
    expect(processes.state.get(7001)).toBe('stopped');
  });

  it('says "not ended" when there is no process to end (a Remote Desktop session)', async () => {
    const { controller, records, driven } = setup();
    await controller.handle({ ...anydeskStarted(), key: 'session:rdp:1', tool: { toolId: null, name: 'Remote Desktop' }, pid: null });
    await driven(controller.choose({ id: 'int-1', choice: 'end-it' }));
    expect(controller.current()).toMatchObject({ stage: 'not-ended', notEnded: 'nothing-to-end' });
    expect(records.at(-1)).toMatchObject({ type: 'end-it-outcome', toolId: null, name: 'Remote Desktop', outcome: 'not-ended', reason: 'nothing-to-end' });
    await expect(controller.close('int-1')).resolves.toMatchObject({ ok: false });
    await controller.choose({ id: 'int-1', choice: 'call-contact' });
    expect(controller.current()).toMatchObject({ stage: 'calling', notEnded: null });
    await expect(controller.close('int-1')).resolves.toMatchObject({ ok: false });
  });

  it('ends a tool that starts again while Done is on screen, checking again before Close is allowed; interrupts again once Done is closed', async () => {
    const { controller, processes, driven } = setup();
    await controller.handle(anydeskStarted());
    const id = controller.current()?.id ?? '';
    await driven(controller.choose({ id, choice: 'end-it' }));
    processes.start(4242);
    await driven(controller.handle(anydeskStarted()));
    expect(processes.state.get(4242)).toBe('ended');
    expect(controller.current()?.stage).toBe('ended');
    await driven(controller.handle(anydeskStarted(5000)));
    expect(processes.state.get(5000)).toBe('ended');
    await controller.close(id);
    await controller.handle(anydeskStarted(4242));
    expect(controller.current()).toMatchObject({ id: 'int-2', stage: 'pause' });
  });

  it('"Call Sam first" shows the calling stage, keeps the tool frozen and asks the contact for help now', async () => {
    const { controller, processes, alerts, records } = setup();
    await controller.handle(anydeskStarted());
    const id = controller.current()?.id ?? '';
    await expect(controller.choose({ id, choice: 'call-contact' })).resolves.toMatchObject({ ok: true });
    expect(controller.current()).toMatchObject({ stage: 'calling', contact: { name: 'Sam', phone: '07700 900123' } });
    expect(processes.state.get(4242)).toBe('stopped');
    expect(alerts.at(-1)).toEqual({ kind: 'help-wanted', facts: expect.objectContaining({ choice: 'call-contact' }) });
    expect(records.at(-1)).toMatchObject({ type: 'choice', choice: 'call-contact' });
    await expect(controller.choose({ id, choice: 'started-it-myself', secret: '2468' })).resolves.toMatchObject({ ok: false, message: WAIT_MESSAGE });
  });

  it('refuses a choice about an interruption that is not on screen', async () => {
    const { controller } = setup();
    await expect(controller.choose({ id: 'nope', choice: 'end-it' })).resolves.toEqual({ ok: false, message: 'That pause-and-check screen has already closed.', lockedUntil: null });
    await controller.handle(anydeskStarted());
    await expect(controller.choose({ id: 'int-0', choice: 'end-it' })).resolves.toMatchObject({ ok: false });
  });

  it('does not interrupt again while the person carries on with the same tool restarting, but does after a quiet minute', async () => {
    const { controller, advance } = setup();
    await controller.handle(anydeskStarted());
    advance(30_000);
    await controller.choose({ id: 'int-1', choice: 'started-it-myself', secret: '2468' });
    advance(50_000);
    await controller.handle(anydeskStarted());
    advance(50_000);
    await controller.handle(anydeskStarted());
    expect(controller.current()).toBeNull();
    advance(61_000);
    await controller.handle(anydeskStarted());
    expect(controller.current()?.id).toBe('int-2');
  });

  it('says when freezing is not possible here, and when there is nothing to freeze', async () => {
    const windows = setup({ canSuspend: false });
    await windows.controller.handle(anydeskStarted());
    expect(windows.controller.current()?.suspension).toBe('not-possible');
    const session = setup();
    await session.controller.handle({ ...anydeskStarted(), key: 'session:rdp:1', tool: { toolId: null, name: 'Remote Desktop' }, pid: null });
    expect(session.controller.current()?.suspension).toBe('not-needed');
  });

  it('lets frozen tools run again when the app stops, and stops the countdown timer', async () => {
    const { controller, processes, timers } = setup();
    await controller.handle(anydeskStarted());
    await controller.dispose();
    expect(processes.state.get(4242)).toBe('running');
    expect(timers.every((t) => t.cancelled)).toBe(true);
  });

  it('keeps going when the journal or the alerts fail, and says so', async () => {
    const { controller, processes, lines, driven } = setup({
      recorder: { append: async () => Promise.reject(new Error('the disk is full.')) },
      notifier: { notify: async () => Promise.reject(new Error('the outbox is unreadable.')) },
    });
    await controller.handle(anydeskStarted());
    await expect(driven(controller.choose({ id: 'int-1', choice: 'end-it' }))).resolves.toMatchObject({ ok: true });
    expect(processes.state.get(4242)).toBe('ended');
    expect(lines).toEqual([
      'Pause Guard could not alert the trusted contact: the outbox is unreadable.',
      'Pause Guard could not write the choice to the journal: the disk is full.',
      'Pause Guard could not write what "End it" did to the journal: the disk is full.',
      'Pause Guard could not alert the trusted contact: the outbox is unreadable.',
    ]);
  });
});
