// Reads TeamViewer<NN>_Logfile.log lines for incoming sessions: the incoming connection, the remote participant
// joining, and the session ending. Outgoing sessions (this PC controlling another) are not reported.
import { MAX_PARSED_LINE_LENGTH, type LogLineReader } from './logSessionChange';

const INCOMING = /Connection incoming, sessionID = (-?\d+)/;
const MY_ID = /SetMyParticipantIdentifier\(\): pid=\[(\d+),/;
// TeamViewer 11-15: "CParticipantManagerBase participant NAME (ID [547298337,1947434567]) was added with the role 6"
const PARTICIPANT_ADDED = /participant (.+?) \(ID \[(\d+),-?\d+\]\) was added(?: with the role (\d+))?/;
// TeamViewer 15: "CPersistentParticipantManager::AddParticipant: [1651063400,876631011] type=6 name=Joe Doe"
const PERSISTENT_ADDED = /AddParticipant: \[(\d+),-?\d+\] type=(\d+) name=(.*)$/;
const PARTICIPANT_REMOVED = /RemoveParticipant: \[(\d+),-?\d+\]/;
const SESSION_ENDED = /SessionEnded|SessionTerminate|Session to \S+ ended/;
/** The role (or type) TeamViewer gives the participant whose screen is shared: this PC. */
const LOCAL_ROLE = '3';

/** A reader with memory: it knows this PC's own participant ID and whether an incoming connection is under way. */
export function createTeamViewerLogReader(): LogLineReader {
  const myIds = new Set<string>();
  let incoming = false;

  function remoteJoined(id: string, role: string | undefined, name: string) {
    if (!incoming || role === LOCAL_ROLE || myIds.has(id)) return null;
    return { type: 'start' as const, remoteId: id, remoteName: name.trim() || null, remoteAddress: null };
  }

  return (line) => {
    if (line.length > MAX_PARSED_LINE_LENGTH) return null;
    let match = INCOMING.exec(line);
    if (match) {
      incoming = true;
      return { type: 'request', remoteId: null, remoteName: null, remoteAddress: null };
    }
    if ((match = MY_ID.exec(line))) {
      myIds.add(match[1]!);
      return null;
    }
    if ((match = PARTICIPANT_ADDED.exec(line))) return remoteJoined(match[2]!, match[3], match[1]!);
    if ((match = PERSISTENT_ADDED.exec(line))) return remoteJoined(match[1]!, match[2], match[3]!);
    if ((match = PARTICIPANT_REMOVED.exec(line))) {
      if (!incoming || myIds.has(match[1]!)) return null;
      incoming = false;
      return { type: 'end', remoteId: match[1]! };
    }
    if (SESSION_ENDED.test(line) && incoming) {
      incoming = false;
      return { type: 'end', remoteId: null };
    }
    return null;
  };
}
