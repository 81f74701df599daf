// `setup --non-interactive` run in-process on a real data folder: what it saves, what it prints (never a secret),
// the PIN it asks for once one is set (with the lockout), and each mistake as one plain sentence.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSetupCommand, runSetup, setupCommand } from '../../../electron/cli/setupCommand';
import { parseNtfyUrl } from '../../../electron/cli/setupOptions';
import { parseCommandLine } from '../../../electron/cli/options';
import { UsageError } from '../../../electron/cli/usageError';
import { verifyPin } from '../../../electron/guardian/pin';
import { SettingsSchema, type Settings } from '../../../shared/settings';

let dir: string;
let clock: Date;
const now = () => clock;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-setup-'));
  clock = new Date('2025-03-01T10:00:00.000Z');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The values parseArgs gives the command for this command line. */
function valuesOf(args: string[]) {
  const parsed = parseCommandLine(['setup', ...args, '--data-dir', dir], [setupCommand]);
  if (parsed === 'help') throw new Error('help');
  return parsed.values;
}
const setup = (args: string[]) => runSetup(valuesOf(['--non-interactive', ...args]), dir, { now });
const saved = async (): Promise<Settings> => SettingsSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')));
const basic = ['--person', 'Margaret', '--contact-name', 'Dave'];

const full = [
  ...basic,
  '--contact-phone', '07700 900123',
  '--contact-email', 'dave@example.com',
  '--smtp-url', 'smtps://dave%40example.com:s3cret-pass@smtp.example.com:465',
  '--ntfy-url', 'https://ntfy.sh/pg-family-7f3a9c',
  '--ntfy-token', 'tk_abcdefabcdef',
  '--webhook-url', 'https://hooks.example.net/alerts/T0K3N-IN-PATH',
  '--webhook-secret', 'sixteen-chars-secret',
  '--pin', '482193',
  '--region', 'ie',
  '--trust', 'anydesk:123 456 789',
  '--trust', 'TeamViewer:1234567890',
  '--no-start-at-login',
  '--summary-day', 'mon',
  '--summary-time', '08:30',
];

