// The sealing key: 32 random bytes made once per user in the seal folder, kept by a key protector. In the app the
// protector is Electron's safeStorage (the key file is then useless without the person's login); for the CLI and the
// preview it is a plain key file readable by its owner only (weaker: whoever can read it can forge a seal).
// Never prints or logs the key.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomicFile';

export interface KeyProtector {
  /** Names the key's file, so a folder used by both the app and the CLI keeps the two keys apart. */
  kind: 'safe-storage' | 'key-file';
  protect(key: Buffer): Buffer;
  unprotect(stored: Buffer): Buffer;
}

/** The CLI's and the preview's protector: the key as it is, in a file only its owner can read. */
export const keyFileProtector: KeyProtector = { kind: 'key-file', protect: (key) => key, unprotect: (stored) => stored };

const KEY_BYTES = 32;

export interface SealKey {
  key: Buffer;
  /** Why an existing key could not be used and a new one was made (everything sealed before no longer opens); null when all is well. */
  replaced: string | null;
  /** True when there was no key and this call made it. */
  made: boolean;
}

/**
 * Reads the key from `sealDir`, making it on first use; two processes making it at once end up with the same key.
 * A key that cannot be opened is kept aside and a new one made, so Pause Guard still starts (and says why).
 */
export async function loadSealKey(sealDir: string, protector: KeyProtector, now: Date = new Date()): Promise<SealKey> {
  const file = path.join(sealDir, `seal-key.${protector.kind}`);
  await fs.mkdir(sealDir, { recursive: true, mode: 0o700 });
  const existing = await readKey(file, protector);
  if (existing.key) return { key: existing.key, replaced: null, made: false };
  if (existing.problem) await fs.rename(file, `${file}.broken-${now.toISOString().replace(/[:.]/g, '-')}`).catch(() => fs.rm(file, { force: true }));
  const made = path.join(sealDir, `.seal-key.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFileAtomic(made, protector.protect(randomBytes(KEY_BYTES)));
    // link() refuses to replace: whoever links first made the key everyone uses.
    await fs.link(made, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await fs.rm(made, { force: true });
  }
  const key = (await readKey(file, protector)).key;
  if (!key) throw new Error(`Pause Guard's sealing key in ${sealDir} could not be made.`);
  return { key, replaced: existing.problem, made: true };
}

async function readKey(file: string, protector: KeyProtector): Promise<{ key: Buffer | null; problem: string | null }> {
  let stored: Buffer;
  try {
    stored = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { key: null, problem: null };
    return { key: null, problem: `Pause Guard's sealing key could not be read (${code ?? 'unknown error'}).` };
  }
  let key: Buffer;
  try {
    key = protector.unprotect(stored);
  } catch {
    return { key: null, problem: "Pause Guard's sealing key could not be opened on this account." };
  }
  return key.length === KEY_BYTES ? { key, problem: null } : { key: null, problem: "Pause Guard's sealing key was damaged." };
}
