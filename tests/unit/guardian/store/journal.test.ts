// The journal on real files in temp folders: the chain across months, crash damage skipped and reported, tampering
// found by verifyJournal, ordered concurrent appends, retention, datasync before append resolves, a kill -9 mid-write.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalRecord } from '../../../../shared/journal';
import { GENESIS_HASH } from '../../../../electron/guardian/store/hashChain';
import { createJournal, type Journal, type JournalOptions } from '../../../../electron/guardian/store/journal';
import { verifyJournal } from '../../../../electron/guardian/store/verifyJournal';
import { childPaced, childSays } from '../../../fixtures/childReports';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
let dir: string;
const opened: Journal[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-journal-'));
});

afterEach(async () => {
  for (const journal of opened.splice(0)) await journal.close();
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function open(options: Partial<JournalOptions> = {}): Promise<{ journal: Journal; problems: string[] }> {
  const problems: string[] = [];
  const journal = await createJournal({ dir, onProblem: (m) => problems.push(m), ...options });
  opened.push(journal);
  return { journal, problems };
}

const beat = (at: string): JournalRecord => ({ type: 'heartbeat', at });

async function readAll(journal: Journal, range?: { from?: Date; to?: Date }): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for await (const record of journal.read(range)) records.push(record);
  return records;
}

async function lines(name: string): Promise<string[]> {
  const text = await fs.readFile(path.join(dir, name), 'utf8');
  return text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}

async function writeLines(name: string, content: string[]): Promise<void> {
  await fs.writeFile(path.join(dir, name), content.map((line) => `${line}\n`).join(''));
}

/** Three heartbeats in May 2026, written and closed. */
async function threeEntries(): Promise<void> {
  const { journal } = await open();
  for (const minute of ['00', '05', '10']) await journal.append(beat(`2026-05-20T10:${minute}:00.000Z`));
  await journal.close();
}

describe('the chain', () => {
  it('links every entry to the one before, across monthly files by the record time in UTC', async () => {
    const { journal } = await open();
    await journal.append(beat('2026-04-30T23:59:00.000Z'));
    await journal.append({ type: 'app-started', at: '2026-05-01T01:00:00+02:00', version: '1.0.0' }); // 23:00 UTC, April
    await journal.append(beat('2026-05-01T00:01:00.000Z'));

    expect(await fs.readdir(dir)).toEqual(['2026-04.jsonl', '2026-05.jsonl']);
    const april = (await lines('2026-04.jsonl')).map((l) => JSON.parse(l) as { seq: number; prev: string; hash: string });
    const may = (await lines('2026-05.jsonl')).map((l) => JSON.parse(l) as { seq: number; prev: string; hash: string });
    expect(april.map((e) => e.seq)).toEqual([1, 2]);
    expect(april[0]?.prev).toBe(GENESIS_HASH);
    expect(april[1]?.prev).toBe(april[0]?.hash);
    expect(may[0]).toMatchObject({ seq: 3, prev: april[1]?.hash });

    expect(await readAll(journal)).toEqual([
      beat('2026-04-30T23:59:00.000Z'),
      { type: 'app-started', at: '2026-05-01T01:00:00+02:00', version: '1.0.0' },
      beat('2026-05-01T00:01:00.000Z'),
    ]);
    expect(await verifyJournal(dir)).toMatchObject({ ok: true, entries: 3, firstSeq: 1, breaks: [] });
  });

  it('carries on from the newest file after a reopen, and reads a time range', async () => {
    await threeEntries();
    const { journal } = await open();
    expect(journal.lastRecord()).toEqual(beat('2026-05-20T10:10:00.000Z'));
    await journal.append(beat('2026-05-20T10:15:00.000Z'));
    expect(JSON.parse((await lines('2026-05.jsonl'))[3] ?? '')).toMatchObject({ seq: 4 });
    const range = { from: new Date('2026-05-20T10:05:00Z'), to: new Date('2026-05-20T10:15:00Z') };
    expect((await readAll(journal, range)).map((r) => r.at)).toEqual(['2026-05-20T10:05:00.000Z', '2026-05-20T10:10:00.000Z']);
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('chains on from entries another writer appended meanwhile (setup from the CLI while the app runs)', async () => {
    await threeEntries();
    const { journal: app } = await open();
    await app.append(beat('2026-05-20T10:15:00.000Z'));
    const { journal: cli } = await open();
    await cli.append({ type: 'settings-changed', at: '2026-05-20T10:16:00.000Z', fields: ['region'] });
    await cli.close();
    await app.append(beat('2026-05-20T10:20:00.000Z'));
    expect((await lines('2026-05.jsonl')).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await verifyJournal(dir)).toMatchObject({ ok: true });
    expect(app.lastRecord()).toEqual(beat('2026-05-20T10:20:00.000Z'));
  });

  it('keeps a later clock-set-back entry in the newest file, so the chain still runs oldest file to newest', async () => {
    const { journal } = await open();
    await journal.append(beat('2026-05-01T00:00:00.000Z'));
    await journal.append(beat('2026-04-30T23:00:00.000Z'));
    expect(await fs.readdir(dir)).toEqual(['2026-05.jsonl']);
    expect((await readAll(journal, { from: new Date('2026-04-30T00:00:00Z') })).length).toBe(2);
    expect((await verifyJournal(dir)).ok).toBe(true);
  });

  it('writes concurrent appends in the order append() was called', async () => {
    const { journal } = await open();
    const minutes = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2026, 4, 20, 0, i)).toISOString());
    await Promise.all(minutes.map((at) => journal.append(beat(at))));
    const entries = (await lines('2026-05.jsonl')).map((l) => JSON.parse(l) as { seq: number; record: JournalRecord });
    expect(entries.map((e) => e.seq)).toEqual(minutes.map((_, i) => i + 1));
    expect(entries.map((e) => e.record.at)).toEqual(minutes);
    expect(await verifyJournal(dir)).toMatchObject({ ok: true, entries: 300 });
  });

  it('has each entry datasynced before append() resolves', async () => {
    const { journal } = await open();
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const fileHandle = Object.getPrototypeOf(probe) as { datasync(): Promise<void> };
    await probe.close();
    await fs.rm(path.join(dir, 'probe'));
    const datasync = vi.spyOn(fileHandle, 'datasync');
    await journal.append(beat('2026-05-20T10:00:00.000Z'));
    expect(datasync).toHaveBeenCalledTimes(1);
    await journal.append(beat('2026-05-20T10:05:00.000Z'));
    expect(datasync).toHaveBeenCalledTimes(2);
  });
});