describe('setup --non-interactive', () => {
  it('writes every setting given, as the setup window would', async () => {
    const outcome = await setup(full);
    expect(outcome.code).toBe(0);
    const settings = await saved();
    const { pin, ...rest } = settings;
    expect(rest).toEqual({
      version: 1,
      person: 'Margaret',
      region: 'IE',
      contacts: [{
        name: 'Dave',
        phone: '07700 900123',
        email: { to: 'dave@example.com', smtpUrl: 'smtps://dave%40example.com:s3cret-pass@smtp.example.com:465', from: null },
        ntfy: { server: 'https://ntfy.sh', topic: 'pg-family-7f3a9c', token: 'tk_abcdefabcdef' },
        webhook: { url: 'https://hooks.example.net/alerts/T0K3N-IN-PATH', secret: 'sixteen-chars-secret' },
      }],
      trustedHelpers: [
        { toolId: 'anydesk', remoteId: '123456789', label: '' },
        { toolId: 'teamviewer', remoteId: '1234567890', label: '' },
      ],
      startAtLogin: false,
      countdownSeconds: 30,
      weeklySummary: { day: 1, hour: 8, minute: 30 },
      setupComplete: true,
      pingUrl: null,
    });
    expect(await verifyPin('482193', pin!)).toBe(true);
    expect(outcome.records).toEqual([{
      type: 'settings-changed', at: '2025-03-01T10:00:00.000Z',
      fields: ['person', 'region', 'contacts', 'pin', 'trustedHelpers', 'startAtLogin', 'weeklySummary', 'setupComplete'],
    }]);
  });

  it('saves a heartbeat ping URL with --ping-url, says where the pings go without the secret path, and refuses one that is no web address', async () => {
    const outcome = await setup([...basic, '--ping-url', 'https://hc-ping.com/0f3c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f']);
    expect((await saved()).pingUrl).toBe('https://hc-ping.com/0f3c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f');
    expect(outcome.lines).toContain('Heartbeat pings to hc-ping.com every 5 minutes while Pause Guard runs.');
    expect(outcome.lines.join('\n')).not.toContain('0f3c9a1e');
    await expect(setup([...basic, '--ping-url', 'hc-ping.com/abc'])).rejects.toThrow(
      '--ping-url is the whole address your Healthchecks check shows, starting with https://, e.g. https://hc-ping.com/your-check-code.',
    );
  });

  it('prints one plain line per thing set, and never the PIN, a password, a token, a secret or the topic', async () => {
    const { lines } = await setup(full);
    expect(lines).toEqual([
      `Settings saved in ${path.join(dir, 'settings.json')}.`,
      'This computer belongs to: Margaret.',
      'Trusted contact: Dave.',
      'Phone number shown on the warning screen: 07700 900123.',
      'Alerts by email to dave@example.com, sent through smtp.example.com:465.',
      'Push alerts through ntfy at https://ntfy.sh, with an access token.',
      'Alerts posted to a webhook at hooks.example.net, signed with the secret given.',
      'Family PIN: set.',
      'Region: Ireland (IE).',
      'Trusted helper: AnyDesk 123456789.',
      'Trusted helper: TeamViewer 1234567890.',
      'Start at login: off.',
      'Weekly summary to Dave: Monday at 8:30 am.',
    ]);
    const printed = lines.join('\n');
    for (const secret of ['482193', 's3cret-pass', 'tk_abcdefabcdef', 'sixteen-chars-secret', 'T0K3N', 'pg-family-7f3a9c']) {
      expect(printed).not.toContain(secret);
    }
  });

  it('with only the required options: start at login on, and a note that no PIN is set', async () => {
    const { lines } = await setup(basic);
    expect(lines.slice(1)).toEqual([
      'This computer belongs to: Margaret.',
      'Trusted contact: Dave.',
      'Start at login: on.',
      'Weekly summary to Dave: Sunday at 6:00 pm.',
      'No family PIN is set: pausing protection, changing settings and quitting will ask for a typed word instead.',
    ]);
    expect(await saved()).toMatchObject({ person: 'Margaret', region: 'GB', pin: null, startAtLogin: true, setupComplete: true });
  });

  it('keeps the weekly summary\'s day and time unless given, and takes each on its own', async () => {
    await setup([...basic, '--summary-day', 'Friday', '--summary-time', '7:05']);
    expect((await saved()).weeklySummary).toEqual({ day: 5, hour: 7, minute: 5 });
    expect((await setup(basic)).lines).toContain('Weekly summary to Dave: Friday at 7:05 am.');
    expect((await saved()).weeklySummary).toEqual({ day: 5, hour: 7, minute: 5 });
    const { changedFields } = await setup([...basic, '--summary-time', '21:45']);
    expect(changedFields).toEqual(['weeklySummary']);
    expect((await saved()).weeklySummary).toEqual({ day: 5, hour: 21, minute: 45 });
    await setup([...basic, '--summary-day', 'SUN']);
    expect((await saved()).weeklySummary).toEqual({ day: 0, hour: 21, minute: 45 });
  });

  it('merges into what is there: same contact keeps its channels, trusted helpers are added once', async () => {
    await setup([...basic, '--contact-email', 'dave@example.com', '--smtp-url', 'smtp://mail.example.com:587', '--trust', 'anydesk:111222333']);
    const outcome = await setup([...basic, '--region', 'US', '--trust', 'anydesk:111 222 333', '--trust', 'rustdesk:987654321']);
    expect(outcome.records).toEqual([{ type: 'settings-changed', at: '2025-03-01T10:00:00.000Z', fields: ['region', 'trustedHelpers'] }]);
    const settings = await saved();
    expect(settings.contacts[0]?.email?.to).toBe('dave@example.com');
    expect(settings.trustedHelpers.map((h) => `${h.toolId}:${h.remoteId}`)).toEqual(['anydesk:111222333', 'rustdesk:987654321']);
  });

  it('a different contact name replaces the old contact and its channels', async () => {
    await setup([...basic, '--contact-email', 'dave@example.com', '--smtp-url', 'smtp://mail.example.com:587']);
    await setup(['--person', 'Margaret', '--contact-name', 'Sue', '--ntfy-url', 'https://ntfy.sh/sue-alerts']);
    expect((await saved()).contacts).toEqual([{ name: 'Sue', phone: null, email: null, webhook: null, ntfy: { server: 'https://ntfy.sh', topic: 'sue-alerts', token: null } }]);
  });

  it('starts over from a damaged settings file, keeping it aside and reporting settings-reset', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), '{"version":1,');
    const outcome = await setup(basic);
    const keptAs = path.join(dir, 'settings.json.broken-2025-03-01T10-00-00-000Z');
    expect(outcome.records[0]).toEqual({ type: 'settings-reset', at: '2025-03-01T10:00:00.000Z', keptAs, reason: expect.stringMatching(/damaged/) });
    expect(outcome.lines[0]).toMatch(/^The old settings could not be used: The settings file was damaged.* They were kept as .*broken-2025-03-01T10-00-00-000Z\.$/);
    expect((await saved()).person).toBe('Margaret');
  });

  it('fails plainly, saving nothing, when the data folder cannot be made (its path runs through a file)', async () => {
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, '');
    const outcome = await runSetup(valuesOf(['--non-interactive', ...basic]), path.join(file, 'data'), { now });
    expect(outcome).toMatchObject({ code: 1, problem: `Pause Guard cannot save its settings: ${path.join(file, 'data')} cannot be a folder, because part of that path is a file.` });
  });
});

