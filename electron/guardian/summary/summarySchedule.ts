// When the weekly summary goes to the family, and sending it once per week, never twice, even across restarts.
//
// Which week: always the last FULL ISO week (Monday to Sunday, local time), as `pauseguard summary` shows by default.
// The summary of week W is due at the family's chosen day and time in the week AFTER W (default Sunday 18:00). A
// summary of the week still running would miss what happens after the chosen time (Sunday evening would belong to no
// summary), and a late send (the PC was off) would hold different numbers from an on-time one. With full weeks, every
// minute is in exactly one summary and the numbers do not depend on when it went. Urgent things never wait for it:
// they are alerted at once.
//
// At start, and at each due time, the latest week whose due time has passed is sent unless the journal already holds
// 'weekly-summary-sent' for it (written once the alert is in the durable outbox, which then guarantees delivery). Older
// missed weeks are not sent: one summary after a long absence, not a pile. A week in which Pause Guard never ran (before
// it was installed) has nothing to tell and is not sent. Without a trusted contact nothing is sent or journalled; the
// summary is only offered to the person at the PC (the tray note) when its time comes while the app runs.
// The timer is re-armed at most an hour ahead, so a computer that slept or had its clock changed still sends on time.
import type { JournalRecord } from '../../../shared/journal';
import type { Settings } from '../../../shared/settings';
import type { WeeklySummary } from '../../../shared/summary';
import type { AlertContent } from '../alerts/alertMessage';
import type { Journal } from '../store/journal';
import { formatIsoWeek, isoWeekOfDay, lastFullWeek, mondayOf, type IsoWeek } from '../../../shared/isoWeek';
import { composeSummaryEmail, type JournalHeadLine } from './summaryEmail';
import { summarizeWeek, summaryReadRange, type SummaryOptions } from './weeklySummary';
import { couldNot } from '../couldNot';
import { weekFrame } from './weekFrame';
import { DAY_MS, defaultTimeZone, instantOfWallTime } from '../../../shared/zonedTime';

type SummaryTime = Settings['weeklySummary'];

export interface SummarySchedulerOptions {
  journal: Pick<Journal, 'append' | 'read'>;
  settings: () => Settings;
  /** Puts the alert in the durable outbox; resolves once it is there. */
  send: (content: AlertContent) => Promise<void>;
  pcName: string;
  now?: () => Date;
  /** The computer's time zone, asked at each check (it may change); its own by default. */
  timeZone?: () => string;
  /** Runs `run` after `ms`; returns how to cancel. An unref'd setTimeout by default. */
  setTimer?: (run: () => void, ms: number) => () => void;
  /** A week's summary was made on schedule: `sent` when it went to the family (and was journalled). */
  onSummary?: (summary: WeeklySummary, sent: boolean) => void;
  log?: (line: string) => void;
  /** The journal's sealed head, named in each summary so the family can see the journal never shrinks. */
  journalHead?: () => JournalHeadLine | null;
  /** The untrusted remote-access programs installed here ("Check this computer"), for the week they were installed in. */
  installed?: () => Promise<NonNullable<SummaryOptions['installed']>>;
}

export interface SummaryScheduler {
  /** Sends a missed summary now if one is due, then arms the timer for the next. */
  start(): Promise<void>;
  /** The settings changed (the day and time, the contacts): checks again and re-arms. */
  reschedule(): Promise<void>;
  /** Cancels the timer and waits for a check in progress. */
  stop(): Promise<void>;
}

const MAX_WAIT_MS = 3_600_000;

/** The moment week W's summary is due: the chosen day and time (local) in the week after W. */
export function summaryDueAt(week: IsoWeek, time: SummaryTime, timeZone: string): Date {
  const dayInWeek = (time.day + 6) % 7; // settings: 0 = Sunday; ISO weeks start on Monday
  const wall = mondayOf(week) + (7 + dayInWeek) * DAY_MS + time.hour * 3_600_000 + time.minute * 60_000;
  return new Date(instantOfWallTime(wall, timeZone));
}

/** The latest week whose summary is due at `now`. */
export function latestDueWeek(now: Date, time: SummaryTime, timeZone: string): IsoWeek {
  const lastFull = lastFullWeek(now, timeZone);
  return summaryDueAt(lastFull, time, timeZone) <= now ? lastFull : weekBefore(lastFull);
}

