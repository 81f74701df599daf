// The weekly summary from journal records: uptime and gaps (kills, shut-downs, pauses, a PC off for ten days, the
// current week up to now, a daylight-saving week), what happened and on which day, trusted helpers vs. unknown callers.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import { WeeklySummarySchema } from '../../../../shared/summary';
import { createJournal } from '../../../../electron/guardian/store/journal';
import { summarizeWeek, summaryReadRange } from '../../../../electron/guardian/summary/weeklySummary';
import { formatSummary } from '../../../../electron/guardian/summary/summaryText';
import { describeSummary } from '../../../../shared/summaryWords';

const MINUTE = 60_000;
const LONDON = { timeZone: 'Europe/London', now: new Date('2026-12-01T00:00:00Z') };
const W10 = { year: 2026, week: 10 }; // Monday 2 March 2026 to Sunday 8 March, GMT all week

/** Heartbeats every 5 minutes from `from` up to and including `to`. */
function beats(from: string, to: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 5 * MINUTE) records.push({ type: 'heartbeat', at: new Date(t).toISOString() });
  return records;
}

const started = (at: string): JournalRecord => ({ type: 'app-started', at, version: '1.0.0' });

function session(at: string, key: string, remoteId: string | null, toolId: string | null = 'anydesk'): JournalRecord {
  return {
    type: 'session-started', at, key, kind: 'log', toolId, name: toolId === null ? 'VNC' : 'AnyDesk', pid: null,
    remoteAddress: remoteId === null ? '198.51.100.7' : null, remoteId, since: at, risk: 'high', initial: false,
  };
}

