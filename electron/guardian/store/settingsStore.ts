// Reads and saves <dataDir>/settings.json, sealed (store/sealStore.ts), with the last good sealed copy kept in the seal
// folder. A missing, damaged, unsealed or forged file where a good copy exists is tampering: the copy stays in force
// and is written back, the file is kept aside (never deleted). Older layouts are migrated; an unsealed file is adopted
// only where no settings were ever sealed for the folder (an upgrade, or a first run). Never journals or alerts: it says what happened.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { defaultSettings, SETTINGS_VERSION, SettingsSchema, type Settings } from '../../../shared/settings';
import { writeFileAtomic } from './atomicFile';
import { openSealStore, type SealStore } from './sealStore';
import { migrate, versionOf } from './settingsMigrations';

export const SETTINGS_FILE = 'settings.json';
/** Real settings are a few kilobytes; anything this big is not Pause Guard's and is not read into memory. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface SettingsReset {
  /** Where the unusable file was kept, or null when it could not be moved (a read-only folder). */
  keptAs: string | null;
  /** One plain sentence: why the settings went back to the defaults. */
  reason: string;
}

/** The settings file was removed or changed outside Pause Guard after settings had been sealed for this folder. */
export interface SettingsTampering {
  /** Where the file found was kept, or null when there was none (removed) or it could not be moved. */
  keptAs: string | null;
  /** One plain sentence: what was found. */
  reason: string;
  /** True when the last good settings are in force; false when no good copy was left either (the defaults are). */
  lastGoodKept: boolean;
}

export interface OpenedSettings {
  settings: Settings;
  /** Null unless the file was unusable and the defaults were used: the caller journals settings-reset and tells the contact. */
  reset: SettingsReset | null;
  /** Set when the file was tampered with: the caller journals it and tells the contact of the settings in force. */
  tampered?: SettingsTampering;
  /** Set when an unsealed file (from a version that did not seal) was taken over and sealed. */
  adopted?: true;
}

/** Saving failed; the message is one plain sentence for the person. */
export class SettingsSaveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsSaveError';
  }
}

export const settingsPath = (dataDir: string): string => path.join(dataDir, SETTINGS_FILE);

type FileRead =
  | { kind: 'missing' }
  | { kind: 'unusable'; reason: string }
  | { kind: 'usable'; settings: Settings; seal: 'sealed' | 'unsealed' | 'forged'; migrated: boolean };

export interface OpenSettingsOptions {
  dataDir: string;
  now?: () => Date;
  /** The seal in force; the CLI's key file (openSealStore's defaults) unless given. */
  seal?: SealStore;
}

export async function openSettings({ dataDir, now = () => new Date(), seal }: OpenSettingsOptions): Promise<OpenedSettings> {
  const store = seal ?? (await openSealStore({ dataDir }));
  const file = settingsPath(dataDir);
  const read = await readSettingsFile(file, store);
  const copy = await store.readCopy('settings');
  const lastGood = copy.state === 'sealed' ? await migrateAndParse(copy.value) : null;
  const good = lastGood && 'settings' in lastGood ? lastGood.settings : null;
  const writeBack = (settings: Settings): Promise<void> =>
    // A read-only folder just means doing this again at the next start.
    writeFileAtomic(file, store.sealedText('settings', settings)).catch(() => undefined);

  if (good) {
    if (read.kind === 'usable' && read.seal === 'sealed') {
      // A sealed file that differs from the copy was cut off mid-save (the copy is written first): the copy wins.
      if (read.migrated || !isDeepStrictEqual(read.settings, good)) await writeBack(good);
      return { settings: good, reset: null };
    }
    const keptAs = read.kind === 'missing' ? null : await keepAside(file, now());
    await writeBack(good);
    return { settings: good, reset: null, tampered: { keptAs, reason: tamperReason(read), lastGoodKept: true } };
  }

  if (read.kind === 'usable' && read.seal === 'sealed') {
    // The copy alone was lost: the file is still Pause Guard's own, so it is copied again.
    await store.writeCopy('settings', read.settings).catch(() => undefined);
    if (read.migrated) await writeBack(read.settings);
    return { settings: read.settings, reset: null };
  }
  // Only a settings copy says settings were sealed here: the app may have run (and sealed its journal) before any setup.
  if (copy.state === 'missing') {
    if (read.kind === 'missing') return { settings: defaultSettings(), reset: null };
    if (read.kind === 'usable' && read.seal === 'unsealed') {
      await store.writeCopy('settings', read.settings).catch(() => undefined);
      await writeBack(read.settings);
      return { settings: read.settings, reset: null, adopted: true };
    }
    const reason = read.kind === 'unusable' ? read.reason : 'The settings file was sealed with a key this computer does not have.';
    return { settings: defaultSettings(), reset: { keptAs: await keepAside(file, now()), reason } };
  }
  const keptAs = read.kind === 'missing' ? null : await keepAside(file, now());
  return { settings: defaultSettings(), reset: null, tampered: { keptAs, reason: `${tamperReason(read)} No good sealed copy was left either.`, lastGoodKept: false } };
}

