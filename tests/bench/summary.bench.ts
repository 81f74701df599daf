// Weekly summary benchmark: 50,000 journal records in one week, written with the journal API into a temp folder,
// then summarised from memory (budget 200 ms) and read back from the files and summarised (shown, no budget).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JournalRecord } from '../../shared/journal';
import { createJournal, readJournal } from '../../electron/guardian/store/journal';
import { summarizeWeek, summaryReadRange } from '../../electron/guardian/summary/weeklySummary';
import type { BenchResult } from './benchResult';

const RECORDS = 50_000;
const BUDGET_MS = 200;
const RUNS = 5;
const WEEK = { year: 2026, week: 10 };
const OPTIONS = { timeZone: 'Europe/London', now: new Date('2026-04-01T00:00:00Z'), trustedHelpers: [{ toolId: 'anydesk', remoteId: '123 456 789' }] };

/** A busy week: heartbeats every 5 minutes and, between them, every kind of event the summary counts. */
function busyWeek(): JournalRecord[] {
  const start = Date.parse('2026-03-02T00:00:00Z');
  const step = (7 * 86_400_000) / RECORDS;
  return Array.from({ length: RECORDS }, (_, i): JournalRecord => {
    const at = new Date(start + i * step).toISOString();
    switch (i % 25) {
      case 0: return { type: 'heartbeat', at };
      case 1: return { type: 'tool-started', at, toolId: i % 2 ? 'anydesk' : 'teamviewer', name: i % 2 ? 'AnyDesk' : 'TeamViewer', tier: 'interrupt', pid: i, exe: null, initial: false };
      case 2: return { type: 'session-started', at, key: `s${i}`, kind: 'log', toolId: 'anydesk', name: 'AnyDesk', pid: null, remoteAddress: null, remoteId: i % 3 ? '123456789' : `${i}`, since: at, risk: 'high', initial: false };
      case 3: return { type: 'alert-delivered', at, alertId: `a${i}`, channel: 'ntfy', attempts: 1 };
      case 4: return { type: 'installer-downloaded', at, toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', path: `/home/m/Downloads/AnyDesk (${i % 40}).exe`, initial: false };
      case 5: return { type: 'choice', at, interruptionId: `i${i}`, choice: 'end-it', toolId: 'anydesk' };
      case 6: return { type: 'pin-failed', at, action: 'quit', lockedUntil: null };
      default: return { type: 'window-seen', at, kind: 'bank', toolId: null, pid: i };
    }
  });
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

async function median(task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) times.push(await timed(task));
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

export async function run(): Promise<BenchResult[]> {
  const records = busyWeek();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-summary-bench-'));
  try {
    const journal = await createJournal({ dir });
    const writeMs = await timed(() => Promise.all(records.map((record) => journal.append(record))));
    await journal.close();
    const bytes = (await fs.stat(path.join(dir, '2026-03.jsonl'))).size;

    const inMemory = await median(() => summarizeWeek(records, WEEK, OPTIONS));
    const fromFiles = await median(() => summarizeWeek(readJournal(dir, summaryReadRange(WEEK, OPTIONS)), WEEK, OPTIONS));
    const subject = `weekly summary (${RECORDS.toLocaleString('en-GB')} records)`;
    return [
      { subject, figure: 'summarise records in memory (median)', value: inMemory, unit: 'ms', budget: BUDGET_MS, note: `${RUNS} runs` },
      { subject, figure: 'read journal file + summarise (median)', value: fromFiles, unit: 'ms', budget: null, note: `${(bytes / 1e6).toFixed(1)} MB file, ${RUNS} runs` },
      { subject, figure: 'append all with the journal API', value: writeMs, unit: 'ms', budget: null, note: 'concurrent appends, datasync per batch' },
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
