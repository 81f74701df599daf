// The settings store on real files: first start, save and reopen, damaged and unknown files kept aside with safe defaults.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '../../../../shared/settings';
import { openSettings, saveSettings, SettingsSaveError } from '../../../../electron/guardian/store/settingsStore';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const now = () => new Date('2025-03-01T10:00:00.000Z');
const keptName = 'settings.json.broken-2025-03-01T10-00-00-000Z';
let dir: string;

const configured = (): Settings => ({
  ...defaultSettings(),
  person: 'Margaret',
  region: 'IE',
  contacts: [{ name: 'Dave', phone: '087 123 4567', ntfy: { server: 'https://ntfy.sh', topic: 'pg-abc', token: null }, email: null, webhook: null }],
  setupComplete: true,
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-settings-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function expectKeptAside(content: string, reasonPattern: RegExp): Promise<void> {
  await fs.writeFile(path.join(dir, 'settings.json'), content);
  const opened = await openSettings({ dataDir: dir, now });
  expect(opened.settings).toEqual(defaultSettings());
  expect(opened.reset).toEqual({ keptAs: path.join(dir, keptName), reason: expect.stringMatching(reasonPattern) });
  expect(opened.reset?.reason).toMatch(/^[A-Z].*\.$/);
  expect(await fs.readFile(path.join(dir, keptName), 'utf8')).toBe(content);
  expect(await fs.readdir(dir)).toEqual([keptName]);
}

describe('openSettings', () => {
  it('on first start (no file, even no folder) gives protection with the defaults and is not a reset', async () => {
    for (const dataDir of [dir, path.join(dir, 'not-made-yet')]) {
      const opened = await openSettings({ dataDir, now });
      expect(opened).toEqual({ settings: defaultSettings(), reset: null });
      expect(opened.settings).toMatchObject({ region: 'GB', pin: null, contacts: [], startAtLogin: true });
    }
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reads back what saveSettings wrote, and saveSettings names only the fields that changed', async () => {
    const first = await saveSettings(dir, configured(), defaultSettings());
    expect(first.changedFields.sort()).toEqual(['contacts', 'person', 'region', 'setupComplete']);
    const opened = await openSettings({ dataDir: dir, now });
    expect(opened).toEqual({ settings: configured(), reset: null });
    const second = await saveSettings(dir, { ...configured(), countdownSeconds: 45 }, opened.settings);
    expect(second.changedFields).toEqual(['countdownSeconds']);
    expect((await openSettings({ dataDir: dir, now })).settings.countdownSeconds).toBe(45);
  });

  it('saves into a data folder that does not exist yet, owner-only', async () => {
    const dataDir = path.join(dir, 'Pause Guard');
    await saveSettings(dataDir, configured(), defaultSettings());
    expect((await fs.stat(path.join(dataDir, 'settings.json'))).mode & 0o777).toBe(0o600);
  });

  it('refuses to save settings the schema rejects, with a plain message, and writes nothing', async () => {
    const bad = { ...configured(), region: 'FR' } as unknown as Settings;
    await expect(saveSettings(dir, bad, defaultSettings())).rejects.toThrow(/^These settings cannot be saved: region: /);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('keeps a damaged (non-JSON) file aside, never deleting it, and starts with the defaults', async () => {
    await expectKeptAside('{"version":1,"person":"Marg', /damaged/);
  });

  it('keeps an empty file aside', async () => {
    await expectKeptAside('', /damaged/);
  });

  it('keeps a file with a value the schema rejects aside, naming the field', async () => {
    await expectKeptAside(JSON.stringify({ ...configured(), region: 'FR' }), /cannot use \(region: /);
  });

  it('keeps a file that is not a settings object aside', async () => {
    await expectKeptAside('[1,2,3]', /did not hold settings/);
    await fs.rm(path.join(dir, keptName));
    await expectKeptAside('{"version":"one"}', /no usable version/);
  });

  it('keeps a file from a newer version aside rather than guessing at it', async () => {
    await expectKeptAside(JSON.stringify({ ...configured(), version: SETTINGS_VERSION + 1 }), /newer version of Pause Guard \(settings version 2; this version reads up to 1\)/);
  });

  it('keeps a file far too large to be settings aside without reading it', async () => {
    await expectKeptAside(' '.repeat(2 * 1024 * 1024), /far too large/);
  });

  it('keeps a folder in the way of the settings file aside', async () => {
    await fs.mkdir(path.join(dir, 'settings.json'));
    const opened = await openSettings({ dataDir: dir, now });
    expect(opened.reset).toEqual({ keptAs: path.join(dir, keptName), reason: 'The settings file was not a file.' });
    expect((await fs.stat(path.join(dir, keptName))).isDirectory()).toBe(true);
  });

  it('never overwrites an earlier kept file: a second reset in the same millisecond gets its own name', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), 'first');
    await openSettings({ dataDir: dir, now });
    await fs.writeFile(path.join(dir, 'settings.json'), 'second');
    const opened = await openSettings({ dataDir: dir, now });
    expect(opened.reset?.keptAs).toBe(path.join(dir, `${keptName}-2`));
    expect(await fs.readFile(path.join(dir, keptName), 'utf8')).toBe('first');
    expect(await fs.readFile(path.join(dir, `${keptName}-2`), 'utf8')).toBe('second');
  });

  it('reads a file saved by an editor with a byte-order mark (an unsealed file from before sealing: adopted)', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), `\uFEFF${JSON.stringify(configured())}`);
    expect(await openSettings({ dataDir: dir, now })).toEqual({ settings: configured(), reset: null, adopted: true });
  });
});

