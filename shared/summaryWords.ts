// The weekly summary in plain words, once, for everything that shows it: the email (text and HTML), the phone
// message, the tray note and the summary page. Times are written in the summary's own time zone. No Node or DOM imports.
import type { Choice } from './journal';
import type { GapCause, WeeklySummary } from './summary';

export const GAP_CAUSE_WORDS: Record<GapCause, string> = {
  shutdown: 'the computer was shut down',
  asleep: 'the computer was asleep',
  quit: 'Pause Guard was quit',
  update: 'Pause Guard was updating',
  paused: 'protection was paused',
  unexplained: 'the computer was off or asleep, or Pause Guard was stopped',
  stalled: 'Pause Guard was held still while the computer was on',
};

export const CHOICE_WORDS: Record<Choice, string> = {
  'end-it': 'ended it',
  'call-contact': 'chose to call the family',
  'started-it-myself': 'said they had started it themselves',
};

/** Settings by the name the journal records, in words; a name not listed here is shown as it is. */
const SETTING_WORDS: Record<string, string> = {
  person: 'the name of the person',
  region: 'the country',
  contacts: 'the trusted contact',
  pin: 'the family PIN',
  trustedHelpers: 'the trusted helpers',
  startAtLogin: 'starting with the computer',
  countdownSeconds: 'the pause countdown',
  weeklySummary: 'the day of this summary',
  setupComplete: 'setup finished',
};

/** Past sessions told one by one; a first run can find hundreds in an old log, and the rest are counted. */
const PAST_SESSIONS_TOLD = 10;

/** The week's past sessions (found in the tools' own logs) in words, the latest first, at most PAST_SESSIONS_TOLD of them. */
export function pastSessionLines(summary: Pick<WeeklySummary, 'timeZone' | 'sessions'>): string[] {
  const past = [...summary.sessions.past].reverse();
  const lines = past.slice(0, PAST_SESSIONS_TOLD).map((session) => pastSessionWords(summary, session));
  const more = past.length - PAST_SESSIONS_TOLD;
  return more > 0 ? [...lines, `And ${more} earlier, kept in Pause Guard's journal.`] : lines;
}

/** One past session in words: the tool, who, and when the log says it was. */
function pastSessionWords(summary: Pick<WeeklySummary, 'timeZone'>, past: WeeklySummary['sessions']['past'][number]): string {
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: summary.timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const who = `${past.remoteId ? `ID ${past.remoteId}` : 'an unknown place'} (${past.trusted ? 'trusted helper' : 'someone unknown'})`;
  const since = past.since ? when.format(new Date(past.since)) : null;
  const until = past.until ? when.format(new Date(past.until)) : null;
  const span = since && until ? `, from ${since} to ${until}` : since ? `, on ${since}` : until ? `, ended ${until}` : ', at a time its log does not say';
  return `${past.name} from ${who}${span}.`;
}

export function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

export interface SummaryDay {
  /** "Mon 23 Nov": the chart's row label. */
  label: string;
  /** "Monday 23 November": for a screen reader. */
  longLabel: string;
  uptimePercent: number | null;
  /** "100%", "92.5%" or "not yet". */
  value: string;
}

export interface SummarySection {
  heading: string;
  lines: string[];
}

export interface SummaryReport {
  /** "All quiet this week", "Some things to look at this week", "This week has not started yet", or quiet but mostly off. */
  headline: string;
  /** "Monday 23 November to Sunday 29 November 2026". */
  dates: string;
  /** "23 to 29 November": short, for titles. */
  shortDates: string;
  /** "Week 48". */
  weekName: string;
  protection: string;
  /** One line per time protection was off, with its cause. */
  gaps: string[];
  days: SummaryDay[];
  /** Only what happened; empty in a quiet week. */
  sections: SummarySection[];
  /** In a quiet week, what did not happen, said once. */
  quietLine: string | null;
}

export function describeSummary(summary: WeeklySummary): SummaryReport {
  const zone = { timeZone: summary.timeZone };
  const dayName = new Intl.DateTimeFormat('en-GB', { ...zone, weekday: 'long', day: 'numeric', month: 'long' });
  const dayOfMonth = new Intl.DateTimeFormat('en-GB', { ...zone, day: 'numeric' });
  const monthYear = new Intl.DateTimeFormat('en-GB', { ...zone, month: 'long', year: 'numeric' });
  const month = new Intl.DateTimeFormat('en-GB', { ...zone, day: 'numeric', month: 'long' });
  const first = new Date(summary.from);
  const last = new Date(Date.parse(summary.to) - 1);
  const sameMonth = monthYear.format(first) === monthYear.format(last);
  const started = summary.uptimePercent !== null;

  return {
    headline: headlineOf(summary),
    dates: `${dayName.format(first)} to ${dayName.format(last)} ${last.toLocaleString('en-GB', { ...zone, year: 'numeric' })}`,
    shortDates: sameMonth ? `${dayOfMonth.format(first)} to ${month.format(last)}` : `${month.format(first)} to ${month.format(last)}`,
    weekName: `Week ${Number(summary.week.slice(6))}`,
    protection: protectionWords(summary.uptimePercent),
    gaps: summary.gaps.map((gap) => capitalise(`${span(gap.from, gap.to, summary.timeZone)} (${GAP_CAUSE_WORDS[gap.cause]}).`)),
    days: summary.days.map((day) => dayOf(day)),
    sections: sectionsOf(summary),
    quietLine: started && summary.allQuiet
      ? 'No remote-access programs, no connections into the computer, no installers, no wrong PINs and no settings changes.'
      : null,
  };
}

