// Parses UltraViewer's connection logs (Connection_IN_Log.txt, ConnectionLog.log): fields separated by `|`,
// times like `MM/DD/YYYY hh:MM:SS AM`, no IP addresses. The field order is not published, so fields are
// recognised by their shape: the time, the 9-digit partner ID, a direction word, the partner's computer name.
import { idsIn, MAX_PARSED_LINE_LENGTH, type LogLineReader } from './logSessionChange';

export interface UltraViewerConnection {
  /** Local time as written, in ISO form without a zone (UltraViewer writes the PC's local time). */
  at: string;
  partnerId: string;
  partnerName: string | null;
  /** Other fields shaped like a partner ID (the partner's computer name is theirs to choose). */
  otherIds: string[];
  direction: 'incoming' | 'outgoing' | null;
}

const TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ?([AP]M)$/i;
const PARTNER_ID = /^\d{3}[ ]?\d{3}[ ]?\d{3,4}$/;
const INCOMING = /^(in|incoming|income)$/i;
const OUTGOING = /^(out|outgoing)$/i;

function localIso(match: RegExpExecArray): string | null {
  const [month, day, year, hour12, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour12 < 1 || hour12 > 12 || minute > 59 || second > 59) return null;
  const hour = (hour12 % 12) + (match[7]!.toUpperCase() === 'PM' ? 12 : 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

export function parseUltraViewerLine(line: string): UltraViewerConnection | null {
  if (line.length > MAX_PARSED_LINE_LENGTH || !line.includes('|')) return null;
  let at: string | null = null;
  let partnerId: string | null = null;
  const otherIds: string[] = [];
  let partnerName: string | null = null;
  let direction: UltraViewerConnection['direction'] = null;
  for (const raw of line.split('|')) {
    const field = raw.trim();
    if (!field) continue;
    const time = TIME.exec(field);
    if (time && at === null) at = localIso(time);
    else if (PARTNER_ID.test(field)) {
      if (partnerId === null) partnerId = field.replace(/ /g, '');
      else otherIds.push(field.replace(/ /g, ''));
    }
    else if (INCOMING.test(field)) direction = 'incoming';
    else if (OUTGOING.test(field)) direction = 'outgoing';
    else if (partnerName === null) partnerName = field;
  }
  if (at === null || partnerId === null) return null;
  return { at, partnerId, partnerName, otherIds, direction };
}

/** A line that is not marked outgoing is an incoming connection: someone is connected in now. */
export const readUltraViewerLine: LogLineReader = (line) => {
  const connection = parseUltraViewerLine(line);
  if (!connection || connection.direction === 'outgoing') return null;
  return {
    type: 'start',
    // A date-time without a zone is the PC's local time, as UltraViewer writes it.
    at: new Date(connection.at).toISOString(),
    remoteId: connection.partnerId,
    remoteName: connection.partnerName,
    remoteAddress: null,
    otherRemoteIds: [...connection.otherIds, ...idsIn(connection.partnerName ?? '', connection.partnerId)],
  };
};
