// One journal line and its link in the hash chain: {"seq","prev","hash","record"}, where
// hash = sha256(prev + canonical JSON of the record) and prev is the hash of the entry before (64 zeros at the start).
import { createHash } from 'node:crypto';
import type { JournalRecord } from '../../../shared/journal';
import { canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

/** A line read back: the record is only known to be an object with a string `type` and `at` (newer types are kept). */
export interface JournalEntry {
  seq: number;
  prev: string;
  hash: string;
  record: JournalRecord;
}

/** Where the chain stands: the last good entry's number and hash. */
export interface ChainTip {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainTip = { seq: 0, hash: GENESIS_HASH };

export function entryHash(prev: string, recordJson: string): string {
  return createHash('sha256').update(prev).update(recordJson).digest('hex');
}

/** The next line (without its newline) after `tip`, for a record already in canonical JSON, and the tip it makes. */
export function chainEntry(tip: ChainTip, recordJson: string): { line: string; tip: ChainTip } {
  const seq = tip.seq + 1;
  const hash = entryHash(tip.hash, recordJson);
  return { line: `{"seq":${seq},"prev":"${tip.hash}","hash":"${hash}","record":${recordJson}}`, tip: { seq, hash } };
}

/** Whether the stored hash matches the record as it reads now: false means the record was changed after writing. */
export function entryIntact(entry: JournalEntry): boolean {
  return entryHash(entry.prev, canonicalJson(entry.record)) === entry.hash;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Parses one line; null when it is not a journal entry at all (torn, garbage, or the wrong shape). */
export function parseEntry(text: string): JournalEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { seq, prev, hash, record } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return null;
  if (typeof prev !== 'string' || !HEX64.test(prev) || typeof hash !== 'string' || !HEX64.test(hash)) return null;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const { type, at } = record as Record<string, unknown>;
  if (typeof type !== 'string' || typeof at !== 'string') return null;
  return { seq, prev, hash, record: record as JournalRecord };
}
