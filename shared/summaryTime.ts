// The weekly summary's day and time, read from text and written in words: the setup window's choices and the CLI's
// --summary-day and --summary-time. No Node or DOM imports.
import type { Settings } from './settings';

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

/** { hour: 9, minute: 5 } -> "09:05", as a time box shows it. */
export const clockTime = (hour: number, minute: number): string => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

export const dayName = (day: number): string => SUMMARY_DAYS.find((d) => d.day === day)?.name ?? 'Sunday';

/** "Sunday at 18:00". */
export const summaryTimeWords = (time: SummaryTime): string => `${dayName(time.day)} at ${clockTime(time.hour, time.minute)}`;
