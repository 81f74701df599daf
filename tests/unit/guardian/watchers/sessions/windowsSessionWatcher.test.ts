import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import type { Watcher } from '../../../../../electron/guardian/watchers/watcher';
import { createWindowsSessionWatcher, expandWindowsPath } from '../../../../../electron/guardian/watchers/sessions/windowsSessionWatcher';
import type { DetectionEvent } from '../../../../../shared/events';
import type { ProcessInfo } from '../../../../../electron/guardian/catalog';
import { CONSOLE_ONLY, fixtureWtsApi, RDP_CONNECTED, tcpTableV4, tcpTableV6, type TcpRow, type WtsSessionFixture } from '../../../../fixtures/win32Structs';
import { fixtureText } from './fixtureLines';
import {
  anyDeskConnectionTraceLine, anyDeskTraceLine, rustDeskLine, teamViewerIncomingLine, teamViewerLogLine, ultraViewerLine,
} from '../../../../fixtures/sessionLines';

const catalog = loadCatalog();
let root: string;
let env: Record<string, string>;
let watcher: Watcher | null = null;
let events: DetectionEvent[];
/** Wine has no Remote Desktop sessions: each poll's WTS answers come from fixtures, the last one repeating. */
let wtsSnapshots: WtsSessionFixture[][];
/** Wine reports no socket owners: the TCP table comes from fixtures with owner pids, and those pids' programs. */
let tcpRows: TcpRow[];
let programs: Map<number, ProcessInfo>;
let toolsRunning: Set<string>;
/** When each running tool's processes started, where the test says. */
let toolStarts: Map<string, string>;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-winsessions-'));
  env = {
    ProgramData: path.join(root, 'ProgramData'),
    APPDATA: path.join(root, 'AppData', 'Roaming'),
    LOCALAPPDATA: path.join(root, 'AppData', 'Local'),
    ProgramFiles: path.join(root, 'Program Files'),
    'ProgramFiles(x86)': path.join(root, 'Program Files (x86)'),
  };
  events = [];
  wtsSnapshots = [CONSOLE_ONLY];
  tcpRows = [];
  programs = new Map();
  toolsRunning = new Set(['anydesk', 'teamviewer', 'ultraviewer']);
  toolStarts = new Map();
});
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
  await fs.rm(root, { recursive: true, force: true });
});

async function startWatcher(pastReportedUntil: Date | null = null): Promise<void> {
  watcher = createWindowsSessionWatcher({
    catalog,
    env,
    pastReportedUntil,
    pollMs: 40,
    win32: {
      wts: async () => {
        let current = wtsSnapshots[0]!;
        const api = fixtureWtsApi(() => current);
        return {
          enumerate: () => {
            current = wtsSnapshots.length > 1 ? wtsSnapshots.shift()! : wtsSnapshots[0]!;
            return api.enumerate();
          },
          query: api.query,
        };
      },
      tcpTables: async () => ({
        readTable: (family) => (family === 'ipv4' ? tcpTableV4(tcpRows.filter((r) => !r.local.includes(':'))) : tcpTableV6(tcpRows.filter((r) => r.local.includes(':')))),
      }),
      describeProcess: async (pid) => programs.get(pid) ?? null,
    },
    toolProcesses: async (tool) => ({ running: toolsRunning.has(tool.id), startedAt: toolStarts.get(tool.id) ?? null }),
  });
  await watcher.start((event) => events.push(event));
}

async function write(file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.appendFile(file, content);
}