describe('setup when a family PIN is set', () => {
  beforeEach(async () => {
    await setup([...basic, '--pin', '2468', '--contact-email', 'dave@example.com', '--smtp-url', 'smtp://mail.example.com:587']);
  });

  it('asks for --pin-current', async () => {
    await expect(setup([...basic, '--region', 'US'])).rejects.toThrow(new UsageError('A family PIN is set: give it with --pin-current DIGITS to change the settings.'));
  });

  it('changes the settings with the right PIN, keeping the PIN', async () => {
    const before = await saved();
    const outcome = await setup([...basic, '--region', 'US', '--pin-current', '2468']);
    expect(outcome).toMatchObject({ code: 0, changedFields: ['region'] });
    expect((await saved()).pin).toEqual(before.pin);
  });

  it('changes the PIN itself with the right current PIN', async () => {
    const { lines } = await setup([...basic, '--pin', '97531', '--pin-current', '2468']);
    expect(lines).toContain('Family PIN: changed.');
    expect(await verifyPin('97531', (await saved()).pin!)).toBe(true);
  });

  it('refuses a wrong PIN (exit 1, nothing changed, pin-failed to journal), and locks after five', async () => {
    const before = await fs.readFile(path.join(dir, 'settings.json'), 'utf8');
    const tries = [];
    for (let i = 0; i < 5; i += 1) tries.push(await setup([...basic, '--region', 'US', '--pin-current', '1111']));
    expect(tries[0]).toMatchObject({
      code: 1, lines: [],
      problem: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute. Nothing was changed.',
      records: [{ type: 'pin-failed', at: '2025-03-01T10:00:00.000Z', action: 'change-settings', lockedUntil: null }],
    });
    expect(tries[4]?.records).toEqual([{ type: 'pin-failed', at: '2025-03-01T10:00:00.000Z', action: 'change-settings', lockedUntil: '2025-03-01T10:01:00.000Z' }]);
    const locked = await setup([...basic, '--region', 'US', '--pin-current', '2468']);
    expect(locked).toMatchObject({ code: 1, records: [], problem: 'PIN entry is locked after too many wrong tries. Try again in 1 minute. Nothing was changed.' });
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
    clock = new Date('2025-03-01T10:01:00.000Z');
    expect(await setup([...basic, '--region', 'US', '--pin-current', '2468'])).toMatchObject({ code: 0 });
  });

  it('finds a mistake in the options before trying the PIN, so it costs no try', async () => {
    await expect(setup([...basic, '--region', 'FR', '--pin-current', '1111'])).rejects.toThrow('--region is one of');
    await expect(setup([...basic, '--webhook-url', 'ftp://x', '--pin-current', '1111'])).rejects.toThrow('--webhook-url: ');
    await expect(fs.access(path.join(dir, 'pin-lockout.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await setup([...basic, '--pin-current', '1111'])).toMatchObject({ problem: expect.stringContaining('4 more wrong tries') });
  });

  it('hands each record to onRecord as it happens, with the data folder', async () => {
    const onRecord = vi.fn();
    await runSetup(valuesOf(['--non-interactive', ...basic, '--pin-current', '0000']), dir, { now, onRecord });
    expect(onRecord).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ type: 'pin-failed' }), dir);
  });
});

