// What to do about one engine event: interrupt (full screen), warn (tray notification), note (small tray note) or log.
// Pure: the event, the trusted helpers and the live sessions in, a decision out. It never acts and never keeps state.
//
// Decisions worth knowing:
// - A tool of tier `interrupt` already running when protection starts still interrupts: scammers set their tool to
//   start with the computer and may have told the person to restart it.
// - A tool the family trusts a helper on (their own AnyDesk or TeamViewer, often running as a service all day) is only
//   logged when it runs: what matters there is who connects, and every session on it is still checked by remote ID.
//   Only that exact catalog product is exempt: trusting TeamViewer does not cover TeamViewer QuickSupport.
// - A session is the trusted helper's only when its remote ID was read and matches, and the line it came from held no
//   other ID-shaped number (the caller chooses the display name and may put the helper's ID in it). A session whose
//   ID could not be read interrupts, on a trusted tool too.
// - A past session (an old line in a tool's log) is history: it is only logged, and the weekly summary shows it.
// - A tool of tier `warn` or an installer already there at start is only logged: it was there before this run and a
//   warning at every start would teach the person to dismiss warnings. Both are in the journal and the status.
// - A session from a trusted helper stays a note even while a bank page is open: the family set that helper up.
// - Remote control seen from injected input (someone else moving the mouse, whatever the tool) interrupts, unless a trusted
//   helper's session is live: then it is the helper's hand. Its end is only logged.
// - Running a meeting app (Zoom, Teams, Skype, WhatsApp) is only logged: it is normal. Someone asking for or having remote
//   control in it interrupts, whatever their name ("Zoom is requesting remote control" comes from a person who named
//   themselves Zoom), and even when the family trusts a helper: the policy cannot tell who is in the call.
// - The screen being shared (a browser's or a meeting app's own indicator) is a tray note; while a money page is open
//   (a bank, gift cards, crypto, money transfer) it interrupts at the highest level, as a remote session does.
// - While protection is paused, everything is only logged.
import { UNNAMED_SHARER, type GuardianEvent, type InterruptionCause, type Session } from '../../../shared/events';
import type { TrustedHelper } from '../../../shared/settings';
import { remoteIdKey } from '../../../shared/remoteId';

export type ToolRef = { toolId: string | null; name: string };

export type InterruptDecision = {
  action: 'interrupt';
  /** Decisions with the same key are one interruption: the tool's id, or the session's key when no tool is known. */
  key: string;
  level: 'interrupt' | 'highest';
  cause: InterruptionCause;
  tool: ToolRef;
  pid: number | null;
  remoteId: string | null;
  remoteAddress: string | null;
};

export type WarnDecision = { action: 'warn'; key: string; cause: 'tool-started' | 'installer-downloaded'; tool: ToolRef };

export type NoteDecision =
  | { action: 'note'; key: string; cause: 'trusted-session'; tool: ToolRef; helper: string }
  | { action: 'note'; key: string; cause: 'screen-sharing'; tool: ToolRef };

export type LogDecision = { action: 'log' };

export type Decision = InterruptDecision | WarnDecision | NoteDecision | LogDecision;

export interface PolicyContext {
  trustedHelpers: readonly TrustedHelper[];
  paused: boolean;
  /** A live session by key, as the engine reported it when it started. */
  session(key: string): Session | undefined;
  /** Every live session. */
  liveSessions(): Iterable<Session>;
}

/** What the person and the family are told remote control seen from injected input is. */
export const REMOTE_INPUT_TOOL: ToolRef = { toolId: null, name: 'the program moving the mouse' };

const LOG: LogDecision = { action: 'log' };

/** The helper this session comes from, or undefined when it is not from anyone the family trusts. */
export function trustedHelperOf<Helper extends Pick<TrustedHelper, 'toolId' | 'remoteId'>>(
  session: Pick<Session, 'toolId' | 'remoteId' | 'otherRemoteIds'>,
  helpers: readonly Helper[],
): Helper | undefined {
  if (session.toolId === null || session.remoteId === null) return undefined;
  if ((session.otherRemoteIds ?? []).length > 0) return undefined;
  const remoteId = remoteIdKey(session.remoteId);
  if (remoteId === '') return undefined;
  return helpers.find((helper) => helper.toolId === session.toolId && remoteIdKey(helper.remoteId) === remoteId);
}

