// Records for the journal from a CLI command that may run beside the app (test-alert): the journal has one writer,
// the running app, so the command leaves each record here and the app journals it, at start and every minute after.
// Nothing here ever writes to the journal's own files; a record that does not parse is reported and set aside.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppRecordSchema, type AppRecord } from '../../../shared/journal';
import { writeFileAtomic } from './atomicFile';

const INBOX_DIR = 'journal-inbox';
const DRAIN_EVERY_MS = 60_000;

/** Leaves one record for the app to journal. */
export async function leaveForJournal(dataDir: string, record: AppRecord): Promise<void> {
  const inbox = path.join(dataDir, INBOX_DIR);
  await fs.mkdir(inbox, { recursive: true });
  // Named by time first, so the app journals them in the order they happened.
  await writeFileAtomic(path.join(inbox, `${Date.parse(record.at)}-${randomBytes(4).toString('hex')}.json`), JSON.stringify(record));
}

export interface JournalInbox {
  /** Journals what is waiting, then keeps doing so every minute. */
  start(): Promise<void>;
  stop(): void;
}

export function createJournalInbox(options: { dataDir: string; append: (record: AppRecord) => Promise<void>; log: (line: string) => void }): JournalInbox {
  const inbox = path.join(options.dataDir, INBOX_DIR);
  let timer: ReturnType<typeof setInterval> | null = null;
  let draining: Promise<void> = Promise.resolve();

  const drainOnce = async (): Promise<void> => {
    const names = (await fs.readdir(inbox).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort(byTime);
    for (const name of names) {
      const file = path.join(inbox, name);
      const parsed = AppRecordSchema.safeParse(await fs.readFile(file, 'utf8').then((text) => JSON.parse(text) as unknown, () => null));
      if (parsed.success) await options.append(parsed.data);
      else options.log(`A record left for the journal could not be read and was set aside: ${name}.`);
      await fs.rm(file, { force: true });
    }
  };
  const drain = (): Promise<void> => {
    draining = draining.then(drainOnce).catch((error: unknown) => {
      options.log(`Pause Guard could not journal the records left by a command: ${error instanceof Error ? error.message : String(error)}`);
    });
    return draining;
  };

  return {
    async start() {
      if (timer) return;
      timer = setInterval(() => void drain(), DRAIN_EVERY_MS);
      timer.unref();
      await drain();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

function byTime(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}
