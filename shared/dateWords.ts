// Every date and time a person or the family reads, worded one way: by the region the family chose, in the computer's
// time zone unless another is given. Pages, alerts and summaries all word moments through this; none formats its own.
import type { Region } from './settings';

const LOCALES: Record<Region, string> = { GB: 'en-GB', IE: 'en-IE', US: 'en-US', CA: 'en-CA', AU: 'en-AU' };
/** Where the day comes before the month, no comma follows the weekday ("Tuesday 3 March 2026"), whatever the ICU version. */
const DAY_FIRST: ReadonlySet<Region> = new Set(['GB', 'IE', 'AU']);

export interface DateWords {
  /** "2:05 pm" (GB) or "2:05 PM" (US). */
  clock(at: Date | string): string;
  /** "Tuesday 3 March" (GB) or "Tuesday, March 3" (US). */
  day(at: Date | string): string;
  /** "Tue 3 Mar" (GB) or "Tue, Mar 3" (US): a chart's label. */
  shortDay(at: Date | string): string;
  /** "Tuesday 3 March 2026" (GB) or "Tuesday, March 3, 2026" (US). */
  dayAndYear(at: Date | string): string;
  /** "3 March" (GB) or "March 3" (US). */
  dayOfMonth(at: Date | string): string;
  /** "3 March 2026" (GB) or "March 3, 2026" (US). */
  date(at: Date | string): string;
  /** "2:05 pm on Tuesday 3 March 2026". */
  moment(at: Date | string): string;
  /** "16 to 22 November" or "30 November to 6 December" (GB); "November 16 to 22" (US). */
  days(from: Date | string, to: Date | string): string;
}

type Format = (at: Date | string) => string;

const cache = new Map<string, DateWords>();

/** The words for `region`; `timeZone` is an IANA zone (the computer's own when not given). */
export function dateWords(region: Region = 'GB', timeZone?: string): DateWords {
  const cacheKey = `${region} ${timeZone ?? ''}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const locale = LOCALES[region];
  const zone: Intl.DateTimeFormatOptions = timeZone === undefined ? {} : { timeZone };
  const tidy = DAY_FIRST.has(region) ? (text: string) => text.replace(/^([A-Za-z]+),/, '$1') : (text: string) => text;
  const format = (options: Intl.DateTimeFormatOptions): Format => {
    const formatter = new Intl.DateTimeFormat(locale, { ...zone, ...options });
    // A text that is no date is shown as it is rather than as "Invalid Date".
    return (at) => {
      const date = new Date(at);
      return Number.isNaN(date.getTime()) ? String(at) : tidy(formatter.format(date));
    };
  };
  const clock = format({ hour: 'numeric', minute: '2-digit', hour12: true });
  const dayAndYear = format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dayOfMonth = format({ day: 'numeric', month: 'long' });
  const dayNumber = format({ day: 'numeric' });
  const monthAndYear = format({ month: 'long', year: 'numeric' });
  const words: DateWords = {
    clock,
    day: format({ weekday: 'long', day: 'numeric', month: 'long' }),
    shortDay: format({ weekday: 'short', day: 'numeric', month: 'short' }),
    dayAndYear,
    dayOfMonth,
    date: format({ day: 'numeric', month: 'long', year: 'numeric' }),
    moment: (at) => `${clock(at)} on ${dayAndYear(at)}`,
    days: (from, to) => {
      if (monthAndYear(from) !== monthAndYear(to)) return `${dayOfMonth(from)} to ${dayOfMonth(to)}`;
      return DAY_FIRST.has(region) ? `${dayNumber(from)} to ${dayOfMonth(to)}` : `${dayOfMonth(from)} to ${dayNumber(to)}`;
    },
  };
  cache.set(cacheKey, words);
  return words;
}
