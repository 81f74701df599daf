// What a remote-access tool's log line says about an incoming session: the common shape every log parser returns.

/**
 * - `request`: someone asks to connect (not yet accepted); carries who, for the start that may follow.
 * - `start`: someone is connected in now.
 * - `detail`: more about the peer (an address, an ID) for the open or the next session.
 * - `end`: the session is over.
 * - `past`: a whole session written down after it ended (TeamViewer's Connections_incoming.txt), with its times.
 * `at` is the time the line itself carries (ISO 8601), or null when it has none. Other fields are null where the
 * line does not say. `otherRemoteIds` holds every other number on the line shaped like a remote ID (a display name
 * the caller chose can hold one): a session named by such a line is never taken for a trusted helper's.
 */
export type LogSessionChange =
  | {
    type: 'request' | 'start' | 'detail';
    at: string | null;
    remoteId: string | null;
    remoteName: string | null;
    remoteAddress: string | null;
    otherRemoteIds: string[];
  }
  | { type: 'end'; at: string | null; remoteId: string | null }
  | { type: 'past'; at: string | null; remoteId: string; remoteName: string | null; otherRemoteIds: string[]; since: string; until: string };

/** Turns one log line into a change, or null when the line says nothing about sessions. May keep state between lines. */
export type LogLineReader = (line: string) => LogSessionChange | null;

/** Lines that are not text at all (binary garbage, a 1 MB blob) are not worth a regular expression. */
export const MAX_PARSED_LINE_LENGTH = 4096;

/** Numbers of 6 to 12 digits, possibly written in groups ("123 456 789"), as remote-access tools show their IDs. */
const ID_SHAPED = /(?<![\d])\d(?:[ ]?\d){5,11}(?![\d])/g;

/** Every ID-shaped number in a piece of text (spaces taken out), other than `except`. */
export function idsIn(text: string, except: string | null = null): string[] {
  const found = [...text.matchAll(ID_SHAPED)].map((match) => match[0].replace(/ /g, ''));
  return [...new Set(found)].filter((id) => id !== except);
}

/** A wall-clock time as the PC's local time (TeamViewer and UltraViewer write local time), or null when it is not a real one. */
export function localTimeIso(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): string | null {
  const date = new Date(year, month - 1, day, hour, minute, second, ms);
  if (Number.isNaN(date.getTime()) || date.getDate() !== day || date.getMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return date.toISOString();
}
