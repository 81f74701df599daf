// Walks every journal file oldest first and reports, line by line, where the hash chain breaks: an entry changed after
// it was written, entries deleted or moved, lines that are not entries; and, against the sealed head, entries cut
// from either end or the whole journal deleted. Reads only; never repairs anything.
import { GENESIS_HASH, entryIntact, parseEntry, type ChainTip } from './hashChain';
import type { JournalHead } from './journalHead';
import { listJournalFiles } from './journalFiles';
import { journalLines } from './journalLines';

export type ChainBreakReason = 'edited' | 'deleted-or-reordered' | 'torn' | 'malformed' | 'cut-at-start' | 'cut-at-end';

export interface ChainBreak {
  /** The file's name, e.g. "2026-05.jsonl". */
  file: string;
  /** 1-based line number in that file. */
  line: number;
  reason: ChainBreakReason;
  /** One plain sentence. */
  message: string;
}

export interface VerifyReport {
  /** True when every link holds. Torn lines (writes cut off by a crash, with the chain holding around them) keep it true. */
  ok: boolean;
  /** Whole entries read. */
  entries: number;
  files: string[];
  /** The first entry's number: above 1 once months older than the retention have been removed. Null when empty. */
  firstSeq: number | null;
  /** The head sealed in the seal folder that the journal was checked against; null when none was sealed. */
  head: JournalHead | null;
  breaks: ChainBreak[];
}

interface Unreadable {
  file: string;
  line: number;
  complete: boolean;
  /** Starts like an entry: what a write cut off part-way leaves behind. */
  fragment: boolean;
}

/** `head`: the sealed head, when there is one; without it a journal must start at entry 1. */
export async function verifyJournal(dir: string, head: JournalHead | null = null): Promise<VerifyReport> {
  const files = await listJournalFiles(dir);
  const breaks: ChainBreak[] = [];
  let tip: ChainTip | null = null;
  let firstSeq: number | null = null;
  let entries = 0;
  let unreadable: Unreadable[] = [];
  let headHash: string | null = null;
  let lastPlace = { file: '', line: 0 };

  for (const file of files) {
    for await (const line of journalLines(file.path)) {
      const entry = parseEntry(line.text);
      if (!entry) {
        unreadable.push({ file: file.name, line: line.number, complete: line.complete, fragment: line.text.startsWith('{"seq":') });
        continue;
      }
      entries += 1;
      firstSeq ??= entry.seq;
      // The first entry starts the chain (64 zeros before it), or follows months removed by the retention.
      const linked = tip === null ? entry.seq !== 1 || entry.prev === GENESIS_HASH : entry.prev === tip.hash;
      const numbered = tip === null || entry.seq === tip.seq + 1;
      for (const bad of unreadable) breaks.push(unreadableBreak(bad, linked && numbered));
      const place = `line ${line.number} of ${file.name}`;
      if (!linked && unreadable.length === 0) {
        breaks.push({
          file: file.name, line: line.number, reason: 'deleted-or-reordered',
          message: `Before ${place}, entries were deleted or put in a different order: its link to the entry before does not match.`,
        });
      } else if (linked && !numbered && tip !== null) {
        breaks.push({
          file: file.name, line: line.number, reason: 'edited',
          message: `The entry number on ${place} was changed after it was written (${entry.seq}, where ${tip.seq + 1} belongs).`,
        });
      }
      if (!entryIntact(entry)) {
        breaks.push({
          file: file.name, line: line.number, reason: 'edited',
          message: `The ${entry.record.type} record on ${place} was changed after it was written: it no longer matches its hash.`,
        });
      }
      unreadable = [];
      tip = { seq: entry.seq, hash: entry.hash };
      if (head && entry.seq === head.seq) headHash = entry.hash;
      lastPlace = { file: file.name, line: line.number };
    }
  }
  // Lines after the last whole entry: nothing links after them, so only their look tells a cut-off write from damage.
  for (const bad of unreadable) breaks.push(unreadableBreak(bad, true));

  breaks.push(...cuts(head, firstSeq, tip, headHash, files[0]?.name ?? '', lastPlace));

  return { ok: breaks.every((b) => b.reason === 'torn'), entries, files: files.map((f) => f.name), firstSeq, head, breaks };
}

/** Where the journal's ends do not match the sealed head (or, with none, where it does not start at entry 1). */
function cuts(
  head: JournalHead | null, firstSeq: number | null, tip: ChainTip | null, headHash: string | null, oldestFile: string,
  last: { file: string; line: number },
): ChainBreak[] {
  const found: ChainBreak[] = [];
  const firstKept = head?.firstSeq ?? 1;
  if (firstSeq !== null && firstSeq > firstKept) {
    const why = head ? `entry ${firstKept} was the first one kept` : 'nothing sealed says older months were removed by the retention';
    found.push({
      file: oldestFile, line: 1, reason: 'cut-at-start',
      message: `The journal's first entries were removed: it starts at entry ${firstSeq}, but ${why}.`,
    });
  }
  if (!head || head.seq === 0) return found;
  if (tip === null) {
    found.push({ file: '', line: 0, reason: 'cut-at-end', message: `The journal was deleted or emptied: ${head.seq} entries had been written.` });
  } else if (tip.seq < head.seq) {
    found.push({
      file: last.file, line: last.line, reason: 'cut-at-end',
      message: `The journal's newest entries were removed: it ends at entry ${tip.seq}, but ${head.seq} had been written.`,
    });
  } else if (headHash !== head.hash) {
    found.push({
      file: last.file, line: last.line, reason: 'cut-at-end',
      message: `The journal's newest entries were replaced: entry ${head.seq} is not the one Pause Guard wrote.`,
    });
  }
  return found;
}

function unreadableBreak(bad: Unreadable, chainHolds: boolean): ChainBreak {
  const place = `Line ${bad.line} of ${bad.file}`;
  if (chainHolds && (bad.fragment || !bad.complete)) {
    return {
      file: bad.file, line: bad.line, reason: 'torn',
      message: `${place} is an entry whose writing was cut off (the computer probably stopped); the chain carries on around it.`,
    };
  }
  return {
    file: bad.file, line: bad.line, reason: 'malformed',
    message: `${place} is not a journal entry: it was damaged, or written by something other than Pause Guard.`,
  };
}
