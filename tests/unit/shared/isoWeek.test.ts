// ISO weeks and local days: parsing with plain errors, 52/53-week years, the last full week in a zone, and the
// week's edges on daylight-saving changes (23 and 25 hour days, and a midnight that does not exist).
import { describe, expect, it } from 'vitest';
import { formatIsoWeek, lastFullWeek, mondayOf, parseIsoWeek, weeksInYear } from '../../../shared/isoWeek';
import { weekFrame } from '../../../electron/guardian/summary/weekFrame';
import { checkTimeZone, startOfLocalDay } from '../../../shared/zonedTime';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseIsoWeek', () => {
  it('reads YYYY-Www and writes it back', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(formatIsoWeek(parseIsoWeek(' 2026-W05 '))).toBe('2026-W05');
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
  });

  it('says plainly what is wrong', () => {
    expect(() => parseIsoWeek('2026-48')).toThrow('"2026-48" is not a week: write it like 2026-W48 (the year, -W, and the week number).');
    expect(() => parseIsoWeek('last week')).toThrow(/is not a week/);
    expect(() => parseIsoWeek('2025-W53')).toThrow('2025 has weeks 1 to 52; there is no week 53.');
    expect(() => parseIsoWeek('2026-W00')).toThrow('2026 has weeks 1 to 53; there is no week 0.');
  });

  it('knows the years with 53 weeks and where week 1 starts', () => {
    expect([2020, 2021, 2025, 2026].map(weeksInYear)).toEqual([53, 52, 52, 53]);
    expect(iso(mondayOf({ year: 2026, week: 1 }))).toBe('2025-12-29T00:00:00.000Z');
    expect(iso(mondayOf({ year: 2021, week: 1 }))).toBe('2021-01-04T00:00:00.000Z');
  });
});

describe('lastFullWeek', () => {
  it('is the week before the local one', () => {
    // Sunday 23:30 in London is already Monday 00:30 in Berlin.
    const now = new Date('2026-03-01T23:30:00Z');
    expect(formatIsoWeek(lastFullWeek(now, 'Europe/London'))).toBe('2026-W08');
    expect(formatIsoWeek(lastFullWeek(now, 'Europe/Berlin'))).toBe('2026-W09');
    expect(formatIsoWeek(lastFullWeek(new Date('2026-01-02T12:00:00Z'), 'UTC'))).toBe('2025-W52');
  });

  it('refuses an unknown time zone in a plain sentence', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow('"Mars/Olympus" is not a time zone this computer knows (for example Europe/London).');
  });
});

describe('week edges in local time', () => {
  it('spans 167 hours in the London week the clocks go forward, its Sunday 23 hours', () => {
    const frame = weekFrame({ year: 2026, week: 13 }, 'Europe/London');
    expect(iso(frame.start)).toBe('2026-03-23T00:00:00.000Z');
    expect(iso(frame.end)).toBe('2026-03-29T23:00:00.000Z');
    expect(frame.days.map((d) => d.date)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(frame.days.map((d) => (d.end - d.start) / HOUR)).toEqual([24, 24, 24, 24, 24, 24, 23]);
  });

  it('spans 169 hours in the London week the clocks go back, starting at 23:00 UTC the Sunday before', () => {
    const frame = weekFrame({ year: 2026, week: 43 }, 'Europe/London');
    expect(iso(frame.start)).toBe('2026-10-18T23:00:00.000Z');
    expect(iso(frame.end)).toBe('2026-10-26T00:00:00.000Z');
    expect((frame.days[6]?.end ?? 0) - (frame.days[6]?.start ?? 0)).toBe(25 * HOUR);
  });

  it('starts a day whose midnight was skipped at the jump (São Paulo, 4 November 2018: 00:00 became 01:00)', () => {
    expect(iso(startOfLocalDay(Date.UTC(2018, 10, 4), 'America/Sao_Paulo'))).toBe('2018-11-04T03:00:00.000Z');
    expect(iso(startOfLocalDay(Date.UTC(2018, 10, 5), 'America/Sao_Paulo'))).toBe('2018-11-05T02:00:00.000Z');
  });

  it('works east of UTC', () => {
    expect(iso(weekFrame({ year: 2026, week: 10 }, 'Australia/Sydney').start)).toBe('2026-03-01T13:00:00.000Z');
  });
});
