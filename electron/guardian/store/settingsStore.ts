// Reads and saves <dataDir>/settings.json: older layouts migrated and written back, a damaged or unknown file kept aside
// (never deleted) with protection going on with safe defaults. Never journals or alerts: it says what happened.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { defaultSettings, SETTINGS_VERSION, SettingsSchema, type Settings } from '../../../shared/settings';
import { writeFileAtomic } from './atomicFile';
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

export interface OpenedSettings {
  settings: Settings;
  /** Null unless the file was unusable and the defaults were used: the caller journals settings-reset and tells the contact. */
  reset: SettingsReset | null;
}

/** Saving failed; the message is one plain sentence for the person. */
export class SettingsSaveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsSaveError';
  }
}

export const settingsPath = (dataDir: string): string => path.join(dataDir, SETTINGS_FILE);

export async function openSettings({ dataDir, now = () => new Date() }: { dataDir: string; now?: () => Date }): Promise<OpenedSettings> {
  const file = settingsPath(dataDir);
  const reset = async (reason: string): Promise<OpenedSettings> => ({
    settings: defaultSettings(),
    reset: { keptAs: await keepAside(file, now()), reason },
  });

  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return await reset('The settings file was not a file.');
    if (stat.size > MAX_SETTINGS_BYTES) return await reset(`The settings file was far too large (${stat.size} bytes) to be Pause Guard's.`);
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { settings: defaultSettings(), reset: null };
    return reset(`The settings file could not be read (${describeCode(code)}).`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return reset('The settings file was damaged: it could not be read as settings.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return reset('The settings file did not hold settings.');

  const version = versionOf(raw as Record<string, unknown>);
  if (Number.isNaN(version)) return reset('The settings file had no usable version number.');
  if (version > SETTINGS_VERSION) {
    return reset(`The settings file was written by a newer version of Pause Guard (settings version ${version}; this version reads up to ${SETTINGS_VERSION}).`);
  }

  let current: unknown = raw;
  if (version < SETTINGS_VERSION) {
    try {
      current = await migrate(raw, version);
    } catch (error) {
      return reset(`The settings file from an older version of Pause Guard could not be updated (${problemOf(error)}).`);
    }
  }
  const parsed = SettingsSchema.safeParse(current);
  if (!parsed.success) return reset(`The settings file held a value Pause Guard cannot use (${describeIssue(parsed.error)}).`);

  if (version < SETTINGS_VERSION) {
    // Written back so the next start reads it directly; a read-only folder just means migrating again next time.
    await writeFileAtomic(file, serialize(parsed.data)).catch(() => undefined);
  }
  return { settings: parsed.data, reset: null };
}

/**
 * Checks `next` against the schema and saves it atomically. Returns the names of the top-level settings that differ
 * from `previous` (names only: values may hold addresses and secrets). Throws SettingsSaveError with a plain sentence.
 */
export async function saveSettings(dataDir: string, next: Settings, previous: Settings): Promise<{ changedFields: string[] }> {
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) throw new SettingsSaveError(`These settings cannot be saved: ${describeIssue(parsed.error)}.`);
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await writeFileAtomic(settingsPath(dataDir), serialize(parsed.data));
  } catch (error) {
    throw new SettingsSaveError(saveProblem(dataDir, (error as NodeJS.ErrnoException).code));
  }
  const keys = Object.keys(SettingsSchema.shape) as (keyof Settings)[];
  return { changedFields: keys.filter((key) => !isDeepStrictEqual(parsed.data[key], previous[key])) };
}

const serialize = (settings: Settings): string => `${JSON.stringify(settings, null, 2)}\n`;

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

/** Why the settings cannot be saved in `dataDir`, as one plain sentence, from the file system's error code. */
export function saveProblem(dataDir: string, code: string | undefined): string {
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