const sessionEvents = () => events.filter((e) => e.type === 'session-started' || e.type === 'session-ended');
const pastSessions = () => events.filter((e) => e.type === 'session-past');
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('expandWindowsPath', () => {
  it('expands variables case-insensitively and gives null when one is missing', () => {
    expect(expandWindowsPath('%programdata%\\AnyDesk\\ad_svc.trace', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\AnyDesk\\ad_svc.trace');
    expect(expandWindowsPath('%ProgramFiles(x86)%\\TeamViewer', {})).toBeNull();
  });
});

describe('Windows session watcher', () => {
  it('reports a Remote Desktop session from the WTS API while a client is connected, with its address', async () => {
    await startWatcher();
    wtsSnapshots = [RDP_CONNECTED, RDP_CONNECTED, CONSOLE_ONLY];
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    const [started, ended] = sessionEvents();
    expect(started).toMatchObject({
      type: 'session-started',
      kind: 'rdp',
      toolId: 'windows-remote-desktop',
      name: 'Windows Remote Desktop',
      key: 'rdp:2:rdp-tcp#3:pat',
      remoteAddress: '198.51.100.23',
      initial: false,
      risk: 'high',
    });
    expect(ended).toMatchObject({ type: 'session-ended', key: 'rdp:2:rdp-tcp#3:pat' });
  });

  it('reports a Remote Desktop session already there at start as initial, and a failing WTS API once', async () => {
    wtsSnapshots = [RDP_CONNECTED];
    await startWatcher();
    expect(sessionEvents()).toEqual([expect.objectContaining({ type: 'session-started', key: 'rdp:2:rdp-tcp#3:pat', initial: true })]);
    await watcher!.stop();
    events = [];
    const refused = async () => Promise.reject(new Error('The Windows system interface can only be used on Windows.'));
    watcher = createWindowsSessionWatcher({ catalog, env, pollMs: 20, win32: { wts: refused, tcpTables: refused }, toolProcesses: async () => ({ running: true, startedAt: null }) });
    await watcher.start((event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(events.filter((e) => e.type === 'watcher-failed')).toEqual([
      { type: 'watcher-failed', watcher: 'sessions', message: 'Pause Guard could not list Windows sessions, so Remote Desktop connections cannot be seen.' },
      { type: 'watcher-failed', watcher: 'sessions', message: 'Pause Guard could not read the list of network connections, so someone connecting in would not be noticed.' },
    ]);
  });

  it('names an inbound connection by the program owning its listening socket, and leaves out the rest', async () => {
    programs.set(7324, { pid: 7324, ppid: null, name: 'AnyDesk.exe', exe: 'C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe', cmdline: null });
    programs.set(900, { pid: 900, ppid: null, name: 'httpd.exe', exe: 'C:\\Apache24\\bin\\httpd.exe', cmdline: null });
    const listen = (localPort: number, pid: number, local = '0.0.0.0'): TcpRow => ({ state: 2, local, localPort, remote: local === '::' ? '::' : '0.0.0.0', remotePort: 0, pid });
    const inbound = (localPort: number, remote: string, remotePort: number, pid: number, local = '192.168.1.20'): TcpRow => ({ state: 5, local, localPort, remote, remotePort, pid });
    await startWatcher();
    tcpRows = [
      listen(7070, 7324),
      inbound(7070, '198.51.100.23', 50312, 7324),
      inbound(7070, '127.0.0.1', 50313, 7324, '127.0.0.1'), // loopback: this PC itself
      listen(5938, 900), // TeamViewer's port, but served by a web server: not a remote tool
      inbound(5938, '198.51.100.24', 50400, 900),
      listen(3389, 1100), // Remote Desktop is read from the WTS API instead
      inbound(3389, '198.51.100.25', 50500, 1100),
      listen(5938, 0, '::'), // the same port over IPv6 with no owner said (as under Wine): named by its port
      inbound(5938, '2001:db8::9', 50600, 0, '2001:db8::20'),
    ];
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()).toEqual([
      expect.objectContaining({ type: 'session-started', kind: 'tcp', toolId: 'anydesk', pid: 7324, remoteAddress: '198.51.100.23', key: 'tcp:7070:198.51.100.23:50312' }),
      expect.objectContaining({ type: 'session-started', kind: 'tcp', toolId: 'teamviewer', pid: null, remoteAddress: '2001:db8::9' }),
    ]);
    tcpRows = [listen(7070, 7324)];
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(4), { timeout: 3000 });
    expect(sessionEvents().slice(2).map((e) => e.type)).toEqual(['session-ended', 'session-ended']);
  });

  it('follows an AnyDesk session through ad_svc.trace and connection_trace.txt as one session', async () => {
    const trace = path.join(env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    const connections = path.join(env.ProgramData!, 'AnyDesk', 'connection_trace.txt');
    await write(trace, fixtureText('ad_svc.trace').split('\r\n').slice(0, 9).join('\r\n') + '\r\n'); // an old, finished session
    await write(connections, Buffer.from([0xff, 0xfe]));
    await startWatcher();
    expect(sessionEvents()).toEqual([]);

    await write(trace, anyDeskTraceLine('Logged in from 198.51.100.21:59562 on relay 80e496c0.'));
    await write(trace, anyDeskTraceLine('Incoming session request: AMAZON CUSTOMER SERVICES (442226597)'));
    await write(trace, anyDeskTraceLine('Accepting the connect request.'));
    await write(connections, Buffer.from(anyDeskConnectionTraceLine('User', '442226597', '442226597'), 'utf16le'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 150)); // the connection_trace line must not start a second session
    await write(trace, anyDeskTraceLine('Session stopped.'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });

    const [started, ended] = sessionEvents();
    expect(started).toMatchObject({ type: 'session-started', kind: 'log', toolId: 'anydesk', name: 'AnyDesk', remoteId: '442226597', remoteAddress: '198.51.100.21', initial: false });
    expect(ended).toMatchObject({ type: 'session-ended', key: (started as { key: string }).key, remoteId: '442226597' });
  });

  it('takes a new request for a new caller: a refused request before the helper\'s does not cling to the helper\'s session', async () => {
    const trace = path.join(env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    await write(trace, '');
    await startWatcher();
    await write(trace, anyDeskTraceLine('Incoming session request: Microsoft Support (987654321)'));
    await write(trace, anyDeskTraceLine('Logged in from 198.51.100.21:59562 on relay 80e496c0.'));
    await write(trace, anyDeskTraceLine('Incoming session request: Sam (123456789)'));
    await write(trace, anyDeskTraceLine('Accepting the connect request.'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ remoteId: '123456789', remoteAddress: '198.51.100.21' });
    expect(sessionEvents()[0]).not.toHaveProperty('otherRemoteIds');
  });

  it('finds a TeamViewer log created later by its name pattern, and ends the session when Connections_incoming.txt records it', async () => {
    await startWatcher();
    const folder = path.join(env['ProgramFiles(x86)']!, 'TeamViewer');
    await write(path.join(folder, 'TeamViewer15_Logfile.log'), [
      teamViewerLogLine('D3', 'SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = -2102926010'),
      teamViewerLogLine('D3', 'CParticipantManagerBase::SetMyParticipantIdentifier(): pid=[1764218403,-2102926010]'),
      teamViewerLogLine('D3', 'CParticipantManagerBase participant DESKTOP-MARGARET (ID [1764218403,-2102926010]) was added with the role 3'),
      teamViewerLogLine('D3', 'CParticipantManagerBase participant James Moriarty (ID [514162531,-207968498]) was added with the role 6'),
    ].join(''));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ type: 'session-started', toolId: 'teamviewer', remoteId: '514162531', remoteAddress: null });

    await write(path.join(folder, 'Connections_incoming.txt'), '');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await write(path.join(folder, 'Connections_incoming.txt'), teamViewerIncomingLine('514162531', 'James Moriarty', minutesAgo(1), new Date()));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()[1]).toMatchObject({ type: 'session-ended', toolId: 'teamviewer', remoteId: '514162531' });
    expect(pastSessions()).toEqual([]);
  });

  it('reads QuickSupport and portable TeamViewer logs in %LOCALAPPDATA%\\TeamViewer\\Logs and %APPDATA%\\TeamViewer', async () => {
    const quickSupport = path.join(env.LOCALAPPDATA!, 'TeamViewer', 'Logs', 'TeamViewer15_Logfile.log');
    const portable = path.join(env.APPDATA!, 'TeamViewer', 'TeamViewer15_Logfile.log');
    await write(quickSupport, '');
    await write(portable, '');
    await startWatcher();
    await write(quickSupport, teamViewerLogLine('S0', 'CPersistentParticipantManager::AddParticipant: [514162531,-207968498] type=6 name=James Moriarty'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    await write(quickSupport, teamViewerLogLine('S0', 'CStreamManager[2]::ReceivedEndSession(): reason=1'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    await write(portable, teamViewerLogLine('S0', 'CPersistentParticipantManager::AddParticipant: [1025538549,-1] type=6 name=mechant_host'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(3), { timeout: 3000 });
    await write(portable, teamViewerLogLine('D3', 'DesktopProcessControl::OnProcessTerminated: pid 5716'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(4), { timeout: 3000 });
    expect(sessionEvents().map((e) => [e.type, e.remoteId])).toEqual([
      ['session-started', '514162531'], ['session-ended', '514162531'], ['session-started', '1025538549'], ['session-ended', '1025538549'],
    ]);
  });

  it('keeps a session in QuickSupport\'s log open while only QuickSupport runs, and ends it when QuickSupport goes', async () => {
    toolsRunning = new Set(['teamviewer-quicksupport']);
    const log = path.join(env.LOCALAPPDATA!, 'TeamViewer', 'Logs', 'TeamViewer15_Logfile.log');
    await write(log, teamViewerLogLine('S0', 'CPersistentParticipantManager::AddParticipant: [514162531,-207968498] type=6 name=Microsoft Support', minutesAgo(1)));
    await startWatcher();
    expect(sessionEvents()).toEqual([expect.objectContaining({ type: 'session-started', toolId: 'teamviewer', remoteId: '514162531', initial: true })]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sessionEvents()).toHaveLength(1);
    toolsRunning.clear();
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()[1]).toMatchObject({ type: 'session-ended', toolId: 'teamviewer' });
  });

  it('journals a Connections_incoming.txt line with no live session as a past session, with partner ID and times', async () => {
    const file = path.join(env.ProgramFiles!, 'TeamViewer', 'Connections_incoming.txt');
    await write(file, fixtureText('Connections_incoming.txt'));
    await startWatcher();
    expect(sessionEvents()).toEqual([]);
    expect(pastSessions()).toEqual([
      { type: 'session-past', toolId: 'teamviewer', name: 'TeamViewer', remoteId: '514162531', since: '2025-08-20T09:58:25.000Z', until: '2025-08-20T10:14:27.000Z' },
      { type: 'session-past', toolId: 'teamviewer', name: 'TeamViewer', remoteId: '1025538549', since: '2025-08-22T14:50:52.000Z', until: '2025-08-22T14:51:09.000Z' },
    ]);
  });

  it('takes an old connection_trace.txt line for history at every start while AnyDesk runs: a past session, never a live one', async () => {
    const connections = path.join(env.ProgramData!, 'AnyDesk', 'connection_trace.txt');
    await write(connections, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(anyDeskConnectionTraceLine('User', '442226597', '442226597', new Date('2024-03-05T10:20:00Z')), 'utf16le')]));
    for (let start = 0; start < 2; start += 1) {
      events = [];
      await startWatcher();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sessionEvents()).toEqual([]);
      expect(pastSessions()).toEqual([{ type: 'session-past', toolId: 'anydesk', name: 'AnyDesk', remoteId: '442226597', since: '2024-03-05T10:20:00.000Z', until: null }]);
      await watcher!.stop();
    }
  });

  it('does not report again a past session an earlier run already saw (its lines all written before that run\'s last record)', async () => {
    const connections = path.join(env.ProgramData!, 'AnyDesk', 'connection_trace.txt');
    await write(connections, anyDeskConnectionTraceLine('User', '111222333', '111222333', new Date('2024-03-05T10:20:00Z')));
    await write(connections, anyDeskConnectionTraceLine('Token', '442226597', '442226597', minutesAgo(90)));
    await startWatcher(minutesAgo(120));
    expect(pastSessions()).toEqual([expect.objectContaining({ toolId: 'anydesk', remoteId: '442226597' })]);
  });

  it('takes an UltraViewer line from January, even one arriving now, for a past session', async () => {
    const log = path.join(env.APPDATA!, 'UltraViewer', 'Connection_IN_Log.txt');
    await write(log, '');
    await startWatcher();
    const january = new Date(new Date().getFullYear() - 1, 0, 15, 9, 30, 0);
    await write(log, ultraViewerLine('123 456 789', 'CALLER-PC', january));
    await vi.waitFor(() => expect(pastSessions()).toHaveLength(1), { timeout: 3000 });
    expect(pastSessions()[0]).toMatchObject({ toolId: 'ultraviewer', remoteId: '123456789', since: january.toISOString(), until: null });
    expect(sessionEvents()).toEqual([]);
  });

  it('judges a line with no date of its own by when its file was last written', async () => {
    const log = path.join(env.ProgramFiles!, 'TeamViewer', 'TeamViewer15_Logfile.log');
    await write(log, 'S0   CPersistentParticipantManager::AddParticipant: [514162531,-207968498] type=6 name=James Moriarty\r\n');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    await fs.utimes(log, twoDaysAgo, twoDaysAgo);
    await startWatcher();
    expect(sessionEvents()).toEqual([]);
    expect(pastSessions()).toEqual([expect.objectContaining({ toolId: 'teamviewer', remoteId: '514162531', since: null })]);

    await write(log, 'S0   CStreamManager[2]::ReceivedEndSession(): reason=1\r\n');
    await write(log, 'S0   CPersistentParticipantManager::AddParticipant: [1025538549,-1] type=6 name=mechant_host\r\n');
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ type: 'session-started', remoteId: '1025538549', initial: false });
  });

  it('follows a RustDesk session in its server log: opened, a second connection, closed', async () => {
    toolsRunning.add('rustdesk');
    const log = path.join(env.APPDATA!, 'RustDesk', 'log', 'server', 'rustdesk_rCURRENT.log');
    await write(log, rustDeskLine('INFO', '#1 Connection closed: an old one', minutesAgo(60 * 24)));
    await startWatcher();
    await write(log, rustDeskLine('DEBUG', '#7 Connection opened from 198.51.100.30:52114.'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    await write(log, rustDeskLine('DEBUG', '#8 Connection opened from [::ffff:198.51.100.30]:52115.'));
    await write(log, rustDeskLine('INFO', '#7 Connection closed: Closed manually by the peer'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sessionEvents()).toHaveLength(1);
    await write(log, rustDeskLine('INFO', '#8 Connection closed: Closed manually by the peer'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ type: 'session-started', toolId: 'rustdesk', remoteAddress: '198.51.100.30', remoteId: null });
    expect(sessionEvents()[1]).toMatchObject({ type: 'session-ended', toolId: 'rustdesk' });
  });

  it('ends an UltraViewer session, whose log has no end line, when the tool has no process left', async () => {
    const log = path.join(env.APPDATA!, 'UltraViewer', 'Connection_IN_Log.txt');
    await write(log, '');
    await startWatcher();
    await write(log, ultraViewerLine('123 456 789', 'CALLER-PC'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ toolId: 'ultraviewer', remoteId: '123456789' });
    toolsRunning.delete('ultraviewer');
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()[1]).toMatchObject({ type: 'session-ended', toolId: 'ultraviewer' });
  });

  it('reports a session already under way in a log at start, only while the tool runs', async () => {
    const trace = path.join(env.APPDATA!, 'AnyDesk', 'ad.trace');
    await write(trace, anyDeskTraceLine('Incoming session request: AMAZON CUSTOMER SERVICES (442226597)', minutesAgo(2)));
    await write(trace, anyDeskTraceLine('Accepting the connect request.', minutesAgo(2))); // accepted, not stopped
    await startWatcher();
    expect(sessionEvents()).toEqual([expect.objectContaining({ type: 'session-started', toolId: 'anydesk', remoteId: '442226597', initial: true })]);
    await watcher!.stop();

    events = [];
    toolsRunning.clear();
    await startWatcher();
    expect(sessionEvents()).toEqual([]);
  });

  it('takes a recent line from before the tool\'s processes started (a restart of the PC) for history', async () => {
    const trace = path.join(env.APPDATA!, 'AnyDesk', 'ad.trace');
    await write(trace, anyDeskTraceLine('Incoming session request: AMAZON CUSTOMER SERVICES (442226597)', minutesAgo(3)));
    await write(trace, anyDeskTraceLine('Accepting the connect request.', minutesAgo(3)));
    toolStarts.set('anydesk', minutesAgo(1).toISOString());
    await startWatcher();
    expect(sessionEvents()).toEqual([]);
    expect(pastSessions()).toEqual([expect.objectContaining({ toolId: 'anydesk', remoteId: '442226597', until: null })]);
  });

  it('takes a recent line of a tool that is not running at start for history, not lost', async () => {
    const trace = path.join(env.APPDATA!, 'AnyDesk', 'ad.trace');
    await write(trace, anyDeskTraceLine('Incoming session request: AMAZON CUSTOMER SERVICES (442226597)', minutesAgo(1)));
    await write(trace, anyDeskTraceLine('Accepting the connect request.', minutesAgo(1)));
    toolsRunning.delete('anydesk');
    await startWatcher();
    expect(sessionEvents()).toEqual([]);
    expect(pastSessions()).toEqual([expect.objectContaining({ toolId: 'anydesk', remoteId: '442226597' })]);
  });

  it('survives garbage, a 2 MB line and an unreadable log without throwing', async () => {
    const trace = path.join(env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    await write(trace, '');
    await startWatcher();
    await write(trace, Buffer.concat([Buffer.alloc(2 * 1024 * 1024, 0xfe), Buffer.from('\r\n\u0000\u0001garbage\r\n')]));
    await vi.waitFor(() => expect(events.some((e) => e.type === 'watcher-failed' && /was skipped/.test(e.message))).toBe(true), { timeout: 3000 });
    await vi.waitFor(() => expect(events).toContainEqual({
      type: 'watcher-failed', watcher: 'sessions', message: `Part of ${trace} is not text Pause Guard can read, so a session written there could be missed.`,
    }), { timeout: 3000 });
    expect(sessionEvents()).toEqual([]);
  });

  it('reads the sessions around binary, truncated and UTF-16 lines, and says nothing of a crash\'s zero padding', async () => {
    const trace = path.join(env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    const connections = path.join(env.APPDATA!, 'AnyDesk', 'connection_trace.txt');
    await write(trace, '');
    await write(connections, '');
    await startWatcher();
    await write(trace, Buffer.alloc(4096, 0));
    await write(trace, '\r\n' + anyDeskTraceLine('Incoming session request: AMAZON CUSTOMER SERVICES (442226597)').slice(0, 40) + '\r\n');
    await write(trace, anyDeskTraceLine('Accepting from 442226597.'));
    // connection_trace.txt in UTF-16LE with no byte-order mark, as some copies are
    await write(connections, Buffer.from(anyDeskConnectionTraceLine('User', '442226597', '442226597'), 'utf16le'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ type: 'session-started', toolId: 'anydesk', remoteId: '442226597' });
    expect(events.filter((e) => e.type === 'watcher-failed')).toEqual([]);
  });

  it('stops every timer', async () => {
    await startWatcher();
    await watcher!.stop();
    const count = events.length;
    wtsSnapshots = [RDP_CONNECTED];
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toHaveLength(count);
  });
});
