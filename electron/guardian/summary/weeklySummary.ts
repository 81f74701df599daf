// The weekly safety summary from journal records: uptime and gaps, tools, installers, sessions (trusted helpers or
// unknown), interruptions and choices, alerts, wrong PINs, settings changes, remote-access programs installed that week
// (from "Check this computer"), and seven days for a bar chart.
// Reads each record once and keeps only counts and the week's times of life; record types it does not know are passed over.
import type { JournalRecord } from '../../../shared/journal';
import type { Region, TrustedHelper } from '../../../shared/settings';
import type { WeeklySummary } from '../../../shared/summary';
import { HEARTBEAT_INTERVAL_MS, longestQuietMs } from '../protection/heartbeatTiming';
import type { IsoWeek } from '../../../shared/isoWeek';
import { offWithin, ProtectionTimeline } from './protectionTimeline';
import { SummaryTally } from './summaryTally';
import { UpdatesTally } from './updatesTally';
import { dayIndex, weekFrame } from './weekFrame';
import { checkTimeZone, DAY_MS, defaultTimeZone } from '../../../shared/zonedTime';

export interface SummaryOptions {
  /** The IANA zone the week is cut in; the computer's own by default. */
  timeZone?: string;
  /** Sessions from these tool + remote ID pairs count as trusted (spaces and case in the ID do not matter). */
  trustedHelpers?: readonly Pick<TrustedHelper, 'toolId' | 'remoteId'>[];
  /** Time after this is not counted (the current week); the real time by default. */
  now?: Date;
  heartbeatIntervalMs?: number;
  /** How the summary's dates are worded; GB by default. */
  region?: Region;
  /** Programs "Check this computer" finds installed and not trusted; those installed during the week are told. */
  installed?: readonly { toolId: string; name: string; installedAt: string }[];
}

/** Records older than the week still matter (the clean stop before a long gap, a pause running into the week). */
const LOOK_BACK_MS = 31 * DAY_MS;

/** What to read from the journal for a week's summary. */
export function summaryReadRange(week: IsoWeek, options: Pick<SummaryOptions, 'timeZone' | 'heartbeatIntervalMs'> = {}): { from: Date; to: Date } {
  const frame = weekFrame(week, checkTimeZone(options.timeZone ?? defaultTimeZone()));
  return { from: new Date(frame.start - LOOK_BACK_MS), to: new Date(frame.end + longestQuietMs(options.heartbeatIntervalMs)) };
}

export async function summarizeWeek(
  records: AsyncIterable<JournalRecord> | Iterable<JournalRecord>,
  week: IsoWeek,
  options: SummaryOptions = {},
): Promise<WeeklySummary> {
  const frame = weekFrame(week, checkTimeZone(options.timeZone ?? defaultTimeZone()));
  const now = (options.now ?? new Date()).getTime();
  const timeline = new ProtectionTimeline(frame.start, frame.end, longestQuietMs(options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS));
  const tally = new SummaryTally(options.trustedHelpers ?? []);
  const measuredUntil = Math.min(Math.max(now, frame.start), frame.end);
  const updates = new UpdatesTally(frame.start, measuredUntil);
  const events = [0, 0, 0, 0, 0, 0, 0];

  for await (const record of records) {
    const at = Date.parse(record.at);
    if (Number.isNaN(at)) continue;
    followProtection(timeline, record, at);
    updates.add(record, at);
    if (at < frame.start) tally.notePrior(record);
    if (at >= frame.start && at < frame.end && tally.add(record)) {
      const day = dayIndex(frame, at);
      events[day] = (events[day] ?? 0) + 1;
    }
  }

  const off = timeline.offSpans(measuredUntil, now);
  const counts = tally.result();
  const installed = (options.installed ?? []).filter((p) => Date.parse(p.installedAt) >= frame.start && Date.parse(p.installedAt) < frame.end)
    .map(({ toolId, name, installedAt }) => ({ toolId, name, installedAt }));
  return {
    week: frame.week,
    timeZone: frame.timeZone,
    region: options.region ?? 'GB',
    from: new Date(frame.start).toISOString(),
    to: new Date(frame.end).toISOString(),
    measuredUntil: new Date(measuredUntil).toISOString(),
    uptimePercent: uptime(off, frame.start, measuredUntil),
    gaps: off.map((span) => ({ from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString(), cause: span.cause })),
    ...counts,
    updates: updates.result(),
    installed,
    allQuiet: counts.allQuiet && installed.length === 0,
    days: frame.days.map((day, i) => ({
      date: day.date,
      uptimePercent: uptime(off, day.start, Math.min(day.end, measuredUntil)),
      events: events[i] ?? 0,
    })),
  };
}

function followProtection(timeline: ProtectionTimeline, record: JournalRecord, at: number): void {
  switch (record.type) {
    case 'clean-stop':
      timeline.addSign(at, record.reason);
      return;
    case 'protection-gap':
      timeline.addSign(at);
      if (record.cause === 'asleep') {
        // The app was running until the computer fell asleep: the silence from then is sleep.
        timeline.addSign(Date.parse(record.from), 'asleep');
      } else if (record.cause === 'stalled') {
        timeline.addSign(Date.parse(record.from));
        timeline.addRecordedGap(Date.parse(record.from), Date.parse(record.to), 'stalled');
      } else if (!record.clean) {
        timeline.addRecordedGap(Date.parse(record.from), Date.parse(record.to), 'unexplained');
      }
      return;
    case 'protection-paused':
      timeline.addSign(at);
      timeline.addPause(at, Date.parse(record.until));
      return;
    case 'protection-resumed':
      timeline.addSign(at);
      timeline.addResume(at);
      return;
    default:
      timeline.addSign(at);
  }
}

/** The share of [from, to] not off, rounded down to a tenth so that 100 means nothing was missed; null for no time. */
function uptime(off: Parameters<typeof offWithin>[0], from: number, to: number): number | null {
  if (to <= from) return null;
  return Math.floor(((to - from - offWithin(off, from, to)) / (to - from)) * 1000) / 10;
}
