// The journal's monthly files: <dir>/YYYY-MM.jsonl by UTC month, listed oldest first, and the 13-month retention.
import fs from 'node:fs/promises';
import path from 'node:path';

const FILE_NAME = /^(\d{4})-(\d{2})\.jsonl$/;

/** Months kept: this month and the twelve before it. */
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

/** The oldest month still kept when the present is `now`. */
export function oldestKeptMonth(now: Date): JournalMonth {
  return monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (RETENTION_MONTHS - 1), 1)));
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

/** Deletes the files older than the retention; returns the names deleted. */
export async function removeExpiredFiles(files: JournalFile[], now: Date): Promise<string[]> {
  const oldest = oldestKeptMonth(now);
  const expired = files.filter((file) => file.month < oldest);
  for (const file of expired) await fs.rm(file.path, { force: true });
  return expired.map((file) => file.name);
}