describe('mistakes, each one plain sentence (UsageError: exit 2), nothing saved', () => {
  const cases: [string, string[], string][] = [
    ['no --person', ['--contact-name', 'Dave'], 'setup needs --person NAME: the name of the person this computer belongs to.'],
    ['no --contact-name', ['--person', 'Margaret'], 'setup needs --contact-name NAME: the family member who is told when something happens.'],
    ['an empty --person', ['--person', ' ', '--contact-name', 'Dave'], '--person needs a value.'],
    ['--smtp-url alone', [...basic, '--smtp-url', 'smtp://mail.example.com'], '--smtp-url needs --contact-email: the address the alerts are sent to.'],
    ['--contact-email with no mail server', [...basic, '--contact-email', 'dave@example.com'], '--contact-email needs --smtp-url: the mail server that sends the alerts, e.g. smtps://user:password@smtp.example.com:465.'],
    ['a bad email address', [...basic, '--contact-email', 'dave-at-example', '--smtp-url', 'smtp://m.example.com'], '--contact-email: That does not look like an email address.'],
    ['a bad mail server address', [...basic, '--contact-email', 'dave@example.com', '--smtp-url', 'mail.example.com'], '--smtp-url: The mail server address starts with smtp:// or smtps://.'],
    ['a bad webhook address', [...basic, '--webhook-url', 'ftp://example.com/x'], '--webhook-url: A webhook address starts with http:// or https://.'],
    ['a short webhook secret', [...basic, '--webhook-url', 'https://example.com/x', '--webhook-secret', 'short'], '--webhook-secret must be at least 16 characters.'],
    ['--ntfy-token with no topic', [...basic, '--ntfy-token', 'tk_x'], '--ntfy-token needs --ntfy-url: the topic the token is for.'],
    ['a PIN that is not 4 to 8 digits', [...basic, '--pin', '12'], '--pin: A PIN is 4 to 8 digits.'],
    ['an unknown region', [...basic, '--region', 'FR'], '--region is one of GB, US, CA, AU, IE.'],
    ['an unknown --summary-day', [...basic, '--summary-day', 'funday'], '--summary-day is the day the weekly summary is sent: one of mon, tue, wed, thu, fri, sat, sun.'],
    ['a 12-hour --summary-time', [...basic, '--summary-time', '6pm'], '--summary-time is the time the weekly summary is sent, 24-hour HH:MM, e.g. 18:00.'],
    ['a --summary-time past the day', [...basic, '--summary-time', '24:00'], '--summary-time is the time the weekly summary is sent, 24-hour HH:MM, e.g. 18:00.'],
    ['--trust without an ID', [...basic, '--trust', 'anydesk'], '--trust takes TOOL:ID, e.g. anydesk:123456789 (not "anydesk").'],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    await expect(setup(args)).rejects.toThrow(new UsageError(message));
    await expect(fs.access(path.join(dir, 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('an unknown tool for --trust, listing some it knows', async () => {
    await expect(setup([...basic, '--trust', 'anydesc:123'])).rejects.toThrow(
      /^--trust: "anydesc" is not a tool Pause Guard knows\. Some it knows: anydesk, teamviewer, ultraviewer, [a-z-, ]+ \(\d+ in all\)\.$/,
    );
  });

  it('without --non-interactive, points to the app\'s setup window', async () => {
    const context = { common: { json: false, dataDir: dir }, values: valuesOf(basic), write: vi.fn() };
    await expect(setupCommand.run(context)).rejects.toThrow(
      new UsageError('The interactive setup is the Pause Guard app\'s setup window. To write the settings from a script, add --non-interactive.'),
    );
  });
});

describe('the command', () => {
  it('writes the lines, or with --json one object', async () => {
    const write = vi.fn();
    const command = createSetupCommand({ now });
    expect(await command.run({ common: { json: false, dataDir: dir }, values: valuesOf(['--non-interactive', ...basic]), write })).toBe(0);
    expect(write).toHaveBeenCalledWith('Trusted contact: Dave.');
    write.mockClear();
    expect(await command.run({ common: { json: true, dataDir: dir }, values: valuesOf(['--non-interactive', ...basic, '--region', 'CA']), write })).toBe(0);
    expect(write.mock.calls).toEqual([[JSON.stringify({ ok: true, changedFields: ['region'], problem: null })]]);
  });

  it('puts the problem on stderr and returns 1 when saving is refused', async () => {
    await setup([...basic, '--pin', '2468']);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await setupCommand.run({ common: { json: false, dataDir: dir }, values: valuesOf(['--non-interactive', ...basic, '--pin-current', '1357']), write: vi.fn() });
    expect(code).toBe(1);
    expect(stderr).toHaveBeenCalledWith('That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute. Nothing was changed.\n');
  });
});

describe('parseNtfyUrl', () => {
  it('splits a topic URL into server and topic, keeping a server\'s own path', () => {
    expect(parseNtfyUrl('https://ntfy.sh/mytopic')).toEqual({ server: 'https://ntfy.sh', topic: 'mytopic' });
    expect(parseNtfyUrl('https://push.example.org/ntfy/family_alerts/')).toEqual({ server: 'https://push.example.org/ntfy', topic: 'family_alerts' });
    expect(parseNtfyUrl('http://127.0.0.1:8080/t1')).toEqual({ server: 'http://127.0.0.1:8080', topic: 't1' });
  });

  it('explains addresses it cannot use', () => {
    expect(() => parseNtfyUrl('ntfy.sh/mytopic')).toThrow('--ntfy-url is the full address of the topic, e.g. https://ntfy.sh/your-topic.');
    expect(() => parseNtfyUrl('ftp://ntfy.sh/mytopic')).toThrow('--ntfy-url starts with https://');
    expect(() => parseNtfyUrl('https://ntfy.sh/')).toThrow('--ntfy-url must end with the topic');
    expect(() => parseNtfyUrl('https://ntfy.sh/my topic')).toThrow('only letters, digits, - and _');
    expect(() => parseNtfyUrl('https://ntfy.sh/t?auth=x')).toThrow('without ? or #');
    expect(() => parseNtfyUrl('https://me:pw@ntfy.sh/t')).toThrow('must not hold a login; give an access token with --ntfy-token.');
  });
});
