// At most one test alert a minute, from the CLI and the setup window alike (neither needs the PIN, so a caller could
// otherwise bury a real alert under test alerts or spend the ntfy server's daily limit). The time of the last one is
// kept in the data folder; a claim holds a lock folder while it decides, so tries side by side cannot both pass.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomicFile';
import { releaseLock, tryLock } from '../store/folderLock';

export const TEST_ALERT_EVERY_MS = 60_000;

const LAST_FILE = 'test-alert-last';
const LOCK_DIR = 'test-alert.lock';
/** A lock left by a process that died while it decided is older than this and is taken over. */
const STALE_LOCK_MS = 30_000;

export type TestAlertClaim = { ok: true } | { ok: false; message: string };

/** Claims the minute's test alert now, or says in one plain sentence how long to wait. */
export async function claimTestAlert(dataDir: string, now: () => Date = () => new Date()): Promise<TestAlertClaim> {
  const lock = path.join(dataDir, LOCK_DIR);
  if (!(await tryLock(lock, { staleMs: STALE_LOCK_MS, now: () => now().getTime() }))) return refusal(TEST_ALERT_EVERY_MS);
  try {
    const file = path.join(dataDir, LAST_FILE);
    const last = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    const at = now().getTime();
    // Within a minute either way: a clock put back a little does not open the limit, and a clock that was wrong by
    // days and is corrected does not close it for days.
    if (Number.isFinite(last) && last > 0 && Math.abs(at - last) < TEST_ALERT_EVERY_MS) return refusal(TEST_ALERT_EVERY_MS - Math.max(0, at - last));
    await writeFileAtomic(file, String(at));
    return { ok: true };
  } finally {
    await releaseLock(lock);
  }
}

function refusal(waitMs: number): TestAlertClaim {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return { ok: false, message: `A test alert was sent less than a minute ago. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.` };
}
