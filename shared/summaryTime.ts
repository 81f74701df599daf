// The weekly summary's day and time, read from text and written in words: the setup window's choices and the CLI's
// --summary-day and --summary-time. No Node or DOM imports.
import { dateWords } from './dateWords';
import type { Region, Settings } from './settings';

type SummaryTime = Settings['weeklySummary'];

/** Monday first, as a week is read; `day` is the settings' number (0 = Sunday), `short` the command line's name. */
export const SUMMARY_DAYS = [
  { day: 1, short: 'mon', name: 'Monday' },
  { day: 2, short: 'tue', name: 'Tuesday' },
  { day: 3, short: 'wed', name: 'Wednesday' },
  { day: 4, short: 'thu', name: 'Thursday' },
  { day: 5, short: 'fri', name: 'Friday' },
  { day: 6, short: 'sat', name: 'Saturday' },
  { day: 0, short: 'sun', name: 'Sunday' },
] as const;

/** "18:05" (24-hour, one or two digits for the hour) -> { hour: 18, minute: 5 }; null for anything else. */
export function parseClockTime(text: string): { hour: number; minute: number } | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

export const dayName = (day: number): string => SUMMARY_DAYS.find((d) => d.day === day)?.name ?? 'Sunday';

/** "Sunday at 6:00 pm" (GB) or "Sunday at 6:00 PM" (US). */
export const summaryTimeWords = (time: SummaryTime, region: Region): string =>
  `${dayName(time.day)} at ${dateWords(region).clock(new Date(2000, 0, 2, time.hour, time.minute))}`;

/** The summary's time as the setup window's time box holds it: 24-hour, two digits each ("09:05"). */
export const summaryTimeValue = (time: SummaryTime): string => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