/** The next due moment after `now`. */
export function nextSummaryDue(now: Date, time: SummaryTime, timeZone: string): Date {
  const lastFull = lastFullWeek(now, timeZone);
  const due = summaryDueAt(lastFull, time, timeZone);
  return due > now ? due : summaryDueAt(weekAfter(lastFull), time, timeZone);
}

function weekBefore(week: IsoWeek): IsoWeek {
  return isoWeekOfDay(mondayOf(week) - 7 * DAY_MS);
}

function weekAfter(week: IsoWeek): IsoWeek {
  return isoWeekOfDay(mondayOf(week) + 7 * DAY_MS);
}

function unrefTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

export function createSummaryScheduler(options: SummarySchedulerOptions): SummaryScheduler {
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? defaultTimeZone;
  const setTimer = options.setTimer ?? unrefTimer;
  const log = options.log ?? (() => undefined);
  /** Weeks already dealt with in this run: sent, found sent, or with nothing to tell. */
  const handled = new Set<string>();
  let startedAt = 0;
  let cancel: (() => void) | null = null;
  let stopped = true;
  let checking: Promise<void> = Promise.resolve();

  const alreadySent = async (week: IsoWeek, name: string, zone: string): Promise<boolean> => {
    // A week's summary is only ever sent after the week has ended.
    const records = options.journal.read({ from: new Date(weekFrame(week, zone).end) });
    for await (const record of records) if (isSentRecord(record, name)) return true;
    return false;
  };

  const summaryOf = async (week: IsoWeek, zone: string, at: Date): Promise<WeeklySummary> =>
    summarizeWeek(options.journal.read(summaryReadRange(week, { timeZone: zone })), week, {
      timeZone: zone, now: at, trustedHelpers: options.settings().trustedHelpers, region: options.settings().region,
      installed: await options.installed?.().catch((error: unknown) => {
        options.log?.(couldNot('check this computer for the summary', error));
        return [];
      }),
    });

  const check = async (): Promise<void> => {
    if (stopped) return;
    const at = now();
    const zone = timeZone();
    const settings = options.settings();
    const week = latestDueWeek(at, settings.weeklySummary, zone);
    const name = formatIsoWeek(week);
    if (!handled.has(name)) {
      if (settings.contacts.length > 0) await sendOnce(week, name, zone, at);
      else if (summaryDueAt(week, settings.weeklySummary, zone).getTime() > startedAt) {
        handled.add(name);
        options.onSummary?.(await summaryOf(week, zone, at), false);
      }
    }
    arm();
  };

  const sendOnce = async (week: IsoWeek, name: string, zone: string, at: Date): Promise<void> => {
    if (await alreadySent(week, name, zone)) {
      handled.add(name);
      return;
    }
    const summary = await summaryOf(week, zone, at);
    if (summary.uptimePercent === 0 && summary.allQuiet) {
      handled.add(name); // Pause Guard never ran that week: nothing to tell.
      return;
    }
    const settings = options.settings();
    await options.send(composeSummaryEmail({ summary, person: settings.person, pcName: options.pcName, journalHead: options.journalHead?.() ?? null }));
    handled.add(name);
    await options.journal.append({ type: 'weekly-summary-sent', at: now().toISOString(), week: name });
    options.onSummary?.(summary, true);
  };

  const arm = (): void => {
    cancel?.();
    cancel = null;
    if (stopped) return;
    const at = now();
    const due = nextSummaryDue(at, options.settings().weeklySummary, timeZone());
    cancel = setTimer(() => void queue(), Math.min(Math.max(0, due.getTime() - at.getTime()), MAX_WAIT_MS));
  };

  /** One check at a time, so two triggers at once can never send the same week twice. */
  const queue = (): Promise<void> => {
    checking = checking.then(check).catch((error: unknown) => {
      log(`Pause Guard could not send the weekly summary: ${error instanceof Error ? error.message : String(error)}. It tries again within the hour.`);
      arm();
    });
    return checking;
  };

  return {
    start() {
      stopped = false;
      startedAt = now().getTime();
      return queue();
    },
    reschedule() {
      return queue();
    },
    async stop() {
      stopped = true;
      cancel?.();
      cancel = null;
      await checking;
    },
  };
}

function isSentRecord(record: JournalRecord, week: string): boolean {
  return record.type === 'weekly-summary-sent' && record.week === week;
}