describe('damage from a crash', () => {
  it('skips a cut-off last line, reports it, and goes on from the last whole entry on a fresh line', async () => {
    await threeEntries();
    await fs.appendFile(path.join(dir, '2026-05.jsonl'), '{"seq":4,"prev":"ab12');
    const { journal, problems } = await open();
    expect(problems).toEqual([expect.stringContaining('The last entry of 2026-05.jsonl was cut off')]);
    expect(journal.lastRecord()).toEqual(beat('2026-05-20T10:10:00.000Z'));

    await journal.append(beat('2026-05-20T10:20:00.000Z'));
    const written = await lines('2026-05.jsonl');
    expect(written[3]).toBe('{"seq":4,"prev":"ab12');
    const third = JSON.parse(written[2] ?? '') as { hash: string };
    expect(JSON.parse(written[4] ?? '')).toMatchObject({ seq: 4, prev: third.hash, record: beat('2026-05-20T10:20:00.000Z') });

    problems.length = 0;
    expect((await readAll(journal)).map((r) => r.at)).toEqual([
      '2026-05-20T10:00:00.000Z', '2026-05-20T10:05:00.000Z', '2026-05-20T10:10:00.000Z', '2026-05-20T10:20:00.000Z',
    ]);
    expect(problems).toEqual(['Line 4 of 2026-05.jsonl is not a journal entry (cut off or damaged); skipped.']);
    const report = await verifyJournal(dir);
    expect(report).toMatchObject({ ok: true, entries: 4, breaks: [{ file: '2026-05.jsonl', line: 4, reason: 'torn' }] });
  });

  it('reports a cut-off last line as torn while it is still the last line', async () => {
    await threeEntries();
    await fs.appendFile(path.join(dir, '2026-05.jsonl'), '{"seq":4,"pr');
    expect(await verifyJournal(dir)).toMatchObject({ ok: true, entries: 3, breaks: [{ line: 4, reason: 'torn' }] });
  });

  it('skips and reports garbage in the middle without stopping, and verify calls it malformed', async () => {
    await threeEntries();
    const written = await lines('2026-05.jsonl');
    await writeLines('2026-05.jsonl', [written[0] ?? '', 'this is not json', written[1] ?? '', written[2] ?? '']);
    const { journal, problems } = await open();
    expect(problems).toEqual([]);
    expect((await readAll(journal)).length).toBe(3);
    expect(problems).toEqual(['Line 2 of 2026-05.jsonl is not a journal entry (cut off or damaged); skipped.']);
    const report = await verifyJournal(dir);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ line: 2, reason: 'malformed' })]);
    expect(report.breaks[0]?.message).toMatch(/^Line 2 of 2026-05\.jsonl is not a journal entry/);
  });

  it('opens a journal whose newest file has nothing whole in it, chaining from the file before', async () => {
    await threeEntries();
    await fs.writeFile(path.join(dir, '2026-06.jsonl'), '{"seq":4,"prev":"');
    const { journal, problems } = await open();
    expect(problems).toHaveLength(1);
    await journal.append(beat('2026-06-02T00:00:00.000Z'));
    expect(JSON.parse((await lines('2026-06.jsonl'))[1] ?? '')).toMatchObject({ seq: 4 });
    expect((await verifyJournal(dir)).ok).toBe(true);
  });
});

