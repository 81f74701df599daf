// The policy as a table: each engine event, with the trusted helpers and live sessions, gives one decision.
import { decide, type Decision, type PolicyContext } from '../../../../electron/guardian/protection/policy';
import type { GuardianEvent, Session } from '../../../../shared/events';

const at = '2025-05-06T10:00:00.000Z';

const anydeskSession: Session = {
  key: 'log:anydesk:1', kind: 'log', toolId: 'anydesk', name: 'AnyDesk', pid: 4242, remoteAddress: null, remoteId: '987 654 321', since: at,
};
const familySession: Session = { ...anydeskSession, key: 'log:anydesk:2', remoteId: '123456789' };
const vncSession: Session = {
  key: 'tcp:5900:198.51.100.7:50000', kind: 'tcp', toolId: null, name: 'A screen-sharing program', pid: 77, remoteAddress: '198.51.100.7', remoteId: null, since: at,
};

const context = (overrides: Partial<PolicyContext> = {}): PolicyContext => {
  const sessions = new Map([anydeskSession, familySession, vncSession].map((s) => [s.key, s]));
  return {
    trustedHelpers: [{ toolId: 'anydesk', remoteId: '123 456 789', label: 'Sam' }],
    paused: false,
    session: (key) => sessions.get(key),
    liveSessions: () => sessions.values(),
    ...overrides,
  };
};

const toolStarted = (tier: 'interrupt' | 'warn' | 'log', initial = false, toolId: string | null = 'anydesk'): GuardianEvent => ({
  type: 'tool-started', at, toolId, name: 'AnyDesk', tier, pid: 4242, exe: '/opt/anydesk/anydesk', initial,
});
const installer = (initial: boolean, tier: 'interrupt' | 'warn' | 'log' = 'interrupt'): GuardianEvent => ({
  type: 'installer-downloaded', at, toolId: 'anydesk', name: 'AnyDesk', tier, path: '/home/ada/Downloads/AnyDesk.exe', initial,
});
const sessionStarted = (session: Session, risk: 'high' | 'highest' = 'high', initial = false): GuardianEvent => ({
  type: 'session-started', at, ...session, risk, initial,
});
const raised = (key: string): GuardianEvent => ({ type: 'session-risk-raised', at, key, risk: 'highest', reason: 'A bank page is open.' });

const screenShare = (risk?: 'high' | 'highest', toolId: string | null = null, name = 'Google Chrome'): GuardianEvent => ({
  type: 'window-seen', at, kind: 'screen-share', toolId, pid: 31, name, ...(risk ? { risk } : {}),
});
const meetingControl: GuardianEvent = { type: 'window-seen', at, kind: 'remote-control', toolId: 'zoom', pid: 52, name: 'Zoom' };
const sharingRaised: GuardianEvent = { type: 'sharing-risk-raised', at, toolId: 'google-meet', pid: 31, name: 'Google Meet' };
const browser = { toolId: null, name: 'Google Chrome' };
const zoom = { toolId: 'zoom', name: 'Zoom' };

const anydesk = { toolId: 'anydesk', name: 'AnyDesk' };
const interruptFor = (overrides: Partial<Extract<Decision, { action: 'interrupt' }>>): Extract<Decision, { action: 'interrupt' }> => ({
  action: 'interrupt', key: 'tool:anydesk', level: 'interrupt', cause: 'tool-started', tool: anydesk, pid: 4242, remoteId: null, remoteAddress: null, ...overrides,
});

