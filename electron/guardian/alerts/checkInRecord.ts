// What the dead-man's switch remembers across restarts, in the data folder: this PC's sequence id and when the message
// waiting under it is due. A start reuses the id only while that message still waits, so it replaces it; once it may
// have been delivered, the family's notification is theirs to keep, and a new id is taken (never a delete of theirs).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomicFile';

const RECORD_FILE = 'check-in.json';
const SEQUENCE_ID = /^pg-checkin-[0-9a-f]{16}$/;

export interface CheckInRecord {
  sequenceId: string;
  /** When the message waiting under it is due (ms since 1970); 0 when none waits. */
  dueAt: number;
}

/** Two PCs on one family topic each have their own id; a deleted data folder gets a new one, and the old message still comes. */
export async function loadCheckInRecord(dataDir: string, now: Date): Promise<CheckInRecord> {
  const saved = await fs.readFile(path.join(dataDir, RECORD_FILE), 'utf8').then((text) => JSON.parse(text) as Partial<CheckInRecord>, () => null);
  if (saved && typeof saved.sequenceId === 'string' && SEQUENCE_ID.test(saved.sequenceId) && typeof saved.dueAt === 'number' && saved.dueAt > now.getTime()) {
    return { sequenceId: saved.sequenceId, dueAt: saved.dueAt };
  }
  return { sequenceId: newSequenceId(), dueAt: 0 };
}

export function saveCheckInRecord(dataDir: string, record: CheckInRecord): Promise<void> {
  return writeFileAtomic(path.join(dataDir, RECORD_FILE), JSON.stringify(record));
}

/** A sequence id of this PC's kind that nothing was ever sent under. */
export function newSequenceId(): string {
  return `pg-checkin-${randomBytes(8).toString('hex')}`;
}
