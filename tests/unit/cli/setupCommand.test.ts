// `setup --non-interactive` run in-process on a real data folder, with real ntfy, webhook and mail servers on 127.0.0.1:
// what it saves, what it prints (never a secret), that the family is told, the PIN it asks for once one is set, and
// each mistake as one plain sentence, the setup window's own, naming the option.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSetup, setupCommand } from '../../../electron/cli/setupCommand';
import { parseNtfyUrl } from '../../../electron/cli/setupOptions';
import { parseCommandLine } from '../../../electron/cli/options';
import { UsageError } from '../../../electron/cli/usageError';
import { verifyPin } from '../../../electron/guardian/pin/pin';
import { readJournal } from '../../../electron/guardian/store/journal';
import type { JournalRecord } from '../../../shared/journal';
import { SettingsSchema, type Settings } from '../../../shared/settings';
import { startReceiver, type Receiver } from '../../integration/alerts/receiver';
import { startSmtpReceiver, type SmtpReceiver } from '../../integration/alerts/smtpReceiver';

let dir: string;
let ntfy: Receiver;
let hook: Receiver;
let mail: SmtpReceiver;
let relay: SmtpReceiver;

beforeAll(async () => {
  ntfy = await startReceiver(() => 200);
  hook = await startReceiver(() => 200);
  mail = await startSmtpReceiver({ user: 'dave@example.com', password: 's3cret-pass' });
  relay = await startSmtpReceiver({ user: 'unused', password: 'unused', noLogin: true });
});
afterAll(async () => {
  await Promise.all([ntfy.close(), hook.close(), mail.close(), relay.close()]);
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-setup-'));
  for (const received of [ntfy.received, hook.received, mail.messages, relay.messages]) received.length = 0;
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
const setup = (args: string[]) => runSetup(valuesOf(['--non-interactive', ...args]), dir);
const saved = async (): Promise<Settings> => SettingsSchema.parse(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')));
const journal = async (): Promise<JournalRecord[]> => {
  const records: JournalRecord[] = [];
  for await (const record of readJournal(path.join(dir, 'journal'))) records.push(record);
  return records;
};
const basic = ['--person', 'Margaret', '--contact-name', 'Dave'];
const ntfyTopic = () => `${ntfy.url}/pg-family-7f3a9c`;
/** The least a first setup needs, as in the window: a way to reach the contact and a PIN. */
const first = () => [...basic, '--ntfy-url', ntfyTopic(), '--pin', '2468'];

const full = () => [
  ...basic,
  '--contact-phone', '07700 900123',
  '--contact-email', 'dave@example.com',
  '--smtp-url', `smtp://dave%40example.com:s3cret-pass@127.0.0.1:${mail.port}/?tls=off`,
  '--ntfy-url', ntfyTopic(),
  '--ntfy-token', 'tk_abcdefabcdef',
  '--webhook-url', `${hook.url}/alerts/T0K3N-IN-PATH`,
  '--webhook-secret', 'sixteen-chars-secret',
  '--pin', '482193',
  '--region', 'ie',
  '--trust', 'anydesk:123 456 789',
  '--trust', 'TeamViewer:1234567890',
  '--no-start-at-login',
  '--summary-day', 'mon',
  '--summary-time', '08:30',
  '--catalog-url', 'https://lists.example.org/remote-tools.signed.json',
];

describe('setup --non-interactive', () => {
  it('writes every setting given, as the setup window would, and journals the change', async () => {
    const outcome = await setup(full());
    expect(outcome.code).toBe(0);
    const settings = await saved();
    const { pin, ...rest } = settings;
    expect(rest).toEqual({
      version: 1,
      person: 'Margaret',
      pingUrl: null,
      catalogUrl: 'https://lists.example.org/remote-tools.signed.json',
      region: 'IE',
      contacts: [{
        name: 'Dave',
        phone: '07700 900123',
        email: { to: 'dave@example.com', smtpUrl: `smtp://dave%40example.com:s3cret-pass@127.0.0.1:${mail.port}/?tls=off`, from: null },
        ntfy: { server: ntfy.url, topic: 'pg-family-7f3a9c', token: 'tk_abcdefabcdef' },
        webhook: { url: `${hook.url}/alerts/T0K3N-IN-PATH`, secret: 'sixteen-chars-secret' },
      }],
      trustedHelpers: [
        { toolId: 'anydesk', remoteId: '123456789', label: '' },
        { toolId: 'teamviewer', remoteId: '1234567890', label: '' },
      ],
      startAtLogin: false,
      countdownSeconds: 30,
      weeklySummary: { day: 1, hour: 8, minute: 30 },
      setupComplete: true,
    });
    expect(await verifyPin('482193', pin!)).toBe(true);
    expect((await journal()).filter((r) => r.type === 'settings-changed')).toEqual([{
      type: 'settings-changed', at: expect.any(String),
      fields: ['person', 'region', 'contacts', 'pin', 'trustedHelpers', 'startAtLogin', 'weeklySummary', 'catalogUrl', 'setupComplete'],
    }]);
  });

  it('prints one plain line per thing set and per channel the family was told on, never a PIN, password, token, secret or topic', async () => {
    const { lines } = await setup(full());
    expect(lines.slice(0, 13)).toEqual([
      `Settings saved in ${path.join(dir, 'settings.json')}.`,
      'This computer belongs to: Margaret.',
      'Trusted contact: Dave.',
      'Phone number shown on the warning screen: 07700 900123.',
      `Alerts by email to dave@example.com, sent through 127.0.0.1:${mail.port}.`,
      `Push alerts through ntfy at ${ntfy.url}, with an access token.`,
      'Alerts posted to a webhook at 127.0.0.1:' + String(hook.port) + ', signed with the secret given.',
      'Family PIN: set.',
      'Region: Ireland (IE).',
      'Trusted helper: AnyDesk 123456789.',
      'Trusted helper: TeamViewer 1234567890.',
      'Start at login: off.',
      'Weekly summary to Dave: Monday at 8:30 am.',
    ]);
    expect(lines.slice(13).sort()).toEqual(['Dave was told by email.', 'Dave was told by ntfy.', 'Dave was told by webhook.']);
    const printed = lines.join('\n');
    for (const secret of ['482193', 's3cret-pass', 'tk_abcdefabcdef', 'sixteen-chars-secret', 'T0K3N', 'pg-family-7f3a9c']) {
      expect(printed).not.toContain(secret);
    }
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]).toContain("Subject: Margaret's PC: settings were changed");
  });

  it('refuses what the window refuses: no way to reach the contact and no PIN, each in one sentence, nothing written', async () => {
    await expect(setup(basic)).rejects.toThrow(new UsageError([
      '--ntfy-url, --contact-email or --webhook-url: Please choose at least one way for Pause Guard to reach this person: the phone app, email or a webhook.',
      '--pin: Please choose a family PIN of 4 to 8 digits.',
    ].join('\n')));
    expect(await fs.readdir(dir)).not.toContain('settings.json');
  });

  it('refuses a mail server with no login unless --smtp-from gives the sender, then sends through it', async () => {
    const home = `smtp://127.0.0.1:${relay.port}/?tls=off`;
    await expect(setup([...first(), '--contact-email', 'sam@example.test', '--smtp-url', home])).rejects.toThrow(new UsageError(
      '--smtp-from: This mail server address has no email login to send from, so please write the address the alerts are sent from.',
    ));
    expect(await fs.readdir(dir)).not.toContain('settings.json');

    const { code, lines } = await setup([...first(), '--contact-email', 'sam@example.test', '--smtp-url', home, '--smtp-from', 'margaret-pc@example.test']);
    expect(code).toBe(0);
    expect(lines).toContain(`Alerts by email to sam@example.test, sent from margaret-pc@example.test through 127.0.0.1:${relay.port}.`);
    expect(lines).toContain('Dave was told by email.');
    expect((await saved()).contacts[0]?.email).toEqual({ to: 'sam@example.test', smtpUrl: home, from: 'margaret-pc@example.test' });
    expect(relay.messages[0]).toMatch(/^From: Pause Guard <margaret-pc@example\.test>$/m);
    // The sender stays when it is not given again.
    expect(await setup([...basic, '--pin-current', '2468', '--region', 'US'])).toMatchObject({ code: 0 });
    expect((await saved()).contacts[0]?.email?.from).toBe('margaret-pc@example.test');
  });

  it('journals and tells nothing when a run changes nothing (the same setup run twice)', async () => {
    await setup(first());
    ntfy.received.length = 0;
    const again = await setup([...basic, '--pin-current', '2468']);
    expect(again).toMatchObject({ code: 0, changedFields: [] });
    expect(again.lines.filter((line) => line.includes('was told'))).toEqual([]);
    expect((await journal()).filter((r) => r.type === 'settings-changed')).toHaveLength(1);
    expect(ntfy.received).toEqual([]);
  });

  it('keeps the weekly summary\'s day and time unless given, and takes each on its own', async () => {
    await setup([...first(), '--summary-day', 'Friday', '--summary-time', '7:05']);
    expect((await saved()).weeklySummary).toEqual({ day: 5, hour: 7, minute: 5 });
    const again = (args: string[]) => setup([...basic, '--pin-current', '2468', ...args]);
    expect((await again([])).lines).toContain('Weekly summary to Dave: Friday at 7:05 am.');
    expect((await saved()).weeklySummary).toEqual({ day: 5, hour: 7, minute: 5 });
    const { changedFields } = await again(['--summary-time', '21:45']);
    expect(changedFields).toEqual(['weeklySummary']);
    expect((await saved()).weeklySummary).toEqual({ day: 5, hour: 21, minute: 45 });
    await again(['--summary-day', 'SUN']);
    expect((await saved()).weeklySummary).toEqual({ day: 0, hour: 21, minute: 45 });
  });

  it('merges into what is there: same contact keeps its channels, trusted helpers are added once', async () => {
    await setup([...first(), '--contact-email', 'dave@example.com', '--smtp-url', `smtp://dave%40example.com:s3cret-pass@127.0.0.1:${mail.port}/?tls=off`, '--trust', 'anydesk:111222333']);
    const outcome = await setup([...basic, '--pin-current', '2468', '--region', 'US', '--trust', 'anydesk:111 222 333', '--trust', 'rustdesk:987654321']);
    expect(outcome.changedFields).toEqual(['region', 'trustedHelpers']);
    const settings = await saved();
    expect(settings.contacts[0]?.email?.to).toBe('dave@example.com');
    expect(settings.contacts[0]?.ntfy?.topic).toBe('pg-family-7f3a9c');
    expect(settings.trustedHelpers.map((h) => `${h.toolId}:${h.remoteId}`)).toEqual(['anydesk:111222333', 'rustdesk:987654321']);
  });

  it('a different contact name replaces the old contact and its channels', async () => {
    await setup([...first(), '--webhook-url', `${hook.url}/dave`]);
    await setup(['--person', 'Margaret', '--contact-name', 'Sue', '--ntfy-url', `${ntfy.url}/sue-alerts`, '--pin-current', '2468']);
    expect((await saved()).contacts).toEqual([{ name: 'Sue', phone: null, email: null, webhook: null, ntfy: { server: ntfy.url, topic: 'sue-alerts', token: null } }]);
  });

  it('starts over from a damaged settings file, keeping it aside, saying so on stderr and journalling settings-reset', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), '{"version":1,');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await setup(first())).toMatchObject({ code: 0 });
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^The settings could not be used: The settings file was damaged.* They were kept as .*settings\.json\.broken-.*\.\n$/));
    expect((await journal())[0]).toEqual({ type: 'settings-reset', at: expect.any(String), keptAs: expect.stringMatching(/settings\.json\.broken-/), reason: expect.stringMatching(/damaged/) });
    expect((await saved()).person).toBe('Margaret');
  });

  it('fails plainly, saving nothing, when the data folder cannot be made (its path runs through a file)', async () => {
    const file = path.join(dir, 'a-file');
    await fs.writeFile(file, '');
    const outcome = await runSetup(valuesOf(['--non-interactive', ...first()]), path.join(file, 'data'));
    expect(outcome).toMatchObject({ code: 1, problem: `Pause Guard cannot save its settings: ${path.join(file, 'data')} cannot be a folder, because part of that path is a file.` });
  });
});

