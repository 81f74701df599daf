// Which key protector the tray app seals with, with Electron's safeStorage replaced by a stand-in that really
// encrypts (AES-256-GCM under a key of its own): the sealing key round-trips, and Linux never uses safeStorage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { loadSealKey } from '../../../electron/guardian/store/sealKey';
import { keyProtectorFor, type SafeStorage } from '../../../electron/safeStorageKey';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-safe-storage-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function standIn(available = true): SafeStorage {
  const secret = randomBytes(32);
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

it('on Windows and macOS keeps the key with safeStorage: the file holds no key in clear, and it opens again', async () => {
  for (const platform of ['win32', 'darwin'] as const) {
    const storage = standIn();
    const { protector, note } = keyProtectorFor(storage, platform);
    expect(note).toBeNull();
    expect(protector.kind).toBe('safe-storage');
    const sealDir = path.join(dir, platform);
    const first = await loadSealKey(sealDir, protector);
    const stored = await fs.readFile(path.join(sealDir, 'seal-key.safe-storage'));
    expect(stored.includes(first.key)).toBe(false);
    expect(stored.includes(Buffer.from(first.key.toString('base64')))).toBe(false);
    expect((await loadSealKey(sealDir, protector)).key.equals(first.key)).toBe(true);
  }
});

it('a safeStorage key file another account cannot open is kept aside and replaced, and says so', async () => {
  const sealDir = path.join(dir, 'seal');
  await loadSealKey(sealDir, keyProtectorFor(standIn(), 'win32').protector);
  const otherAccount = keyProtectorFor(standIn(), 'win32').protector;
  const replaced = await loadSealKey(sealDir, otherAccount);
  expect(replaced.replaced).toBe("Pause Guard's sealing key could not be opened on this account.");
  expect((await fs.readdir(sealDir)).some((name) => name.startsWith('seal-key.safe-storage.broken-'))).toBe(true);
});

it('uses the key file on Linux whatever the backend, and where secure storage is not available', () => {
  const linux = standIn();
  expect(keyProtectorFor(linux, 'linux')).toMatchObject({ protector: { kind: 'key-file' }, note: expect.stringMatching(/^On Linux .*\.$/) });
  expect(linux.isEncryptionAvailable).not.toHaveBeenCalled();
  expect(keyProtectorFor(standIn(false), 'win32')).toMatchObject({ protector: { kind: 'key-file' }, note: expect.stringMatching(/not available/) });
});
