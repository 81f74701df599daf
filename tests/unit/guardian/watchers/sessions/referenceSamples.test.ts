// Every real sample the project's sources quote (tests/fixtures/sessions/README.md names them) read as its source
// says: the line as published, through the parser or the catalog that handles it.
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import { readAnyDeskConnectionTraceLine, readAnyDeskTraceLine } from '../../../../../electron/guardian/watchers/sessions/anyDeskTrace';
import type { LogLineReader } from '../../../../../electron/guardian/watchers/sessions/logSessionChange';
import { createRustDeskLogReader } from '../../../../../electron/guardian/watchers/sessions/rustDeskLog';
import { readTeamViewerIncomingLine } from '../../../../../electron/guardian/watchers/sessions/teamViewerIncoming';
import { createTeamViewerLogReader } from '../../../../../electron/guardian/watchers/sessions/teamViewerLog';
import { readUltraViewerLine } from '../../../../../electron/guardian/watchers/sessions/ultraViewerLog';
import { isToolPromptTitle } from '../../../../../electron/guardian/watchers/screen/toolPrompts';
import { fixtureLines } from './fixtureLines';

const catalog = loadCatalog();
const changes = (read: LogLineReader, lines: string[]) => lines.map(read).filter((change) => change !== null);

describe('TeamViewer, as published', () => {
  it('Connections_incoming.txt: a finished session with the partner ID and its UTC times', () => {
    const line = '514162531\tJames Moriarty\t20-08-2025 09:58:25\t20-08-2025 10:14:27\tCogwork_Admin\tRemoteControl\t{7ca6431e-0000-0000-0000-000000000000}\t';
    expect(readTeamViewerIncomingLine(line)).toEqual({
      type: 'past', at: '2025-08-20T10:14:27.000Z', remoteId: '514162531', remoteName: 'James Moriarty', otherRemoteIds: [],
      since: '2025-08-20T09:58:25.000Z', until: '2025-08-20T10:14:27.000Z',
    });
  });

  it('the desktop process\'s lines: the incoming connection, the partner added with the role 6, the session ending', () => {
    const read = createTeamViewerLogReader();
    expect(changes(read, [
      '2025/08/20 11:58:25.433  5716       5840 D3   SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = -2102926010',
      '2025/08/20 11:58:29.958  5716       2436 D3   CParticipantManagerBase participant James Moriarty (ID [514162531,-207968498]) was added with the role 6',
      '2025/08/20 12:14:27.054  5716       2436 D3   SessionEnded: 0',
    ]).map((c) => [c.type, 'remoteId' in c ? c.remoteId : null])).toEqual([['request', null], ['start', '514162531'], ['end', null]]);
  });

  it('the service\'s lines (QuickSupport and portable logs): AddParticipant type=6 starts, ReceivedEndSession and OnProcessTerminated end, the PC\'s own RemoveParticipant is not an end', () => {
    const read = createTeamViewerLogReader();
    const local = (hour: number, minute: number, second: number, ms: number) => new Date(2025, 7, 20, hour, minute, second, ms).toISOString();
    expect(changes(read, fixtureLines('TeamViewer15_Logfile_QuickSupport.log'))).toEqual([
      { type: 'start', at: local(11, 58, 29, 951), remoteId: '514162531', remoteName: 'James Moriarty', remoteAddress: null, otherRemoteIds: [] },
      { type: 'end', at: local(12, 14, 27, 10), remoteId: null },
      { type: 'start', at: local(12, 20, 3, 400), remoteId: '1025538549', remoteName: 'mechant_host', remoteAddress: null, otherRemoteIds: [] },
      { type: 'end', at: local(12, 20, 40, 2), remoteId: null },
    ]);
  });

  it('QuickSupport is its own product, and TeamViewer_Desktop.exe --IPCport 5939 --Module 1 is a live session', () => {
    expect(catalog.matchProcess({ pid: 1, ppid: null, name: 'TeamViewerQS.exe', exe: null, cmdline: null })?.id).toBe('teamviewer-quicksupport');
    const desktop = { pid: 2, ppid: null, name: 'TeamViewer_Desktop.exe', exe: null, cmdline: 'TeamViewer_Desktop.exe --IPCport 5939 --Module 1' };
    expect(catalog.isSessionProcess(catalog.matchProcess(desktop)!, desktop)).toBe(true);
  });
});

