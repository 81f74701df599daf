// Parses AnyDesk's connection_trace.txt (one line per accepted or rejected incoming connection) and the trace
// logs ad_svc.trace / ad.trace / anydesk.trace (times in UTC) for incoming session requests, acceptance, peer
// address and end. The caller chooses the display name: the ID is taken from where AnyDesk writes it, the last field.
import { idsIn, MAX_PARSED_LINE_LENGTH, type LogLineReader } from './logSessionChange';

export interface AnyDeskConnectionTraceEntry {
  direction: 'Incoming' | 'Outgoing';
  /** ISO 8601; the file gives minutes only. */
  at: string;
  /** User (accepted at the PC), Passwd (unattended password), Token (saved login), REJECTED. */
  method: string;
  /** The caller's AnyDesk alias; equal to the ID when they have none. */
  alias: string;
  remoteId: string;
}

// "Incoming    2022-09-28, 12:39    User                              442226597    442226597"
const CONNECTION_TRACE_LINE =
  /^\s*(Incoming|Outgoing)\s+(\d{4})-(\d{2})-(\d{2}),\s*(\d{2}):(\d{2})\s+(\S+)\s+(.*?)\s*(\d{6,12})\s*$/;

export function parseAnyDeskConnectionTraceLine(line: string): AnyDeskConnectionTraceEntry | null {
  if (line.length > MAX_PARSED_LINE_LENGTH) return null;
  const match = CONNECTION_TRACE_LINE.exec(line);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(2, 7).map(Number) as [number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(time) || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return {
    direction: match[1] as 'Incoming' | 'Outgoing',
    at: new Date(time).toISOString(),
    method: match[7]!,
    alias: match[8]! || match[9]!,
    remoteId: match[9]!,
  };
}

/** An accepted incoming line means someone is connected in now (AnyDesk writes it when the session opens). */
export const readAnyDeskConnectionTraceLine: LogLineReader = (line) => {
  const entry = parseAnyDeskConnectionTraceLine(line);
  if (!entry || entry.direction !== 'Incoming' || entry.method.toUpperCase() === 'REJECTED') return null;
  return {
    type: 'start',
    at: entry.at,
    remoteId: entry.remoteId,
    remoteName: entry.alias !== entry.remoteId ? entry.alias : null,
    remoteAddress: null,
    otherRemoteIds: idsIn(entry.alias, entry.remoteId),
  };
};

export interface AnyDeskTraceEntry {
  level: string;
  /** ISO 8601 UTC. */
  at: string;
  /** back, front, lsvc, gsvc, ctrl ... */
  source: string;
  pid: number;
  /** app.backend_session, anynet.any_socket ... */
  component: string;
  message: string;
}

// "   info 2022-09-28 12:39:26.845       lsvc   5920   4508   21   anynet.any_socket - Logged in from ..."
// (the fiber number before the component is missing in older versions)
const TRACE_LINE =
  /^\s*([a-z]+)\s+(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3})\s+(\S+)\s+(\d+)\s+\d+\s+(?:\d+\s+)?(\S+)\s+-\s?(.*)$/;

export function parseAnyDeskTraceLine(line: string): AnyDeskTraceEntry | null {
  if (line.length > MAX_PARSED_LINE_LENGTH) return null;
  const match = TRACE_LINE.exec(line);
  if (!match) return null;
  const at = new Date(`${match[2]}T${match[3]}Z`);
  if (Number.isNaN(at.getTime())) return null;
  return {
    level: match[1]!,
    at: at.toISOString(),
    source: match[4]!,
    pid: Number(match[5]),
    component: match[6]!,
    message: match[7]!.trim(),
  };
}

// "Incoming session request: NAME (ID)": the ID is the last parenthesised number; NAME may hold anything.
const SESSION_REQUEST = /Incoming session request: (.*)\((\d{6,12})\)\s*$/;
const ACCEPT_REQUEST_FROM = /Accept request from "?(\d{6,12})/i;
/** "Accepting from ID": AnyDesk lets that ID in, so the session starts here. */
const ACCEPTING_FROM = /Accepting from "?(\d{6,12})/i;
const LOGGED_IN_FROM = /Logged in from \[?([0-9A-Fa-f.:]+?)\]?:(\d+) on relay/;
const ACCEPTED = /Accepting the connect request\.|Connect request accepted|Authenticated (?:by|with) /;
const ENDED = /Session stopped\.|Session closed|Received quit\.|The socket was closed remotely|requested a connection quit/;

export const readAnyDeskTraceLine: LogLineReader = (line) => {
  const entry = parseAnyDeskTraceLine(line);
  if (!entry) return null;
  const text = entry.message;
  const at = entry.at;
  let match = SESSION_REQUEST.exec(text);
  if (match) {
    const name = match[1]!.trim();
    const remoteId = match[2]!;
    return { type: 'request', at, remoteId, remoteName: name && name !== '-' ? name : null, remoteAddress: null, otherRemoteIds: idsIn(name, remoteId) };
  }
  if ((match = ACCEPT_REQUEST_FROM.exec(text) ?? ACCEPTING_FROM.exec(text))) {
    const type = match[0].toLowerCase().startsWith('accepting') ? 'start' : 'request';
    return { type, at, remoteId: match[1]!, remoteName: null, remoteAddress: null, otherRemoteIds: idsIn(text, match[1]!) };
  }
  if ((match = LOGGED_IN_FROM.exec(text))) {
    return { type: 'detail', at, remoteId: null, remoteName: null, remoteAddress: match[1]!, otherRemoteIds: [] };
  }
  if (ACCEPTED.test(text)) return { type: 'start', at, remoteId: null, remoteName: null, remoteAddress: null, otherRemoteIds: [] };
  if (ENDED.test(text)) return { type: 'end', at, remoteId: null };
  return null;
};
