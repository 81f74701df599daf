// Replaces a file so a reader (or the next start after a crash) sees the whole old content or the whole new, never half.
// Temp file in the same folder, write, fsync, rename over the target, fsync the folder. Never leaves a temp file behind on an error it sees.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Folder fsync errors that only mean "this file system or platform cannot do it"; the rename has already happened. */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EPERM', 'EACCES']);

/**
 * Writes `data` to `filePath` atomically, readable and writable by the owner only (settings and the outbox hold
 * addresses and secrets). Rejects with the file system's error (code intact) when the folder cannot take the file.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array): Promise<void> {
  const folder = path.dirname(filePath);
  const temp = path.join(folder, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx', 0o600);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync, so it is skipped there. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !FOLDER_SYNC_UNSUPPORTED.has(code)) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
