// What the engine knows right now (tools running, live sessions, bank pages, failed watchers), folded from its events.
// Pure: it never watches anything itself, so the status and the risk rules are tested on plain event lists.
import type { Status } from '../../shared/api';
import type { GuardianEvent } from '../../shared/events';
import { statusFor, TIER_CONTROLS, type Situation } from '../../shared/statusWords';

type LiveSession = Extract<GuardianEvent, { type: 'session-started' }>;
type RunningTool = Extract<GuardianEvent, { type: 'tool-started' }>;

export class EngineState {
  private readonly tools = new Map<number, RunningTool>();
  private readonly sessions = new Map<string, LiveSession>();
  private readonly bankWindows = new Set<string>();
  private readonly failures = new Map<string, { message: string; lasting: boolean }>();
  private readonly watcherNames: string[];

  constructor(watcherNames: string[], private readonly since: string) {
    this.watcherNames = [...watcherNames];
  }

  get bankOpen(): boolean {
    return this.bankWindows.size > 0;
  }

  liveSessions(): LiveSession[] {
    return [...this.sessions.values()];
  }

  /** Folds one event in. Returns the follow-up events the fold implies (risk raised when a bank opens mid-session). */
  apply(event: GuardianEvent): GuardianEvent[] {
    switch (event.type) {
      case 'tool-started':
        if (event.toolId) this.tools.set(event.pid, event);
        return [];
      case 'tool-stopped':
        this.tools.delete(event.pid);
        return [];
      case 'session-started':
        this.sessions.set(event.key, event);
        return [];
      case 'session-ended':
        this.sessions.delete(event.key);
        return [];
      case 'window-seen':
        if (event.kind !== 'bank') return [];
        this.bankWindows.add(windowKey(event));
        return this.raiseLiveSessions(event.at);
      case 'window-gone':
        if (event.kind === 'bank') this.bankWindows.delete(windowKey(event));
        return [];
      case 'watcher-failed':
        this.failures.set(event.watcher, { message: event.message, lasting: event.lasting === true });
        return [];
      case 'watcher-recovered':
        this.failures.delete(event.watcher);
        return [];
      default:
        return [];
    }
  }

  /** A session seen while a bank page is already open starts at the highest risk. */
  withRisk(event: GuardianEvent): GuardianEvent {
    return event.type === 'session-started' && this.bankOpen ? { ...event, risk: 'highest' } : event;
  }

  status(): Status {
    const watchers = this.watcherNames.map((name) => {
      const message = this.failures.get(name)?.message ?? null;
      return { name, ok: message === null, message };
    });
    const toolsRunning = [...this.tools.values()].map((t) => ({ toolId: t.toolId as string, name: t.name, pid: t.pid, tier: t.tier }));
    const broken = [...this.failures.values()].some((failure) => !failure.lasting);
    const situation: Situation = broken
      ? 'part-broken'
      : this.sessions.size > 0
        ? 'connected-in'
        : toolsRunning.some((t) => TIER_CONTROLS[t.tier]) ? 'control-program' : 'quiet';
    return { ...statusFor(situation), watchers, toolsRunning, since: this.since };
  }

  private raiseLiveSessions(at: string): GuardianEvent[] {
    const raised: GuardianEvent[] = [];
    for (const [key, session] of this.sessions) {
      if (session.risk === 'highest') continue;
      this.sessions.set(key, { ...session, risk: 'highest' });
      raised.push({ type: 'session-risk-raised', at, key, risk: 'highest', reason: 'A bank page is open while someone is connected in.' });
    }
    return raised;
  }
}

function windowKey(event: { toolId: string | null; pid: number | null }): string {
  return `${event.pid ?? '?'}:${event.toolId ?? ''}`;
}
