// The weekly summary as an alert for the outbox: an email (plain text, and HTML with a seven-day bar chart drawn in
// tables with inline styles) and a few lines for the phone (ntfy). What happened comes first, protection after it.
// It must never hold a remote image, a script, a link or a file path: every word comes from shared/summaryWords and is escaped.
import type { WeeklySummary } from '../../../shared/summary';
import { describeSummary, type SummaryDay, type SummaryReport } from '../../../shared/summaryWords';
import { escapeHtml, type AlertContent } from '../alerts/alertMessage';

export interface SummaryEmailFacts {
  summary: WeeklySummary;
  /** The name of the person the PC belongs to ("Mum"); null before setup. */
  person: string | null;
  pcName: string;
  /** The journal's sealed head when the summary was made: one short line, so a journal cut between weeks shows. */
  journalHead?: JournalHeadLine | null;
}

/** How long the journal is and how its newest sealed entry ends. */
export interface JournalHeadLine {
  entries: number;
  hash: string;
}

const FONT = 'Arial,Helvetica,sans-serif';
/** One calm colour for every bar: a night the computer was shut down is not a warning, and the numbers say the rest. */
const BAR = '#1b6b2a';
const EMPTY = '#e3e3e3';

export function composeSummaryEmail({ summary, person, pcName, journalHead = null }: SummaryEmailFacts): AlertContent {
  const report = describeSummary(summary);
  const whose = whoseComputer(person, pcName);
  const title = `${whose}: ${report.headline.charAt(0).toLowerCase()}${report.headline.slice(1)} (${report.shortDates})`;
  return {
    title,
    text: textOf(report, whose, pcName, journalHead),
    html: htmlOf(report, whose, pcName, journalHead),
    priority: summary.allQuiet ? 'low' : 'default',
    tags: [summary.allQuiet ? 'white_check_mark' : 'memo'],
    short: shortOf(summary, report),
  };
}

function whoseComputer(person: string | null, pcName: string): string {
  const name = person?.trim();
  return name ? `${name}'s PC` : pcName.trim() || 'This PC';
}

function textOf(report: SummaryReport, whose: string, pcName: string, head: JournalHeadLine | null): string {
  const lines = [
    `${report.headline}.`,
    `${whose}, ${report.weekName}: ${report.dates}.`,
  ];
  if (report.quietLine) lines.push('', report.quietLine);
  for (const section of report.sections) lines.push('', `${section.heading}:`, ...section.lines.map((line) => `- ${line}`));
  lines.push(
    '',
    'Protection:',
    report.protection,
    ...(report.gaps.length > 0 ? ['Times it was off:', ...report.gaps.map((gap) => `- ${gap}`)] : []),
    '',
    'Protection each day:',
    ...report.days.map((day) => `  ${day.label.padEnd(11)}${day.value}`),
    '',
    footer(pcName),
    ...(head ? [headLine(head)] : []),
  );
  return lines.join('\n');
}

/** Two or three lines for a phone notification: the protection, then what happened or that nothing did. */
function shortOf(summary: WeeklySummary, report: SummaryReport): string {
  const lines = [report.protection];
  if (report.quietLine) lines.push('Nothing to look at: no remote-access programs, connections or wrong PINs.');
  else {
    const happened = [
      summary.toolsSeen.length > 0 ? `programs seen: ${summary.toolsSeen.map((t) => t.name).join(', ')}` : null,
      summary.sessions.unknown > 0 ? `${summary.sessions.unknown} connection${summary.sessions.unknown === 1 ? '' : 's'} from someone unknown` : null,
      summary.remoteInput > 0 ? `someone else moving the mouse ${summary.remoteInput}×` : null,
      summary.interruptions.shown > 0 ? `pause screen shown ${summary.interruptions.shown}×` : null,
      summary.installers.length > 0 ? `${summary.installers.length} installer${summary.installers.length === 1 ? '' : 's'}` : null,
      summary.pinFailures > 0 ? `${summary.pinFailures} wrong PIN${summary.pinFailures === 1 ? '' : 's'}` : null,
      summary.settingsChanges.count + summary.settingsChanges.resets > 0 ? 'settings changed' : null,
      summary.tampering.length > 0 ? 'files changed outside Pause Guard' : null,
    ].filter((part): part is string => part !== null);
    if (happened.length > 0) lines.push(`${happened.join('; ').replace(/^./, (c) => c.toUpperCase())}.`);
  }
  lines.push('The full summary is in your email and in Pause Guard on the computer.');
  return lines.join('\n');
}

