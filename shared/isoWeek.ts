// ISO weeks ("2026-W48": Monday to Sunday, week 1 holds the year's first Thursday): reading them, naming them,
// the week a local date falls in, and the last full week before now in a time zone.
import { DAY_MS, defaultTimeZone, localDay } from './zonedTime';

export interface IsoWeek {
  year: number;
  week: number;
}

export class IsoWeekError extends Error {}

const WEEK_TEXT = /^(\d{4})-W(\d{2})$/;

export function parseIsoWeek(text: string): IsoWeek {
  const match = WEEK_TEXT.exec(text.trim());
  if (!match) throw new IsoWeekError(`"${text}" is not a week: write it like 2026-W48 (the year, -W, and the week number).`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = weeksInYear(year);
  if (week < 1 || week > weeks) throw new IsoWeekError(`${year} has weeks 1 to ${weeks}; there is no week ${week}.`);
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** 52 or 53: the week that holds 28 December is the year's last. */
export function weeksInYear(year: number): number {
  return isoWeekOfDay(Date.UTC(year, 11, 28)).week;
}

/** The Monday of the week, as a day number (UTC midnight of that date). */
export function mondayOf({ year, week }: IsoWeek): number {
  const january4 = Date.UTC(year, 0, 4);
  return january4 - weekdayIndex(january4) * DAY_MS + (week - 1) * 7 * DAY_MS;
}

/** The ISO week a calendar date (a day number) falls in. */
export function isoWeekOfDay(day: number): IsoWeek {
  const thursday = day + (3 - weekdayIndex(day)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) };
}

/** The week before the one `now` falls in, in local time. */
export function lastFullWeek(now: Date, timeZone: string = defaultTimeZone()): IsoWeek {
  const today = localDay(now.getTime(), timeZone);
  return isoWeekOfDay(today - (weekdayIndex(today) + 7) * DAY_MS);
}

/** Monday 0 ... Sunday 6. */
function weekdayIndex(day: number): number {
  return (new Date(day).getUTCDay() + 6) % 7;
}
