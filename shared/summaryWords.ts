// The weekly summary in plain words, once, for everything that shows it: the email (text and HTML), the phone
// message, the tray note and the summary page. Times are written in the summary's own time zone. No Node or DOM imports.
import { dateWords } from './dateWords';
import type { Choice, Tampered } from './journal';
import type { Region } from './settings';
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
  'end-it': 'chose “End it”',
  'call-contact': 'chose to call the family',
  'started-it-myself': 'said they had started it themselves',
};

/** What was found changed outside Pause Guard, in words for the family. */
const TAMPERED_WORDS: Record<Tampered, string> = {
  settings: 'Its settings were removed or changed; the ones you chose stayed in force',
  journal: 'Its journal was cut short or removed',
  'seal-key': 'Its sealing key could not be used and a new one was made',
  catalog: 'Its list of remote-access programs was changed; it used a genuine one instead',
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
  pingUrl: 'the heartbeat ping address',
  catalogUrl: 'where the list of remote-access programs comes from',
};

/** "Pause Guard could not close AnyDesk twice.": what "End it" really did, never "closed". */
export function couldNotCloseLine(tool: WeeklySummary['couldNotClose'][number]): string {
  return `Pause Guard could not close ${tool.name} ${times(tool.count)}.`;
}

/** Past sessions told one by one; a first run can find hundreds in an old log, and the rest are counted. */
const PAST_SESSIONS_TOLD = 10;

/** The week's past sessions (found in the tools' own logs) in words, the latest first, at most PAST_SESSIONS_TOLD of them. */
export function pastSessionLines(summary: Pick<WeeklySummary, 'region' | 'timeZone' | 'sessions'>): string[] {
  const past = [...summary.sessions.past].reverse();
  const lines = past.slice(0, PAST_SESSIONS_TOLD).map((session) => pastSessionWords(summary, session));
  const more = past.length - PAST_SESSIONS_TOLD;
  return more > 0 ? [...lines, `And ${more} earlier, kept in Pause Guard's journal.`] : lines;
}

