// The dead-man's switch: while the app runs it keeps one message waiting on each contact's ntfy topic, due a little
// ahead ("has not checked in since 2:05 pm"), and replaces it every few minutes before it is due. If the app is ended
// and never starts again, nothing replaces it and the family hears. No server of ours is involved.
// It never cancels the message except on a quit with the PIN, and never throws from its timer.
//
// Decisions worth knowing:
// - A quit with the PIN cancels the message (the family was just told of the quit).
// - A shut-down or sleep replaces it with a gentle one a day ahead ("was shut down ... if it is simply off, all is
//   well"), so an evening's shut-down frightens nobody, but autostart switched off before a restart is still heard.
//   Waking up schedules the ordinary one again at once.
// - An update leaves the ordinary one waiting: the new version replaces it when it starts, and if it never does the
//   family hears as after a kill.
// - On a server older than ntfy 2.16 (DELETE answers 404) nothing is scheduled: it could not be replaced, and the
//   family would get one message every few minutes. They hear at the next start, or through the ping URL.
// - Every publish and delete counts against the server's daily limit with the alerts; when the check-ins would eat
//   into the share kept for alerts, one message is scheduled to cover until the count starts again at midnight UTC.
import type { AlertKind } from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import type { AlertContent } from './alertMessage';
import type { Alert } from './channels/channel';
import type { NtfyConfig } from './channels/ntfy';
import { loadCheckInRecord, newSequenceId, saveCheckInRecord } from './checkInRecord';
import { createNtfyScheduled, isOlderNtfy } from './channels/ntfyScheduled';
import { NTFY_DAILY_MESSAGES, type NtfyBudget } from './ntfyBudget';
import type { StopReason } from '../protection/heartbeat';
import { quietly } from '../couldNot';

/** How often the waiting message is replaced: far less often than the 5-minute heartbeat, to spare the daily limit. */
export const CHECK_IN_EVERY_MS = 15 * 60_000;
/** How far ahead each message is due: the longest silence before the family hears. */
export const CHECK_IN_AHEAD_MS = 30 * 60_000;
/** After a shut-down or sleep: long enough for a night, well inside ntfy.sh's 3-day limit on delays. */
export const CHECK_IN_OFF_AHEAD_MS = 24 * 3_600_000;
/** Messages a day kept for the alerts themselves; the check-ins use the rest (96 a day at the defaults). */
export const ALERTS_RESERVE = 100;

export interface DeadMansSwitchTimings {
  everyMs?: number;
  aheadMs?: number;
}

export interface DeadMansSwitchOptions extends DeadMansSwitchTimings {
  dataDir: string;
  settings: () => Pick<Settings, 'contacts'>;
  budget: NtfyBudget;
  /** The words of the message, for "since when". */
  compose: (kind: AlertKind, since: Date) => AlertContent;
  log: (line: string) => void;
  now?: () => Date;
}

export interface DeadMansSwitch {
  /** Schedules the first message on every ntfy topic and starts replacing it. */
  start(): Promise<void>;
  /** Replaces the waiting message now (after a wake, after the settings changed). */
  checkIn(): Promise<void>;
  /** The system is going to sleep: the gentle message, a day ahead. */
  systemSuspending(): Promise<void>;
  /** Stops replacing; a quit cancels the message, a shut-down leaves the gentle one, an update the ordinary one. */
  stop(reason: StopReason): Promise<void>;
}

type Support = 'unknown' | 'yes' | 'no';

