// Migrations on real files: the pre-release (version 0) layout brought up to the current schema and written back.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, SettingsSchema } from '../../../../shared/settings';
import { verifyPin } from '../../../../electron/guardian/pin/pin';
import { MIGRATIONS } from '../../../../electron/guardian/store/settingsMigrations';
import { openSettings } from '../../../../electron/guardian/store/settingsStore';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const now = () => new Date('2025-03-01T10:00:00.000Z');
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-migrate-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeV0(changes: Record<string, unknown> = {}): Promise<void> {
  const v0 = JSON.parse(await fs.readFile(path.join(repoRoot, 'tests/fixtures/store/settings-v0.json'), 'utf8')) as Record<string, unknown>;
  await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...v0, ...changes }));
}

describe('settings migrations', () => {
  it('has one step for every version before the current one', () => {
    expect(MIGRATIONS).toHaveLength(SETTINGS_VERSION);
  });

  it('brings a version-0 file up to date: contact channels, region, hashed PIN, helpers, start at login', async () => {
    await writeV0();
    const { settings, reset } = await openSettings({ dataDir: dir, now });
    expect(reset).toBeNull();
    const { pin, ...rest } = settings;
    expect(rest).toEqual({
      version: SETTINGS_VERSION,
      person: 'Margaret',
      region: 'GB',
      contacts: [{
        name: 'Dave',
        phone: '07700 900123',
        email: { to: 'dave@example.com', smtpUrl: 'smtps://dave%40example.com:app-password@smtp.example.com:465', from: null },
        ntfy: { server: 'https://ntfy.sh', topic: 'pg-7f3a9c2e1b', token: null },
        webhook: null,
      }],
      trustedHelpers: [
        { toolId: 'anydesk', remoteId: '123456789', label: '' },
        { toolId: 'teamviewer', remoteId: '1234567890', label: '' },
      ],
      startAtLogin: false,
      countdownSeconds: 30,
      weeklySummary: { day: 0, hour: 18, minute: 0 },
      setupComplete: true,
      pingUrl: null,
      catalogUrl: null,
    });
    expect(pin).not.toBeNull();
    expect(await verifyPin('4821', pin!)).toBe(true);
    expect(await verifyPin('4822', pin!)).toBe(false);
  });

  it('writes the migrated file back (no PIN in clear any more), so the next start reads it as it is', async () => {
    await writeV0();
    const first = await openSettings({ dataDir: dir, now });
    const written = await fs.readFile(path.join(dir, 'settings.json'), 'utf8');
    expect(SettingsSchema.parse(JSON.parse(written))).toEqual(first.settings);
    expect(written).not.toContain('4821');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
    expect(first.adopted).toBe(true);
    const second = await openSettings({ dataDir: dir, now });
    expect(second).toEqual({ settings: first.settings, reset: null });
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(written);
  });

  it('migrates a version-0 file that says version 0, with no contact and no PIN', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ version: 0, name: 'Bill', region: 'US' }));
    const { settings, reset } = await openSettings({ dataDir: dir, now });
    expect(reset).toBeNull();
    expect(settings).toMatchObject({ person: 'Bill', region: 'US', contacts: [], pin: null, startAtLogin: true, setupComplete: false });
  });

  it('keeps aside a version-0 file it cannot bring up to date, saying why', async () => {
    await writeV0({ smtpUrl: null });
    const { settings, reset } = await openSettings({ dataDir: dir, now });
    expect(settings.person).toBeNull();
    expect(reset).toEqual({
      keptAs: path.join(dir, 'settings.json.broken-2025-03-01T10-00-00-000Z'),
      reason: 'The settings file from an older version of Pause Guard could not be updated (an email contact needs a mail server).',
    });
  });

  it('keeps aside a version-0 file whose migrated values the schema rejects (a bad email address)', async () => {
    await writeV0({ contactEmail: 'not-an-address' });
    const { reset } = await openSettings({ dataDir: dir, now });
    expect(reset?.reason).toMatch(/^The settings file held a value Pause Guard cannot use \(contacts\.0\.email\.to: That does not look like an email address\.\)\.$/);
  });
});
