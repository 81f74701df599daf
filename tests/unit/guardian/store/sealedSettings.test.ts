// The settings store with its seal, on real files: what is sealed opens, and every file the seal does not vouch for
// is tampering once settings were sealed for the folder; an unsealed file is adopted only where nothing was sealed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../../shared/settings';
import { openSealStore, type SealStore } from '../../../../electron/guardian/store/sealStore';
import { openSettings, saveSettings } from '../../../../electron/guardian/store/settingsStore';

const now = () => new Date('2026-03-01T10:00:00.000Z');
let root: string;
let dataDir: string;
let seal: SealStore;

const family = (): Settings => ({
  ...defaultSettings(),
  person: 'Mum',
  contacts: [{ name: 'Ann', phone: null, ntfy: { server: 'https://ntfy.sh', topic: 'pg-family', token: null }, email: null, webhook: null }],
  pin: { algorithm: 'scrypt', salt: 's'.repeat(22), hash: 'h'.repeat(43), N: 16384, r: 8, p: 1 },
  setupComplete: true,
});
const settingsFile = (): string => path.join(dataDir, 'settings.json');

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-sealed-settings-'));
  dataDir = path.join(root, 'data');
  seal = await openSealStore({ dataDir, sealDir: path.join(root, 'seal') });
  await saveSettings(dataDir, family(), defaultSettings(), seal);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('sealed settings', () => {
  it('saves a sealed file and a sealed copy outside the data folder, and opens them as they are', async () => {
    expect(JSON.parse(await fs.readFile(settingsFile(), 'utf8')).seal).toMatch(/^[0-9a-f]{64}$/);
    expect(await fs.readdir(seal.copiesDir)).toEqual(['settings.json']);
    expect(seal.copiesDir.startsWith(dataDir)).toBe(false);
    expect(await openSettings({ dataDir, now, seal })).toEqual({ settings: family(), reset: null });
  });

  it('a file edited by hand (seal kept) is tampering: the copy stays in force, the edit is kept aside, the file written back', async () => {
    const edited = JSON.parse(await fs.readFile(settingsFile(), 'utf8'));
    edited.pin = null;
    await fs.writeFile(settingsFile(), JSON.stringify(edited));
    const opened = await openSettings({ dataDir, now, seal });
    expect(opened.settings).toEqual(family());
    expect(opened.tampered).toEqual({
      keptAs: path.join(dataDir, 'settings.json.broken-2026-03-01T10-00-00-000Z'),
      reason: 'The settings file was changed outside Pause Guard.',
      lastGoodKept: true,
    });
    expect(await openSettings({ dataDir, now, seal })).toEqual({ settings: family(), reset: null });
  });

  it('a damaged file is tampering too, named in a plain sentence', async () => {
    await fs.writeFile(settingsFile(), '{"version":1,"per');
    const opened = await openSettings({ dataDir, now, seal });
    expect(opened.tampered?.reason).toBe('The settings file was damaged: it could not be read as settings.');
    expect(opened.settings).toEqual(family());
  });

  it('a file sealed with another key (another folder\'s seal) does not open', async () => {
    const other = await openSealStore({ dataDir: path.join(root, 'other'), sealDir: path.join(root, 'seal') });
    await fs.writeFile(settingsFile(), other.sealedText('settings', { ...family(), pin: null }));
    expect((await openSettings({ dataDir, now, seal })).tampered?.reason).toBe('The settings file was changed outside Pause Guard.');
  });

  it('a save cut off between the copy and the file opens as the copy, without calling it tampering', async () => {
    const newer = { ...family(), region: 'IE' as const };
    await seal.writeCopy('settings', newer);
    expect(await openSettings({ dataDir, now, seal })).toEqual({ settings: newer, reset: null });
  });

  it('with the copy damaged as well, nothing good is left: tampering, with the defaults', async () => {
    await fs.writeFile(path.join(seal.copiesDir, 'settings.json'), '{"version":1,"seal":"00"}');
    await fs.rm(settingsFile());
    const opened = await openSettings({ dataDir, now, seal });
    expect(opened.settings).toEqual(defaultSettings());
    expect(opened.tampered).toMatchObject({ keptAs: null, lastGoodKept: false, reason: 'The settings file was removed. No good sealed copy was left either.' });
  });

  it('only the copy lost: the sealed file is still Pause Guard\'s own and the copy is made again', async () => {
    await fs.rm(path.join(seal.copiesDir, 'settings.json'));
    expect(await openSettings({ dataDir, now, seal })).toEqual({ settings: family(), reset: null });
    expect(await fs.readdir(seal.copiesDir)).toEqual(['settings.json']);
  });
});

describe('adopting settings written before sealing', () => {
  it('adopts an unsealed file only in a folder where nothing was ever sealed, and seals it', async () => {
    const fresh = path.join(root, 'upgraded');
    await fs.mkdir(fresh);
    const unsealed = { version: 1, person: 'Dad', contacts: [] };
    await fs.writeFile(path.join(fresh, 'settings.json'), JSON.stringify(unsealed));
    const freshSeal = await openSealStore({ dataDir: fresh, sealDir: path.join(root, 'seal') });
    const opened = await openSettings({ dataDir: fresh, now, seal: freshSeal });
    expect(opened).toMatchObject({ adopted: true, settings: { person: 'Dad' } });
    expect(JSON.parse(await fs.readFile(path.join(fresh, 'settings.json'), 'utf8')).seal).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a folder where the app ran (its journal head sealed) but nothing was set up yet is still a first run', async () => {
    const fresh = path.join(root, 'ran-before-setup');
    const freshSeal = await openSealStore({ dataDir: fresh, sealDir: path.join(root, 'seal') });
    await freshSeal.writeCopy('journal-head', { firstSeq: 1, seq: 3, hash: 'a'.repeat(64) });
    expect(await openSettings({ dataDir: fresh, now, seal: freshSeal })).toEqual({ settings: defaultSettings(), reset: null });
  });

  it('never adopts an unsealed file where settings were sealed before', async () => {
    await fs.writeFile(settingsFile(), JSON.stringify({ version: 1, person: 'Mum', contacts: [], pin: null }));
    const opened = await openSettings({ dataDir, now, seal });
    expect(opened.adopted).toBeUndefined();
    expect(opened.tampered?.reason).toBe('The settings file was replaced by one Pause Guard did not write.');
    expect(opened.settings).toEqual(family());
  });
});

describe('the sealing key', () => {
  it('a removed key is named, and nothing sealed with the old one opens', async () => {
    await fs.rm(path.join(root, 'seal', 'seal-key.key-file'));
    const again = await openSealStore({ dataDir, sealDir: path.join(root, 'seal') });
    expect(again.keyProblem).toBe("Pause Guard's sealing key was removed.");
    expect((await openSettings({ dataDir, now, seal: again })).tampered?.lastGoodKept).toBe(false);
  });
});
