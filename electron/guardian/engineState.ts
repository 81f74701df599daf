// What the engine knows right now (tools running, live sessions, money pages, screen shares, failed watchers), folded
// from its events.
// Pure: it never watches anything itself, so the status and the risk rules are tested on plain event lists.
import type { Status } from '../../shared/api';
import { UNNAMED_SHARER, type GuardianEvent } from '../../shared/events';
import { statusFor, TIER_CONTROLS, type Situation } from '../../shared/statusWords';

type LiveSession = Extract<GuardianEvent, { type: 'session-started' }>;
type RunningTool = Extract<GuardianEvent, { type: 'tool-started' }>;
type WindowSeen = Extract<GuardianEvent, { type: 'window-seen' }>;

export class EngineState {
  private readonly tools = new Map<number, RunningTool>();
  private readonly sessions = new Map<string, LiveSession>();
  private readonly bankWindows = new Set<string>();
  /** The screen shares on screen, by window key, and whether a money page has raised each one's risk already. */
  private readonly shares = new Map<string, { share: WindowSeen; raised: boolean }>();
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
        if (event.kind === 'screen-share') this.shares.set(windowKey(event), { share: event, raised: event.risk === 'highest' });
        if (event.kind !== 'bank') return [];
        this.bankWindows.add(windowKey(event));
        return [...this.raiseLiveSessions(event.at), ...this.raiseShares(event.at)];
      case 'window-gone':
        if (event.kind === 'bank') this.bankWindows.delete(windowKey(event));
        if (event.kind === 'screen-share') this.shares.delete(windowKey(event));
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

  /** A session or a screen share seen while a money page is already open starts at the highest risk. */
  withRisk(event: GuardianEvent): GuardianEvent {
    if (!this.bankOpen) return event;
    if (event.type === 'session-started' || (event.type === 'window-seen' && event.kind === 'screen-share')) return { ...event, risk: 'highest' };
    return event;
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

  /** A money page opened while the screen is shared: each share not raised yet is raised once. */
  private raiseShares(at: string): GuardianEvent[] {
    const raised: GuardianEvent[] = [];
    for (const entry of this.shares.values()) {
      if (entry.raised) continue;
      entry.raised = true;
      const { toolId, pid, name } = entry.share;
      raised.push({ type: 'sharing-risk-raised', at, toolId, pid, name: name ?? UNNAMED_SHARER });
    }
    return raised;
  }
}

function windowKey(event: { toolId: string | null; pid: number | null }): string {
  return `${event.pid ?? '?'}:${event.toolId ?? ''}`;
}
