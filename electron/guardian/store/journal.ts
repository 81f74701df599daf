// The journal: append-only, hash-chained JSON lines in <dir>/YYYY-MM.jsonl, each entry on disk (datasync) before
// append() resolves. It never rewrites or truncates a file: damage is skipped and reported, and the chain goes on.
//
// After a crash the newest file may end in a cut-off line. The next entry is written on a fresh line and chains from
// the last whole entry, so the cut-off fragment stays in the file as a line that belongs to no link of the chain
// (verifyJournal reports it as "torn" and still calls the chain intact when the links around it hold).
// An entry goes in the file of its record's UTC month, or the newest file if that is later (a clock put back), so
// the chain always runs from the oldest file to the newest. At open, files before the 13 newest months are deleted
// (journalFiles.ts); what the chain's two ends were is kept for the caller to check against its sealed anchor.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { JournalRecord } from '../../../shared/journal';
import { canonicalJson } from './canonicalJson';
import { withLock } from './folderLock';
import { chainEntry, parseEntry, type ChainTip } from './hashChain';
import { journalFile, listJournalFiles, monthOf, removeExpiredFiles, type JournalFile, type JournalMonth } from './journalFiles';
import { journalLines } from './journalLines';
import { findTail, firstSeqIn } from './journalTail';

export interface JournalOptions {
  /** The journal's own folder (<dataDir>/journal); created if missing. */
  dir: string;
  /** Told in one plain sentence about each damaged line skipped (at open and while reading). */
  onProblem?: (message: string) => void;
  /** Told the chain's new end once entries are on disk (the caller seals it as the journal's head). */
  onWritten?: (tip: ChainTip) => void;
}

/** The chain's ends as found at open. */
export interface JournalOpening {
  /** The first entry's number before the retention ran; null for an empty journal. */
  firstSeqFound: number | null;
  /** The first entry's number after it; the same unless months were removed. */
  firstSeq: number | null;
  /** The last whole entry's number and hash (seq 0 for an empty journal). */
  tip: ChainTip;
  /** The monthly files the retention deleted. */
  removed: string[];
}

export interface JournalRange {
  /** Records at or after this time. */
  from?: Date;
  /** Records before this time. */
  to?: Date;
}

export interface Journal {
  /** Resolves once the entry is on disk; rejects with a plain sentence when it could not be written. */
  append(record: JournalRecord): Promise<void>;
  /** Streams the records in journal order, skipping (and reporting) damaged lines. */
  read(range?: JournalRange): AsyncIterable<JournalRecord>;
  /** The last record in the journal: the last one written, or the last whole one found at open; null when empty. */
  lastRecord(): JournalRecord | null;
  /** The chain's ends as they were at open. */
  opening: JournalOpening;
  /** Waits for the entries already handed to append(); later appends are refused. */
  close(): Promise<void>;
}

export class JournalWriteError extends Error {}

/** Entries that queue up while a write is in flight go out together: one write and one datasync for the lot. */
const MAX_BATCH = 512;
/**
 * Held while a batch is chained and written: the app and a CLI command (setup, test-alert) may write one journal at
 * the same moment, and each entry must chain from the other's. A batch is written in well under this.
 */
const WRITER_LOCK = 'writer.lock';
const WRITER_LOCK_STALE_MS = 10_000;

interface Pending {
  at: Date;
  recordJson: string;
  record: JournalRecord;
  resolve(): void;
  reject(error: Error): void;
}

interface ChainState {
  tip: ChainTip;
  lastRecord: JournalRecord | null;
  newestFile: JournalFile | null;
  needsNewline: boolean;
}

