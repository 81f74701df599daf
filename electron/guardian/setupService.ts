// The one setup service, for the setup window, the preview and `setup --non-interactive` alike: what it shows (never a
// secret, and before the family PIN only whom to call), checking and saving a form behind the PIN, and the test alert.
// Plain Node: never imports electron; never journals or alerts itself, it tells its caller.
import type { SetupInput, SetupLockedView, SetupPageView, SetupResult, SetupUnlock, SetupView, TestAlertResult } from '../../shared/setup';
import { normalRemoteId } from '../../shared/remoteId';
import { DEFAULT_NTFY_SERVER, setupFieldErrors, type FieldErrors } from '../../shared/setupFields';
import { contactCardOf, type Contact, type Settings } from '../../shared/settings';
import { smtpSender } from '../../shared/smtpAddress';
import { newNtfyTopic, ntfyQrCodeSvg, ntfySubscribeLink } from './alerts/channels/ntfySubscription';
import type { Catalog } from './catalog';
import { hashPin } from './pin/pin';
import type { PinCheckResult, PinGate } from './pin/pinGate';
import type { SealStore } from './store/sealStore';
import { openSettings, saveSettings, SettingsSaveError, type SettingsReset, type SettingsTampering } from './store/settingsStore';
import { oneAtATime } from './oneAtATime';

export interface SetupServiceOptions {
  dataDir: string;
  catalog: Pick<Catalog, 'tools'>;
  /** The app's one PIN gate; its hash must be the saved settings' (the caller refreshes it from onSaved). */
  pinGate: PinGate;
  /** After every save: the names of the settings that changed (for the journal) and the settings now saved. */
  onSaved: (changedFields: string[], settings: Settings) => void | Promise<void>;
  /** Sends a test alert on every channel of the saved settings. */
  sendTestAlert: () => Promise<TestAlertResult>;
  /** A wrong PIN was typed to see or save the settings: the caller journals it (pin-failed) and tells the contact. */
  onWrongPin?: (result: Extract<PinCheckResult, { ok: false }>) => void | Promise<void>;
  /** The settings file could not be used and was kept aside; the caller journals it and tells the contact. */
  onSettingsReset?: (reset: SettingsReset) => void | Promise<void>;
  /** The seal the settings are read and saved with (the app's); the CLI's key file unless given. */
  seal?: SealStore;
  /** The settings file was removed or changed outside Pause Guard; the caller journals it and tells the contact. */
  onSettingsTampered?: (tampered: SettingsTampering) => void | Promise<void>;
}

/**
 * A save's answer, with what the CLI needs besides (the window's contract drops both): the names of the settings it
 * changed, and what refused it: the answers (a field to fix), the PIN (wrong, locked out), or the disk.
 */
export type SetupSaveResult = SetupResult & { changedFields: string[]; refused: 'answers' | 'pin' | 'disk' | null };

export interface SetupService {
  /** The settings once `unlock` holds the right PIN, or when none is set; otherwise the locked view. */
  view(unlock?: SetupUnlock): Promise<SetupPageView>;
  save(input: SetupInput): Promise<SetupSaveResult>;
  testAlert(): Promise<TestAlertResult>;
}

const FIX_FIELDS = 'Some answers need a change before they can be saved. Each one is marked.';

export function createSetupService(options: SetupServiceOptions): SetupService {
  const { dataDir, catalog, pinGate } = options;
  /** One suggested topic for as long as the app runs, so a code scanned before saving stays the one saved. */
  let suggestedTopic: string | null = null;
  const oneSave = oneAtATime();

  /** From the catalog in force at each call: one updated while running offers its new tools. */
  const trustableTools = (): { toolId: string; name: string }[] => catalog.tools.map((tool) => ({ toolId: tool.id, name: tool.name }));

  const load = async (): Promise<Settings> => {
    const opened = await openSettings({ dataDir, seal: options.seal });
    if (opened.reset) await options.onSettingsReset?.(opened.reset);
    if (opened.tampered) await options.onSettingsTampered?.(opened.tampered);
    return opened.settings;
  };

  const view = async (unlock?: SetupUnlock): Promise<SetupPageView> => {
    const settings = await load();
    if (settings.pin === null) return openView(settings);
    if (unlock === undefined) return lockedView(settings, null);
    const checked = await pinGate.check('change-settings', unlock.pin);
    if (checked.ok) return openView(settings);
    if (checked.reason === 'wrong') await options.onWrongPin?.(checked);
    return lockedView(settings, checked.message);
  };

  const openView = async (settings: Settings): Promise<SetupView> => {
    const saved = settings.contacts[0]?.ntfy;
    const server = saved?.server ?? DEFAULT_NTFY_SERVER;
    const topic = saved?.topic ?? (suggestedTopic ??= newNtfyTopic());
    const subscribeUrl = ntfySubscribeLink(server, topic);
    return {
      locked: false,
      person: settings.person,
      region: settings.region,
      contacts: settings.contacts.map(contactView),
      trustedHelpers: settings.trustedHelpers,
      startAtLogin: settings.startAtLogin,
      weeklySummary: settings.weeklySummary,
      pinSet: settings.pin !== null,
      setupComplete: settings.setupComplete,
      ntfySuggestion: { server, topic, subscribeUrl, qrSvg: await ntfyQrCodeSvg(subscribeUrl) },
      trustableTools: trustableTools(),
      pingUrl: settings.pingUrl,
      catalogUrl: settings.catalogUrl,
    };
  };

  const saveNow = async (input: SetupInput): Promise<SetupSaveResult> => {
    const previous = await load();
    const stored = previous.contacts[0];
    const fieldErrors = setupFieldErrors(input, {
      pinSet: previous.pin !== null,
      smtpUrlSaved: Boolean(stored?.email),
      savedSmtpHasSender: stored?.email ? sendsFromLogin(stored.email.smtpUrl) : false,
      trustableToolIds: trustableTools().map((tool) => tool.toolId),
    });
    if (Object.keys(fieldErrors).length > 0) return refused('answers', fieldErrors, FIX_FIELDS);

    if (previous.pin) {
      const checked = await pinGate.check('change-settings', input.currentPin);
      if (!checked.ok) {
        if (checked.reason === 'wrong') await options.onWrongPin?.(checked);
        return refused('pin', { currentPin: checked.message }, 'Nothing was saved.');
      }
      if (checked.by !== 'pin') return refused('pin', { currentPin: 'That PIN is not right.' }, 'Nothing was saved.');
    }

    const next: Settings = {
      ...previous,
      person: input.person.trim(),
      region: input.region,
      contacts: [contactFrom(input.contact, stored), ...previous.contacts.slice(1)],
      pin: input.newPin === '' ? previous.pin : await hashPin(input.newPin),
      trustedHelpers: input.trustedHelpers.map((helper) => ({
        toolId: helper.toolId,
        remoteId: normalRemoteId(helper.remoteId),
        label: helper.label.trim(),
      })),
      startAtLogin: input.startAtLogin,
      weeklySummary: { day: input.weeklySummary.day, hour: input.weeklySummary.hour, minute: input.weeklySummary.minute },
      setupComplete: true,
      pingUrl: input.pingUrl === undefined ? previous.pingUrl : input.pingUrl.trim() || null,
      catalogUrl: input.catalogUrl === undefined ? previous.catalogUrl : input.catalogUrl.trim() || null,
    };
    try {
      const { changedFields } = await saveSettings(dataDir, next, previous, options.seal);
      await options.onSaved(changedFields, next);
      return { ok: true, fieldErrors: {}, message: null, changedFields, refused: null };
    } catch (error) {
      if (error instanceof SettingsSaveError) return refused('disk', {}, error.message);
      throw error;
    }
  };

  return {
    view,
    save: (input) => oneSave(() => saveNow(input)),
    testAlert: () => options.sendTestAlert(),
  };
}

