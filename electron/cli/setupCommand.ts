// `setup --non-interactive`: writes the settings the setup window would write, merged into what is there, behind the
// family PIN once one is set. Prints one plain line per thing set; never prints the PIN, a password, a token or a secret.
// Journalling and alerts are the caller's: every record is handed to onRecord.
import path from 'node:path';
import type { AppRecord } from '../../shared/journal';
import { SettingsSchema, type Contact, type Region, type Settings } from '../../shared/settings';
import { summaryTimeWords } from '../../shared/summaryTime';
import { loadCatalog, type Catalog } from '../guardian/catalog';
import { hashPin } from '../guardian/pin';
import { createPinGate } from '../guardian/pinGate';
import { PIN_LOCKOUT_FILE } from '../guardian/pinLockout';
import { openSealStore } from '../guardian/store/sealStore';
import { openSettings, saveSettings, SettingsSaveError, settingsPath } from '../guardian/store/settingsStore';
import type { CliCommand, CommandContext } from './command';
import { readSetupOptions, SETUP_OPTIONS, type SetupRequest } from './setupOptions';
import { UsageError } from './usageError';

export interface SetupDeps {
  now?: () => Date;
  catalog?: Catalog;
  /** Each record to journal (settings-reset, pin-failed, settings-changed), as it happens. */
  onRecord?: (record: AppRecord, dataDir: string) => Promise<void> | void;
}

export interface SetupOutcome {
  code: number;
  /** What was set, one plain line each. */
  lines: string[];
  /** Why nothing was saved (wrong PIN, read-only folder), for stderr; null on success. */
  problem: string | null;
  records: AppRecord[];
  changedFields: string[];
}

const REGION_NAMES: Record<Region, string> = {
  GB: 'United Kingdom', US: 'United States', CA: 'Canada', AU: 'Australia', IE: 'Ireland',
};

export function createSetupCommand(deps: SetupDeps = {}): CliCommand {
  return {
    name: 'setup',
    usage:
      'setup --non-interactive --person NAME --contact-name NAME [--contact-phone NUMBER] [--contact-email ADDR] [--smtp-url URL] ' +
      '[--ntfy-url URL] [--ntfy-token TOKEN] [--webhook-url URL] [--webhook-secret S] [--pin DIGITS] [--pin-current DIGITS] ' +
      '[--region GB|US|CA|AU|IE] [--trust TOOL:ID ...] [--no-start-at-login] [--summary-day mon|tue|wed|thu|fri|sat|sun] ' +
      '[--summary-time HH:MM] [--ping-url URL]',
    summary: 'Write the family settings from a script (the app\'s setup window does the same by hand).',
    options: SETUP_OPTIONS,
    async run(context) {
      if (context.values['non-interactive'] !== true) {
        throw new UsageError('The interactive setup is the Pause Guard app\'s setup window. To write the settings from a script, add --non-interactive.');
      }
      const outcome = await runSetup(context.values, context.common.dataDir, deps);
      if (context.common.json) {
        context.write(JSON.stringify({ ok: outcome.code === 0, changedFields: outcome.changedFields, problem: outcome.problem }));
      } else {
        for (const line of outcome.lines) context.write(line);
      }
      if (outcome.problem) process.stderr.write(`${outcome.problem}\n`);
      return outcome.code;
    },
  };
}

export const setupCommand = createSetupCommand();

