// The journal's monthly files: <dir>/YYYY-MM.jsonl by UTC month, listed oldest first, and the retention: the 13 newest
// monthly files are kept, counted by the journal's own months and never by the wall clock (a clock moved a year ahead
// deletes nothing).
import fs from 'node:fs/promises';
import path from 'node:path';

const FILE_NAME = /^(\d{4})-(\d{2})\.jsonl$/;

/** Monthly files kept: the newest and the twelve before it that hold entries. */
export const RETENTION_MONTHS = 13;

/** A UTC month as "YYYY-MM"; such strings sort in time order. */
export type JournalMonth = string;

export interface JournalFile {
  month: JournalMonth;
  path: string;
  name: string;
}

export function monthOf(time: Date): JournalMonth {
  return time.toISOString().slice(0, 7);
}

export function journalFile(dir: string, month: JournalMonth): JournalFile {
  const name = `${month}.jsonl`;
  return { month, name, path: path.join(dir, name) };
}

/** The journal's files, oldest first; none when the folder does not exist yet. Other files in the folder are ignored. */
export async function listJournalFiles(dir: string): Promise<JournalFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => journalFile(dir, name.slice(0, 7)));
}

/** Deletes the files before the 13 newest (`files` oldest first, as listed); returns the names deleted. */
export async function removeExpiredFiles(files: JournalFile[]): Promise<string[]> {
  const expired = files.slice(0, Math.max(0, files.length - RETENTION_MONTHS));
  for (const file of expired) await fs.rm(file.path, { force: true });
  return expired.map((file) => file.name);
}
