// The ISO week before or after another, for the summary page's buttons ("2026-W01" -> "2025-W52" -> ...).
import { formatIsoWeek, isoWeekOfDay, mondayOf, parseIsoWeek } from '../../../shared/isoWeek';

const WEEK_MS = 7 * 86_400_000;

export function neighbourWeek(week: string, step: -1 | 1): string {
  return formatIsoWeek(isoWeekOfDay(mondayOf(parseIsoWeek(week)) + step * WEEK_MS));
}
