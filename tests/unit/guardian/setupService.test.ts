// The setup service on real data folders: what the window sees (never a secret), the plain messages, the PIN flows,
// secrets kept when their fields are left empty, and a folder that cannot hold the settings.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SetupInput, SetupView, TestAlertResult } from '../../../shared/setup';
import type { Settings } from '../../../shared/settings';
import { FIELD_MESSAGES } from '../../../shared/setupFields';
import { loadCatalog } from '../../../electron/guardian/catalog';
import { createPinGate, type PinCheckResult } from '../../../electron/guardian/pin/pinGate';
import { createSetupService, type SetupService } from '../../../electron/guardian/setupService';
import { openSettings } from '../../../electron/guardian/store/settingsStore';

const catalog = loadCatalog();
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-setup-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The service wired as the app wires it: one PIN gate on the saved settings' hash, refreshed after every save. */
async function serviceFor(dataDir: string, clock: { now: Date } = { now: new Date('2025-05-06T10:00:00Z') }) {
  let current: Settings = (await openSettings({ dataDir })).settings;
  const saves: string[][] = [];
  const wrongPins: PinCheckResult[] = [];
  const testAlert: TestAlertResult = { results: [{ channel: 'ntfy', ok: true, message: 'ntfy: OK' }] };
  const service = createSetupService({
    dataDir,
    catalog,
    pinGate: createPinGate({ getHash: () => current.pin, now: () => clock.now, stateFile: path.join(dataDir, 'pin-lockout.json') }),
    onSaved: (changedFields, settings) => {
      saves.push(changedFields);
      current = settings;
    },
    onWrongPin: (result) => {
      wrongPins.push(result);
    },
    sendTestAlert: async () => testAlert,
  });
  return { service, saves, wrongPins, clock, testAlert };
}

const SMTP_PASSWORD = 'app-pass-Zq81x';
const NTFY_TOKEN = 'tk_secretntfytoken123';
const WEBHOOK_SECRET = 'hook-secret-0123456789abcdef';

function fullInput(overrides: Partial<SetupInput> = {}): SetupInput {
  return {
    person: '  Margaret ',
    region: 'IE',
    contact: {
      name: 'Dave',
      phone: '+353 87 123 4567',
      ntfy: { server: 'https://ntfy.example.org', topic: 'pg_family_alerts', token: NTFY_TOKEN },
      email: { to: 'dave@example.com', smtpUrl: `smtps://dave%40example.com:${SMTP_PASSWORD}@smtp.example.com:465`, from: '' },
      webhook: { url: 'https://home.example.org/api/webhook/pg', secret: WEBHOOK_SECRET },
    },
    newPin: '4826',
    newPinAgain: '4826',
    trustedHelpers: [{ toolId: 'anydesk', remoteId: '123 456 789', label: "Dave's AnyDesk" }],
    startAtLogin: true,
    weeklySummary: { day: 0, hour: 18, minute: 0 },
    currentPin: '',
    ...overrides,
  };
}

/** The settings as the window sees them once the PIN is given (or before one is set); fails the test when locked. */
async function openView(service: SetupService, pin?: string): Promise<SetupView> {
  const view = await service.view(pin === undefined ? undefined : { pin });
  if (view.locked) throw new Error(`The setup stayed locked: ${view.message ?? 'no PIN given'}`);
  return view;
}

const readSettingsFile = async (dataDir: string): Promise<string> => fs.readFile(path.join(dataDir, 'settings.json'), 'utf8');

