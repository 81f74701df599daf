// The weekly summary in friendly sentences for a person at a terminal: what the CLI prints without --json (the email
// and the summary page word it through shared/summaryWords). Times are written in the summary's own time zone.
import { dateWords } from '../../../shared/dateWords';
import type { Choice } from '../../../shared/journal';
import type { WeeklySummary } from '../../../shared/summary';
import { CHOICE_WORDS as CHOICE, couldNotCloseLine, GAP_CAUSE_WORDS as CAUSE, times } from '../../../shared/summaryWords';

export function formatSummary(summary: WeeklySummary): string {
  const dates = dateWords(summary.region, summary.timeZone);
  const time = (at: string): string => `${dates.clock(at)} on ${dates.day(at)}`;
  const lastDay = new Date(Date.parse(summary.to) - 1);
  const lines = [`Week ${summary.week}: ${dates.day(summary.from)} to ${dates.day(lastDay)}.`];

  if (summary.allQuiet && summary.uptimePercent !== null) lines.push('All quiet this week.');
  if (summary.uptimePercent === null) lines.push('This week has not started yet.');
  else if (summary.uptimePercent === 100) lines.push('Protection was on the whole time.');
  else lines.push(`Protection was on ${summary.uptimePercent}% of the time.`);
  for (const gap of summary.gaps) {
    lines.push(`  Off from ${time(gap.from)} to ${time(gap.to)} (${CAUSE[gap.cause]}).`);
  }

  if (summary.toolsSeen.length > 0) {
    lines.push(`Remote-access programs seen: ${summary.toolsSeen.map((t) => `${t.name} (${times(t.count)})`).join(', ')}.`);
  }
  for (const installer of summary.installers) lines.push(`Installer downloaded: ${installer.path} (${installer.name}).`);

  const { trusted, unknown, remoteIds } = summary.sessions;
  if (trusted + unknown > 0) {
    lines.push(`Connections into this computer: ${unknown} from someone unknown, ${trusted} from trusted helpers.`);
    for (const remote of remoteIds) {
      const who = remote.remoteId ?? remote.remoteAddress ?? 'an unknown place';
      lines.push(`  ${remote.name} from ${who}${remote.trusted ? ' (trusted helper)' : ''}: ${times(remote.count)}.`);
    }
  }

  const { shown, choices } = summary.interruptions;
  if (shown > 0) lines.push(`The "pause and check" screen was shown ${times(shown)}.`);
  const chosen = (Object.keys(choices) as Choice[]).filter((c) => choices[c] > 0).map((c) => `${CHOICE[c]} ${times(choices[c])}`);
  if (chosen.length > 0) lines.push(`On it, the person ${chosen.join(', ')}.`);
  for (const tool of summary.couldNotClose) lines.push(couldNotCloseLine(tool));

  if (summary.alerts.delivered + summary.alerts.failed > 0) {
    lines.push(`Alerts to the family: ${summary.alerts.delivered} delivered${summary.alerts.failed > 0 ? `, ${summary.alerts.failed} could not be delivered` : ''}.`);
  }
  if (summary.pinFailures > 0) lines.push(`The family PIN was entered wrongly ${times(summary.pinFailures)}.`);
  const settings = summary.settingsChanges;
  if (settings.count > 0) lines.push(`Settings were changed ${times(settings.count)} (${settings.fields.join(', ')}).`);
  if (settings.resets > 0) lines.push(`The settings could not be read and were reset ${times(settings.resets)}.`);
  if (summary.tampering.length > 0) lines.push(`Pause Guard's own files were changed outside it ${times(summary.tampering.length)} (${[...new Set(summary.tampering.map((t) => t.what))].join(', ')}).`);
  return lines.join('\n');
}
