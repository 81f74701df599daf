// The plain-text summary: friendly sentences, "All quiet this week.", times in the summary's zone, no empty sections.
import { expect, it } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import { formatSummary } from '../../../../electron/guardian/summary/summaryText';
import { summarizeWeek } from '../../../../electron/guardian/summary/weeklySummary';

const week = { year: 2026, week: 27 }; // Monday 29 June to Sunday 5 July 2026, BST in London
const options = { timeZone: 'Europe/London', now: new Date('2026-08-01T00:00:00Z') };

function beats(from: string, to: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 300_000) records.push({ type: 'heartbeat', at: new Date(t).toISOString() });
  return records;
}

it('says all quiet and that protection was on the whole time, and nothing else', async () => {
  const text = formatSummary(await summarizeWeek(beats('2026-06-28T22:55:00Z', '2026-07-05T23:05:00Z'), week, options));
  expect(text).toBe(['Week 2026-W27: Monday 29 June to Sunday 5 July.', 'All quiet this week.', 'Protection was on the whole time.'].join('\n'));
});

it('writes gaps in local time with their cause, and what happened in plain words', async () => {
  const records: JournalRecord[] = [
    ...beats('2026-06-28T22:55:00Z', '2026-07-01T12:00:00Z'),
    { type: 'clean-stop', at: '2026-07-01T12:00:00.000Z', reason: 'quit' },
    ...beats('2026-07-01T13:00:00Z', '2026-07-05T23:05:00Z'),
    { type: 'interruption-requested', at: '2026-07-02T10:00:00Z' } as unknown as JournalRecord,
    { type: 'choice', at: '2026-07-02T10:01:00Z', interruptionId: 'i1', choice: 'call-contact', toolId: null },
    { type: 'pin-failed', at: '2026-07-02T10:02:00Z', action: 'quit', lockedUntil: null },
    { type: 'pin-failed', at: '2026-07-02T10:03:00Z', action: 'quit', lockedUntil: null },
    { type: 'alert-failed', at: '2026-07-02T10:04:00Z', alertId: 'a', channel: 'email', attempts: 5, permanent: true, reason: 'No answer.' },
  ];
  const text = formatSummary(await summarizeWeek(records, week, options));
  expect(text).not.toContain('All quiet');
  expect(text).toContain('Off from 1:00 pm on Wednesday 1 July to 2:00 pm on Wednesday 1 July (Pause Guard was quit).');
  expect(text).toContain('The "pause and check" screen was shown once.');
  expect(text).toContain('On it, the person chose to call the family once.');
  expect(text).toContain('Alerts to the family: 0 delivered, 1 could not be delivered.');
  expect(text).toContain('The family PIN was entered wrongly twice.');
});

it('says when the week has not started yet', async () => {
  const text = formatSummary(await summarizeWeek([], week, { ...options, now: new Date('2026-06-01T00:00:00Z') }));
  expect(text).toBe('Week 2026-W27: Monday 29 June to Sunday 5 July.\nThis week has not started yet.');
});