describe('setup when a family PIN is set', () => {
  beforeEach(async () => {
    await setup(first());
  });

  it('asks for --pin-current, in the window\'s words', async () => {
    await expect(setup([...basic, '--region', 'US'])).rejects.toThrow(new UsageError('--pin-current: Please type the current family PIN to save these changes.'));
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

  it('refuses a wrong PIN (exit 1, nothing changed, journalled, the family told), and locks after five', async () => {
    const before = await fs.readFile(path.join(dir, 'settings.json'), 'utf8');
    const tries = [];
    for (let i = 0; i < 5; i += 1) tries.push(await setup([...basic, '--region', 'US', '--pin-current', '1111']));
    expect(tries[0]).toMatchObject({ code: 1, problem: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute. Nothing was changed.' });
    expect(tries[0]?.lines).toEqual(['Dave was told by ntfy.']);
    expect(tries[4]?.problem).toBe('That PIN is not right. PIN entry is locked for 1 minute. Nothing was changed.');
    const locked = await setup([...basic, '--region', 'US', '--pin-current', '2468']);
    expect(locked).toMatchObject({ code: 1, lines: [], problem: expect.stringMatching(/^PIN entry is locked after too many wrong tries\. Try again in \d+ seconds?\. Nothing was changed\.$/) });
    expect(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).toBe(before);
    const failed = (await journal()).filter((r) => r.type === 'pin-failed');
    expect(failed).toHaveLength(5);
    expect(failed[0]).toMatchObject({ action: 'change-settings', lockedUntil: null });
    expect(failed[4]).toMatchObject({ lockedUntil: expect.any(String) });
  });

  it('finds a mistake in the options before trying the PIN, so it costs no try', async () => {
    await expect(setup([...basic, '--region', 'FR', '--pin-current', '1111'])).rejects.toThrow('--region is one of');
    await expect(setup([...basic, '--webhook-url', 'ftp://x', '--pin-current', '1111'])).rejects.toThrow(
      new UsageError('--webhook-url: A webhook address starts with http:// or https://.'),
    );
    await expect(fs.access(path.join(dir, 'pin-lockout.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await setup([...basic, '--pin-current', '1111'])).toMatchObject({ problem: expect.stringContaining('4 more wrong tries') });
  });
});

describe('mistakes, each one plain sentence (UsageError: exit 2), nothing saved', () => {
  const cases: [string, () => string[], string][] = [
    ['no --person', () => ['--contact-name', 'Dave'], 'setup needs --person NAME: the name of the person this computer belongs to.'],
    ['no --contact-name', () => ['--person', 'Margaret'], 'setup needs --contact-name NAME: the family member who is told when something happens.'],
    ['an empty --person', () => ['--person', ' ', '--contact-name', 'Dave'], '--person needs a value.'],
    ['a --person too long', () => ['--person', 'M'.repeat(61), '--contact-name', 'Dave', ...first().slice(4)], '--person: This is too long: 60 characters at most.'],
    ['--smtp-url alone', () => [...first(), '--smtp-url', 'smtp://mail.example.com'], '--smtp-url needs --contact-email: the address the alerts are sent to.'],
    ['--contact-email with no mail server', () => [...first(), '--contact-email', 'dave@example.com'], '--smtp-url: Please write the mail server address. It starts with smtp:// or smtps://.'],
    ['a bad email address', () => [...first(), '--contact-email', 'dave-at-example', '--smtp-url', 'smtps://d%40example.com:pw@m.example.com'], '--contact-email: That does not look like an email address.'],
    ['a bad mail server address', () => [...first(), '--contact-email', 'dave@example.com', '--smtp-url', 'mail.example.com'], '--smtp-url: Please write the mail server address. It starts with smtp:// or smtps://.'],
    ['?tls=off for a server elsewhere', () => [...first(), '--contact-email', 'dave@example.com', '--smtp-url', 'smtp://d%40example.com:pw@mail.example.com/?tls=off'], '--smtp-url: Encryption can be turned off (?tls=off) only for a mail server on this computer, like smtp://127.0.0.1:25/?tls=off.'],
    ['a bad webhook address', () => [...first(), '--webhook-url', 'ftp://example.com/x'], '--webhook-url: A webhook address starts with http:// or https://.'],
    ['a short webhook secret', () => [...first(), '--webhook-url', 'https://example.com/x', '--webhook-secret', 'short'], '--webhook-secret: This needs at least 16 characters.'],
    ['--ntfy-token with no topic', () => [...basic, '--ntfy-token', 'tk_x'], '--ntfy-token needs --ntfy-url: the topic the token is for.'],
    ['a PIN that is not 4 to 8 digits', () => [...first(), '--pin', '12'], '--pin: A PIN is 4 to 8 digits.'],
    ['an unknown region', () => [...first(), '--region', 'FR'], '--region is one of GB, US, CA, AU, IE.'],
    ['an unknown --summary-day', () => [...first(), '--summary-day', 'funday'], '--summary-day is the day the weekly summary is sent: one of mon, tue, wed, thu, fri, sat, sun.'],
    ['a 12-hour --summary-time', () => [...first(), '--summary-time', '6pm'], '--summary-time is the time the weekly summary is sent, 24-hour HH:MM, e.g. 18:00.'],
    ['a --summary-time past the day', () => [...first(), '--summary-time', '24:00'], '--summary-time is the time the weekly summary is sent, 24-hour HH:MM, e.g. 18:00.'],
    ['--trust without an ID', () => [...first(), '--trust', 'anydesk'], '--trust takes TOOL:ID, e.g. anydesk:123456789 (not "anydesk").'],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    await expect(setup(args())).rejects.toThrow(new UsageError(message));
    expect(await fs.readdir(dir)).not.toContain('settings.json');
  });

  it('an unknown tool for --trust, listing some it knows', async () => {
    await expect(setup([...first(), '--trust', 'anydesc:123'])).rejects.toThrow(
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
    expect(await setupCommand.run({ common: { json: false, dataDir: dir }, values: valuesOf(['--non-interactive', ...first()]), write })).toBe(0);
    expect(write).toHaveBeenCalledWith('Trusted contact: Dave.');
    write.mockClear();
    expect(await setupCommand.run({ common: { json: true, dataDir: dir }, values: valuesOf(['--non-interactive', ...basic, '--region', 'CA', '--pin-current', '2468']), write })).toBe(0);
    expect(write.mock.calls).toEqual([[JSON.stringify({ ok: true, changedFields: ['region'], problem: null })]]);
  });

  it('puts the problem on stderr and returns 1 when saving is refused', async () => {
    await setup(first());
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