describe('decide', () => {
  it.each<[string, GuardianEvent, Decision]>([
    ['an interrupt-tier tool starting', toolStarted('interrupt'), interruptFor({})],
    ['an interrupt-tier tool already running at start', toolStarted('interrupt', true), interruptFor({})],
    ['an interrupt-tier tool nobody can name by id', toolStarted('interrupt', false, null), interruptFor({ key: 'pid:4242', tool: { toolId: null, name: 'AnyDesk' } })],
    ['a warn-tier tool starting', toolStarted('warn'), { action: 'warn', key: 'tool:anydesk', cause: 'tool-started', tool: anydesk }],
    ['a warn-tier tool already running at start', toolStarted('warn', true), { action: 'log' }],
    ['a log-tier tool', toolStarted('log'), { action: 'log' }],
    ['an installer arriving', installer(false), { action: 'warn', key: 'installer:/home/ada/Downloads/AnyDesk.exe', cause: 'installer-downloaded', tool: anydesk }],
    ['an installer already there at start', installer(true), { action: 'log' }],
    ['an installer of a log-tier tool', installer(false, 'log'), { action: 'log' }],
    [
      'a session from a stranger',
      sessionStarted(anydeskSession),
      interruptFor({ cause: 'session-started', remoteId: '987 654 321' }),
    ],
    [
      'a session already live at start',
      sessionStarted(anydeskSession, 'high', true),
      interruptFor({ cause: 'session-started', remoteId: '987 654 321' }),
    ],
    [
      'a session while a bank is open',
      sessionStarted(anydeskSession, 'highest'),
      interruptFor({ level: 'highest', cause: 'bank-during-session', remoteId: '987 654 321' }),
    ],
    [
      'a session with no known tool',
      sessionStarted(vncSession),
      interruptFor({ key: `session:${vncSession.key}`, cause: 'session-started', tool: { toolId: null, name: 'A screen-sharing program' }, pid: 77, remoteAddress: '198.51.100.7' }),
    ],
    [
      'a bank opened during a stranger\'s session',
      raised(anydeskSession.key),
      interruptFor({ level: 'highest', cause: 'bank-during-session', remoteId: '987 654 321' }),
    ],
    ['a bank opened during a session that has ended', raised('gone'), { action: 'log' }],
    [
      'a session from the trusted helper, written without spaces',
      sessionStarted(familySession),
      { action: 'note', key: `session:${familySession.key}`, cause: 'trusted-session', tool: anydesk, helper: 'Sam' },
    ],
    [
      'the trusted helper\'s session while a bank is open',
      sessionStarted(familySession, 'highest'),
      { action: 'note', key: `session:${familySession.key}`, cause: 'trusted-session', tool: anydesk, helper: 'Sam' },
    ],
    ['a bank opened during the trusted helper\'s session', raised(familySession.key), { action: 'log' }],
    [
      'the trusted helper\'s ID on a line that held another ID-shaped number (a display name)',
      sessionStarted({ ...familySession, otherRemoteIds: ['987654321'] }),
      interruptFor({ cause: 'session-started', remoteId: '123456789' }),
    ],
    [
      'a session on the trusted tool whose remote ID could not be read',
      sessionStarted({ ...familySession, remoteId: null }),
      interruptFor({ cause: 'session-started' }),
    ],
    [
      'a past session found in a tool\'s log, even a stranger\'s',
      { type: 'session-past', at, toolId: 'anydesk', name: 'AnyDesk', remoteId: '987654321', since: '2024-03-05T10:20:00.000Z', until: null },
      { action: 'log' },
    ],
    ['a bank page', { type: 'window-seen', at, kind: 'bank', toolId: null, pid: 9 }, { action: 'log' }],
    ['a tool\'s accept-connection prompt (the session that follows is what counts)', { type: 'window-seen', at, kind: 'tool-prompt', toolId: 'anydesk', pid: 9 }, { action: 'log' }],
    ['a meeting app running', { ...toolStarted('log', false, 'zoom'), name: 'Zoom' } as GuardianEvent, { action: 'log' }],
    ['the screen shared by a browser', screenShare(), { action: 'note', key: 'sharing:window:31', cause: 'screen-sharing', tool: browser }],
    [
      'the screen shared in Google Meet',
      screenShare(undefined, 'google-meet', 'Google Meet'),
      { action: 'note', key: 'sharing:tool:google-meet', cause: 'screen-sharing', tool: { toolId: 'google-meet', name: 'Google Meet' } },
    ],
    [
      'the screen shared while a money page is open',
      screenShare('highest'),
      interruptFor({ key: 'window:31', level: 'highest', cause: 'bank-during-sharing', tool: browser, pid: 31 }),
    ],
    [
      'a money page opened while the screen is shared',
      sharingRaised,
      interruptFor({ key: 'tool:google-meet', level: 'highest', cause: 'bank-during-sharing', tool: { toolId: 'google-meet', name: 'Google Meet' }, pid: 31 }),
    ],
    ['remote control asked for or given in a meeting', meetingControl, interruptFor({ key: 'tool:zoom', cause: 'meeting-control', tool: zoom, pid: 52 })],
    ['a screen share that ended', { type: 'window-gone', at, kind: 'screen-share', toolId: null, pid: 31 }, { action: 'log' }],
    ['a watcher failing', { type: 'watcher-failed', at, watcher: 'processes', message: 'It stopped.' }, { action: 'log' }],
  ])('%s', (_what, event, decision) => {
    // The family trusts a helper on AnyDesk in this context; the tool rows are about a PC where nobody does.
    const trustedHelpers = event.type === 'tool-started' ? [] : context().trustedHelpers;
    expect(decide(event, context({ trustedHelpers }))).toEqual(decision);
  });

  describe('remote control seen from injected input', () => {
    const remoteInput = (pid: number | null = null, type: 'remote-input' | 'remote-input-ended' = 'remote-input'): GuardianEvent => ({
      type, at, source: 'injected', device: 'Virtual core XTEST pointer', pid, since: at,
    });
    const withLive = (...live: Session[]): PolicyContext => {
      const sessions = new Map(live.map((s) => [s.key, s]));
      return context({ session: (key) => sessions.get(key), liveSessions: () => sessions.values() });
    };
    const remoteControl: Extract<Decision, { action: 'interrupt' }> = interruptFor({ key: 'remote-input', cause: 'remote-input', tool: { toolId: null, name: 'the program moving the mouse' }, pid: null });
    it.each<[string, GuardianEvent, PolicyContext, Decision]>([
      ['with no session live', remoteInput(), withLive(), remoteControl],
      ['during a stranger\'s session', remoteInput(), withLive(anydeskSession, vncSession), remoteControl],
      ['from a process that is named (macOS)', remoteInput(612), withLive(), { ...remoteControl, pid: 612 }],
      ['while the trusted helper\'s session is live', remoteInput(), withLive(anydeskSession, familySession), { action: 'log' }],
      ['while the helper\'s ID sits beside another on the line', remoteInput(), withLive({ ...familySession, otherRemoteIds: ['987654321'] }), remoteControl],
      ['while protection is paused', remoteInput(), { ...withLive(), paused: true }, { action: 'log' }],
      ['when it has ended', remoteInput(null, 'remote-input-ended'), withLive(), { action: 'log' }],
    ])('%s', (_what, event, ctx, decision) => {
      expect(decide(event, ctx)).toEqual(decision);
    });
  });

  it('only logs the family\'s own tool running, at start or later, but still checks who connects through it', () => {
    expect(decide(toolStarted('interrupt'), context())).toEqual({ action: 'log' });
    expect(decide(toolStarted('interrupt', true), context())).toEqual({ action: 'log' });
    expect(decide(sessionStarted(anydeskSession), context())).toMatchObject({ action: 'interrupt', cause: 'session-started' });
    expect(decide(toolStarted('interrupt', false, 'teamviewer'), context())).toMatchObject({ action: 'interrupt' });
  });

  it('exempts only the exact product the family trusts: trusting TeamViewer does not cover TeamViewer QuickSupport', () => {
    const teamViewerHelper = context({ trustedHelpers: [{ toolId: 'teamviewer', remoteId: '123456789', label: 'Sam' }] });
    const started = (toolId: string, name: string): GuardianEvent => ({ ...toolStarted('interrupt', false, toolId), name } as GuardianEvent);
    expect(decide(started('teamviewer', 'TeamViewer'), teamViewerHelper)).toEqual({ action: 'log' });
    expect(decide(started('teamviewer-quicksupport', 'TeamViewer QuickSupport'), teamViewerHelper)).toMatchObject({
      action: 'interrupt', cause: 'tool-started', tool: { toolId: 'teamviewer-quicksupport' },
    });
  });

  it('does not trust a session whose line held another ID-shaped number beside the helper\'s', () => {
    expect(decide(sessionStarted({ ...familySession, otherRemoteIds: ['987654321'] }), context())).toMatchObject({ action: 'interrupt', remoteId: '123456789' });
    expect(decide(sessionStarted({ ...familySession, otherRemoteIds: [] }), context())).toMatchObject({ action: 'note' });
  });

  it('does not trust the helper\'s ID on another tool', () => {
    expect(decide(sessionStarted({ ...familySession, toolId: 'teamviewer', name: 'TeamViewer' }), context())).toMatchObject({ action: 'interrupt' });
  });

  it('does not trust a session with no remote ID, or a blank one', () => {
    expect(decide(sessionStarted({ ...familySession, remoteId: null }), context())).toMatchObject({ action: 'interrupt' });
    expect(decide(sessionStarted({ ...familySession, remoteId: '   ' }), context({ trustedHelpers: [{ toolId: 'anydesk', remoteId: ' ', label: '' }] }))).toMatchObject({
      action: 'interrupt',
    });
  });

  it('names the helper by ID when the family gave no label', () => {
    expect(decide(sessionStarted(familySession), context({ trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789', label: '' }] }))).toMatchObject({
      action: 'note', helper: '123456789',
    });
  });

  it('interrupts for remote control in a meeting even while the family trusts a helper: nobody can tell who is in the call', () => {
    expect(decide(meetingControl, context())).toMatchObject({ action: 'interrupt', cause: 'meeting-control' });
  });

  it.each([
    toolStarted('interrupt'), installer(false), sessionStarted(anydeskSession, 'highest'), raised(anydeskSession.key),
    screenShare(), screenShare('highest'), sharingRaised, meetingControl,
  ])(
    'only logs while protection is paused: %#',
    (event) => {
      expect(decide(event, context({ paused: true }))).toEqual({ action: 'log' });
    },
  );
});
