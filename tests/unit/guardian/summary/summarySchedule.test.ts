// The weekly summary's schedule with a fake clock on a real journal: due at the chosen local time in the week after,
// sent at the next start when the PC was off, never twice across restarts, DST weeks in London, re-armed on new settings.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AlertContent } from '../../../../electron/guardian/alerts/alertMessage';
import { createJournal, type Journal } from '../../../../electron/guardian/store/journal';
import {
  createSummaryScheduler, latestDueWeek, nextSummaryDue, summaryDueAt, type SummaryScheduler,
} from '../../../../electron/guardian/summary/summarySchedule';
import type { JournalRecord } from '../../../../shared/journal';
import { defaultSettings, type Settings } from '../../../../shared/settings';
import type { WeeklySummary } from '../../../../shared/summary';

const LONDON = 'Europe/London';
const sunday18 = { day: 0, hour: 18, minute: 0 };
const friday20 = { day: 5, hour: 20, minute: 0 };

let dir: string;
let journal: Journal;
let clock: Date;
let settings: Settings;
let sent: AlertContent[];
let made: { week: string; sent: boolean }[];
let logged: string[];
let timer: { run: () => void; ms: number; cancelled: boolean } | null;
let scheduler: SummaryScheduler | null;
let failSend: boolean;

const withContact = (weeklySummary = sunday18): Settings => ({
  ...defaultSettings(),
  person: 'Margaret',
  weeklySummary,
  contacts: [{ name: 'Dave', phone: null, ntfy: { server: 'https://ntfy.sh', topic: 'pg_test', token: null }, email: null, webhook: null }],
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-summary-schedule-'));
  journal = await createJournal({ dir });
  settings = withContact();
  sent = [];
  made = [];
  logged = [];
  timer = null;
  scheduler = null;
  failSend = false;
});

