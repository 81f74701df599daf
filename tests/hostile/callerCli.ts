// The hostile suite's hands on the command line: runs `pauseguard` as a caller at the keyboard would (a real child
// process through tsx), and reads back what the journal recorded. Never touches a real profile: every run names --data-dir.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { JournalRecord } from '../../shared/journal';
import { readJournal } from '../../electron/guardian/store/journal';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function pauseguard(args: string[], dataDir: string): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

/** Every record in the data folder's journal, oldest first. */
export async function journalOf(dataDir: string): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for await (const record of readJournal(path.join(dataDir, 'journal'))) records.push(record);
  return records;
}

/** The titles of the ntfy messages a receiver got, in order (the posts: the dead-man's switch also deletes, with no body). */
export const ntfyTitles = (requests: { method: string; body: string }[]): string[] =>
  requests.filter((r) => r.method === 'POST').map((r) => String((JSON.parse(r.body) as { title?: unknown }).title));
