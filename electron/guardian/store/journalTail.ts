// Finds where the journal's chain stands at open: the last good entry, read backwards from the end of the newest file,
// and whether that file ends mid-line (a write cut off by a crash), so the next entry starts on a fresh line; and the
// number of its first entry, read from the start of the oldest file.
import fs from 'node:fs/promises';
import type { JournalRecord } from '../../../shared/journal';
import { CHAIN_START, parseEntry, type ChainTip, type JournalEntry } from './hashChain';
import type { JournalFile } from './journalFiles';
import { journalLines } from './journalLines';

export interface JournalTail {
  tip: ChainTip;
  lastRecord: JournalRecord | null;
  /** The newest file, null when the journal has none yet. */
  newestFile: JournalFile | null;
  /** True when the newest file does not end with a newline. */
  needsNewline: boolean;
  /** Plain sentences about damaged lines found after the last good entry. */
  problems: string[];
}

const FIRST_WINDOW = 64 * 1024;

export async function findTail(files: JournalFile[]): Promise<JournalTail> {
  const newestFile = files.at(-1) ?? null;
  const tail: JournalTail = { tip: CHAIN_START, lastRecord: null, newestFile, needsNewline: false, problems: [] };
  for (let i = files.length - 1; i >= 0; i -= 1) {
    const file = files[i] as JournalFile;
    let found: LastEntry;
    try {
      found = await lastEntryIn(file.path);
    } catch (error) {
      tail.problems.push(`The journal file ${file.name} cannot be read (${(error as Error).message}); it is left as it is and passed over.`);
      continue;
    }
    if (file === newestFile) tail.needsNewline = !found.endsWithNewline;
    if (found.badLinesAfter > 0) tail.problems.push(damageSentence(file.name, found.badLinesAfter, found.endsWithNewline));
    if (found.entry) {
      tail.tip = { seq: found.entry.seq, hash: found.entry.hash };
      tail.lastRecord = found.entry.record;
      return tail;
    }
  }
  return tail;
}

function damageSentence(fileName: string, badLines: number, endsWithNewline: boolean): string {
  const what = endsWithNewline
    ? `${badLines} damaged line${badLines === 1 ? '' : 's'} at the end of ${fileName} ${badLines === 1 ? 'is' : 'are'} not journal entries`
    : `The last entry of ${fileName} was cut off (the computer probably stopped while writing it)`;
  return `${what}; skipped, and the journal carries on from the last whole entry.`;
}

interface LastEntry {
  entry: JournalEntry | null;
  badLinesAfter: number;
  endsWithNewline: boolean;
}

/** Reads the file from its end in growing windows until a good entry is found or the whole file has been read. */
async function lastEntryIn(filePath: string): Promise<LastEntry> {
  const handle = await fs.open(filePath, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return { entry: null, badLinesAfter: 0, endsWithNewline: true };
    const lastByte = Buffer.alloc(1);
    await handle.read(lastByte, 0, 1, size - 1);
    const endsWithNewline = lastByte[0] === 0x0a;
    for (let window = FIRST_WINDOW; ; window *= 4) {
      const start = Math.max(0, size - window);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const lines = buffer.toString('utf8').split('\n');
      if (endsWithNewline) lines.pop();
      // The first piece of a window that does not reach the file's start may be a partial line.
      const whole = start === 0 ? lines : lines.slice(1);
      let badLinesAfter = 0;
      for (let j = whole.length - 1; j >= 0; j -= 1) {
        const entry = parseEntry(whole[j] as string);
        if (entry) return { entry, badLinesAfter, endsWithNewline };
        badLinesAfter += 1;
      }
      if (start === 0) return { entry: null, badLinesAfter, endsWithNewline };
    }
  } finally {
    await handle.close();
  }
}

/** The number of the journal's first whole entry, or null when it has none. Unreadable files are passed over. */
export async function firstSeqIn(files: JournalFile[]): Promise<number | null> {
  for (const file of files) {
    try {
      for await (const line of journalLines(file.path)) {
        const entry = parseEntry(line.text);
        if (entry) return entry.seq;
      }
    } catch {
      continue;
    }
  }
  return null;
}
