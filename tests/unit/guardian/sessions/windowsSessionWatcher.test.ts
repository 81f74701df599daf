import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import type { Watcher } from '../../../../electron/guardian/watchers/watcher';
import { createWindowsSessionWatcher, expandWindowsPath } from '../../../../electron/guardian/watchers/sessions/windowsSessionWatcher';
import type { DetectionEvent } from '../../../../shared/events';
import type { ProcessInfo } from '../../../../electron/guardian/catalog';
import { CONSOLE_ONLY, fixtureWtsApi, RDP_CONNECTED, tcpTableV4, tcpTableV6, type TcpRow, type WtsSessionFixture } from '../../../fixtures/win32Structs';
import { fixtureText } from './fixtureLines';

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

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-winsessions-'));
  env = {
    ProgramData: path.join(root, 'ProgramData'),
    APPDATA: path.join(root, 'AppData', 'Roaming'),
    ProgramFiles: path.join(root, 'Program Files'),
    'ProgramFiles(x86)': path.join(root, 'Program Files (x86)'),
  };
  events = [];
  wtsSnapshots = [CONSOLE_ONLY];
  tcpRows = [];
  programs = new Map();
  toolsRunning = new Set(['anydesk', 'teamviewer', 'ultraviewer']);
});
afterEach(async () => {
  await watcher?.stop();
  watcher = null;
  await fs.rm(root, { recursive: true, force: true });
});

async function startWatcher(): Promise<void> {
  watcher = createWindowsSessionWatcher({
    catalog,
    env,
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
    isToolRunning: async (tool) => toolsRunning.has(tool.id),
  });
  await watcher.start((event) => events.push(event));
}

async function write(file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.appendFile(file, content);
}

const sessionEvents = () => events.filter((e) => e.type === 'session-started' || e.type === 'session-ended');

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
    watcher = createWindowsSessionWatcher({ catalog, env, pollMs: 20, win32: { wts: refused, tcpTables: refused }, isToolRunning: async () => true });
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

    const line = (time: string, source: string, text: string) => `   info 2025-08-21 ${time}       ${source}   5920   4508                   ${text}\r\n`;
    await write(trace, line('10:00:00.100', 'lsvc', 'anynet.any_socket - Logged in from 198.51.100.21:59562 on relay 80e496c0.'));
    await write(trace, line('10:00:00.300', 'back', 'app.backend_session - Incoming session request: AMAZON CUSTOMER SERVICES (442226597)'));
    await write(trace, line('10:00:04.000', 'back', 'app.backend_session - Accepting the connect request.'));
    await write(connections, Buffer.from('Incoming    2025-08-21, 10:00    User                              442226597    442226597\r\n', 'utf16le'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 150)); // the connection_trace line must not start a second session
    await write(trace, line('10:20:00.000', 'back', 'app.backend_session - Session stopped.'));
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });

    const [started, ended] = sessionEvents();
    expect(started).toMatchObject({ type: 'session-started', kind: 'log', toolId: 'anydesk', name: 'AnyDesk', remoteId: '442226597', remoteAddress: '198.51.100.21', initial: false });
    expect(ended).toMatchObject({ type: 'session-ended', key: (started as { key: string }).key, remoteId: '442226597' });
  });

  it('finds a TeamViewer log created later by its name pattern, and ends the session when Connections_incoming.txt records it', async () => {
    await startWatcher();
    const folder = path.join(env['ProgramFiles(x86)']!, 'TeamViewer');
    await write(path.join(folder, 'TeamViewer15_Logfile.log'), fixtureText('TeamViewer15_Logfile.log').split('SessionEnded')[0]!.split('\r\n').slice(0, -1).join('\r\n') + '\r\n');
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ type: 'session-started', toolId: 'teamviewer', remoteId: '514162531', remoteAddress: null });

    await write(path.join(folder, 'Connections_incoming.txt'), '');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await write(path.join(folder, 'Connections_incoming.txt'), fixtureText('Connections_incoming.txt').split('\r\n')[1] + '\r\n');
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()[1]).toMatchObject({ type: 'session-ended', toolId: 'teamviewer', remoteId: '514162531' });
  });

  it('ends an UltraViewer session, whose log has no end line, when the tool has no process left', async () => {
    const log = path.join(env.APPDATA!, 'UltraViewer', 'Connection_IN_Log.txt');
    await write(log, '');
    await startWatcher();
    await write(log, '08/21/2025 10:00:00 AM | 123 456 789 | CALLER-PC\r\n');
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(1), { timeout: 3000 });
    expect(sessionEvents()[0]).toMatchObject({ toolId: 'ultraviewer', remoteId: '123456789' });
    toolsRunning.delete('ultraviewer');
    await vi.waitFor(() => expect(sessionEvents()).toHaveLength(2), { timeout: 3000 });
    expect(sessionEvents()[1]).toMatchObject({ type: 'session-ended', toolId: 'ultraviewer' });
  });

  it('reports a session already under way in a log at start, only while the tool runs', async () => {
    const trace = path.join(env.APPDATA!, 'AnyDesk', 'ad.trace');
    await write(trace, fixtureText('ad_svc.trace').split('\r\n').slice(0, 8).join('\r\n') + '\r\n'); // accepted, not stopped
    await startWatcher();
    expect(sessionEvents()).toEqual([expect.objectContaining({ type: 'session-started', toolId: 'anydesk', remoteId: '442226597', initial: true })]);
    await watcher!.stop();

    events = [];
    toolsRunning.clear();
    await startWatcher();
    expect(sessionEvents()).toEqual([]);
  });

  it('survives garbage, a 2 MB line and an unreadable log without throwing', async () => {
    const trace = path.join(env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    await write(trace, '');
    await startWatcher();
    await write(trace, Buffer.concat([Buffer.alloc(2 * 1024 * 1024, 0xfe), Buffer.from('\r\n\u0000\u0001garbage\r\n')]));
    await vi.waitFor(() => expect(events.some((e) => e.type === 'watcher-failed' && /was skipped/.test(e.message))).toBe(true), { timeout: 3000 });
    expect(sessionEvents()).toEqual([]);
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