/** Entries are only ever added: a count lower than last week's, or a different ending for the same count, means a cut. */
function headLine(head: JournalHeadLine): string {
  return `Journal check: ${head.entries} entries, the newest ending ${head.hash.slice(0, 12)}. This number only grows from week to week.`;
}

function footer(pcName: string): string {
  return `Sent once a week by Pause Guard on ${pcName.trim() || 'this computer'}. Urgent things are sent at once, not kept for this summary.`;
}

function htmlOf(report: SummaryReport, whose: string, pcName: string, head: JournalHeadLine | null): string {
  const text = `font-family:${FONT};color:#111;`;
  const p = (line: string, extra = ''): string => `<p style="${text}font-size:18px;line-height:1.5;margin:0 0 12px;${extra}">${escapeHtml(line)}</p>`;
  const h2 = (heading: string): string => `<h2 style="${text}font-size:20px;line-height:1.3;margin:28px 0 8px">${escapeHtml(heading)}</h2>`;
  const list = (lines: string[]): string =>
    `<ul style="${text}font-size:18px;line-height:1.5;margin:0 0 12px;padding-left:22px">${lines.map((line) => `<li style="margin:0 0 6px">${escapeHtml(line)}</li>`).join('')}</ul>`;

  const body = [
    p(`Pause Guard · ${whose}`, 'font-size:15px;color:#444;margin-bottom:4px'),
    `<h1 style="${text}font-size:26px;line-height:1.25;margin:0 0 6px">${escapeHtml(report.headline)}</h1>`,
    p(`${report.weekName}: ${report.dates}`, 'color:#333'),
    report.quietLine ? p(report.quietLine, 'margin-top:20px') : '',
    ...report.sections.map((section) => h2(section.heading) + list(section.lines)),
    h2('Protection'),
    p(report.protection),
    chartOf(report.days),
    report.gaps.length > 0 ? p('Times it was off:', 'margin-top:16px') + list(report.gaps) : '',
    `<p style="font-family:${FONT};font-size:15px;line-height:1.5;color:#444;margin:32px 0 0;border-top:1px solid #ddd;padding-top:12px">${escapeHtml(footer(pcName))}</p>`,
    head ? `<p style="font-family:${FONT};font-size:14px;line-height:1.5;color:#555;margin:8px 0 0">${escapeHtml(headLine(head))}</p>` : '',
  ].join('');

  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.headline)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f2f2f2">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f2f2"><tr><td align="center" style="padding:12px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px">',
    `<tr><td style="padding:24px 20px">${body}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('');
}

/** One row per day: the day, a bar as wide as the share of the day protection was on, and the share in words. */
function chartOf(days: SummaryDay[]): string {
  const cell = `font-family:${FONT};font-size:17px;color:#111;padding:6px 0;`;
  const rows = days.map((day) => [
    '<tr>',
    `<th scope="row" align="left" style="${cell}font-weight:normal;white-space:nowrap;padding-right:12px">${escapeHtml(day.label)}</th>`,
    `<td width="100%" style="${cell}">${barOf(day)}</td>`,
    `<td align="right" style="${cell}white-space:nowrap;padding-left:12px;font-weight:bold">${escapeHtml(day.value)}</td>`,
    '</tr>',
  ].join(''));
  return [
    '<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin:8px 0 4px">',
    `<caption style="font-family:${FONT};font-size:16px;color:#333;text-align:left;padding:0 0 6px">Protection each day, Monday to Sunday</caption>`,
    ...rows,
    '</table>',
  ].join('');
}

function barOf(day: SummaryDay): string {
  const percent = day.uptimePercent;
  if (percent === null) {
    return `<span style="font-family:${FONT};font-size:16px;color:#555;font-style:italic">not yet</span>`;
  }
  const on = Math.round(percent);
  const part = (width: number, background: string): string =>
    width > 0 ? `<td width="${width}%" style="width:${width}%;background:${background};height:22px;font-size:0;line-height:0">&nbsp;</td>` : '';
  return [
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse"><tr>',
    part(on, BAR),
    part(100 - on, EMPTY),
    '</tr></table>',
  ].join('');
}
