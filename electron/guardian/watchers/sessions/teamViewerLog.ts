// Reads TeamViewer<NN>_Logfile.log lines for incoming sessions: the incoming connection, the remote participant
// joining (in the desktop process's lines or the service's own, S0), and the session ending (the stream's end, the
// participant leaving, the desktop process ending). Outgoing sessions (this PC controlling another) are not reported.
import { idsIn, localTimeIso, MAX_PARSED_LINE_LENGTH, type LogLineReader, type LogSessionChange } from './logSessionChange';

// "2025/08/20 11:58:25.433  5716       5840 D3   text": the PC's local time (its run's header names the offset when
// it started, "(UTC+2:00)", which a change of summer time makes stale: the PC's own zone is used), process, thread,
// tag (D desktop, S service).
const LINE_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3})\s/;
const INCOMING = /Connection incoming, sessionID = (-?\d+)/;
const MY_ID = /SetMyParticipantIdentifier\(\): pid=\[(\d+),/;
// TeamViewer 11-15: "CParticipantManagerBase participant NAME (ID [547298337,1947434567]) was added with the role 6";
// the ID TeamViewer writes is the one just before "was added", whatever NAME holds.
const PARTICIPANT_ADDED = /participant (.+) \(ID \[(\d+),-?\d+\]\) was added(?: with the role (\d+))?/;
// TeamViewer 15, the service: "CPersistentParticipantManager::AddParticipant: [1651063400,876631011] type=6 name=Joe Doe"
const PERSISTENT_ADDED = /AddParticipant: \[(\d+),-?\d+\] type=(\d+) name=(.*)$/;
const PARTICIPANT_REMOVED = /RemoveParticipant: \[(\d+),-?\d+\]/;
const SESSION_ENDED = /SessionEnded|SessionTerminate|Session to \S+ ended|ReceivedEndSession|DesktopProcessControl::OnProcessTerminated/;
/** The role (or type) TeamViewer gives the participant whose screen is shared: this PC. */
const LOCAL_ROLE = '3';
/** The role of a partner connecting in to control this PC: the service's line for it starts a session on its own. */
const REMOTE_CONTROL_ROLE = '6';

function lineTime(line: string): string | null {
  const match = LINE_TIME.exec(line);
  if (!match) return null;
  const [year, month, day, hour, minute, second, ms] = match.slice(1, 8).map(Number) as [number, number, number, number, number, number, number];
  return localTimeIso(year, month, day, hour, minute, second, ms);
}

/** A reader with memory: it knows this PC's own participant ID and whether an incoming session is under way. */
export function createTeamViewerLogReader(): LogLineReader {
  const myIds = new Set<string>();
  let incoming = false;
  let joined = false;

  /** `byService`: the service's own line, which names a partner connecting in even with no desktop line before it. */
  function remoteJoined(at: string | null, id: string, role: string | undefined, name: string, byService: boolean): LogSessionChange | null {
    if (role === LOCAL_ROLE || myIds.has(id)) return null;
    if (!incoming && !(byService && role === REMOTE_CONTROL_ROLE)) return null;
    incoming = true;
    joined = true;
    const remoteName = name.trim() || null;
    return { type: 'start', at, remoteId: id, remoteName, remoteAddress: null, otherRemoteIds: idsIn(name, id) };
  }

  function ended(at: string | null, remoteId: string | null): LogSessionChange | null {
    if (!incoming && !joined) return null;
    incoming = false;
    joined = false;
    return { type: 'end', at, remoteId };
  }

  return (line) => {
    if (line.length > MAX_PARSED_LINE_LENGTH) return null;
    const at = lineTime(line);
    let match = INCOMING.exec(line);
    if (match) {
      incoming = true;
      return { type: 'request', at, remoteId: null, remoteName: null, remoteAddress: null, otherRemoteIds: [] };
    }
    if ((match = MY_ID.exec(line))) {
      myIds.add(match[1]!);
      return null;
    }
    if ((match = PARTICIPANT_ADDED.exec(line))) return remoteJoined(at, match[2]!, match[3], match[1]!, false);
    if ((match = PERSISTENT_ADDED.exec(line))) return remoteJoined(at, match[1]!, match[2], match[3]!, true);
    if ((match = PARTICIPANT_REMOVED.exec(line))) return myIds.has(match[1]!) ? null : ended(at, match[1]!);
    if (SESSION_ENDED.test(line)) return ended(at, null);
    return null;
  };
}