const refused = (by: NonNullable<SetupSaveResult['refused']>, fieldErrors: FieldErrors, message: string): SetupSaveResult => ({
  ok: false, fieldErrors, message, changedFields: [], refused: by,
});

/** Before the PIN: whose computer this is and whom to call, and nothing a caller could use. */
function lockedView(settings: Settings, message: string | null): SetupLockedView {
  return { locked: true, person: settings.person, contact: contactCardOf(settings), message };
}

/** A saved contact as the window may see it: whether each secret is set, never the secret. */
function contactView(contact: Contact): SetupView['contacts'][number] {
  return {
    name: contact.name,
    phone: contact.phone,
    ntfy: contact.ntfy ? { server: contact.ntfy.server, topic: contact.ntfy.topic, hasToken: contact.ntfy.token !== null } : null,
    email: contact.email
      ? { to: contact.email.to, ...smtpServerView(contact.email.smtpUrl), from: contact.email.from, sendsFromLogin: sendsFromLogin(contact.email.smtpUrl) }
      : null,
    webhook: contact.webhook ? { url: contact.webhook.url, hasSecret: contact.webhook.secret !== null } : null,
  };
}

/** The login in the mail server address is an email address, which alerts are sent from when no sender is written. */
const sendsFromLogin = (smtpUrl: string): boolean => smtpSender(smtpUrl, null) !== null;

function smtpServerView(smtpUrl: string): { smtpHost: string; hasPassword: boolean } {
  const url = parseUrl(smtpUrl);
  return { smtpHost: url?.hostname ?? '', hasPassword: url !== null && url.password !== '' };
}

/** The first contact from the form; a secret left empty keeps the saved one, but only for the same destination. */
function contactFrom(form: SetupInput['contact'], stored: Contact | undefined): Contact {
  const server = form.ntfy?.server.trim() || DEFAULT_NTFY_SERVER;
  const keptToken = stored?.ntfy && sameServer(stored.ntfy.server, server) ? stored.ntfy.token : null;
  const webhookUrl = form.webhook?.url.trim() ?? '';
  return {
    name: form.name.trim(),
    phone: form.phone.trim() === '' ? null : form.phone.trim(),
    ntfy: form.ntfy ? { server, topic: form.ntfy.topic.trim(), token: form.ntfy.token.trim() || keptToken } : null,
    email: form.email
      ? { to: form.email.to.trim(), smtpUrl: smtpUrlWithKeptPassword(form.email.smtpUrl.trim(), stored?.email?.smtpUrl), from: form.email.from.trim() || null }
      : null,
    webhook: form.webhook ? { url: webhookUrl, secret: form.webhook.secret || (stored?.webhook?.secret ?? null) } : null,
  };
}

/**
 * An empty field keeps the saved address whole. An address typed without a password keeps the saved password when it
 * names the same server, port and login: the password only ever goes back to the server it was given for.
 */
function smtpUrlWithKeptPassword(typed: string, saved: string | undefined): string {
  if (!saved) return typed;
  if (typed === '') return saved;
  const next = parseUrl(typed);
  const old = parseUrl(saved);
  if (!next || !old || next.password !== '' || old.password === '') return typed;
  const same = next.protocol === old.protocol && next.host === old.host && next.username === old.username;
  if (!same) return typed;
  next.password = old.password;
  return next.href;
}

function sameServer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
