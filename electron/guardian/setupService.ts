// The setup window's main-process side: what it shows (never a secret), checking and saving its form behind the family
// PIN, and the test alert. Plain Node: never imports electron; never journals or alerts itself, it tells its caller.
import type { SetupInput, SetupResult, SetupView, TestAlertResult } from '../../shared/setup';
import { DEFAULT_NTFY_SERVER, normalRemoteId, setupFieldErrors, type FieldErrors } from '../../shared/setupFields';
import type { Contact, Settings } from '../../shared/settings';
import { newNtfyTopic, ntfyQrCodeSvg, ntfySubscribeLink } from './alerts/channels/ntfySubscription';
import type { Catalog } from './catalog';
import { hashPin } from './pin';
import type { PinCheckResult, PinGate } from './pinGate';
import type { SealStore } from './store/sealStore';
import { openSettings, saveSettings, SettingsSaveError, type SettingsReset, type SettingsTampering } from './store/settingsStore';

export interface SetupServiceOptions {
  dataDir: string;
  catalog: Pick<Catalog, 'tools'>;
  /** The app's one PIN gate; its hash must be the saved settings' (the caller refreshes it from onSaved). */
  pinGate: PinGate;
  /** After every save: the names of the settings that changed (for the journal) and the settings now saved. */
  onSaved: (changedFields: string[], settings: Settings) => void | Promise<void>;
  /** Sends a test alert on every channel of the saved settings. */
  sendTestAlert: () => Promise<TestAlertResult>;
  /** A wrong PIN was typed to save: the caller journals it (pin-failed) and tells the contact. */
  onWrongPin?: (result: Extract<PinCheckResult, { ok: false }>) => void | Promise<void>;
  /** The settings file could not be used and was kept aside; the caller journals it and tells the contact. */
  onSettingsReset?: (reset: SettingsReset) => void | Promise<void>;
  /** The seal the settings are read and saved with (the app's); the CLI's key file unless given. */
  seal?: SealStore;
  /** The settings file was removed or changed outside Pause Guard; the caller journals it and tells the contact. */
  onSettingsTampered?: (tampered: SettingsTampering) => void | Promise<void>;
}

export interface SetupService {
  view(): Promise<SetupView>;
  save(input: SetupInput): Promise<SetupResult>;
  testAlert(): Promise<TestAlertResult>;
}

const FIX_FIELDS = 'Some answers need a change before they can be saved. Each one is marked.';

export function createSetupService(options: SetupServiceOptions): SetupService {
  const { dataDir, catalog, pinGate } = options;
  /** One suggested topic for as long as the app runs, so a code scanned before saving stays the one saved. */
  let suggestedTopic: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const trustableTools = catalog.tools.map((tool) => ({ toolId: tool.id, name: tool.name }));

  const load = async (): Promise<Settings> => {
    const opened = await openSettings({ dataDir, seal: options.seal });
    if (opened.reset) await options.onSettingsReset?.(opened.reset);
    if (opened.tampered) await options.onSettingsTampered?.(opened.tampered);
    return opened.settings;
  };

  const view = async (): Promise<SetupView> => {
    const settings = await load();
    const saved = settings.contacts[0]?.ntfy;
    const server = saved?.server ?? DEFAULT_NTFY_SERVER;
    const topic = saved?.topic ?? (suggestedTopic ??= newNtfyTopic());
    const subscribeUrl = ntfySubscribeLink(server, topic);
    return {
      person: settings.person,
      region: settings.region,
      contacts: settings.contacts.map(contactView),
      trustedHelpers: settings.trustedHelpers,
      startAtLogin: settings.startAtLogin,
      weeklySummary: settings.weeklySummary,
      pinSet: settings.pin !== null,
      setupComplete: settings.setupComplete,
      ntfySuggestion: { server, topic, subscribeUrl, qrSvg: await ntfyQrCodeSvg(subscribeUrl) },
      trustableTools,
      pingUrl: settings.pingUrl,
    };
  };

  const saveNow = async (input: SetupInput): Promise<SetupResult> => {
    const previous = await load();
    const stored = previous.contacts[0];
    const fieldErrors = setupFieldErrors(input, {
      pinSet: previous.pin !== null,
      smtpUrlSaved: Boolean(stored?.email),
      trustableToolIds: trustableTools.map((tool) => tool.toolId),
    });
    if (Object.keys(fieldErrors).length > 0) return refused(fieldErrors, FIX_FIELDS);

    if (previous.pin) {
      const checked = await pinGate.check('change-settings', input.currentPin);
      if (!checked.ok) {
        if (checked.reason === 'wrong') await options.onWrongPin?.(checked);
        return refused({ currentPin: checked.message }, 'Nothing was saved.');
      }
      if (checked.by !== 'pin') return refused({ currentPin: 'That PIN is not right.' }, 'Nothing was saved.');
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
    };
    try {
      const { changedFields } = await saveSettings(dataDir, next, previous, options.seal);
      await options.onSaved(changedFields, next);
      return { ok: true, fieldErrors: {}, message: null };
    } catch (error) {
      if (error instanceof SettingsSaveError) return refused({}, error.message);
      throw error;
    }
  };

  return {
    view,
    save(input) {
      const result = queue.then(() => saveNow(input));
      queue = result.catch(() => undefined);
      return result;
    },
    testAlert: () => options.sendTestAlert(),
  };
}

const refused = (fieldErrors: FieldErrors, message: string): SetupResult => ({ ok: false, fieldErrors, message });

/** A saved contact as the window may see it: whether each secret is set, never the secret. */
function contactView(contact: Contact): SetupView['contacts'][number] {
  return {
    name: contact.name,
    phone: contact.phone,
    ntfy: contact.ntfy ? { server: contact.ntfy.server, topic: contact.ntfy.topic, hasToken: contact.ntfy.token !== null } : null,
    email: contact.email ? { to: contact.email.to, ...smtpServerView(contact.email.smtpUrl) } : null,
    webhook: contact.webhook ? { url: contact.webhook.url, hasSecret: contact.webhook.secret !== null } : null,
  };
}

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
      ? { to: form.email.to.trim(), smtpUrl: smtpUrlWithKeptPassword(form.email.smtpUrl.trim(), stored?.email?.smtpUrl), from: stored?.email?.from ?? null }
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
