// The lock between processes on real folders: one holder at a time, a lock left by a dead process or gone stale is
// taken over, a live holder's is not, and withLock waits its turn.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { releaseLock, tryLock, withLock } from '../../../../electron/guardian/store/folderLock';

let dir: string;
let lock: string;
const options = { staleMs: 10_000 };

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-lock-'));
  lock = path.join(dir, 'test.lock');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A lock as another process leaves it: its folder, naming that process. */
async function heldBy(pid: number): Promise<void> {
  await fs.mkdir(lock);
  await fs.writeFile(path.join(lock, 'owner'), String(pid));
}

it('lets one holder in at a time and frees the lock when released', async () => {
  expect(await tryLock(lock, options)).toBe(true);
  expect(await tryLock(lock, options)).toBe(false);
  await releaseLock(lock);
  expect(await tryLock(lock, options)).toBe(true);
});

it('takes over a lock whose owner has died, but not one whose owner is alive', async () => {
  const ended = spawnSync(process.execPath, ['-e', '']).pid as number;
  await heldBy(ended);
  expect(await tryLock(lock, options)).toBe(true);
  await releaseLock(lock);

  await heldBy(process.ppid);
  expect(await tryLock(lock, options)).toBe(false);
});

it('takes over a lock older than staleMs, whoever it names (its owner died before naming itself)', async () => {
  await fs.mkdir(lock);
  const later = () => Date.now() + options.staleMs;
  expect(await tryLock(lock, { ...options, now: later })).toBe(true);
});

it('runs work in turn: the second waits until the first gives the lock back', async () => {
  const order: string[] = [];
  let releaseFirst = () => undefined as void;
  const first = withLock(lock, options, async () => {
    order.push('first in');
    await new Promise<void>((resolve) => (releaseFirst = resolve));
    order.push('first out');
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = withLock(lock, options, async () => {
    order.push('second in');
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(order).toEqual(['first in']);
  releaseFirst();
  await Promise.all([first, second]);
  expect(order).toEqual(['first in', 'first out', 'second in']);
  await expect(fs.access(lock)).rejects.toThrow();
});

it('gives a left-over lock to exactly one of many takers at the same moment', async () => {
  const ended = spawnSync(process.execPath, ['-e', '']).pid as number;
  await heldBy(ended);
  const taken = await Promise.all(Array.from({ length: 10 }, () => tryLock(lock, options)));
  expect(taken.filter(Boolean)).toHaveLength(1);
  expect((await fs.readdir(dir)).sort()).toEqual(['test.lock']);
});