export async function createJournal(options: JournalOptions): Promise<Journal> {
  const { dir } = options;
  const report = options.onProblem ?? (() => undefined);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new JournalWriteError(`The journal folder ${dir} cannot be made: ${(error as Error).message}`);
  }
  const found = await listJournalFiles(dir);
  const firstSeqFound = await firstSeqIn(found);
  const removed = await removeExpiredFiles(found);
  const firstSeq = removed.length > 0 ? await firstSeqIn(await listJournalFiles(dir)) : firstSeqFound;

  const loadState = async (): Promise<ChainState> => {
    const tail = await findTail(await listJournalFiles(dir));
    for (const problem of tail.problems) report(problem);
    return tail;
  };

  let state: ChainState | null = await loadState();
  const opening: JournalOpening = { firstSeqFound, firstSeq, tip: state.tip, removed };
  /**
   * The newest file's size as this journal last saw it. Another writer on the same folder (a CLI command while
   * the app runs) changes it: the chain's end is then read again, so the next entry chains from theirs.
   */
  let seenSize = await sizeOf(state.newestFile?.path);
  /** Whether the newest file is not the one this journal last wrote or found, or has grown since. */
  const anotherWriterAppended = async (newestPath: string | undefined): Promise<boolean> => {
    const newestNow = (await listJournalFiles(dir)).at(-1)?.path;
    return newestNow !== newestPath || (await sizeOf(newestPath)) !== seenSize;
  };
  const waiting: Pending[] = [];
  let writing: Promise<void> | null = null;
  let closed = false;

  /** Writes the batch in order, each month's entries in one write, adding each to `onDisk` once it is there; called holding the writer's lock. */
  const writeLocked = async (batch: Pending[], onDisk: Pending[]): Promise<void> => {
    if (state && (await anotherWriterAppended(state.newestFile?.path))) state = null;
    let current = state ?? (await loadState());
    state = current;
    let index = 0;
    while (index < batch.length) {
      const month = fileMonth((batch[index] as Pending).at, current.newestFile?.month ?? '');
      const file = journalFile(dir, month);
      const group: Pending[] = [];
      const lines: string[] = [];
      let tip = current.tip;
      while (index < batch.length && fileMonth((batch[index] as Pending).at, month) === month) {
        const pending = batch[index] as Pending;
        const entry = chainEntry(tip, pending.recordJson);
        lines.push(entry.line);
        tip = entry.tip;
        group.push(pending);
        index += 1;
      }
      const freshLine = current.needsNewline && current.newestFile?.month === month ? '\n' : '';
      await appendDurably(file.path, `${freshLine}${lines.join('\n')}\n`);
      current = { tip, lastRecord: (group.at(-1) as Pending).record, newestFile: file, needsNewline: false };
      state = current;
      seenSize = await sizeOf(file.path);
      options.onWritten?.(tip);
      onDisk.push(...group);
    }
  };
  const writeBatch = async (batch: Pending[]): Promise<void> => {
    const onDisk: Pending[] = [];
    try {
      await withLock(path.join(dir, WRITER_LOCK), { staleMs: WRITER_LOCK_STALE_MS }, () => writeLocked(batch, onDisk));
    } catch (error) {
      // Part of the write may have reached the disk: read the chain's end again before the next entry.
      state = null;
      const failure = new JournalWriteError(`The journal could not be written: ${(error as Error).message}`);
      for (const pending of batch.slice(onDisk.length)) pending.reject(failure);
    }
    // Once the lock is given back, so what is on disk is all there is in the folder.
    for (const pending of onDisk) pending.resolve();
  };

  const drain = async (): Promise<void> => {
    while (waiting.length > 0) await writeBatch(waiting.splice(0, MAX_BATCH));
    writing = null;
  };

  return {
    append(record) {
      if (closed) return Promise.reject(new JournalWriteError('The journal is closed; nothing more can be written to it.'));
      let prepared: { at: Date; recordJson: string };
      try {
        prepared = prepare(record);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<void>((resolve, reject) => {
        waiting.push({ ...prepared, record, resolve, reject });
        writing ??= drain();
      });
    },
    async *read(range = {}) {
      await writing;
      yield* readJournal(dir, range, report);
    },
    lastRecord: () => state?.lastRecord ?? null,
    opening,
    async close() {
      closed = true;
      await writing;
    },
  };
}

/** Streams the records in the journal folder `dir` without opening it for writing (nothing is created or deleted). */
export async function* readJournal(dir: string, range: JournalRange = {}, report: (message: string) => void = () => undefined): AsyncGenerator<JournalRecord> {
  const from = range.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const to = range.to?.getTime() ?? Number.POSITIVE_INFINITY;
  // An entry is never in a file older than its record's month, so earlier files can be passed over.
  const firstMonth = range.from ? monthOf(range.from) : '';
  for (const file of await listJournalFiles(dir)) {
    if (file.month < firstMonth) continue;
    for await (const record of fileRecords(file, report)) {
      const at = Date.parse(record.at);
      if (at >= from && at < to) yield record;
    }
  }
}

function fileMonth(at: Date, newestMonth: JournalMonth): JournalMonth {
  const month = monthOf(at);
  return month > newestMonth ? month : newestMonth;
}

function prepare(record: JournalRecord): { at: Date; recordJson: string } {
  const candidate = record as unknown as Record<string, unknown> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.type !== 'string') {
    throw new JournalWriteError('A journal record needs a type.');
  }
  const at = typeof candidate.at === 'string' ? new Date(candidate.at) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new JournalWriteError(`The ${candidate.type} record has no valid time ("at").`);
  let recordJson: string;
  try {
    recordJson = canonicalJson(record);
  } catch (error) {
    throw new JournalWriteError(`The ${candidate.type} record cannot be written as JSON: ${(error as Error).message}`);
  }
  return { at, recordJson };
}

/** A file's size in bytes; null when there is no such file. */
async function sizeOf(filePath: string | undefined): Promise<number | null> {
  if (filePath === undefined) return null;
  return fs.stat(filePath).then((stat) => stat.size, () => null);
}

async function appendDurably(filePath: string, text: string): Promise<void> {
  const handle = await fs.open(filePath, 'a', 0o600);
  try {
    await handle.write(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function* fileRecords(file: JournalFile, report: (message: string) => void): AsyncGenerator<JournalRecord> {
  try {
    for await (const line of journalLines(file.path)) {
      const entry = parseEntry(line.text);
      if (entry) yield entry.record;
      else report(`Line ${line.number} of ${file.name} is not a journal entry (cut off or damaged); skipped.`);
    }
  } catch (error) {
    // Removed while being read (retention at another open): nothing left to read in it.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
