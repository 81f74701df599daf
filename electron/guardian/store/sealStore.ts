// The seal and its second place. A seal is HMAC-SHA256, with the sealing key, over the canonical JSON of what is
// sealed, which data folder it belongs to, and its value: a file changed or made by hand no longer matches, and
// nobody without the key can make one that does. The last good copy of each sealed thing is kept in a folder of its
// own inside the seal folder (outside the data folder). Never decides what a broken seal means: its callers do.
//
// Why an HMAC over canonical JSON and not encryption: the files stay readable (a family member can look at what is
// set), one small key is all that needs protecting, and the same value always gives the same seal however it was
// written. safeStorage alone would not do: it encrypts but does not authenticate on every platform.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { defaultSealDir } from '../paths';
import { writeFileAtomic } from './atomicFile';
import { canonicalJson } from './canonicalJson';
import { keyFileProtector, loadSealKey, type KeyProtector } from './sealKey';

/** Each sealed thing has its own name in the seal, so a sealed lockout can never pass for sealed settings. */
export type SealedThing = 'settings' | 'pin-lockout' | 'journal-head';

/** A sealed file read back. `value` is the file's content without its seal. */
export type SealedRead =
  | { state: 'sealed'; value: Record<string, unknown> }
  /** A JSON object with no seal at all: hand-made, or written by a version of Pause Guard that did not seal. */
  | { state: 'unsealed'; value: Record<string, unknown> }
  /** A seal that does not match: changed after sealing, made without the key, or sealed with a key now lost. */
  | { state: 'forged'; value: Record<string, unknown> }
  /** Not a JSON object at all; `json` says whether it was JSON of another shape. */
  | { state: 'damaged'; json: boolean }
  | { state: 'missing' };

export interface SealStore {
  /** The data folder's own folder inside the seal folder, where the last good copies are. */
  copiesDir: string;
  /** Set when the sealing key could not be used and a new one was made: one plain sentence. */
  keyProblem: string | null;
  /** The file's text: the value's members and its seal. */
  sealedText(thing: SealedThing, value: Record<string, unknown>): string;
  /** Reads a sealed file's text. */
  open(thing: SealedThing, text: string): SealedRead;
  readCopy(thing: SealedThing): Promise<SealedRead>;
  writeCopy(thing: SealedThing, value: Record<string, unknown>): Promise<void>;
  /** True once anything was ever sealed for this data folder: after that, no start is a first run. */
  hasHistory(): Promise<boolean>;
}

export interface SealStoreOptions {
  dataDir: string;
  /** The seal folder; defaultSealDir() unless given. */
  sealDir?: string;
  /** How the key is kept; the key file unless given (the app gives Electron's safeStorage). */
  protector?: KeyProtector;
}

const SEAL_FIELD = 'seal';
const THINGS: readonly SealedThing[] = ['settings', 'pin-lockout', 'journal-head'];

export async function openSealStore(options: SealStoreOptions): Promise<SealStore> {
  const sealDir = options.sealDir ?? defaultSealDir();
  const { key, replaced, made } = await loadSealKey(sealDir, options.protector ?? keyFileProtector);
  const folder = createHash('sha256').update(path.resolve(options.dataDir)).digest('hex').slice(0, 32);
  const copiesDir = path.join(sealDir, folder);
  const copyFile = (thing: SealedThing): string => path.join(copiesDir, `${thing}.json`);

  const sealOf = (thing: SealedThing, value: Record<string, unknown>): string =>
    createHmac('sha256', key).update(canonicalJson({ thing, folder, value })).digest('hex');

  const open = (thing: SealedThing, text: string): SealedRead => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { state: 'damaged', json: false };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { state: 'damaged', json: true };
    const { [SEAL_FIELD]: seal, ...value } = parsed as Record<string, unknown>;
    if (seal === undefined) return { state: 'unsealed', value };
    const expected = Buffer.from(sealOf(thing, value), 'hex');
    const given = typeof seal === 'string' && /^[0-9a-f]{64}$/.test(seal) ? Buffer.from(seal, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected) ? { state: 'sealed', value } : { state: 'forged', value };
  };

  const sealedText = (thing: SealedThing, value: Record<string, unknown>): string =>
    `${JSON.stringify({ ...value, [SEAL_FIELD]: sealOf(thing, value) }, null, 2)}\n`;

  const hasHistory = async (): Promise<boolean> => {
    for (const thing of THINGS) {
      if (await fs.lstat(copyFile(thing)).then(() => true, () => false)) return true;
    }
    return false;
  };
  // A new key beside copies sealed with the old one: the key was removed, and nothing sealed before opens.
  const keyProblem = replaced ?? (made && (await hasHistory()) ? "Pause Guard's sealing key was removed." : null);

  return {
    copiesDir,
    keyProblem,
    sealedText,
    open,
    async readCopy(thing) {
      const text = await fs.readFile(copyFile(thing), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
        return '';
      });
      return text === null ? { state: 'missing' } : open(thing, text);
    },
    async writeCopy(thing, value) {
      await fs.mkdir(copiesDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(copyFile(thing), sealedText(thing, value));
    },
    hasHistory,
  };
}