export async function runSetup(values: CommandContext['values'], dataDir: string, deps: SetupDeps = {}): Promise<SetupOutcome> {
  const now = deps.now ?? (() => new Date());
  const catalog = deps.catalog ?? loadCatalog();
  const request = readSetupOptions(values, catalog);
  const outcome: SetupOutcome = { code: 0, lines: [], problem: null, records: [], changedFields: [] };
  const record = async (entry: AppRecord): Promise<void> => {
    outcome.records.push(entry);
    await deps.onRecord?.(entry, dataDir);
  };

  const opened = await openSettings({ dataDir, now });
  if (opened.reset) {
    await record({ type: 'settings-reset', at: now().toISOString(), keptAs: opened.reset.keptAs, reason: opened.reset.reason });
    outcome.lines.push(`The old settings could not be used: ${opened.reset.reason}${opened.reset.keptAs ? ` They were kept as ${opened.reset.keptAs}.` : ''}`);
  }
  if (opened.tampered) {
    await record({ type: 'tampering', at: now().toISOString(), what: 'settings', reason: opened.tampered.reason, keptAs: opened.tampered.keptAs });
    outcome.lines.push(`The settings file had been changed outside Pause Guard: ${opened.tampered.reason}${opened.tampered.lastGoodKept ? ' The last good settings were kept.' : ''}`);
  }
  const current = opened.settings;

  // Every mistake in the options is found before the PIN is tried, so a typo never costs a try.
  const merged = SettingsSchema.safeParse(merge(current, request));
  if (!merged.success) {
    const issue = merged.error.issues[0];
    throw new UsageError(`${optionFor(issue?.path ?? [])}: ${issue?.message ?? 'not a value Pause Guard can use'}`);
  }
  if (current.pin) {
    if (request.pinCurrent === undefined) throw new UsageError('A family PIN is set: give it with --pin-current DIGITS to change the settings.');
    const seal = await openSealStore({ dataDir });
    const gate = createPinGate({ getHash: () => current.pin, now, stateFile: path.join(dataDir, PIN_LOCKOUT_FILE), seal });
    const check = await gate.check('change-settings', request.pinCurrent);
    if (!check.ok) {
      if (check.reason === 'wrong') {
        await record({ type: 'pin-failed', at: now().toISOString(), action: 'change-settings', lockedUntil: check.lockedUntil?.toISOString() ?? null });
      }
      return { ...outcome, code: 1, problem: `${check.message} Nothing was changed.` };
    }
  }
  const next: Settings = request.pin === undefined ? merged.data : { ...merged.data, pin: await hashPin(request.pin) };
  try {
    outcome.changedFields = (await saveSettings(dataDir, next, current)).changedFields;
  } catch (error) {
    if (error instanceof SettingsSaveError) return { ...outcome, code: 1, problem: error.message };
    throw error;
  }
  if (outcome.changedFields.length > 0) await record({ type: 'settings-changed', at: now().toISOString(), fields: outcome.changedFields });
  outcome.lines.push(`Settings saved in ${settingsPath(dataDir)}.`, ...describe(request, next, current, catalog));
  return outcome;
}

/**
 * The settings with the request laid over them (all but a new PIN, hashed once the current one is checked). The first
 * contact is updated when the name matches, replaced otherwise.
 */
function merge(current: Settings, request: SetupRequest): Settings {
  const existing = current.contacts[0];
  const same = existing !== undefined && existing.name.trim().toLowerCase() === request.contactName.toLowerCase();
  const base: Contact = same ? existing : { name: request.contactName, phone: null, ntfy: null, email: null, webhook: null };
  const contact: Contact = { ...base, name: request.contactName };
  if (request.contactPhone !== undefined) contact.phone = request.contactPhone;

  if (request.contactEmail !== undefined) {
    const smtpUrl = request.smtpUrl ?? base.email?.smtpUrl;
    if (!smtpUrl) {
      throw new UsageError('--contact-email needs --smtp-url: the mail server that sends the alerts, e.g. smtps://user:password@smtp.example.com:465.');
    }
    contact.email = { to: request.contactEmail, smtpUrl, from: base.email?.from ?? null };
  }
  if (request.ntfy !== undefined) {
    const sameServer = base.ntfy?.server === request.ntfy.server;
    contact.ntfy = { ...request.ntfy, token: request.ntfyToken ?? (sameServer ? (base.ntfy?.token ?? null) : null) };
  } else if (request.ntfyToken !== undefined) {
    if (!base.ntfy) throw new UsageError('--ntfy-token needs --ntfy-url: the topic the token is for.');
    contact.ntfy = { ...base.ntfy, token: request.ntfyToken };
  }
  if (request.webhookUrl !== undefined) {
    const sameUrl = base.webhook?.url === request.webhookUrl;
    contact.webhook = { url: request.webhookUrl, secret: request.webhookSecret ?? (sameUrl ? (base.webhook?.secret ?? null) : null) };
  } else if (request.webhookSecret !== undefined) {
    if (!base.webhook) throw new UsageError('--webhook-secret needs --webhook-url: the address the alerts are posted to.');
    contact.webhook = { ...base.webhook, secret: request.webhookSecret };
  }

  const helpers = [...current.trustedHelpers];
  for (const helper of request.trust) {
    if (!helpers.some((h) => h.toolId === helper.toolId && h.remoteId === helper.remoteId)) helpers.push(helper);
  }
  return {
    ...current,
    person: request.person,
    region: request.region ?? current.region,
    contacts: [contact, ...current.contacts.slice(1)],
    trustedHelpers: helpers,
    startAtLogin: request.startAtLogin,
    weeklySummary: { ...current.weeklySummary, day: request.summaryDay ?? current.weeklySummary.day, ...request.summaryTime },
    setupComplete: true,
    pingUrl: request.pingUrl ?? current.pingUrl,
  };
}