describe('uptime and gaps', () => {
  it('is 100% with heartbeats all week, every day full, and all quiet', async () => {
    const summary = await summarizeWeek(beats('2026-03-01T23:58:00Z', '2026-03-09T00:03:00Z'), W10, LONDON);
    expect(WeeklySummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ week: '2026-W10', from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', uptimePercent: 100, gaps: [], allQuiet: true });
    expect(summary.days.map((d) => d.uptimePercent)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(summary.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
  });

  it('counts a silence longer than two heartbeats as off, and a shorter one as on', async () => {
    const records = [
      ...beats('2026-03-01T23:55:00Z', '2026-03-03T10:00:00Z'),
      // 10 minutes of silence: a late timer, still on.
      ...beats('2026-03-03T10:10:00Z', '2026-03-04T09:00:00Z'),
      // Three hours with no sign and no clean stop: off.
      ...beats('2026-03-04T12:00:00Z', '2026-03-09T00:05:00Z'),
    ];
    const summary = await summarizeWeek(records, W10, LONDON);
    expect(summary.gaps).toEqual([{ from: '2026-03-04T09:00:00.000Z', to: '2026-03-04T12:00:00.000Z', cause: 'unexplained' }]);
    expect(summary.uptimePercent).toBe(Math.floor(((165 / 168) * 100) * 10) / 10);
    expect(summary.days[2]?.uptimePercent).toBe(87.5);
  });

  it('names a clean shut-down, a quit and a pause; a crash with a quick restart is off by its protection-gap record', async () => {
    const records: JournalRecord[] = [
      ...beats('2026-03-01T23:55:00Z', '2026-03-02T22:00:00Z'),
      { type: 'clean-stop', at: '2026-03-02T22:00:00.000Z', reason: 'shutdown' },
      started('2026-03-03T08:00:00.000Z'),
      ...beats('2026-03-03T08:05:00Z', '2026-03-03T12:00:00Z'),
      { type: 'protection-paused', at: '2026-03-03T12:00:00.000Z', until: '2026-03-03T14:00:00.000Z' },
      ...beats('2026-03-03T12:05:00Z', '2026-03-03T20:00:00Z'),
      { type: 'protection-resumed', at: '2026-03-03T13:00:00.000Z' },
      { type: 'clean-stop', at: '2026-03-03T20:00:00.000Z', reason: 'quit' },
      started('2026-03-03T20:30:00.000Z'),
      ...beats('2026-03-03T20:35:00Z', '2026-03-04T10:00:00Z'),
      { type: 'protection-gap', at: '2026-03-04T10:01:00.000Z', from: '2026-03-04T10:00:00.000Z', to: '2026-03-04T10:01:00.000Z', clean: false },
      started('2026-03-04T10:01:00.000Z'),
      ...beats('2026-03-04T10:05:00Z', '2026-03-09T00:05:00Z'),
    ];
    const summary = await summarizeWeek(records, W10, LONDON);
    expect(summary.gaps).toEqual([
      { from: '2026-03-02T22:00:00.000Z', to: '2026-03-03T08:00:00.000Z', cause: 'shutdown' },
      { from: '2026-03-03T12:00:00.000Z', to: '2026-03-03T13:00:00.000Z', cause: 'paused' },
      { from: '2026-03-03T20:00:00.000Z', to: '2026-03-03T20:30:00.000Z', cause: 'quit' },
      { from: '2026-03-04T10:00:00.000Z', to: '2026-03-04T10:01:00.000Z', cause: 'unexplained' },
    ]);
    expect(summary.allQuiet).toBe(true);
  });

  it('names a night asleep and a stretch held still that the running app recorded, over the silence around them', async () => {
    const records: JournalRecord[] = [
      ...beats('2026-03-01T23:55:00Z', '2026-03-02T22:00:00Z'),
      // Looked at 22:03 for the last time before sleep; woke at 07:00 and recorded it.
      { type: 'protection-gap', at: '2026-03-03T07:00:00.000Z', from: '2026-03-02T22:03:00.000Z', to: '2026-03-03T07:00:00.000Z', clean: false, cause: 'asleep' },
      ...beats('2026-03-03T07:05:00Z', '2026-03-04T10:00:00Z'),
      // Held still (stopped) from 10:02 to 10:40 while the computer ran.
      { type: 'protection-gap', at: '2026-03-04T10:40:00.000Z', from: '2026-03-04T10:02:00.000Z', to: '2026-03-04T10:40:00.000Z', clean: false, cause: 'stalled' },
      ...beats('2026-03-04T10:45:00Z', '2026-03-09T00:05:00Z'),
    ];
    const summary = await summarizeWeek(records, W10, LONDON);
    expect(summary.gaps).toEqual([
      { from: '2026-03-02T22:03:00.000Z', to: '2026-03-03T07:00:00.000Z', cause: 'asleep' },
      { from: '2026-03-04T10:02:00.000Z', to: '2026-03-04T10:40:00.000Z', cause: 'stalled' },
    ]);
  });

  it('shows a PC off for ten days: the week it went off partly, the next week at 0%, and the current week up to now', async () => {
    const records = [
      ...beats('2026-03-01T23:55:00Z', '2026-03-06T18:00:00Z'),
      // Killed on Friday evening; the next start is ten days later.
      { type: 'protection-gap', at: '2026-03-16T18:00:00.000Z', from: '2026-03-06T18:00:00.000Z', to: '2026-03-16T18:00:00.000Z', clean: false },
      started('2026-03-16T18:00:00.000Z'),
      ...beats('2026-03-16T18:05:00Z', '2026-03-18T11:55:00Z'),
    ] satisfies JournalRecord[];
    const now = new Date('2026-03-18T12:00:00Z');
    const options = { timeZone: 'Europe/London', now };

    const w10 = await summarizeWeek(records, W10, options);
    expect(w10.uptimePercent).toBe(67.8); // Monday 00:00 to Friday 18:00 = 114 of 168 hours
    expect(w10.gaps).toEqual([{ from: '2026-03-06T18:00:00.000Z', to: '2026-03-09T00:00:00.000Z', cause: 'unexplained' }]);
    expect(w10.days.map((d) => d.uptimePercent)).toEqual([100, 100, 100, 100, 75, 0, 0]);

    const w11 = await summarizeWeek(records, { year: 2026, week: 11 }, options);
    expect(w11.uptimePercent).toBe(0);
    expect(w11.gaps).toEqual([{ from: '2026-03-09T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z', cause: 'unexplained' }]);

    const w12 = await summarizeWeek(records, { year: 2026, week: 12 }, options);
    expect(w12.measuredUntil).toBe('2026-03-18T12:00:00.000Z');
    expect(w12.uptimePercent).toBe(70); // 18 of the 60 hours so far were off
    expect(w12.days.map((d) => d.uptimePercent)).toEqual([25, 100, 100, null, null, null, null]);

    const future = await summarizeWeek(records, { year: 2026, week: 13 }, options);
    expect(future.uptimePercent).toBeNull();
    expect(future.gaps).toEqual([]);
  });

  it('measures a week with a 23-hour Sunday (London, clocks forward) against 167 hours', async () => {
    const week = { year: 2026, week: 13 };
    const records = [
      ...beats('2026-03-22T23:55:00Z', '2026-03-29T10:00:00Z'),
      { type: 'clean-stop', at: '2026-03-29T10:00:00.000Z', reason: 'shutdown' },
    ] satisfies JournalRecord[];
    const summary = await summarizeWeek(records, week, LONDON);
    expect(summary.to).toBe('2026-03-29T23:00:00.000Z');
    // Off from Sunday 10:00 UTC (11:00 BST) to the end of the 23-hour Sunday: 13 of its 23 hours.
    expect(summary.uptimePercent).toBe(Math.floor((154 / 167) * 1000) / 10);
    expect(summary.days[6]?.uptimePercent).toBe(Math.floor((10 / 23) * 1000) / 10);
    expect(summary.gaps).toEqual([{ from: '2026-03-29T10:00:00.000Z', to: '2026-03-29T23:00:00.000Z', cause: 'shutdown' }]);
  });

  it('labels the start of a week by the clean stop before it, when the PC stayed off', async () => {
    const records = [
      ...beats('2026-02-27T10:00:00Z', '2026-02-27T18:00:00Z'),
      { type: 'clean-stop', at: '2026-02-27T18:00:00.000Z', reason: 'shutdown' },
      started('2026-03-04T09:00:00.000Z'),
      ...beats('2026-03-04T09:05:00Z', '2026-03-09T00:05:00Z'),
    ] satisfies JournalRecord[];
    const summary = await summarizeWeek(records, W10, LONDON);
    expect(summary.gaps).toEqual([{ from: '2026-03-02T00:00:00.000Z', to: '2026-03-04T09:00:00.000Z', cause: 'shutdown' }]);
  });

  it('is all off for a week with no records at all', async () => {
    const summary = await summarizeWeek([], W10, LONDON);
    expect(summary).toMatchObject({ uptimePercent: 0, allQuiet: true, gaps: [{ from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', cause: 'unexplained' }] });
  });
});

describe('what happened', () => {
  const helpers = [{ toolId: 'anydesk', remoteId: '123 456 789' }];

  it('tells trusted helpers from unknown callers, counting a session reported again after a restart once', async () => {
    const records = [
      session('2026-03-03T10:00:00Z', 's1', '123456789'),
      session('2026-03-03T10:00:00Z', 's1', '123456789'),
      session('2026-03-05T15:00:00Z', 's2', '987 654 321'),
      session('2026-03-06T15:00:00Z', 's3', '987 654 321'),
      session('2026-03-07T09:00:00Z', 'vnc', null, null),
    ];
    const summary = await summarizeWeek(records, W10, { ...LONDON, trustedHelpers: helpers });
    expect(summary.sessions).toEqual({
      trusted: 1,
      unknown: 3,
      remoteIds: [
        { toolId: 'anydesk', name: 'AnyDesk', remoteId: '987 654 321', remoteAddress: null, trusted: false, count: 2 },
        { toolId: null, name: 'VNC', remoteId: null, remoteAddress: '198.51.100.7', trusted: false, count: 1 },
        { toolId: 'anydesk', name: 'AnyDesk', remoteId: '123456789', remoteAddress: null, trusted: true, count: 1 },
      ],
      past: [],
    });
    expect(summary.allQuiet).toBe(false);
    const untrusted = await summarizeWeek(records, W10, LONDON);
    expect(untrusted.sessions).toMatchObject({ trusted: 0, unknown: 4 });
  });

  it('counts tools, installers once per file, interruptions, choices, alerts, wrong PINs and settings changes by day', async () => {
    const records = [
      { type: 'tool-started', at: '2026-03-02T09:00:00Z', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 10, exe: null, initial: false },
      { type: 'tool-started', at: '2026-03-02T11:00:00Z', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: 11, exe: null, initial: true },
      { type: 'tool-started', at: '2026-03-03T09:00:00Z', toolId: 'teamviewer', name: 'TeamViewer', tier: 'interrupt', pid: 12, exe: null, initial: false },
      { type: 'installer-downloaded', at: '2026-03-02T08:59:00Z', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', path: '/home/m/Downloads/AnyDesk.exe', initial: false },
      { type: 'installer-downloaded', at: '2026-03-04T08:00:00Z', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', path: '/home/m/Downloads/AnyDesk.exe', initial: true },
      { type: 'interruption-requested', at: '2026-03-02T09:00:01Z', interruptionId: 'i1' } as unknown as JournalRecord,
      { type: 'choice', at: '2026-03-02T09:01:00Z', interruptionId: 'i1', choice: 'end-it', toolId: 'anydesk' },
      { type: 'end-it-outcome', at: '2026-03-02T09:01:04Z', interruptionId: 'i1', toolId: 'anydesk', name: 'AnyDesk', outcome: 'not-ended', reason: 'came-back' },
      { type: 'end-it-outcome', at: '2026-03-02T09:02:04Z', interruptionId: 'i1', toolId: 'anydesk', name: 'AnyDesk', outcome: 'ended', reason: null },
      { type: 'alert-failed', at: '2026-03-02T09:00:05Z', alertId: 'a1', channel: 'email', attempts: 1, permanent: false, reason: 'The mail server did not answer.' },
      { type: 'alert-delivered', at: '2026-03-02T09:02:00Z', alertId: 'a1', channel: 'email', attempts: 2 },
      { type: 'alert-delivered', at: '2026-03-02T09:00:03Z', alertId: 'a1', channel: 'ntfy', attempts: 1 },
      { type: 'alert-failed', at: '2026-03-02T09:00:04Z', alertId: 'a1', channel: 'webhook', attempts: 5, permanent: true, reason: 'The address answered 404.' },
      { type: 'pin-failed', at: '2026-03-08T20:00:00Z', action: 'quit', lockedUntil: null },
      { type: 'pin-failed', at: '2026-03-08T20:00:10Z', action: 'quit', lockedUntil: null },
      { type: 'settings-changed', at: '2026-03-08T21:00:00Z', fields: ['contacts', 'pin'] },
      { type: 'settings-changed', at: '2026-03-08T21:05:00Z', fields: ['contacts'] },
      { type: 'settings-reset', at: '2026-03-05T07:00:00Z', keptAs: null, reason: 'The settings file was not JSON.' },
      { type: 'tampering', at: '2026-03-06T07:00:00Z', what: 'journal', reason: 'The journal was deleted or emptied: it had 9 entries.', keptAs: null },
      // Outside the week, and a type from a later version: neither counts.
      { type: 'pin-failed', at: '2026-03-09T00:00:00Z', action: 'quit', lockedUntil: null },
      { type: 'something-new', at: '2026-03-04T00:00:00Z' } as unknown as JournalRecord,
      { type: 'pin-failed', at: 'not a time', action: 'quit', lockedUntil: null },
    ] as JournalRecord[];
    const summary = await summarizeWeek(records, W10, LONDON);
    expect(summary.toolsSeen).toEqual([{ toolId: 'anydesk', name: 'AnyDesk', count: 2 }, { toolId: 'teamviewer', name: 'TeamViewer', count: 1 }]);
    expect(summary.installers).toEqual([{ toolId: 'anydesk', name: 'AnyDesk', path: '/home/m/Downloads/AnyDesk.exe', firstSeen: '2026-03-02T08:59:00Z' }]);
    expect(summary.interruptions).toEqual({ shown: 1, choices: { 'end-it': 1, 'call-contact': 0, 'started-it-myself': 0 } });
    expect(summary.couldNotClose).toEqual([{ toolId: 'anydesk', name: 'AnyDesk', count: 1 }]);
    expect(summary.alerts).toEqual({ delivered: 2, failed: 1 });
    expect(summary.pinFailures).toBe(2);
    expect(summary.settingsChanges).toEqual({ count: 2, fields: ['contacts', 'pin'], resets: 1 });
    expect(summary.tampering).toEqual([{ at: '2026-03-06T07:00:00Z', what: 'journal' }]);
    expect(summary.days.map((d) => d.events)).toEqual([6, 1, 0, 1, 1, 0, 4]);
    expect(summary.allQuiet).toBe(false);
  });

  it('counts each time someone else was seen moving the mouse, and says it plainly', async () => {
    const remote = (type: 'remote-input' | 'remote-input-ended', at: string, since: string): JournalRecord => ({
      type, at, source: 'injected', device: 'Virtual core XTEST pointer', pid: null, since,
    });
    const records = [
      remote('remote-input', '2026-03-03T10:00:02Z', '2026-03-03T10:00:00Z'),
      remote('remote-input-ended', '2026-03-03T10:20:00Z', '2026-03-03T10:00:00Z'),
      remote('remote-input', '2026-03-05T15:00:02Z', '2026-03-05T15:00:00Z'),
    ];
    const summary = await summarizeWeek(records, W10, LONDON);
    expect(summary.remoteInput).toBe(2);
    expect(summary.allQuiet).toBe(false);
    expect(summary.days.map((d) => d.events)).toEqual([0, 1, 0, 1, 0, 0, 0]);
    expect(describeSummary(summary).sections).toContainEqual({
      heading: 'Someone else moving the mouse',
      lines: ['A program, not the person’s own hands, was moving the mouse and pressing keys twice.'],
    });
    expect((await summarizeWeek([], W10, LONDON)).remoteInput).toBe(0);
  });

  it('reads records straight from the journal, over the range summaryReadRange gives', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-summary-'));
    try {
      const journal = await createJournal({ dir });
      const records = [...beats('2026-03-01T23:55:00Z', '2026-03-09T00:05:00Z'), session('2026-03-03T10:00:00Z', 's1', '123456789')];
      await Promise.all(records.map((record) => journal.append(record)));
      const range = summaryReadRange(W10, { timeZone: 'Europe/London' });
      expect(range).toEqual({ from: new Date('2026-01-30T00:00:00Z'), to: new Date('2026-03-09T00:11:00Z') });
      const summary = await summarizeWeek(journal.read(range), W10, { ...LONDON, trustedHelpers: helpers });
      expect(summary).toMatchObject({ uptimePercent: 100, sessions: { trusted: 1, unknown: 0 } });
      await journal.close();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('past sessions found in the tools\' own logs', () => {
  const past = (at: string, remoteId: string | null, since: string | null, until: string | null, otherRemoteIds?: string[]): JournalRecord => ({
    type: 'session-past', at, toolId: 'teamviewer', name: 'TeamViewer', remoteId, since, until, ...(otherRemoteIds ? { otherRemoteIds } : {}),
  });

  it('tells each past session once, in the first week it was found, trusted only when its ID matches alone', async () => {
    const records = [
      past('2026-02-25T08:00:00Z', '514162531', '2024-03-05T10:20:00Z', null), // found last week already
      past('2026-03-02T08:00:00Z', '514162531', '2024-03-05T10:20:00Z', null), // found again at this week's start
      past('2026-03-03T08:00:00Z', '1025538549', '2026-03-02T14:50:52Z', '2026-03-02T14:51:09Z'),
      past('2026-03-04T08:00:00Z', '1025538549', '2026-03-02T14:50:52Z', '2026-03-02T14:51:09Z'),
      past('2026-03-04T09:00:00Z', '123456789', null, null),
      past('2026-03-04T10:00:00Z', '123456789', '2026-03-01T10:00:00Z', null, ['987654321']),
    ];
    const summary = await summarizeWeek(records, W10, { ...LONDON, trustedHelpers: [{ toolId: 'teamviewer', remoteId: '123 456 789' }] });
    expect(WeeklySummarySchema.parse(summary)).toEqual(summary);
    expect(summary.sessions.past).toEqual([
      { toolId: 'teamviewer', name: 'TeamViewer', remoteId: '123456789', since: null, until: null, trusted: true },
      { toolId: 'teamviewer', name: 'TeamViewer', remoteId: '123456789', since: '2026-03-01T10:00:00Z', until: null, trusted: false },
      { toolId: 'teamviewer', name: 'TeamViewer', remoteId: '1025538549', since: '2026-03-02T14:50:52Z', until: '2026-03-02T14:51:09Z', trusted: false },
    ]);
    expect(summary.sessions).toMatchObject({ trusted: 0, unknown: 0 });
    expect(summary.allQuiet).toBe(false);
    expect(summary.days.map((d) => d.events)).toEqual([0, 1, 2, 0, 0, 0, 0]);

    const words = describeSummary(summary).sections.find((section) => section.heading.startsWith('Earlier connections'));
    expect(words?.lines).toContain('TeamViewer from ID 1025538549 (someone unknown), from 2:50 pm on Monday 2 March 2026 to 2:51 pm on Monday 2 March 2026.');
    expect(words?.lines).toContain('TeamViewer from ID 123456789 (trusted helper), at a time its log does not say.');
    expect(formatSummary(summary)).toContain('  TeamViewer from ID 123456789 (someone unknown), at 10:00 am on Sunday 1 March 2026.');
  });

  it('tells the latest ten past sessions one by one and counts the rest', async () => {
    const records = Array.from({ length: 14 }, (_, i) => past('2026-03-02T08:00:00Z', `1000000${String(i).padStart(2, '0')}`, `2026-02-${String(i + 1).padStart(2, '0')}T10:00:00Z`, null));
    const summary = await summarizeWeek(records, W10, LONDON);
    const lines = describeSummary(summary).sections.find((section) => section.heading.startsWith('Earlier connections'))!.lines;
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('TeamViewer from ID 100000013 (someone unknown), at 10:00 am on Saturday 14 February 2026.');
    expect(lines[10]).toBe('And 4 earlier, kept in Pause Guard\'s journal.');
  });

  it('keeps the helper\'s ID seen beside another ID apart from the helper\'s own sessions', async () => {
    const records: JournalRecord[] = [
      session('2026-03-02T09:00:00Z', 'a', '123456789'),
      { ...session('2026-03-03T09:00:00Z', 'b', '123456789'), otherRemoteIds: ['987654321'] } as JournalRecord,
    ];
    const summary = await summarizeWeek(records, W10, { ...LONDON, trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789' }] });
    expect(summary.sessions).toMatchObject({ trusted: 1, unknown: 1 });
    expect(summary.sessions.remoteIds.map((line) => [line.remoteId, line.trusted, line.count])).toEqual([['123456789', false, 1], ['123456789', true, 1]]);
  });
});


describe('remote-access programs installed', () => {
  it('tells the programs "Check this computer" found installed during the week, and only those', async () => {
    const installed = [
      { toolId: 'anydesk', name: 'AnyDesk', installedAt: '2026-03-04T14:10:00.000Z' },
      { toolId: 'teamviewer', name: 'TeamViewer', installedAt: '2026-02-20T09:00:00.000Z' },
    ];
    const summary = await summarizeWeek(beats('2026-03-01T23:58:00Z', '2026-03-09T00:03:00Z'), W10, { ...LONDON, installed });
    expect(WeeklySummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ installed: [installed[0]], allQuiet: false });
    expect(describeSummary(summary).sections).toContainEqual({
      heading: 'Remote-access programs installed',
      lines: ['AnyDesk, installed on Wednesday 4 March. “Check this computer” shows how to remove it.'],
    });
  });
});
