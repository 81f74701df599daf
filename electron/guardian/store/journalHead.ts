// The journal's head, sealed in the seal folder after every write: the first entry's number, and the last entry's
// number and hash. Cutting the journal at either end, or deleting it, no longer matches it. Reads and writes the
// head and says, in one plain sentence, how a journal fails to continue it; never journals or alerts.
import type { JournalOpening } from './journal';
import { parseEntry, type ChainTip } from './hashChain';
import { listJournalFiles, type JournalFile } from './journalFiles';
import { journalLines } from './journalLines';
import type { SealStore } from './sealStore';

export interface JournalHead {
  firstSeq: number;
  seq: number;
  hash: string;
}

export interface HeadKeeper {
  current(): JournalHead;
  /** The chain moved on (entries written): sealed soon after, one write at a time, the newest winning. */
  moved(tip: ChainTip): void;
  /** Seals the head as it stands: at start, once the journal found was checked against the old head. */
  sealNow(): void;
  /** Resolves once the newest head is sealed. */
  flush(): Promise<void>;
}

/** The sealed head; null when none was ever sealed for this data folder, 'broken' when it is there but not sealed right. */
export async function readJournalHead(seal: SealStore): Promise<JournalHead | null | 'broken'> {
  const read = await seal.readCopy('journal-head');
  if (read.state === 'missing') return null;
  if (read.state !== 'sealed') return 'broken';
  const { firstSeq, seq, hash } = read.value;
  const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return count(firstSeq) && count(seq) && typeof hash === 'string' ? { firstSeq, seq, hash } : 'broken';
}

/** The head a journal opened as `opening` has now. */
export function headOf(opening: JournalOpening): JournalHead {
  return { firstSeq: opening.firstSeq ?? 1, seq: opening.tip.seq, hash: opening.tip.hash };
}

export function createHeadKeeper(seal: SealStore, initial: JournalHead, onProblem: (message: string) => void): HeadKeeper {
  let head = initial;
  let sealed: JournalHead | null = null;
  let writing: Promise<void> | null = null;

  const write = async (): Promise<void> => {
    while (sealed !== head) {
      const next = head;
      try {
        await seal.writeCopy('journal-head', { ...next });
      } catch (error) {
        onProblem(`The journal's sealed head could not be written: ${(error as Error).message}`);
        break;
      }
      sealed = next;
    }
    writing = null;
  };
  const schedule = (): void => {
    writing ??= write();
  };
  return {
    current: () => head,
    moved(tip) {
      head = { ...head, seq: tip.seq, hash: tip.hash, firstSeq: head.seq === 0 ? 1 : head.firstSeq };
      schedule();
    },
    sealNow: schedule,
    flush: async () => {
      await writing;
    },
  };
}

/** How the journal found at open fails to continue the sealed head, in one plain sentence; null when it does. */
export async function headProblem(dir: string, head: JournalHead, opening: JournalOpening): Promise<string | null> {
  const { tip, firstSeqFound } = opening;
  if (head.seq === 0) return null;
  if (tip.seq === 0) return `The journal was deleted or emptied: it had ${head.seq} entries.`;
  if (firstSeqFound !== null && firstSeqFound > head.firstSeq) {
    return `The journal's first entries were removed: it now starts at entry ${firstSeqFound}, where entry ${head.firstSeq} was the first.`;
  }
  if (tip.seq < head.seq) return `The journal's newest entries were removed: it now ends at entry ${tip.seq}, where ${head.seq} had been written.`;
  const hash = tip.seq === head.seq ? tip.hash : await hashOfEntry(dir, head.seq);
  if (hash !== head.hash) return `The journal's newest entries were replaced: entry ${head.seq} is not the one Pause Guard wrote.`;
  return null;
}

/** The hash of entry `seq`, looked for from the newest file back; null when no file holds it. */
async function hashOfEntry(dir: string, seq: number): Promise<string | null> {
  const files = await listJournalFiles(dir);
  for (let i = files.length - 1; i >= 0; i -= 1) {
    let first: number | null = null;
    for await (const line of journalLines((files[i] as JournalFile).path)) {
      const entry = parseEntry(line.text);
      if (!entry) continue;
      first ??= entry.seq;
      if (entry.seq === seq) return entry.hash;
    }
    if (first !== null && first < seq) return null;
  }
  return null;
}