/** The option to blame for a schema issue at `where` (a path in the settings). */
function optionFor(where: readonly PropertyKey[]): string {
  const key = where.map(String).join('.');
  const options: [RegExp, string][] = [
    [/^person/, '--person'], [/^contacts\.\d+\.name/, '--contact-name'], [/^contacts\.\d+\.phone/, '--contact-phone'],
    [/^contacts\.\d+\.email\.to/, '--contact-email'], [/^contacts\.\d+\.email/, '--smtp-url'],
    [/^contacts\.\d+\.ntfy\.token/, '--ntfy-token'], [/^contacts\.\d+\.ntfy/, '--ntfy-url'],
    [/^contacts\.\d+\.webhook\.secret/, '--webhook-secret'], [/^contacts\.\d+\.webhook/, '--webhook-url'],
    [/^trustedHelpers$/, '--trust (at most 20 helpers)'], [/^trustedHelpers/, '--trust'],
  ];
  return options.find(([pattern]) => pattern.test(key))?.[1] ?? `The setting ${key}`;
}

/** Where an address sends to, without any login, password or secret path. */
function hostOf(address: string): string {
  try {
    return new URL(address).host || 'the server given';
  } catch {
    return 'the server given';
  }
}

function describe(request: SetupRequest, next: Settings, previous: Settings, catalog: Catalog): string[] {
  const contact = next.contacts[0];
  const lines = [`This computer belongs to: ${request.person}.`, `Trusted contact: ${request.contactName}.`];
  if (request.contactPhone !== undefined) lines.push(`Phone number shown on the warning screen: ${request.contactPhone}.`);
  if (request.contactEmail !== undefined && contact?.email) {
    lines.push(`Alerts by email to ${contact.email.to}, sent through ${hostOf(contact.email.smtpUrl)}.`);
  }
  if ((request.ntfy !== undefined || request.ntfyToken !== undefined) && contact?.ntfy) {
    lines.push(`Push alerts through ntfy at ${contact.ntfy.server}${contact.ntfy.token ? ', with an access token' : ''}.`);
  }
  if ((request.webhookUrl !== undefined || request.webhookSecret !== undefined) && contact?.webhook) {
    lines.push(`Alerts posted to a webhook at ${hostOf(contact.webhook.url)}${contact.webhook.secret ? ', signed with the secret given' : ''}.`);
  }
  if (request.pingUrl !== undefined) lines.push(`Heartbeat pings to ${hostOf(request.pingUrl)} every 5 minutes while Pause Guard runs.`);
  if (request.pin !== undefined) lines.push(previous.pin ? 'Family PIN: changed.' : 'Family PIN: set.');
  if (request.region !== undefined) lines.push(`Region: ${REGION_NAMES[request.region]} (${request.region}).`);
  for (const helper of request.trust) {
    lines.push(`Trusted helper: ${catalog.byId(helper.toolId)?.name ?? helper.toolId} ${helper.remoteId}.`);
  }
  lines.push(`Start at login: ${next.startAtLogin ? 'on' : 'off'}.`);
  lines.push(`Weekly summary to ${request.contactName}: ${summaryTimeWords(next.weeklySummary, next.region)}.`);
  if (!next.pin) lines.push('No family PIN is set: pausing protection, changing settings and quitting will ask for a typed word instead.');
  return lines;
}