const keyOf = (toolId: string | null, fallback: string): string => (toolId === null ? fallback : `tool:${toolId}`);

function sessionDecision(session: Session, highest: boolean, context: PolicyContext): Decision {
  const tool = { toolId: session.toolId, name: session.name };
  const helper = trustedHelperOf(session, context.trustedHelpers);
  if (helper !== undefined) {
    return { action: 'note', key: `session:${session.key}`, cause: 'trusted-session', tool, helper: helper.label || helper.remoteId };
  }
  return {
    action: 'interrupt',
    key: keyOf(session.toolId, `session:${session.key}`),
    level: highest ? 'highest' : 'interrupt',
    cause: highest ? 'bank-during-session' : 'session-started',
    tool,
    pid: session.pid,
    remoteId: session.remoteId,
    remoteAddress: session.remoteAddress,
  };
}

/** The screen shared, or remote control in a meeting: who does it is named by the window watcher. */
function windowDecision(event: Extract<GuardianEvent, { type: 'window-seen' | 'sharing-risk-raised' }>, cause: InterruptionCause | null): Decision {
  const tool = { toolId: event.toolId, name: event.name ?? UNNAMED_SHARER };
  const key = keyOf(event.toolId, `window:${event.pid ?? '?'}`);
  if (cause === null) return { action: 'note', key: `sharing:${key}`, cause: 'screen-sharing', tool };
  return {
    action: 'interrupt', key, level: cause === 'bank-during-sharing' ? 'highest' : 'interrupt', cause, tool, pid: event.pid,
    remoteId: null, remoteAddress: null,
  };
}

export function decide(event: GuardianEvent, context: PolicyContext): Decision {
  if (context.paused) return LOG;
  switch (event.type) {
    case 'tool-started': {
      const tool = { toolId: event.toolId, name: event.name };
      if (event.tier === 'interrupt') {
        if (context.trustedHelpers.some((helper) => helper.toolId === event.toolId)) return LOG;
        return {
          action: 'interrupt', key: keyOf(event.toolId, `pid:${event.pid}`), level: 'interrupt', cause: 'tool-started',
          tool, pid: event.pid, remoteId: null, remoteAddress: null,
        };
      }
      if (event.tier === 'warn' && !event.initial) return { action: 'warn', key: keyOf(event.toolId, `pid:${event.pid}`), cause: 'tool-started', tool };
      return LOG;
    }
    case 'installer-downloaded':
      if (event.initial || event.tier === 'log') return LOG;
      return { action: 'warn', key: `installer:${event.path}`, cause: 'installer-downloaded', tool: { toolId: event.toolId, name: event.name } };
    case 'session-started':
      return sessionDecision(event, event.risk === 'highest', context);
    case 'session-risk-raised': {
      const session = context.session(event.key);
      if (session === undefined || event.risk !== 'highest') return LOG;
      // A trusted helper's session had its note when it started.
      return trustedHelperOf(session, context.trustedHelpers) === undefined ? sessionDecision(session, true, context) : LOG;
    }
    case 'remote-input': {
      if ([...context.liveSessions()].some((session) => trustedHelperOf(session, context.trustedHelpers) !== undefined)) return LOG;
      return {
        action: 'interrupt', key: 'remote-input', level: 'interrupt', cause: 'remote-input', tool: REMOTE_INPUT_TOOL,
        pid: event.pid, remoteId: null, remoteAddress: null,
      };
    }
    case 'window-seen':
      if (event.kind === 'remote-control') return windowDecision(event, 'meeting-control');
      if (event.kind === 'screen-share') return windowDecision(event, event.risk === 'highest' ? 'bank-during-sharing' : null);
      return LOG;
    case 'sharing-risk-raised':
      return windowDecision(event, 'bank-during-sharing');
    default:
      return LOG;
  }
}
