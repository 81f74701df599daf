// What a remote-access tool's log line says about an incoming session: the common shape every log parser returns.

/**
 * - `request`: someone asks to connect (not yet accepted); carries who, for the start that may follow.
 * - `start`: someone is connected in now.
 * - `detail`: more about the peer (an address, an ID) for the open or the next session.
 * - `end`: the session is over.
 * Fields are null where the line does not say.
 */
export type LogSessionChange =
  | { type: 'request' | 'start' | 'detail'; remoteId: string | null; remoteName: string | null; remoteAddress: string | null }
  | { type: 'end'; remoteId: string | null };

/** Turns one log line into a change, or null when the line says nothing about sessions. May keep state between lines. */
export type LogLineReader = (line: string) => LogSessionChange | null;

/** Lines that are not text at all (binary garbage, a 1 MB blob) are not worth a regular expression. */
export const MAX_PARSED_LINE_LENGTH = 4096;
