// Counts what a week's records tell the family: tools, installers, sessions (trusted or unknown, live or found past in
// a tool's log), someone else moving the mouse, interruptions and choices, alerts, wrong PINs, settings changes, tampering. Matches record types by
// name, so types added later cannot break it.
import { ChoiceSchema, type Choice, type JournalRecord } from '../../../shared/journal';
import type { TrustedHelper } from '../../../shared/settings';
import type { WeeklySummary } from '../../../shared/summary';
import { trustedHelperOf } from '../protection/policy';

type Counts = Pick<WeeklySummary, 'toolsSeen' | 'installers' | 'sessions' | 'remoteInput' | 'interruptions' | 'couldNotClose' | 'alerts' | 'pinFailures' | 'settingsChanges' | 'tampering' | 'allQuiet'>;
type RemoteLine = WeeklySummary['sessions']['remoteIds'][number];
type PastSessionRecord = Extract<JournalRecord, { type: 'session-past' }>;

/** The same past session is found again at every start while its line is in the log: one key for it. */
const pastKey = (record: PastSessionRecord): string => `${record.toolId}\n${record.remoteId ?? ''}\n${record.since ?? ''}\n${record.until ?? ''}`;

export class SummaryTally {
  private readonly trustedHelpers: readonly Pick<TrustedHelper, 'toolId' | 'remoteId'>[];
  private readonly tools = new Map<string, WeeklySummary['toolsSeen'][number]>();
  private readonly installers = new Map<string, WeeklySummary['installers'][number]>();
  private readonly sessionKeys = new Set<string>();
  private readonly remotes = new Map<string, RemoteLine>();
  private trustedSessions = 0;
  private unknownSessions = 0;
  private interruptionsShown = 0;
  private remoteInput = 0;
  private readonly choices = Object.fromEntries(ChoiceSchema.options.map((c) => [c, 0])) as Record<Choice, number>;
  private readonly notClosed = new Map<string, WeeklySummary['couldNotClose'][number]>();
  private readonly alerts = new Map<string, 'delivered' | 'failed'>();
  private pinFailures = 0;
  private settingsChanged = 0;
  private readonly settingsFields = new Set<string>();
  private settingsResets = 0;
  private readonly tampering: WeeklySummary['tampering'] = [];
  private readonly pastKeys = new Set<string>();
  private readonly past: WeeklySummary['sessions']['past'] = [];

  constructor(trustedHelpers: readonly Pick<TrustedHelper, 'toolId' | 'remoteId'>[]) {
    this.trustedHelpers = trustedHelpers;
  }

  /** A record from before the week: a past session journalled then has been told already. */
  notePrior(record: JournalRecord): void {
    if (record.type === 'session-past') this.pastKeys.add(pastKey(record));
  }

