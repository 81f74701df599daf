// The instants an ISO week and its seven days start and end in a time zone (Monday 00:00 local to Monday 00:00 local).
import { formatIsoWeek, mondayOf, type IsoWeek } from '../../../shared/isoWeek';
import { DAY_MS, isoDate, startOfLocalDay } from '../../../shared/zonedTime';

export interface WeekFrame {
  week: string;
  timeZone: string;
  start: number;
  end: number;
  days: { date: string; start: number; end: number }[];
}

export function weekFrame(week: IsoWeek, timeZone: string): WeekFrame {
  const monday = mondayOf(week);
  const edges = Array.from({ length: 8 }, (_, i) => startOfLocalDay(monday + i * DAY_MS, timeZone));
  const days = Array.from({ length: 7 }, (_, i) => ({
    date: isoDate(monday + i * DAY_MS),
    start: edges[i] as number,
    end: edges[i + 1] as number,
  }));
  return { week: formatIsoWeek(week), timeZone, start: edges[0] as number, end: edges[7] as number, days };
}

/** Which of the week's days (0 = Monday) an instant inside the week falls on. */
export function dayIndex(frame: WeekFrame, instant: number): number {
  let index = 0;
  while (index < 6 && instant >= (frame.days[index] as WeekFrame['days'][number]).end) index += 1;
  return index;
}
