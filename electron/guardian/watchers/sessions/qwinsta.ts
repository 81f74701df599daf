// Parses `qwinsta` (= `query session`) output into sessions and picks the live Remote Desktop ones.
// Headers and states are translated on non-English Windows (German Aktiv/Getr., French Actif/Déco, ...), so the
// header is never relied on: the session name rdp-tcp#N, which Windows keeps only while a client is connected, is.

export interface QwinstaSession {
  /** console, services, rdp-tcp#3, rdp-tcp (the listener); empty for a disconnected session. */
  sessionName: string;
  userName: string;
  id: number;
  /** As printed, possibly translated: Active, Disc, Listen, Conn, Aktiv, Getr. ... */
  state: string;
  /** The session qwinsta itself runs in (marked with `>`). */
  current: boolean;
}

/** IDs from 65536 up are listeners, never a person's session. */
const FIRST_LISTENER_ID = 65536;
const RDP_SESSION_NAME = /^rdp-tcp#\d+$/i;
/** Disconnected, listening or down, in the languages Windows ships most (English, German, French, Spanish, Italian, Portuguese, Dutch). */
const NOT_CONNECTED_STATE = /^(disc|desc|déco|deco|getr|verbr|listen|abh|écou|ecou|escuch|in ascolto|down)/i;

export function parseQwinsta(text: string): QwinstaSession[] {
  const sessions: QwinstaSession[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.length < 3 || rawLine.length > 400) continue;
    const current = rawLine.startsWith('>');
    const body = rawLine.slice(1);
    // Column one holds the session name; a disconnected session leaves it blank and starts with the user name's spaces.
    const hasSessionName = body.length > 0 && body[0] !== ' ';
    const tokens = body.trim().split(/\s+/);
    const sessionName = hasSessionName ? (tokens.shift() ?? '') : '';
    const idIndex = tokens.findIndex((token, index) => /^\d+$/.test(token) && index + 1 < tokens.length && !/^\d+$/.test(tokens[index + 1]!));
    if (idIndex < 0) continue; // the header line, or noise
    sessions.push({
      sessionName,
      userName: tokens.slice(0, idIndex).join(' '),
      id: Number(tokens[idIndex]),
      state: tokens[idIndex + 1]!,
      current,
    });
  }
  return sessions;
}

/** Sessions with a Remote Desktop client connected right now. */
export function activeRdpSessions(sessions: QwinstaSession[]): QwinstaSession[] {
  return sessions.filter(
    (session) => RDP_SESSION_NAME.test(session.sessionName) && session.id < FIRST_LISTENER_ID && !NOT_CONNECTED_STATE.test(session.state),
  );
}
