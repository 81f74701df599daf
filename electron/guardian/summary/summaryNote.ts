// The gentle note the tray shows the person at the PC when the weekly summary is made ("All quiet this week").
import type { WeeklySummary } from '../../../shared/summary';
import { describeSummary } from '../../../shared/summaryWords';

export interface SummaryNote {
  /** The week, e.g. "2026-W48": the summary page to open when the note is clicked. */
  week: string;
  title: string;
  body: string;
}

export function summaryNote(summary: WeeklySummary): SummaryNote {
  const report = describeSummary(summary);
  return {
    week: summary.week,
    title: `${report.headline} (${report.shortDates})`,
    body: `${report.protection} Click to see the weekly summary.`,
  };
}