describe('verifyJournal finds tampering', () => {
  it('finds a record changed after it was written', async () => {
    await threeEntries();
    const written = await lines('2026-05.jsonl');
    await writeLines('2026-05.jsonl', [written[0] ?? '', (written[1] ?? '').replace('10:05:00', '10:06:00'), written[2] ?? '']);
    const report = await verifyJournal(dir);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([{
      file: '2026-05.jsonl', line: 2, reason: 'edited',
      message: 'The heartbeat record on line 2 of 2026-05.jsonl was changed after it was written: it no longer matches its hash.',
    }]);
  });

  it('finds a deleted line', async () => {
    await threeEntries();
    const written = await lines('2026-05.jsonl');
    await writeLines('2026-05.jsonl', [written[0] ?? '', written[2] ?? '']);
    const report = await verifyJournal(dir);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ line: 2, reason: 'deleted-or-reordered' })]);
    expect(report.breaks[0]?.message).toContain('entries were deleted or put in a different order');
  });

  it('finds lines put in another order', async () => {
    await threeEntries();
    const written = await lines('2026-05.jsonl');
    await writeLines('2026-05.jsonl', [written[0] ?? '', written[2] ?? '', written[1] ?? '']);
    const report = await verifyJournal(dir);
    expect(report.ok).toBe(false);
    expect(report.breaks.map((b) => [b.line, b.reason])).toEqual([[2, 'deleted-or-reordered'], [3, 'deleted-or-reordered']]);
  });

  it('finds a whole month removed from the middle', async () => {
    const { journal } = await open();
    for (const at of ['2026-03-10T00:00:00.000Z', '2026-04-10T00:00:00.000Z', '2026-05-10T00:00:00.000Z']) await journal.append(beat(at));
    await fs.rm(path.join(dir, '2026-04.jsonl'));
    expect((await verifyJournal(dir)).breaks).toEqual([expect.objectContaining({ file: '2026-05.jsonl', line: 1, reason: 'deleted-or-reordered' })]);
  });

  it('says an empty or missing journal is intact', async () => {
    expect(await verifyJournal(path.join(dir, 'none'))).toEqual({ ok: true, entries: 0, files: [], firstSeq: null, head: null, breaks: [] });
  });
});

