// Turns repeated snapshots of live sessions (WTS, TCP tables, netstat) into session-started / session-ended events.
import type { Session } from '../../../../shared/events';
import type { Emit } from '../watcher';

/** A session as a snapshot sees it; `since` is added when it is first seen. */
export type SeenSession = Omit<Session, 'since'>;

export interface PolledSessions {
  /** Compares a snapshot with the last one, emitting what started and what ended. */
  update(current: SeenSession[], emit: Emit, initial: boolean): void;
  /** Sessions seen in the last snapshot. */
  readonly open: ReadonlyMap<string, Session>;
}

export function createPolledSessions(now: () => Date): PolledSessions {
  const open = new Map<string, Session>();
  return {
    open,
    update(current, emit, initial) {
      const seenKeys = new Set<string>();
      for (const seen of current) {
        seenKeys.add(seen.key);
        if (open.has(seen.key)) continue;
        const session: Session = { ...seen, since: now().toISOString() };
        open.set(seen.key, session);
        emit({ type: 'session-started', ...session, risk: 'high', initial });
      }
      for (const [key, session] of open) {
        if (seenKeys.has(key)) continue;
        open.delete(key);
        emit({ type: 'session-ended', ...session });
      }
    },
  };
}
