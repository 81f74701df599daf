// Parses TeamViewer's Connections_incoming.txt: one line per incoming session, written when the session ends.
import { idsIn, MAX_PARSED_LINE_LENGTH, type LogLineReader } from './logSessionChange';

export interface TeamViewerIncomingConnection {
  /** The partner's TeamViewer ID. */
  partnerId: string;
  partnerName: string;
  /** ISO 8601 UTC; the file writes `DD-MM-YYYY HH:MM:SS` in UTC. */
  start: string;
  end: string;
  localUser: string;
  /** RemoteControl, FileTransfer, ... */
  connectionType: string;
  connectionGuid: string;
}

const DATE_TIME = '(\\d{2})-(\\d{2})-(\\d{4}) (\\d{2}):(\\d{2}):(\\d{2})';
// Fields are tab-separated; the display name and user may hold spaces, so the dates anchor the split.
const LINE = new RegExp(
  `^\\s*(\\d{5,12})[\\t ]+(.*?)[\\t ]+${DATE_TIME}[\\t ]+${DATE_TIME}[\\t ]+(.*?)[\\t ]+(\\S+)[\\t ]+(\\{[0-9A-Fa-f-]+\\})\\s*$`,
);

function utcIso(parts: string[]): string | null {
  const [day, month, year, hour, minute, second] = parts.map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  // Date.UTC rolls 31-02 over into March; a date that does not round-trip is not a real date.
  if (Number.isNaN(time) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return date.toISOString();
}

export function parseTeamViewerIncomingLine(line: string): TeamViewerIncomingConnection | null {
  if (line.length > MAX_PARSED_LINE_LENGTH) return null;
  const match = LINE.exec(line);
  if (!match) return null;
  const start = utcIso(match.slice(3, 9));
  const end = utcIso(match.slice(9, 15));
  if (!start || !end) return null;
  return {
    partnerId: match[1]!,
    partnerName: match[2]!.trim(),
    start,
    end,
    localUser: match[15]!.trim(),
    connectionType: match[16]!,
    connectionGuid: match[17]!,
  };
}

/** Every parsed line is a whole session, written when it ended: its partner, and when it began and ended. */
export const readTeamViewerIncomingLine: LogLineReader = (line) => {
  const connection = parseTeamViewerIncomingLine(line);
  if (!connection) return null;
  return {
    type: 'past',
    at: connection.end,
    remoteId: connection.partnerId,
    remoteName: connection.partnerName || null,
    otherRemoteIds: idsIn(connection.partnerName, connection.partnerId),
    since: connection.start,
    until: connection.end,
  };
};