function tamperReason(read: FileRead): string {
  if (read.kind === 'missing') return 'The settings file was removed.';
  if (read.kind === 'unusable') return read.reason;
  if (read.seal === 'unsealed') return 'The settings file was replaced by one Pause Guard did not write.';
  return 'The settings file was changed outside Pause Guard.';
}

async function readSettingsFile(file: string, store: SealStore): Promise<FileRead> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { kind: 'unusable', reason: 'The settings file was not a file.' };
    if (stat.size > MAX_SETTINGS_BYTES) return { kind: 'unusable', reason: `The settings file was far too large (${stat.size} bytes) to be Pause Guard's.` };
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unusable', reason: `The settings file could not be read (${describeCode(code)}).` };
  }
  const opened = store.open('settings', text);
  if (opened.state === 'damaged') {
    return { kind: 'unusable', reason: opened.json ? 'The settings file did not hold settings.' : 'The settings file was damaged: it could not be read as settings.' };
  }
  if (opened.state === 'missing') return { kind: 'missing' };
  const parsed = await migrateAndParse(opened.value);
  if ('reason' in parsed) return { kind: 'unusable', reason: parsed.reason };
  return { kind: 'usable', settings: parsed.settings, seal: opened.state, migrated: parsed.migrated };
}

async function migrateAndParse(raw: Record<string, unknown>): Promise<{ settings: Settings; migrated: boolean } | { reason: string }> {
  const version = versionOf(raw);
  if (Number.isNaN(version)) return { reason: 'The settings file had no usable version number.' };
  if (version > SETTINGS_VERSION) {
    return { reason: `The settings file was written by a newer version of Pause Guard (settings version ${version}; this version reads up to ${SETTINGS_VERSION}).` };
  }
  let current: unknown = raw;
  if (version < SETTINGS_VERSION) {
    try {
      current = await migrate(raw, version);
    } catch (error) {
      return { reason: `The settings file from an older version of Pause Guard could not be updated (${problemOf(error)}).` };
    }
  }
  const parsed = SettingsSchema.safeParse(current);
  if (!parsed.success) return { reason: `The settings file held a value Pause Guard cannot use (${describeIssue(parsed.error)}).` };
  return { settings: parsed.data, migrated: version < SETTINGS_VERSION };
}

/**
 * Checks `next` against the schema and saves it atomically. Returns the names of the top-level settings that differ
 * from `previous` (names only: values may hold addresses and secrets). Throws SettingsSaveError with a plain sentence.
 */
export async function saveSettings(dataDir: string, next: Settings, previous: Settings, seal?: SealStore): Promise<{ changedFields: string[] }> {
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) throw new SettingsSaveError(`These settings cannot be saved: ${describeIssue(parsed.error)}.`);
  const store = seal ?? (await openSealStore({ dataDir }));
  try {
    await store.writeCopy('settings', parsed.data);
  } catch (error) {
    throw new SettingsSaveError(saveProblem(store.copiesDir, (error as NodeJS.ErrnoException).code));
  }
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await writeFileAtomic(settingsPath(dataDir), store.sealedText('settings', parsed.data));
  } catch (error) {
    throw new SettingsSaveError(saveProblem(dataDir, (error as NodeJS.ErrnoException).code));
  }
  const keys = Object.keys(SettingsSchema.shape) as (keyof Settings)[];
  return { changedFields: keys.filter((key) => !isDeepStrictEqual(parsed.data[key], previous[key])) };
}

/** Moves an unusable file to settings.json.broken-<time>; null when it cannot be moved (it then stays where it is). */
async function keepAside(file: string, at: Date): Promise<string | null> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; n < 100; n += 1) {
    const target = `${file}.broken-${stamp}${n === 1 ? '' : `-${n}`}`;
    const taken = await fs.lstat(target).then(() => true, () => false);
    if (taken) continue;
    return fs.rename(file, target).then(() => target, () => null);
  }
  return null;
}

function saveProblem(dataDir: string, code: string | undefined): string {
  switch (code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `Pause Guard cannot save its settings: the folder ${dataDir} is read-only.`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `Pause Guard cannot save its settings: ${dataDir} cannot be a folder, because part of that path is a file.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Pause Guard cannot save its settings: the disk holding ${dataDir} is full.`;
    case 'EISDIR':
      return `Pause Guard cannot save its settings: ${settingsPath(dataDir)} is a folder.`;
    default:
      return `Pause Guard cannot save its settings in the folder ${dataDir} (${code ?? 'unknown error'}).`;
  }
}

function describeCode(code: string | undefined): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EIO') return 'a disk error';
  return code ?? 'unknown error';
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'no details';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

function problemOf(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error) return describeIssue(error as z.ZodError);
  return error instanceof Error ? error.message : String(error);
}