describe('a data folder that cannot be written', () => {
  it('a data folder path running through a file (ENOTDIR): opening gives the defaults, saving says part of the path is a file', async () => {
    await fs.writeFile(path.join(dir, 'a-file'), '');
    const dataDir = path.join(dir, 'a-file', 'Pause Guard');
    expect(await openSettings({ dataDir, now })).toEqual({ settings: defaultSettings(), reset: null });
    await expect(saveSettings(dataDir, configured(), defaultSettings())).rejects.toThrow(
      new SettingsSaveError(`Pause Guard cannot save its settings: ${dataDir} cannot be a folder, because part of that path is a file.`),
    );
  });

  describe('read-only bind mount (EROFS, in a private mount namespace)', () => {
    /** Runs the fixture with `dir` bind-mounted read-only in a mount namespace of its own. */
    async function inReadOnlyFolder(): Promise<{ settings: Settings; reset: unknown; saveError: string | null }> {
      const rootless = process.getuid?.() !== 0;
      const { stdout } = await run(
        'unshare',
        [rootless ? '-rm' : '-m', 'sh', '-c', 'mount --bind -o ro "$1" "$1" && exec "$2" --import tsx "$3" "$1"', 'sh',
          dir, process.execPath, path.join(repoRoot, 'tests/fixtures/store/settingsInReadOnlyFolder.ts')],
        { cwd: repoRoot },
      );
      return JSON.parse(stdout) as { settings: Settings; reset: unknown; saveError: string | null };
    }

    it('reads the settings, and saving fails with the plain read-only message', async () => {
      await saveSettings(dir, configured(), defaultSettings());
      const result = await inReadOnlyFolder();
      expect(result).toEqual({
        settings: configured(),
        reset: null,
        saveError: `Pause Guard cannot save its settings: the folder ${dir} is read-only.`,
      });
    });

    it('with a damaged file: protection starts with the defaults and the file stays where it is (keptAs null)', async () => {
      await fs.writeFile(path.join(dir, 'settings.json'), 'not json');
      const result = await inReadOnlyFolder();
      expect(result.settings).toEqual(defaultSettings());
      expect(result.reset).toEqual({ keptAs: null, reason: expect.stringMatching(/damaged/) });
      expect(await fs.readdir(dir)).toEqual(['settings.json']);
    });

    it('with an older-version file: migrated in memory, the file left unchanged', async () => {
      const v0 = await fs.readFile(path.join(repoRoot, 'tests/fixtures/store/settings-v0.json'), 'utf8');
      await fs.writeFile(path.join(dir, 'settings.json'), v0);
      const result = await inReadOnlyFolder();
      expect(result.reset).toBeNull();
      expect(result.settings.person).toBe('Margaret');
      expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(v0);
    });
  });
});
