// A lock between processes on the data folder (the app and a CLI command run side by side): a folder made with mkdir,
// which only one can make, holding the owner's pid. A lock whose owner has died, or that is older than `staleMs`
// (its owner died before naming itself), is taken over; nothing waits for ever on a lock left behind.
import fs from 'node:fs/promises';
import path from 'node:path';

const OWNER_FILE = 'owner';
const RETRY_MS = 5;

export interface FolderLockOptions {
  /** A lock older than this is left over from a process that died, whoever it names. */
  staleMs: number;
  now?: () => number;
}

/** Takes the lock if it is free or left over; false when another process holds it. */
export async function tryLock(lock: string, options: FolderLockOptions): Promise<boolean> {
  if (await make(lock)) return true;
  if (!(await isLeftOver(lock, options))) return false;
  await fs.rm(lock, { recursive: true, force: true });
  return make(lock);
}

export async function releaseLock(lock: string): Promise<void> {
  await fs.rm(lock, { recursive: true, force: true });
}

/** Runs `work` holding the lock, waiting while another process holds it (at most until its lock goes stale). */
export async function withLock<T>(lock: string, options: FolderLockOptions, work: () => Promise<T>): Promise<T> {
  while (!(await tryLock(lock, options))) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  try {
    return await work();
  } finally {
    await releaseLock(lock);
  }
}

async function make(lock: string): Promise<boolean> {
  try {
    await fs.mkdir(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  await fs.writeFile(path.join(lock, OWNER_FILE), String(process.pid)).catch(() => undefined);
  return true;
}

async function isLeftOver(lock: string, options: FolderLockOptions): Promise<boolean> {
  const now = (options.now ?? Date.now)();
  const madeAt = await fs.stat(lock).then((s) => s.mtimeMs, () => now);
  if (now - madeAt >= options.staleMs) return true;
  const owner = Number.parseInt(await fs.readFile(path.join(lock, OWNER_FILE), 'utf8').catch(() => ''), 10);
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && !isAlive(owner);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it is there, only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