  /** Counts one record of the week; true when it is something the summary tells (a day's "event"). */
  add(record: JournalRecord): boolean {
    const type: string = record.type;
    switch (record.type) {
      case 'tool-started': {
        const key = record.toolId ?? `name:${record.name}`;
        const line = this.tools.get(key) ?? { toolId: record.toolId, name: record.name, count: 0 };
        line.count += 1;
        this.tools.set(key, line);
        return true;
      }
      case 'installer-downloaded':
        if (this.installers.has(record.path)) return false;
        this.installers.set(record.path, { toolId: record.toolId, name: record.name, path: record.path, firstSeen: record.at });
        return true;
      case 'session-started':
        return this.addSession(record);
      case 'session-past': {
        const key = pastKey(record);
        if (this.pastKeys.has(key)) return false;
        this.pastKeys.add(key);
        const { toolId, name, remoteId, since, until } = record;
        this.past.push({ toolId, name, remoteId, since, until, trusted: trustedHelperOf(record, this.trustedHelpers) !== undefined });
        return true;
      }
      case 'remote-input':
        this.remoteInput += 1;
        return true;
      case 'choice':
        if (!(record.choice in this.choices)) return false;
        this.choices[record.choice] += 1;
        return true;
      case 'end-it-outcome': {
        if (record.outcome !== 'not-ended') return false;
        const key = record.toolId ?? `name:${record.name}`;
        const line = this.notClosed.get(key) ?? { toolId: record.toolId, name: record.name, count: 0 };
        line.count += 1;
        this.notClosed.set(key, line);
        return true;
      }
      case 'alert-delivered':
        this.alerts.set(`${record.alertId}\n${record.channel}`, 'delivered');
        return false;
      case 'alert-failed': {
        const key = `${record.alertId}\n${record.channel}`;
        if (this.alerts.get(key) !== 'delivered') this.alerts.set(key, 'failed');
        return false;
      }
      case 'pin-failed':
        this.pinFailures += 1;
        return true;
      case 'settings-changed':
        this.settingsChanged += 1;
        for (const field of Array.isArray(record.fields) ? record.fields : []) this.settingsFields.add(String(field));
        return true;
      case 'settings-reset':
        this.settingsResets += 1;
        return true;
      case 'tampering':
        this.tampering.push({ at: record.at, what: record.what });
        return true;
      default:
        if (type !== 'interruption-requested') return false;
        this.interruptionsShown += 1;
        return true;
    }
  }

  private addSession(record: Extract<JournalRecord, { type: 'session-started' }>): boolean {
    // The same session is reported again (initial) when the app restarts while it is live.
    const sessionKey = `${record.key}\n${record.since}`;
    if (this.sessionKeys.has(sessionKey)) return false;
    this.sessionKeys.add(sessionKey);
    const trusted = trustedHelperOf(record, this.trustedHelpers) !== undefined;
    if (trusted) this.trustedSessions += 1;
    else this.unknownSessions += 1;
    // The same ID once trusted and once not (another ID beside it on its line) is two lines.
    const remoteKey = `${record.toolId ?? record.name}\n${record.remoteId ?? ''}\n${record.remoteAddress ?? ''}\n${trusted}`;
    const line = this.remotes.get(remoteKey)
      ?? { toolId: record.toolId, name: record.name, remoteId: record.remoteId, remoteAddress: record.remoteAddress, trusted, count: 0 };
    line.count += 1;
    this.remotes.set(remoteKey, line);
    return true;
  }

  result(): Counts {
    const alerts = [...this.alerts.values()];
    const counts: Omit<Counts, 'allQuiet'> = {
      toolsSeen: [...this.tools.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      installers: [...this.installers.values()].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen)),
      sessions: {
        trusted: this.trustedSessions,
        unknown: this.unknownSessions,
        remoteIds: [...this.remotes.values()].sort((a, b) => Number(a.trusted) - Number(b.trusted) || b.count - a.count),
        past: [...this.past].sort((a, b) => (a.since ?? a.until ?? '').localeCompare(b.since ?? b.until ?? '')),
      },
      remoteInput: this.remoteInput,
      interruptions: { shown: this.interruptionsShown, choices: { ...this.choices } },
      couldNotClose: [...this.notClosed.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      alerts: { delivered: alerts.filter((s) => s === 'delivered').length, failed: alerts.filter((s) => s === 'failed').length },
      pinFailures: this.pinFailures,
      settingsChanges: { count: this.settingsChanged, fields: [...this.settingsFields].sort(), resets: this.settingsResets },
      tampering: [...this.tampering],
    };
    const nothingChosen = Object.values(counts.interruptions.choices).every((n) => n === 0);
    const allQuiet = counts.toolsSeen.length === 0 && counts.installers.length === 0
      && counts.sessions.trusted + counts.sessions.unknown === 0 && counts.interruptions.shown === 0 && nothingChosen && counts.couldNotClose.length === 0
      && counts.sessions.past.length === 0 && counts.remoteInput === 0
      && counts.pinFailures === 0 && counts.settingsChanges.count === 0 && counts.settingsChanges.resets === 0
      && counts.tampering.length === 0;
    return { ...counts, allQuiet };
  }
}