afterEach(async () => {
  await scheduler?.stop();
  await journal.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function newScheduler(): SummaryScheduler {
  scheduler = createSummaryScheduler({
    journal,
    settings: () => settings,
    pcName: 'KITCHEN-PC',
    now: () => clock,
    timeZone: () => LONDON,
    async send(content) {
      if (failSend) throw new Error('the disk is full');
      sent.push(content);
    },
    setTimer(run, ms) {
      const armed = { run, ms, cancelled: false };
      timer = armed;
      return () => {
        armed.cancelled = true;
      };
    },
    onSummary: (summary: WeeklySummary, wasSent) => made.push({ week: summary.week, sent: wasSent }),
    log: (line) => logged.push(line),
  });
  return scheduler;
}

/** A restart: the scheduler stopped, the journal closed and opened again from disk, a new scheduler at `time`. */
async function restartAt(time: string): Promise<SummaryScheduler> {
  await scheduler?.stop();
  await journal.close();
  journal = await createJournal({ dir });
  clock = new Date(time);
  const next = newScheduler();
  await next.start();
  return next;
}

/** Moves the clock to `time` and runs the armed timer as the real one would (it may have been capped earlier). */
async function fireAt(time: string): Promise<void> {
  clock = new Date(time);
  const armed = timer;
  expect(armed?.cancelled).toBe(false);
  armed?.run();
  await scheduler?.reschedule(); // waits for the check the timer queued (and checks once more: it must change nothing)
}

/** Pause Guard running from `from` to `to`: app-started and a heartbeat every five minutes. */
async function ran(from: string, to: string): Promise<void> {
  const writes: Promise<void>[] = [journal.append({ type: 'app-started', at: new Date(from).toISOString(), version: '1.0.0' })];
  for (let t = Date.parse(from) + 300_000; t <= Date.parse(to); t += 300_000) writes.push(journal.append({ type: 'heartbeat', at: new Date(t).toISOString() }));
  await Promise.all(writes);
}

async function sentRecords(): Promise<JournalRecord[]> {
  const found: JournalRecord[] = [];
  for await (const record of journal.read()) if (record.type === 'weekly-summary-sent') found.push(record);
  return found;
}

it('makes week W due at the chosen local time in the week after it, through both daylight-saving changes in London', () => {
  // 2026-W47 is Monday 16 to Sunday 22 November: due Sunday 29 November 18:00 GMT.
  expect(summaryDueAt({ year: 2026, week: 47 }, sunday18, LONDON).toISOString()).toBe('2026-11-29T18:00:00.000Z');
  expect(summaryDueAt({ year: 2026, week: 47 }, friday20, LONDON).toISOString()).toBe('2026-11-27T20:00:00.000Z');
  // Clocks went back at 02:00 on Sunday 25 October 2026: 18:00 that evening is GMT again.
  expect(summaryDueAt({ year: 2026, week: 42 }, sunday18, LONDON).toISOString()).toBe('2026-10-25T18:00:00.000Z');
  expect(summaryDueAt({ year: 2026, week: 42 }, { day: 6, hour: 18, minute: 0 }, LONDON).toISOString()).toBe('2026-10-24T17:00:00.000Z');
  // Clocks went forward at 01:00 on Sunday 29 March 2026: 18:00 is BST; 01:30 never happened, so it is 02:30 BST.
  expect(summaryDueAt({ year: 2026, week: 12 }, sunday18, LONDON).toISOString()).toBe('2026-03-29T17:00:00.000Z');
  expect(summaryDueAt({ year: 2026, week: 12 }, { day: 0, hour: 1, minute: 30 }, LONDON).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  // A Monday 00:00 choice is due the moment the week ends; across a year end, 2026-W53 is followed by 2027-W01.
  expect(summaryDueAt({ year: 2026, week: 53 }, { day: 1, hour: 0, minute: 0 }, LONDON).toISOString()).toBe('2027-01-04T00:00:00.000Z');

  expect(latestDueWeek(new Date('2026-11-29T17:59:00Z'), sunday18, LONDON)).toEqual({ year: 2026, week: 46 });
  expect(latestDueWeek(new Date('2026-11-29T18:00:00Z'), sunday18, LONDON)).toEqual({ year: 2026, week: 47 });
  expect(nextSummaryDue(new Date('2026-11-29T17:59:00Z'), sunday18, LONDON).toISOString()).toBe('2026-11-29T18:00:00.000Z');
  expect(nextSummaryDue(new Date('2026-11-29T18:00:00Z'), sunday18, LONDON).toISOString()).toBe('2026-12-06T18:00:00.000Z');
});

it('sends a missed summary once at the next start (PC off on Sunday evening, on again Monday 09:00), and never again after a restart', async () => {
  await ran('2026-11-16T08:00:00Z', '2026-11-20T22:00:00Z'); // week 47, then the PC is off until Monday 30 November
  await restartAt('2026-11-30T09:00:00Z');

  expect(sent).toHaveLength(1);
  expect(sent[0]?.title).toBe("Margaret's PC: all quiet this week (16 to 22 November)");
  expect(sent[0]?.short).toMatch(/^Protection was on \d+(\.\d)?% of the time\.\n/);
  expect(made).toEqual([{ week: '2026-W47', sent: true }]);
  expect(await sentRecords()).toEqual([{ type: 'weekly-summary-sent', at: '2026-11-30T09:00:00.000Z', week: '2026-W47' }]);

  await restartAt('2026-11-30T09:05:00Z');
  await restartAt('2026-12-02T12:00:00Z');
  expect(sent).toHaveLength(1);
  expect(await sentRecords()).toHaveLength(1);
});

it('sends at the due time while running, and arms the next check at most an hour ahead', async () => {
  await ran('2026-11-20T08:00:00Z', '2026-11-29T16:30:00Z');
  await journal.append({ type: 'weekly-summary-sent', at: '2026-11-22T18:00:00.000Z', week: '2026-W46' });
  await restartAt('2026-11-29T16:30:00Z');
  expect(sent).toHaveLength(0);
  expect(timer?.ms).toBe(3_600_000);

  await fireAt('2026-11-29T17:30:00Z');
  expect(sent).toHaveLength(0);
  expect(timer?.ms).toBe(30 * 60_000);

  await fireAt('2026-11-29T18:00:00Z');
  expect(sent).toHaveLength(1);
  expect(await sentRecords()).toMatchObject([{ week: '2026-W46' }, { week: '2026-W47', at: '2026-11-29T18:00:00.000Z' }]);
  await fireAt('2026-11-29T19:00:00Z');
  expect(sent).toHaveLength(1);
});

it('waits the extra hour of the autumn change: the Sunday 25 October 2026 summary goes at 18:00 GMT, not 18:00 BST', async () => {
  await ran('2026-10-12T08:00:00Z', '2026-10-18T20:00:00Z');
  await journal.append({ type: 'weekly-summary-sent', at: '2026-10-18T17:00:00.000Z', week: '2026-W41' });
  await restartAt('2026-10-24T16:59:00Z'); // Saturday 17:59 BST
  for (let hour = 0; hour < 25; hour += 1) {
    await fireAt(new Date(Date.parse('2026-10-24T17:00:00Z') + hour * 3_600_000).toISOString());
  }
  expect(clock.toISOString()).toBe('2026-10-25T17:00:00.000Z'); // 17:00 GMT: one hour to go
  expect(sent).toHaveLength(0);
  await fireAt('2026-10-25T18:00:00Z');
  expect(sent).toHaveLength(1);
  expect(made).toEqual([{ week: '2026-W42', sent: true }]);
});

it('re-arms when the family picks Friday 20:00 instead of Sunday 18:00', async () => {
  await ran('2026-11-16T08:00:00Z', '2026-11-26T10:00:00Z');
  await journal.append({ type: 'weekly-summary-sent', at: '2026-11-22T18:00:00.000Z', week: '2026-W46' });
  await restartAt('2026-11-26T10:00:00Z'); // Thursday
  expect(sent).toHaveLength(0);
  const before = timer;

  settings = withContact(friday20);
  await scheduler?.reschedule();
  expect(before?.cancelled).toBe(true);
  expect(sent).toHaveLength(0);

  await fireAt('2026-11-27T19:59:00Z');
  expect(sent).toHaveLength(0);
  await fireAt('2026-11-27T20:00:00Z');
  expect(sent.map((c) => c.title)).toEqual(["Margaret's PC: all quiet this week (16 to 22 November)"]);
  expect(await sentRecords()).toMatchObject([{ week: '2026-W46' }, { week: '2026-W47', at: '2026-11-27T20:00:00.000Z' }]);

  // Back to Sunday: week 47 is already sent, so Sunday 29 November brings nothing new.
  settings = withContact(sunday18);
  await scheduler?.reschedule();
  await fireAt('2026-11-29T18:00:00Z');
  expect(sent).toHaveLength(1);
});

it('after eleven days off sends only the latest week due, not a pile of old ones', async () => {
  await ran('2026-11-02T00:00:00Z', '2026-11-12T12:00:00Z'); // off from Thursday noon of week 46 to Monday 23 November
  await restartAt('2026-11-23T09:00:00Z'); // weeks 45 and 46 were both due while it was off; week 47 is due on the 29th
  expect(made).toEqual([{ week: '2026-W46', sent: true }]);
  expect(sent).toHaveLength(1);
  expect(sent[0]?.text).toContain('Protection was on 50% of the time.');
  expect(sent[0]?.text).toContain('- 12:00 midday on Thursday 12 November to midnight at the end of Sunday 15 November (the computer was off or asleep, or Pause Guard was stopped).');
});

it('sends nothing for a week before Pause Guard was installed', async () => {
  await ran('2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z');
  await restartAt('2026-11-25T09:00:00Z');
  expect(sent).toHaveLength(0);
  expect(await sentRecords()).toEqual([]);
});

it('without a trusted contact sends and journals nothing, and offers the note only when the time comes while running', async () => {
  settings = { ...defaultSettings(), weeklySummary: sunday18 };
  await ran('2026-11-16T08:00:00Z', '2026-11-29T12:00:00Z');
  await restartAt('2026-11-29T12:00:00Z'); // week 46 was due last Sunday: no note for it now
  expect(made).toEqual([]);
  await fireAt('2026-11-29T18:00:00Z');
  expect(made).toEqual([{ week: '2026-W47', sent: false }]);
  await fireAt('2026-11-29T19:00:00Z');
  expect(made).toHaveLength(1);
  expect(sent).toEqual([]);
  expect(await sentRecords()).toEqual([]);
});

it('says plainly when the outbox cannot take the summary, journals nothing, and sends it at the next check', async () => {
  await ran('2026-11-16T08:00:00Z', '2026-11-20T22:00:00Z');
  failSend = true;
  await restartAt('2026-11-30T09:00:00Z');
  expect(logged).toEqual(['Pause Guard could not send the weekly summary: the disk is full. It tries again within the hour.']);
  expect(await sentRecords()).toEqual([]);
  expect(timer?.ms).toBe(3_600_000);
  failSend = false;
  await fireAt('2026-11-30T10:00:00Z');
  expect(sent).toHaveLength(1);
  expect(await sentRecords()).toMatchObject([{ week: '2026-W47' }]);
});