/** "All quiet" only means something when Pause Guard was watching: with protection off most of the week, it says so. */
function headlineOf(summary: WeeklySummary): string {
  if (summary.uptimePercent === null) return 'This week has not started yet';
  if (!summary.allQuiet) return 'Some things to look at this week';
  return summary.uptimePercent >= 50 ? 'All quiet this week' : 'Nothing seen this week, but protection was off most of the time';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function protectionWords(percent: number | null): string {
  if (percent === null) return 'Nothing to show yet.';
  if (percent === 100) return 'Protection was on the whole time.';
  return `Protection was on ${percent}% of the time.`;
}

/**
 * "Tuesday 24 November, 1:00 pm to 2:00 pm", or across days "10:00 pm on Tuesday 24 November to 7:10 am on Wednesday
 * 25 November". 00:00 is "midnight" (at the start or the end of a day, said which) and 12:00 "midday".
 */
function span(from: string, to: string, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(from);
  const end = new Date(to);
  const atMidnight = (instant: Date) => clock.format(instant) === '00:00';
  // Midnight ending a span belongs to the day before it, the day that ended.
  const endDay = atMidnight(end) ? new Date(end.getTime() - 1) : end;
  const words = (instant: Date, edge: 'start' | 'end'): string => {
    const time = clock.format(instant);
    if (time === '00:00') return edge === 'start' ? 'midnight at the start of' : 'midnight at the end of';
    if (time === '12:00') return '12:00 midday on';
    const [hour = 0, minute = '00'] = time.split(':').map((part, i) => (i === 0 ? Number(part) : part)) as [number, string];
    return `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${hour < 12 ? 'am' : 'pm'} on`;
  };
  const sameDay = date.format(start) === date.format(endDay);
  if (sameDay && !atMidnight(start)) {
    const bare = (text: string) => text.replace(/ on$/, '').replace(/ at the end of$/, '');
    return `${date.format(start)}, ${bare(words(start, 'start'))} to ${bare(words(end, 'end'))}`;
  }
  return `${words(start, 'start')} ${date.format(start)} to ${words(end, 'end')} ${date.format(endDay)}`;
}

function dayOf(day: WeeklySummary['days'][number]): SummaryDay {
  // The date alone, read at noon UTC, is the same calendar day in every zone.
  const noon = new Date(`${day.date}T12:00:00Z`);
  const short = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
  const long = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
  return {
    label: short.format(noon).replace(',', ''),
    longLabel: long.format(noon).replace(',', ''),
    uptimePercent: day.uptimePercent,
    value: day.uptimePercent === null ? 'not yet' : `${day.uptimePercent}%`,
  };
}

function sectionsOf(summary: WeeklySummary): SummarySection[] {
  const sections: SummarySection[] = [];
  const when = new Intl.DateTimeFormat('en-GB', { timeZone: summary.timeZone, weekday: 'long', day: 'numeric', month: 'long' });

  if (summary.toolsSeen.length > 0) {
    sections.push({
      heading: 'Remote-access programs seen',
      lines: summary.toolsSeen.map((tool) => `${tool.name}: started ${times(tool.count)}.`),
    });
  }
  if (summary.installers.length > 0) {
    sections.push({
      heading: 'Installers downloaded',
      lines: summary.installers.map((installer) => `${installer.name} installer, on ${when.format(new Date(installer.firstSeen))}.`),
    });
  }
  const { trusted, unknown, remoteIds } = summary.sessions;
  if (trusted + unknown > 0) {
    sections.push({
      heading: 'Connections into this computer',
      lines: [
        `${unknown} from someone unknown, ${trusted} from ${trusted === 1 ? 'a trusted helper' : 'trusted helpers'}.`,
        ...remoteIds.map((remote) => {
          const from = remote.remoteId ? `ID ${remote.remoteId}` : (remote.remoteAddress ?? 'an unknown place');
          return `${remote.name} from ${from} (${remote.trusted ? 'trusted helper' : 'someone unknown'}): ${times(remote.count)}.`;
        }),
      ],
    });
  }
  if (summary.sessions.past.length > 0) {
    sections.push({
      heading: 'Earlier connections found in the programs’ own records',
      lines: pastSessionLines(summary),
    });
  }
  const { shown, choices } = summary.interruptions;
  const chosen = (Object.keys(choices) as Choice[]).filter((choice) => choices[choice] > 0);
  if (shown > 0 || chosen.length > 0) {
    sections.push({
      heading: 'The “pause and check” screen',
      lines: [
        ...(shown > 0 ? [`It was shown ${times(shown)}.`] : []),
        ...chosen.map((choice) => `The person ${CHOICE_WORDS[choice]} ${times(choices[choice])}.`),
      ],
    });
  }
  const { delivered, failed } = summary.alerts;
  if (delivered + failed > 0) {
    sections.push({
      heading: 'Alerts to the family',
      lines: [`${delivered} delivered${failed > 0 ? `, ${failed} could not be delivered` : ''}.`],
    });
  }
  if (summary.pinFailures > 0) {
    sections.push({ heading: 'Wrong PIN tries', lines: [`The family PIN was typed wrongly ${times(summary.pinFailures)}.`] });
  }
  const settings = summary.settingsChanges;
  if (settings.count > 0 || settings.resets > 0) {
    const fields = settings.fields.map((field) => SETTING_WORDS[field] ?? field);
    sections.push({
      heading: 'Settings',
      lines: [
        ...(settings.count > 0 ? [`Changed ${times(settings.count)}${fields.length > 0 ? `: ${fields.join(', ')}` : ''}.`] : []),
        ...(settings.resets > 0 ? [`The settings could not be read and were reset ${times(settings.resets)}.`] : []),
      ],
    });
  }
  return sections;
}