describe('retention and bad input', () => {
  it('keeps the 13 newest monthly files at open, however far apart, and deletes the ones before; other files stay', async () => {
    const months = ['2023-01', '2024-02', ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`)];
    for (const month of months) await fs.writeFile(path.join(dir, `${month}.jsonl`), '');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'kept');
    const { journal } = await open();
    expect(journal.opening.removed).toEqual(['2023-01.jsonl']);
    expect((await fs.readdir(dir)).sort()).toEqual([...months.slice(1).map((m) => `${m}.jsonl`), 'notes.txt']);
  });

  it('never deletes by the wall clock: a journal of last month opened with the clock years ahead keeps every file', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-01-01T00:00:00Z') });
    try {
      await fs.writeFile(path.join(dir, '2026-04.jsonl'), '');
      await open();
      expect(await fs.readdir(dir)).toEqual(['2026-04.jsonl']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('accepts a chain whose older months the retention removed when the sealed head says where it starts', async () => {
    const { journal } = await open();
    const at = (month: number): string => new Date(Date.UTC(2025, month, 10)).toISOString();
    for (let month = 0; month < 14; month += 1) await journal.append(beat(at(month)));
    await journal.close();
    const reopened = (await open()).journal;
    expect(reopened.opening).toMatchObject({ firstSeqFound: 1, firstSeq: 2, removed: ['2025-01.jsonl'] });
    const head = { firstSeq: 2, seq: 14, hash: reopened.opening.tip.hash };
    expect(await verifyJournal(dir, head)).toMatchObject({ ok: true, entries: 13, firstSeq: 2 });
    const unsealed = await verifyJournal(dir);
    expect(unsealed.ok).toBe(false);
    expect(unsealed.breaks).toEqual([expect.objectContaining({ reason: 'cut-at-start' })]);
  });

  it('refuses a record without a valid time in a plain sentence and keeps going', async () => {
    const { journal } = await open();
    await expect(journal.append({ type: 'heartbeat', at: 'yesterday' })).rejects.toThrow('The heartbeat record has no valid time ("at").');
    await expect(journal.append(null as unknown as JournalRecord)).rejects.toThrow('A journal record needs a type.');
    await journal.append(beat('2026-05-20T10:00:00.000Z'));
    expect(await verifyJournal(dir)).toMatchObject({ ok: true, entries: 1 });
  });

  it('rejects appends it cannot write with a plain sentence, and appends after that still chain', async () => {
    await fs.mkdir(path.join(dir, '2026-05.jsonl'));
    const { journal, problems } = await open();
    expect(problems).toEqual([expect.stringMatching(/^The journal file 2026-05\.jsonl cannot be read \(EISDIR/)]);
    await expect(journal.append(beat('2026-05-20T10:00:00.000Z'))).rejects.toThrow(/^The journal could not be written: /);
    await journal.append(beat('2026-06-01T10:00:00.000Z'));
    expect(JSON.parse((await lines('2026-06.jsonl'))[0] ?? '')).toMatchObject({ seq: 1, prev: GENESIS_HASH });
  });

  it('refuses appends after close', async () => {
    const { journal } = await open();
    await journal.close();
    await expect(journal.append(beat('2026-05-20T10:00:00.000Z'))).rejects.toThrow('The journal is closed');
  });
});

// The appending child's start under tsx is waited for without a limit: it prints its first line or dies.
it('survives a kill -9 in the middle of appending: the chain verifies and the next start appends on', childPaced, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/journal/appendLoop.ts'), dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await childSays(child, () => true, 'its first line');
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const before = await verifyJournal(dir);
  expect(before.ok).toBe(true);
  expect(before.entries).toBeGreaterThan(200);
  expect(before.breaks.every((b) => b.reason === 'torn')).toBe(true);

  const journal = await createJournal({ dir });
  opened.push(journal);
  await journal.append(beat(new Date().toISOString()));
  const after = await verifyJournal(dir);
  expect(after).toMatchObject({ ok: true, entries: before.entries + 1 });
});

// Two processes write one journal when a CLI command (setup, test-alert) runs beside the app: each entry must chain
// from the other's, however their writes fall. Their start under tsx is waited for without a limit.
it('keeps one unbroken chain when two processes append at the same moment', childPaced, async () => {
  const appender = () => spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/journal/appendLoop.ts'), dir, '15'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const children = [appender(), appender()];
  await Promise.all(children.map((child) => childSays(child, (line) => line === 'done', 'that it is done')));
  const report = await verifyJournal(dir);
  expect(report.breaks).toEqual([]);
  expect(report).toMatchObject({ ok: true, entries: 2 * 15 * 200 });
});