export function createDeadMansSwitch(options: DeadMansSwitchOptions): DeadMansSwitch {
  const everyMs = options.everyMs ?? CHECK_IN_EVERY_MS;
  const aheadMs = options.aheadMs ?? CHECK_IN_AHEAD_MS;
  const now = options.now ?? (() => new Date());
  const { budget, log } = options;
  const support = new Map<string, Support>();
  /** The message waiting on each topic this run scheduled on: where, and when it is due (ms). */
  const waiting = new Map<string, { target: NtfyConfig; dueAt: number }>();
  let sequenceId = '';
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> = Promise.resolve();

  const targets = (): NtfyConfig[] => {
    const seen = new Set<string>();
    return options.settings().contacts.flatMap((c) => (c.ntfy ? [c.ntfy] : [])).filter((n) => !seen.has(keyOf(n)) && seen.add(keyOf(n)));
  };
  const alert = (kind: AlertKind): Alert => {
    const at = now();
    return { id: sequenceId, kind, createdAt: at.toISOString(), content: options.compose(kind, at) };
  };

  /** A DELETE of an id nothing was sent under tells whether the server keeps sequence ids (2.16+), touching nothing. */
  const supported = async (target: NtfyConfig): Promise<boolean> => {
    const key = keyOf(target);
    const known = support.get(key) ?? 'unknown';
    if (known !== 'unknown') return known === 'yes';
    try {
      await createNtfyScheduled(target, budget).cancel(newSequenceId());
      support.set(key, 'yes');
      return true;
    } catch (error) {
      if (!isOlderNtfy(error)) throw error;
      support.set(key, 'no');
      log(`The ntfy server ${target.server} is older than version 2.16, so it cannot keep a "not checked in" message for the family. They will hear of a stop when Pause Guard starts again; a ping URL tells them sooner.`);
      return false;
    }
  };

  const scheduleOn = async (target: NtfyConfig, kind: AlertKind, ahead: number): Promise<void> => {
    // The earliest moment the server may deliver it: ntfy keeps a due time in whole seconds, counted from when the
    // message arrived (never before it was sent). Once that has passed the family may have it, and the next start takes
    // a new id rather than replace their notification.
    const sentAt = now().getTime();
    await createNtfyScheduled(target, budget).schedule(alert(kind), ahead);
    waiting.set(keyOf(target), { target, dueAt: Math.floor((sentAt + ahead) / 1000) * 1000 });
    await remember();
  };
  /** The latest due time of what waits, so the next start knows whether it may still replace it. */
  const remember = (): Promise<void> =>
    saveCheckInRecord(options.dataDir, { sequenceId, dueAt: Math.max(0, ...[...waiting.values()].map((w) => w.dueAt)) });

  /** The ordinary check-in, or one long one when the day's share for check-ins is spent. */
  const checkInOn = async (target: NtfyConfig): Promise<void> => {
    if (!(await supported(target))) return;
    if (budget.sentToday(target.server) < NTFY_DAILY_MESSAGES - ALERTS_RESERVE) return scheduleOn(target, 'check-in-missed', aheadMs);
    const untilCountResets = msUntilUtcMidnight(now()) + aheadMs;
    if ((waiting.get(keyOf(target))?.dueAt ?? 0) - now().getTime() > aheadMs + everyMs) return;
    await scheduleOn(target, 'check-in-missed', untilCountResets);
  };

  const cancelOn = async (target: NtfyConfig): Promise<void> => {
    if (!(await supported(target))) return;
    await createNtfyScheduled(target, budget).cancel(sequenceId);
    waiting.delete(keyOf(target));
    await remember();
  };
  /** A topic no longer in the settings keeps no message: it would reach whoever has that topic now. */
  const dropped = (): NtfyConfig[] => {
    const current = new Set(targets().map(keyOf));
    return [...waiting.values()].map((w) => w.target).filter((target) => !current.has(keyOf(target)));
  };
  const leaveOffMessage = async (target: NtfyConfig): Promise<void> => {
    if (await supported(target)) await scheduleOn(target, 'check-in-off', CHECK_IN_OFF_AHEAD_MS);
  };
  const checkIn = async (): Promise<void> => {
    if (!timer) return;
    await eachTarget('cancel the check-in on a topic no longer used', cancelOn, dropped);
    await eachTarget('check in', checkInOn);
  };

  const eachTarget = (what: string, work: (target: NtfyConfig) => Promise<void>, on: () => NtfyConfig[] = targets): Promise<void> => {
    running = running.then(() =>
      Promise.all(on().map((target) => quietly(log, `${what} on ntfy`, work(target)))).then(() => undefined));
    return running;
  };

  return {
    async start() {
      if (timer) return;
      sequenceId = (await loadCheckInRecord(options.dataDir, now())).sequenceId;
      timer = setInterval(() => void checkIn(), everyMs);
      timer.unref();
      await checkIn();
    },
    checkIn,
    systemSuspending: async () => {
      if (timer) await eachTarget('leave a message for the night', leaveOffMessage);
    },
    async stop(reason) {
      if (!timer) return;
      clearInterval(timer);
      timer = null;
      if (reason === 'quit') {
        await eachTarget('cancel the check-in', cancelOn);
      } else if (reason === 'shutdown') {
        await eachTarget('leave a message for the shut-down', leaveOffMessage);
      } else {
        await running;
      }
    },
  };
}

function keyOf(target: NtfyConfig): string {
  return `${target.server}|${target.topic}`;
}

function msUntilUtcMidnight(at: Date): number {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
  return midnight - at.getTime();
}
