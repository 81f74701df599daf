import { parseTeamViewerIncomingLine, readTeamViewerIncomingLine } from '../../../../../electron/guardian/watchers/sessions/teamViewerIncoming';
import { createTeamViewerLogReader } from '../../../../../electron/guardian/watchers/sessions/teamViewerLog';
import { fixtureLines } from './fixtureLines';

describe('TeamViewer Connections_incoming.txt', () => {
  it('parses each tab-separated line with UTC times', () => {
    const parsed = fixtureLines('Connections_incoming.txt').map(parseTeamViewerIncomingLine).filter((x) => x !== null);
    expect(parsed).toEqual([
      {
        partnerId: '514162531',
        partnerName: 'James Moriarty',
        start: '2025-08-20T09:58:25.000Z',
        end: '2025-08-20T10:14:27.000Z',
        localUser: 'Margaret',
        connectionType: 'RemoteControl',
        connectionGuid: '{7ca6431e-0000-0000-0000-000000000000}',
      },
      expect.objectContaining({ partnerId: '1025538549', partnerName: 'mechant_host', connectionType: 'FileTransfer' }),
    ]);
  });

  it('reads a line as a whole past session with the partner ID and times, and rejects impossible dates and noise', () => {
    expect(readTeamViewerIncomingLine(fixtureLines('Connections_incoming.txt')[1]!)).toEqual({
      type: 'past', at: '2025-08-20T10:14:27.000Z', remoteId: '514162531', remoteName: 'James Moriarty', otherRemoteIds: [],
      since: '2025-08-20T09:58:25.000Z', until: '2025-08-20T10:14:27.000Z',
    });
    expect(parseTeamViewerIncomingLine('514162531\tX\t31-02-2025 09:58:25\t31-02-2025 10:14:27\tM\tRemoteControl\t{7ca6431e}')).toBeNull();
    expect(readTeamViewerIncomingLine('\u0000\uFFFD\uFFFD garbage')).toBeNull();
  });
});

describe('TeamViewer log', () => {
  it('starts a session when the remote participant joins an incoming connection, and ends it', () => {
    const read = createTeamViewerLogReader();
    const changes = fixtureLines('TeamViewer15_Logfile.log').map(read).filter((x) => x !== null);
    // The PC's local time, whatever offset the run's header noted when it began (summer time may have changed since).
    const none = { remoteId: null, remoteName: null, remoteAddress: null, otherRemoteIds: [] };
    expect(changes).toEqual([
      { ...none, type: 'request', at: new Date(2025, 7, 20, 11, 58, 25, 433).toISOString() },
      { ...none, type: 'start', at: new Date(2025, 7, 20, 11, 58, 29, 958).toISOString(), remoteId: '514162531', remoteName: 'James Moriarty' },
      { type: 'end', at: new Date(2025, 7, 20, 12, 14, 27, 54).toISOString(), remoteId: null },
    ]);
  });

  it('starts a session from the service\'s own AddParticipant line, and ends it on ReceivedEndSession or the desktop process ending', () => {
    const service = (text: string) => `2024/06/28 20:23:37.280  3160  3604 S0   ${text}`;
    for (const end of ['CStreamManager[2]::ReceivedEndSession(): reason=1', 'DesktopProcessControl::OnProcessTerminated: pid=5716']) {
      const read = createTeamViewerLogReader();
      expect(read(service('CPersistentParticipantManager::AddParticipant: [1651063400,876631011] type=6 name=Joe Doe'))).toMatchObject({
        type: 'start', remoteId: '1651063400', remoteName: 'Joe Doe',
      });
      expect(read(service(end))).toMatchObject({ type: 'end', remoteId: null });
      expect(read(service(end))).toBeNull();
    }
  });

  it('takes the participant ID TeamViewer writes, and keeps numbers in the name as other candidates', () => {
    const read = createTeamViewerLogReader();
    read('2024/06/28 20:23:30.100  3160  3604 D3   SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = 1');
    expect(read('2024/06/28 20:23:37.280  3160  3604 D3   CParticipantManagerBase participant Sam (ID [123456789,-1]) (ID [987654321,-2]) was added with the role 6')).toMatchObject({
      remoteId: '987654321', otherRemoteIds: ['123456789'],
    });
  });

  it('reads the TeamViewer 15 AddParticipant and RemoveParticipant form, ignoring the local participant', () => {
    const read = createTeamViewerLogReader();
    const lines = [
      '2024/06/28 20:23:30.100  3160  3604 S0   SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = 2002352381',
      '2024/06/28 20:23:37.280  3160  3604 S0   CPersistentParticipantManager::AddParticipant: [1349779002,2002352381] type=3 name=HOME-PC',
      '2024/06/28 20:23:37.280  3160  3604 S0   CPersistentParticipantManager::AddParticipant: [1651063400,876631011] type=6 name=Joe Doe | Pro IT Services',
      '2024/06/28 22:49:14.140  3160  3608 S0   CPersistentParticipantManager::RemoveParticipant: [1651063400,2002352381]',
    ];
    expect(lines.map(read).filter((x) => x !== null)).toEqual([
      expect.objectContaining({ type: 'request', remoteId: null }),
      expect.objectContaining({ type: 'start', remoteId: '1651063400', remoteName: 'Joe Doe | Pro IT Services', otherRemoteIds: [] }),
      expect.objectContaining({ type: 'end', remoteId: '1651063400' }),
    ]);
  });

  it('does not report participants of an outgoing session from the desktop\'s lines (no incoming connection first)', () => {
    const read = createTeamViewerLogReader();
    expect(read('2024/06/28 20:23:37.280  3160  3604 S0   CParticipantManagerBase participant Bob (ID [1761879737,-207968498]) was added with the role 6')).toBeNull();
    expect(read('2024/06/28 20:30:00.000  3160  3604 S0   SessionEnded: 0')).toBeNull();
  });
});
