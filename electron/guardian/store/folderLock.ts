// A lock between processes on the data folder (the app and a CLI command run side by side): a folder made with mkdir,
// which only one can make, holding the owner's pid. A lock whose owner has died, or that is older than `staleMs`
// (its owner died before naming itself), is taken over; nothing waits for ever on a lock left behind.
import { randomBytes } from 'node:crypto';
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
  const leftOver = await isLeftOver(lock, options);
  if (leftOver === null) return false;
  // Taken over by moving it aside, which only one process can do to one folder; a lock another process made meanwhile
  // (its folder is not the one found left over) is put back.
  const aside = `${lock}.left-${process.pid}-${randomBytes(4).toString('hex')}`;
  if (!(await fs.rename(lock, aside).then(() => true, () => false))) return false;
  if ((await fs.stat(aside).catch(() => null))?.ino !== leftOver) {
    await fs.rename(aside, lock).catch(() => fs.rm(aside, { recursive: true, force: true }));
    return false;
  }
  await fs.rm(aside, { recursive: true, force: true });
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

/** The lock folder's inode when it is left over (its owner died, or it is older than staleMs); null when it is held. */
async function isLeftOver(lock: string, options: FolderLockOptions): Promise<number | null> {
  const now = (options.now ?? Date.now)();
  const found = await fs.stat(lock).catch(() => null);
  if (found === null) return null;
  if (now - found.mtimeMs >= options.staleMs) return found.ino;
  const owner = Number.parseInt(await fs.readFile(path.join(lock, OWNER_FILE), 'utf8').catch(() => ''), 10);
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && !isAlive(owner) ? found.ino : null;
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