/** One past session in words: the tool, who, and when the log says it was. */
function pastSessionWords(summary: Pick<WeeklySummary, 'region' | 'timeZone'>, past: WeeklySummary['sessions']['past'][number]): string {
  const dates = dateWords(summary.region, summary.timeZone);
  const who = `${past.remoteId ? `ID ${past.remoteId}` : 'an unknown place'} (${past.trusted ? 'trusted helper' : 'someone unknown'})`;
  const since = past.since ? dates.moment(past.since) : null;
  const until = past.until ? dates.moment(past.until) : null;
  const span = since && until ? `, from ${since} to ${until}` : since ? `, at ${since}` : until ? `, ended at ${until}` : ', at a time its log does not say';
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
  const words = dateWords(summary.region, summary.timeZone);
  const first = new Date(summary.from);
  const last = new Date(Date.parse(summary.to) - 1);
  const started = summary.uptimePercent !== null;

  return {
    headline: headlineOf(summary),
    dates: `${words.day(first)} to ${words.dayAndYear(last)}`,
    shortDates: words.days(first, last),
    weekName: `Week ${Number(summary.week.slice(6))}`,
    protection: protectionWords(summary.uptimePercent),
    gaps: summary.gaps.map((gap) => capitalise(`${span(gap.from, gap.to, summary)} (${GAP_CAUSE_WORDS[gap.cause]}).`)),
    days: summary.days.map((day) => dayOf(day, summary.region)),
    sections: sectionsOf(summary),
    quietLine: started && summary.allQuiet
      ? 'No remote-access programs, no connections into the computer, no one else moving the mouse, no installers, no wrong PINs and no settings changes.'
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
function span(from: string, to: string, { region, timeZone }: Pick<WeeklySummary, 'region' | 'timeZone'>): string {
  const dates = dateWords(region, timeZone);
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
    return `${dates.clock(instant)} on`;
  };
  const sameDay = dates.day(start) === dates.day(endDay);
  if (sameDay && !atMidnight(start)) {
    const bare = (text: string) => text.replace(/ on$/, '').replace(/ at the end of$/, '');
    return `${dates.day(start)}, ${bare(words(start, 'start'))} to ${bare(words(end, 'end'))}`;
  }
  return `${words(start, 'start')} ${dates.day(start)} to ${words(end, 'end')} ${dates.day(endDay)}`;
}

function dayOf(day: WeeklySummary['days'][number], region: Region): SummaryDay {
  // The date alone, read at noon UTC, is the same calendar day in every zone.
  const noon = new Date(`${day.date}T12:00:00Z`);
  const words = dateWords(region, 'UTC');
  return {
    label: words.shortDay(noon),
    longLabel: words.day(noon),
    uptimePercent: day.uptimePercent,
    value: day.uptimePercent === null ? 'not yet' : `${day.uptimePercent}%`,
  };
}

function sectionsOf(summary: WeeklySummary): SummarySection[] {
  const sections: SummarySection[] = [];
  const dates = dateWords(summary.region, summary.timeZone);

  if (summary.toolsSeen.length > 0) {
    sections.push({
      heading: 'Remote-access programs seen',
      lines: summary.toolsSeen.map((tool) => `${tool.name}: started ${times(tool.count)}.`),
    });
  }
  if (summary.installed.length > 0) {
    sections.push({
      heading: 'Remote-access programs installed',
      lines: summary.installed.map((program) => `${program.name}, installed on ${dates.day(program.installedAt)}. “Check this computer” shows how to remove it.`),
    });
  }
  if (summary.installers.length > 0) {
    sections.push({
      heading: 'Installers downloaded',
      lines: summary.installers.map((installer) => `${installer.name} installer, on ${dates.day(installer.firstSeen)}.`),
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
  if (summary.remoteInput > 0) {
    sections.push({
      heading: 'Someone else moving the mouse',
      lines: [`A program, not the person’s own hands, was moving the mouse and pressing keys ${times(summary.remoteInput)}.`],
    });
  }
  const { shown, choices } = summary.interruptions;
  const chosen = (Object.keys(choices) as Choice[]).filter((choice) => choices[choice] > 0);
  if (shown > 0 || chosen.length > 0 || summary.couldNotClose.length > 0) {
    sections.push({
      heading: 'The “pause and check” screen',
      lines: [
        ...(shown > 0 ? [`It was shown ${times(shown)}.`] : []),
        ...chosen.map((choice) => `The person ${CHOICE_WORDS[choice]} ${times(choices[choice])}.`),
        ...summary.couldNotClose.map(couldNotCloseLine),
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
  const updates = updatesLines(summary);
  if (updates.length > 0) sections.push({ heading: 'Keeping up to date', lines: updates });
  if (summary.tampering.length > 0) {
    const when = new Intl.DateTimeFormat('en-GB', { timeZone: summary.timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit' });
    sections.push({
      heading: 'Changed outside Pause Guard',
      lines: summary.tampering.map((found) => `${TAMPERED_WORDS[found.what]} (${when.format(new Date(found.at))}).`),
    });
  }
  return sections;
}

/** "Pause Guard was updated to 0.3.0 on Tuesday 1 December.", the lists of programs put in force, and checks failing. */
function updatesLines(summary: WeeklySummary): string[] {
  if (!summary.updates) return [];
  const dates = dateWords(summary.region, summary.timeZone);
  const { app, catalog, checksFailing } = summary.updates;
  return [
    ...app.map((update) => `Pause Guard was updated to ${update.version} on ${dates.day(update.at)}.`),
    ...catalog.map((update) => {
      const list = update.date === null ? `version ${update.version}` : `the one from ${dateWords(summary.region, 'UTC').date(`${update.date}T12:00:00Z`)}`;
      return `The list of remote-access programs was updated on ${dates.day(update.at)}, to ${list}.`;
    }),
    ...(checksFailing === null
      ? []
      : [checksFailing.lastSucceeded === null
        ? 'Pause Guard has not been able to check for a newer list of remote-access programs for more than two weeks. Please check the computer is online.'
        : `Pause Guard has not been able to check for a newer list of remote-access programs since ${dates.dayAndYear(checksFailing.lastSucceeded)}. Please check the computer is online.`]),
  ];
}
