// Local calendar days in an IANA time zone, without a date library: the wall clock of an instant, and the instant a
// local day starts (a day of 23 or 25 hours at a daylight-saving change; the first instant after a skipped midnight).
// Calendar days are handled as the UTC midnight of that date in ms ("day numbers"), so adding a day is + DAY_MS.

export const DAY_MS = 86_400_000;

export class TimeZoneError extends Error {}

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new TimeZoneError(`"${timeZone}" is not a time zone this computer knows (for example Europe/London).`);
    }
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** Throws a TimeZoneError with a plain sentence for an unknown zone. */
export function checkTimeZone(timeZone: string): string {
  wallClock(timeZone);
  return timeZone;
}

/** The local wall-clock time of `instant`, written as if it were UTC (whole seconds). */
function wallTime(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

function offsetAt(instant: number, timeZone: string): number {
  return wallTime(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/** The local date of `instant`, as a day number. */
export function localDay(instant: number, timeZone: string): number {
  const wall = wallTime(instant, timeZone);
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** The instant the local day `day` (a day number) begins. */
export function startOfLocalDay(day: number, timeZone: string): number {
  return instantOfWallTime(day, timeZone);
}

/**
 * The instant the local clock shows `wall` (a wall-clock time written as if it were UTC). A time that happened twice
 * (clocks went back) is its first; a time skipped (clocks went forward) is as long after the jump as it was after its start.
 */
export function instantOfWallTime(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MS / 2, timeZone);
  const after = offsetAt(wall + DAY_MS / 2, timeZone);
  const candidates = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  return candidates.length > 0 ? Math.min(...candidates) : wall - Math.min(before, after);
}

/** "YYYY-MM-DD" for a day number. */
export function isoDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}