describe('AnyDesk, as published', () => {
  it('connection_trace.txt: "Incoming 2022-09-28, 12:39 User 442226597 442226597"', () => {
    expect(readAnyDeskConnectionTraceLine('Incoming 2022-09-28, 12:39 User 442226597 442226597')).toEqual({
      type: 'start', at: '2022-09-28T12:39:00.000Z', remoteId: '442226597', remoteName: null, remoteAddress: null, otherRemoteIds: [],
    });
    expect(readAnyDeskConnectionTraceLine('Incoming 2022-09-28, 12:39 REJECTED 442226597 442226597')).toBeNull();
  });

  it('ad_svc.trace: "Logged in from 12.34.56.21:59562 on relay 80e496c0." names the peer, in UTC', () => {
    expect(readAnyDeskTraceLine('info 2022-09-28 12:39:26.845 lsvc 5920 4508 anynet.any_socket - Logged in from 12.34.56.21:59562 on relay 80e496c0.')).toEqual({
      type: 'detail', at: '2022-09-28T12:39:26.845Z', remoteId: null, remoteName: null, remoteAddress: '12.34.56.21', otherRemoteIds: [],
    });
  });

  it('anydesk.trace (Linux and macOS): the documented starts and ends, each session with its ID', () => {
    expect(changes(readAnyDeskTraceLine, fixtureLines('anydesk.trace')).map((c) => [c.type, 'remoteId' in c ? c.remoteId : null])).toEqual([
      ['detail', null], ['request', '442226597'], ['start', '442226597'], ['end', null], ['start', null], ['start', null], ['end', null],
    ]);
    expect(readAnyDeskTraceLine('info 2022-09-28 12:40:00.000 back 3668 3660 app.backend_session - The socket was closed remotely.')).toMatchObject({ type: 'end' });
  });

  it('a custom build AnyDesk-<something>.exe is AnyDesk', () => {
    expect(catalog.matchProcess({ pid: 1, ppid: null, name: 'AnyDesk-9f3c2a11.exe', exe: null, cmdline: null })?.id).toBe('anydesk');
  });
});

describe('RustDesk, as its source writes it', () => {
  it('#{id} Connection opened from {addr}. starts, #{id} Connection closed: {reason} ends once every connection is closed', () => {
    expect(changes(createRustDeskLogReader(), fixtureLines('rustdesk_rCURRENT.log'))).toEqual([
      { type: 'start', at: '2025-08-20T09:58:25.433Z', remoteId: null, remoteName: null, remoteAddress: '198.51.100.30', otherRemoteIds: [] },
      { type: 'detail', at: '2025-08-20T09:58:25.901Z', remoteId: null, remoteName: null, remoteAddress: '198.51.100.30', otherRemoteIds: [] },
      { type: 'end', at: '2025-08-20T10:14:27.054Z', remoteId: null },
    ]);
  });

  it('skips garbage, a truncated line and a closing of a connection it never saw open', () => {
    const read = createRustDeskLogReader();
    expect(read('\u0000\uFFFD[2025-08-20 11:58')).toBeNull();
    expect(read('[2025-08-20 12:14:27.054200 +02:00] INFO [src/server/connection.rs:2520] #9 Connection closed: timeout')).toBeNull();
    expect(read('x'.repeat(10_000))).toBeNull();
  });
});

describe('UltraViewer, as published', () => {
  it('fields separated by |, local time MM/DD/YYYY hh:MM:SS AM, no address', () => {
    expect(readUltraViewerLine('08/20/2025 09:58:25 AM | 123 456 789 | CALLER-PC')).toEqual({
      type: 'start', at: new Date(2025, 7, 20, 9, 58, 25).toISOString(), remoteId: '123456789', remoteName: 'CALLER-PC', remoteAddress: null, otherRemoteIds: [],
    });
  });
});

describe('Windows support tools, as published', () => {
  it('Chrome Remote Desktop\'s one-time support host, Windows Remote Assistance and Quick Assist, each in the interrupt tier', () => {
    for (const [exe, id] of [['remote_assistance_host.exe', 'chrome-remote-desktop'], ['msra.exe', 'windows-remote-assistance'], ['QuickAssist.exe', 'quick-assist']]) {
      const tool = catalog.matchProcess({ pid: 1, ppid: null, name: exe!, exe: null, cmdline: null });
      expect(tool?.id, exe).toBe(id);
      expect(tool?.tier, exe).toBe('interrupt');
    }
  });

  it('a ScreenConnect client hidden in a look-alike folder is still ScreenConnect, by its executable\'s name', () => {
    const exe = 'C:\\Program Files (x86)\\Microsoft Visual C++ 2015 Redistributable\\ScreenConnect.ClientService.exe';
    expect(catalog.matchProcess({ pid: 1, ppid: null, name: 'ScreenConnect.ClientService.exe', exe, cmdline: null })?.id).toBe('screenconnect');
  });

  it('Quick Assist asks inside its own window, titled "Quick Assist", and talks to remoteassistance.support.services.microsoft.com', () => {
    expect(isToolPromptTitle('Quick Assist')).toBe(true);
    expect(catalog.byId('quick-assist')?.domains).toContain('remoteassistance.support.services.microsoft.com');
  });
});
