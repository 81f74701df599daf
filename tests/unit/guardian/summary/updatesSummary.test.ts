// The weekly summary's "Keeping up to date": an app version started for the first time, a newer list of remote-access
// programs put in force, and no check for a newer list succeeding for more than two weeks, from journal records.
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import { WeeklySummarySchema } from '../../../../shared/summary';
import { describeSummary } from '../../../../shared/summaryWords';
import { summarizeWeek } from '../../../../electron/guardian/summary/weeklySummary';

const LONDON = { timeZone: 'Europe/London', now: new Date('2026-12-20T00:00:00Z') };
const W49 = { year: 2026, week: 49 }; // Monday 30 November to Sunday 6 December 2026

const started = (at: string, version: string): JournalRecord => ({ type: 'app-started', at, version });
const check = (at: string, outcome: 'updated' | 'unchanged' | 'refused', version = 1, date: string | null = '2026-11-02'): JournalRecord => ({
  type: 'catalog-check', at, outcome, version, date,
  reason: outcome === 'refused' ? 'unreachable' : null, message: outcome === 'refused' ? 'The server github.com could not be found.' : null,
});

const section = async (records: JournalRecord[]) => {
  const summary = await summarizeWeek(records, W49, LONDON);
  expect(WeeklySummarySchema.parse(summary)).toEqual(summary);
  return { summary, lines: describeSummary(summary).sections.find((s) => s.heading === 'Keeping up to date')?.lines ?? [] };
};

describe('keeping up to date, in the weekly summary', () => {
  it('tells the family of an app update and a newer list of programs, on the day each happened', async () => {
    const { summary, lines } = await section([
      started('2026-11-20T09:00:00Z', '0.2.0'),
      check('2026-11-20T09:02:00Z', 'unchanged'),
      check('2026-12-01T09:02:00Z', 'updated', 2, '2026-11-30'),
      started('2026-12-03T18:00:00Z', '0.3.0'),
      // Started again on the same version: no update.
      started('2026-12-04T08:00:00Z', '0.3.0'),
      check('2026-12-04T08:02:00Z', 'unchanged', 2, '2026-11-30'),
    ]);
    expect(summary.updates).toEqual({
      app: [{ at: '2026-12-03T18:00:00Z', version: '0.3.0' }],
      catalog: [{ at: '2026-12-01T09:02:00Z', version: 2, date: '2026-11-30' }],
      checksFailing: null,
    });
    expect(lines).toEqual([
      'Pause Guard was updated to 0.3.0 on Thursday 3 December.',
      'The list of remote-access programs was updated on Tuesday 1 December, to the one from 30 November 2026.',
    ]);
  });

  it('says so when no check has succeeded for more than two weeks, refused ones not counting', async () => {
    const { lines } = await section([
      started('2026-11-10T09:00:00Z', '0.3.0'),
      check('2026-11-10T09:02:00Z', 'unchanged'),
      check('2026-11-25T09:02:00Z', 'refused'),
      check('2026-12-05T09:02:00Z', 'refused'),
    ]);
    expect(lines).toEqual([
      'Pause Guard has not been able to check for a newer list of remote-access programs since Tuesday 10 November 2026. Please check the computer is online.',
    ]);
  });

  it('says nothing of checks for a Pause Guard installed less than two weeks before the week ended, or checked within them', async () => {
    expect((await section([started('2026-11-30T09:00:00Z', '0.3.0')])).lines).toEqual([]);
    expect((await section([started('2026-11-01T09:00:00Z', '0.3.0'), check('2026-11-25T09:02:00Z', 'unchanged')])).lines).toEqual([]);
  });

  it('with no successful check in the month it reads, says more than two weeks', async () => {
    const { lines } = await section([started('2026-11-01T09:00:00Z', '0.3.0'), check('2026-12-01T09:02:00Z', 'refused')]);
    expect(lines).toEqual([
      'Pause Guard has not been able to check for a newer list of remote-access programs for more than two weeks. Please check the computer is online.',
    ]);
  });
});