describe('setup service: view', () => {
  it('shows the safe defaults before setup, one fresh ntfy topic with its QR code, and every catalog tool', async () => {
    const { service } = await serviceFor(dir);
    const view = await openView(service);
    expect(view).toMatchObject({ person: null, region: 'GB', contacts: [], trustedHelpers: [], startAtLogin: true, pinSet: false, setupComplete: false });
    const { ntfySuggestion } = view;
    expect(ntfySuggestion.server).toBe('https://ntfy.sh');
    expect(ntfySuggestion.topic).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
    expect(ntfySuggestion.subscribeUrl).toBe(`https://ntfy.sh/${ntfySuggestion.topic}`);
    expect(ntfySuggestion.qrSvg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect((await openView(service)).ntfySuggestion.topic).toBe(ntfySuggestion.topic);
    expect(view.trustableTools).toHaveLength(catalog.tools.length);
    expect(view.trustableTools).toContainEqual({ toolId: 'anydesk', name: 'AnyDesk' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('never returns a secret: not the mail password, the ntfy token, the webhook secret, the PIN or its hash', async () => {
    const { service } = await serviceFor(dir);
    expect(await service.save(fullInput())).toEqual({ ok: true, fieldErrors: {}, message: null, changedFields: expect.any(Array), refused: null });
    const onDisk = JSON.parse(await readSettingsFile(dir)) as Settings;

    const view = await openView(service, '4826');
    const json = JSON.stringify(view);
    for (const secret of [SMTP_PASSWORD, NTFY_TOKEN, WEBHOOK_SECRET, '4826', onDisk.pin!.hash, onDisk.pin!.salt]) {
      expect(json).not.toContain(secret);
    }
    expect(view.contacts).toEqual([
      {
        name: 'Dave',
        phone: '+353 87 123 4567',
        ntfy: { server: 'https://ntfy.example.org', topic: 'pg_family_alerts', hasToken: true },
        email: { to: 'dave@example.com', smtpHost: 'smtp.example.com', hasPassword: true, from: null, sendsFromLogin: true },
        webhook: { url: 'https://home.example.org/api/webhook/pg', hasSecret: true },
      },
    ]);
    expect(view).toMatchObject({ person: 'Margaret', region: 'IE', pinSet: true, setupComplete: true });
    expect(view.ntfySuggestion).toMatchObject({ server: 'https://ntfy.example.org', topic: 'pg_family_alerts' });
    expect(view.trustedHelpers).toEqual([{ toolId: 'anydesk', remoteId: '123456789', label: "Dave's AnyDesk" }]);
  });
});

describe('setup service: before the PIN', () => {
  it('shows only whose computer it is and the contact\'s name and phone until the PIN is given; a wrong PIN is counted and told', async () => {
    const { service, wrongPins } = await serviceFor(dir);
    await service.save(fullInput());
    const locked = { locked: true, person: 'Margaret', contact: { name: 'Dave', phone: '+353 87 123 4567' } };
    expect(await service.view()).toEqual({ ...locked, message: null });
    expect(await service.view({ pin: '1111' })).toEqual({ ...locked, message: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.' });
    expect(await service.view({ pin: '12' })).toEqual({ ...locked, message: 'A PIN is 4 to 8 digits.' });
    expect(wrongPins).toEqual([expect.objectContaining({ reason: 'wrong', action: 'change-settings' })]);
    expect(await service.view({ pin: '4826' })).toMatchObject({ locked: false, contacts: [{ ntfy: { topic: 'pg_family_alerts' } }] });
  });
});

describe('setup service: save', () => {
  it('writes the settings with the PIN hashed, never in clear, and says which settings changed', async () => {
    const { service, saves } = await serviceFor(dir);
    expect((await service.save(fullInput())).ok).toBe(true);
    const text = await readSettingsFile(dir);
    expect(text).not.toContain('4826');
    const saved = JSON.parse(text) as Settings;
    expect(saved.pin).toMatchObject({ algorithm: 'scrypt', salt: expect.stringMatching(/^[0-9a-f]{32}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(saved).toMatchObject({
      person: 'Margaret',
      region: 'IE',
      trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789', label: "Dave's AnyDesk" }],
      startAtLogin: true,
      setupComplete: true,
      countdownSeconds: 30,
    });
    expect(saved.contacts[0]?.email).toEqual({ to: 'dave@example.com', smtpUrl: `smtps://dave%40example.com:${SMTP_PASSWORD}@smtp.example.com:465`, from: null });
    expect(saves).toEqual([['person', 'region', 'contacts', 'pin', 'trustedHelpers', 'setupComplete']]);
  });

  it('answers each field that needs fixing with its own plain sentence, and saves nothing', async () => {
    const { service, saves } = await serviceFor(dir);
    const result = await service.save(
      fullInput({
        person: '   ',
        contact: {
          name: '',
          phone: 'call me',
          ntfy: { server: 'not a server', topic: 'has spaces in it', token: '' },
          email: { to: 'dave.example.com', smtpUrl: 'mail.example.com', from: '' },
          webhook: { url: 'ftp://files.example.com', secret: 'short' },
        },
        newPin: '12a4',
        newPinAgain: '12a4',
        trustedHelpers: [{ toolId: 'not-a-tool', remoteId: '   ', label: '' }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      refused: 'answers',
      changedFields: [],
      message: 'Some answers need a change before they can be saved. Each one is marked.',
      fieldErrors: {
        person: 'Please write the name of the person who uses this computer.',
        'contact.name': 'Please give the contact a name.',
        'contact.phone': 'A phone number uses digits, spaces and + ( ) - only.',
        'contact.ntfy.server': 'That does not look like a web address. It starts with https://.',
        'contact.ntfy.topic': 'An ntfy topic uses only letters, digits, - and _.',
        'contact.email.to': 'That does not look like an email address.',
        'contact.email.smtpUrl': 'Please write the mail server address. It starts with smtp:// or smtps://.',
        'contact.webhook.url': 'A webhook address starts with http:// or https://.',
        'contact.webhook.secret': 'This needs at least 16 characters.',
        newPin: 'A PIN is 4 to 8 digits.',
        'trustedHelpers.0.toolId': 'Please choose the program this helper uses.',
        'trustedHelpers.0.remoteId': 'Please write the helper’s ID, as their program shows it.',
      },
    });
    expect(saves).toEqual([]);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('asks for a first PIN, for both PINs to match, and for at least one way to reach the contact', async () => {
    const { service } = await serviceFor(dir);
    const noPin = await service.save(fullInput({ newPin: '', newPinAgain: '' }));
    expect(noPin.fieldErrors).toEqual({ newPin: 'Please choose a family PIN of 4 to 8 digits.' });
    const mismatch = await service.save(fullInput({ newPinAgain: '4862' }));
    expect(mismatch.fieldErrors).toEqual({ newPinAgain: 'The two PINs are not the same. Please type the PIN again.' });
    const noChannel = await service.save(fullInput({ contact: { name: 'Dave', phone: '', ntfy: null, email: null, webhook: null } }));
    expect(noChannel.fieldErrors).toEqual({
      'contact.channels': 'Please choose at least one way for Pause Guard to reach this person: the phone app, email or a webhook.',
    });
    const noHost = await service.save(fullInput({ contact: { ...fullInput().contact, email: { to: 'dave@example.com', smtpUrl: 'smtps:///', from: '' } } }));
    expect(noHost.fieldErrors).toEqual({
      'contact.email.smtpUrl': 'The mail server address needs the server’s name, like smtps://ann@gmail.com:app-password@smtp.gmail.com:465.',
    });
    const noLogin = await service.save(fullInput({ contact: { ...fullInput().contact, email: { to: 'dave@example.com', smtpUrl: 'smtp://dave:pw@smtp.example.com:587', from: '' } } }));
    expect(noLogin.fieldErrors).toEqual({
      'contact.email.from': 'This mail server address has no email login to send from, so please write the address the alerts are sent from.',
    });
  });

  it('takes a mail server with no login (a home relay) only with a sender address, and ?tls=off only on this computer', async () => {
    const { service } = await serviceFor(dir);
    const withEmail = (email: NonNullable<SetupInput['contact']['email']>) => fullInput({ contact: { ...fullInput().contact, email } });
    const relay = 'smtp://127.0.0.1:2525/?tls=off';
    expect((await service.save(withEmail({ to: 'sam@example.test', smtpUrl: relay, from: '' }))).fieldErrors).toEqual({
      'contact.email.from': 'This mail server address has no email login to send from, so please write the address the alerts are sent from.',
    });
    expect((await service.save(withEmail({ to: 'sam@example.test', smtpUrl: relay, from: 'pc' }))).fieldErrors).toEqual({
      'contact.email.from': 'That does not look like an email address.',
    });
    expect((await service.save(withEmail({ to: 'sam@example.test', smtpUrl: 'smtp://mail.example.com:25/?tls=off', from: 'pc@example.test' }))).fieldErrors).toEqual({
      'contact.email.smtpUrl': 'Encryption can be turned off (?tls=off) only for a mail server on this computer, like smtp://127.0.0.1:25/?tls=off.',
    });
    expect((await service.save(withEmail({ to: 'sam@example.test', smtpUrl: relay, from: ' pc@example.test ' }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).contacts[0]?.email).toEqual({ to: 'sam@example.test', smtpUrl: relay, from: 'pc@example.test' });
    expect((await openView(service, '4826')).contacts[0]?.email).toEqual({ to: 'sam@example.test', smtpHost: '127.0.0.1', hasPassword: false, from: 'pc@example.test', sendsFromLogin: false });
    // Kept when the address is left empty: the saved server has no login, so the sender is still needed.
    const again = (from: string) => service.save(fullInput({ newPin: '', newPinAgain: '', currentPin: '4826', contact: { ...fullInput().contact, email: { to: 'sam@example.test', smtpUrl: '', from } } }));
    expect((await again('')).fieldErrors).toEqual({
      'contact.email.from': 'This mail server address has no email login to send from, so please write the address the alerts are sent from.',
    });
    expect((await again('pc@example.test')).ok).toBe(true);
  });

  it('saves the day and time of the weekly summary and names it among the settings that changed', async () => {
    const { service, saves } = await serviceFor(dir);
    expect((await service.save(fullInput())).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).weeklySummary).toEqual({ day: 0, hour: 18, minute: 0 });
    expect((await service.save(fullInput({ newPin: '', newPinAgain: '', currentPin: '4826', weeklySummary: { day: 1, hour: 8, minute: 30 } }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).weeklySummary).toEqual({ day: 1, hour: 8, minute: 30 });
    expect(saves[1]).toEqual(['weeklySummary']);
    expect((await openView(service, '4826')).weeklySummary).toEqual({ day: 1, hour: 8, minute: 30 });
  });

  it('saves the heartbeat ping URL, shows it again, keeps it when not sent, clears it when empty, and refuses one that is no web address', async () => {
    const { service } = await serviceFor(dir);
    const ping = 'https://hc-ping.com/0f3c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f';
    expect((await service.save(fullInput({ pingUrl: ` ${ping} ` }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).pingUrl).toBe(ping);
    expect((await openView(service, '4826')).pingUrl).toBe(ping);
    const again = { newPin: '', newPinAgain: '', currentPin: '4826' };
    expect((await service.save(fullInput({ ...again, pingUrl: undefined }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).pingUrl).toBe(ping);
    const bad = await service.save(fullInput({ ...again, pingUrl: 'hc-ping.com/abc' }));
    expect(bad.fieldErrors).toEqual({ pingUrl: FIELD_MESSAGES.pingUrl });
    expect((await service.save(fullInput({ ...again, pingUrl: '' }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).pingUrl).toBeNull();
  });

  it('saves a self-hosted catalog address, keeps it when not sent, clears it when empty, and refuses one not over https', async () => {
    const { service } = await serviceFor(dir);
    const url = 'https://lists.example.org/pause-guard/remote-tools.signed.json';
    expect((await service.save(fullInput({ catalogUrl: ` ${url} ` }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).catalogUrl).toBe(url);
    expect((await openView(service, '4826')).catalogUrl).toBe(url);
    const again = { newPin: '', newPinAgain: '', currentPin: '4826' };
    expect((await service.save(fullInput({ ...again, catalogUrl: undefined }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).catalogUrl).toBe(url);
    for (const bad of ['http://lists.example.org/remote-tools.signed.json', 'lists.example.org/remote-tools.signed.json', 'https://']) {
      expect((await service.save(fullInput({ ...again, catalogUrl: bad }))).fieldErrors).toEqual({ catalogUrl: FIELD_MESSAGES.catalogUrl });
    }
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).catalogUrl).toBe(url);
    expect((await service.save(fullInput({ ...again, catalogUrl: '' }))).ok).toBe(true);
    expect((JSON.parse(await readSettingsFile(dir)) as Settings).catalogUrl).toBeNull();
  });

  it('refuses a weekly summary day or time that is not one, with a plain sentence each', async () => {
    const { service, saves } = await serviceFor(dir);
    const result = await service.save(fullInput({ weeklySummary: { day: 7, hour: Number.NaN, minute: 0 } }));
    expect(result.fieldErrors).toEqual({
      'weeklySummary.day': 'Please choose the day for the weekly summary.',
      'weeklySummary.time': 'Please choose a time for the weekly summary, like 18:00.',
    });
    expect((await service.save(fullInput({ weeklySummary: { day: 0, hour: 18, minute: 60 } }))).fieldErrors).toEqual({
      'weeklySummary.time': 'Please choose a time for the weekly summary, like 18:00.',
    });
    expect(saves).toEqual([]);
  });

  it('takes ntfy.sh when the ntfy server is left empty, and no phone number as none', async () => {
    const { service } = await serviceFor(dir);
    const input = fullInput();
    input.contact = { name: 'Dave', phone: ' ', ntfy: { server: '', topic: 'pg_abc', token: '' }, email: null, webhook: null };
    expect((await service.save(input)).ok).toBe(true);
    const saved = JSON.parse(await readSettingsFile(dir)) as Settings;
    expect(saved.contacts).toEqual([{ name: 'Dave', phone: null, ntfy: { server: 'https://ntfy.sh', topic: 'pg_abc', token: null }, email: null, webhook: null }]);
  });

  it('says plainly when the folder cannot hold the settings', async () => {
    const blocker = path.join(dir, 'a-file');
    await fs.writeFile(blocker, '');
    const dataDir = path.join(blocker, 'data');
    const { service } = await serviceFor(dataDir);
    expect(await service.save(fullInput())).toEqual({
      ok: false,
      refused: 'disk',
      changedFields: [],
      fieldErrors: {},
      message: `Pause Guard cannot save its settings: ${dataDir} cannot be a folder, because part of that path is a file.`,
    });
  });

  it('tells its caller when the settings file was unusable and kept aside', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), '{ not json');
    const resets: string[] = [];
    const service = createSetupService({
      dataDir: dir,
      catalog,
      pinGate: createPinGate({ getHash: () => null }),
      onSaved: () => undefined,
      onSettingsReset: (reset) => {
        resets.push(reset.reason);
      },
      sendTestAlert: async () => ({ results: [] }),
    });
    expect((await openView(service)).setupComplete).toBe(false);
    expect(resets).toEqual(['The settings file was damaged: it could not be read as settings.']);
  });
});

describe('setup service: secrets left empty', () => {
  it('keeps the saved mail password, ntfy token and webhook secret, but never sends a password or token to a new server', async () => {
    const { service } = await serviceFor(dir);
    await service.save(fullInput());
    const again = (contact: Partial<SetupInput['contact']>): SetupInput => fullInput({ newPin: '', newPinAgain: '', currentPin: '4826', contact: { ...fullInput().contact, ...contact } });
    const saved = async () => (JSON.parse(await readSettingsFile(dir)) as Settings).contacts[0]!;

    await service.save(again({ email: { to: 'dave@example.com', smtpUrl: '', from: '' }, ntfy: { server: 'https://ntfy.example.org', topic: 'pg_family_alerts', token: '' }, webhook: { url: 'https://home.example.org/other', secret: '' } }));
    expect(await saved()).toMatchObject({
      email: { smtpUrl: `smtps://dave%40example.com:${SMTP_PASSWORD}@smtp.example.com:465` },
      ntfy: { token: NTFY_TOKEN },
      webhook: { url: 'https://home.example.org/other', secret: WEBHOOK_SECRET },
    });

    await service.save(again({ email: { to: 'dave@example.com', smtpUrl: 'smtps://dave%40example.com@smtp.example.com:465', from: '' } }));
    expect((await saved()).email?.smtpUrl).toBe(`smtps://dave%40example.com:${SMTP_PASSWORD}@smtp.example.com:465`);

    await service.save(again({ email: { to: 'dave@example.com', smtpUrl: 'smtps://dave%40example.com@mail.elsewhere.example:465', from: '' }, ntfy: { server: 'https://ntfy.sh', topic: 'pg_family_alerts', token: '' } }));
    const moved = await saved();
    expect(moved.email?.smtpUrl).toBe('smtps://dave%40example.com@mail.elsewhere.example:465');
    expect(moved.ntfy).toEqual({ server: 'https://ntfy.sh', topic: 'pg_family_alerts', token: null });
  });
});

describe('setup service: the family PIN', () => {
  it('asks for the current PIN once one is set, counts wrong tries, locks, and accepts the right one after the lockout', async () => {
    const { service, wrongPins, clock, saves } = await serviceFor(dir);
    await service.save(fullInput());
    const change = (currentPin: string) => service.save(fullInput({ person: 'Margaret Byrne', newPin: '', newPinAgain: '', currentPin }));

    expect((await change('')).fieldErrors).toEqual({ currentPin: 'Please type the current family PIN to save these changes.' });
    expect(await change('1111')).toEqual({
      ok: false,
      refused: 'pin',
      changedFields: [],
      fieldErrors: { currentPin: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.' },
      message: 'Nothing was saved.',
    });
    for (let i = 0; i < 3; i += 1) await change('1111');
    expect((await change('1111')).fieldErrors).toEqual({ currentPin: 'That PIN is not right. PIN entry is locked for 1 minute.' });
    expect(wrongPins).toHaveLength(5);
    expect(wrongPins.at(-1)).toMatchObject({ reason: 'wrong', action: 'change-settings', lockedUntil: new Date('2025-05-06T10:01:00Z') });

    expect((await change('4826')).fieldErrors).toEqual({ currentPin: 'PIN entry is locked after too many wrong tries. Try again in 1 minute.' });
    expect(wrongPins).toHaveLength(5);
    clock.now = new Date('2025-05-06T10:01:01Z');
    expect(await change('4826')).toEqual({ ok: true, fieldErrors: {}, message: null, changedFields: ['person'], refused: null });
    expect(saves.at(-1)).toEqual(['person']);
  });

  it('changes the PIN only with the current one, and then asks for the new one', async () => {
    const { service } = await serviceFor(dir);
    await service.save(fullInput());
    const firstHash = (JSON.parse(await readSettingsFile(dir)) as Settings).pin;
    expect((await service.save(fullInput({ newPin: '90817', newPinAgain: '90817', currentPin: '4826' }))).ok).toBe(true);
    const text = await readSettingsFile(dir);
    expect(text).not.toContain('90817');
    expect((JSON.parse(text) as Settings).pin).not.toEqual(firstHash);
    expect((await service.save(fullInput({ newPin: '', newPinAgain: '', currentPin: '4826' }))).fieldErrors.currentPin).toMatch(/^That PIN is not right\./);
    expect((await service.save(fullInput({ newPin: '', newPinAgain: '', currentPin: '90817' }))).ok).toBe(true);
  });
});

describe('setup service: test alert', () => {
  it('answers with the test alert’s own result for each channel', async () => {
    const { service, testAlert } = await serviceFor(dir);
    expect(await service.testAlert()).toBe(testAlert);
  });
});
