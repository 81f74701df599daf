// Reads `setup --non-interactive`'s options into one request: ntfy topic URLs split, trusted tools checked against the
// catalog, each option that cannot be read one plain sentence (UsageError). The values themselves are checked by the setup
// service, as the window's are; optionOfField names the option to blame. Never touches files.
import { RegionSchema, type Region, type TrustedHelper } from '../../shared/settings';
import { parseClockTime, SUMMARY_DAYS } from '../../shared/summaryTime';
import type { Catalog } from '../guardian/catalog';
import type { CommandContext, CommandOptions } from './command';
import { UsageError } from './usageError';

export const SETUP_OPTIONS: CommandOptions = {
  'non-interactive': { type: 'boolean', default: false },
  person: { type: 'string' },
  'contact-name': { type: 'string' },
  'contact-phone': { type: 'string' },
  'contact-email': { type: 'string' },
  'smtp-url': { type: 'string' },
  'smtp-from': { type: 'string' },
  'ntfy-url': { type: 'string' },
  'ntfy-token': { type: 'string' },
  'webhook-url': { type: 'string' },
  'webhook-secret': { type: 'string' },
  pin: { type: 'string' },
  'pin-current': { type: 'string' },
  region: { type: 'string' },
  trust: { type: 'string', multiple: true },
  'no-start-at-login': { type: 'boolean', default: false },
  'summary-day': { type: 'string' },
  'summary-time': { type: 'string' },
  'ping-url': { type: 'string' },
  'catalog-url': { type: 'string' },
};

/** What the command line asks for; undefined means "not given: keep what is there". */
export interface SetupRequest {
  person: string;
  contactName: string;
  contactPhone?: string;
  contactEmail?: string;
  smtpUrl?: string;
  /** The sender address, for a mail server that takes no login. */
  smtpFrom?: string;
  ntfy?: { server: string; topic: string };
  ntfyToken?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  pin?: string;
  pinCurrent?: string;
  region?: Region;
  trust: TrustedHelper[];
  startAtLogin: boolean;
  /** The weekly summary's day, 0 = Sunday. */
  summaryDay?: number;
  summaryTime?: { hour: number; minute: number };
  /** The heartbeat ping URL (healthchecks.io or a self-hosted Healthchecks). */
  pingUrl?: string;
  /** A self-hosted copy of the signed list of remote-access programs; empty for the usual one. */
  catalogUrl?: string;
}

export function readSetupOptions(values: CommandContext['values'], catalog: Catalog): SetupRequest {
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    const trimmed = String(value).trim();
    if (trimmed === '') throw new UsageError(`--${name} needs a value.`);
    return trimmed;
  };
  const person = text('person');
  if (!person) throw new UsageError('setup needs --person NAME: the name of the person this computer belongs to.');
  const contactName = text('contact-name');
  if (!contactName) throw new UsageError('setup needs --contact-name NAME: the family member who is told when something happens.');

  const regionText = text('region');
  const region = regionText === undefined ? undefined : RegionSchema.safeParse(regionText.toUpperCase());
  if (region && !region.success) throw new UsageError(`--region is one of ${RegionSchema.options.join(', ')}.`);

  const contactEmail = text('contact-email');
  const smtpUrl = text('smtp-url');
  const smtpFrom = text('smtp-from');
  for (const [name, value] of [['smtp-url', smtpUrl], ['smtp-from', smtpFrom]] as const) {
    if (value !== undefined && contactEmail === undefined) throw new UsageError(`--${name} needs --contact-email: the address the alerts are sent to.`);
  }
  const ntfyUrl = text('ntfy-url');
  const trust = values.trust;
  const dayWord = text('summary-day')?.toLowerCase();
  const summaryDay = dayWord === undefined ? undefined : SUMMARY_DAYS.find((d) => d.short === dayWord || d.name.toLowerCase() === dayWord);
  if (dayWord !== undefined && !summaryDay) {
    throw new UsageError(`--summary-day is the day the weekly summary is sent: one of ${SUMMARY_DAYS.map((d) => d.short).join(', ')}.`);
  }
  const summaryTimeText = text('summary-time');
  const summaryTime = summaryTimeText === undefined ? undefined : parseClockTime(summaryTimeText);
  if (summaryTime === null) throw new UsageError('--summary-time is the time the weekly summary is sent, 24-hour HH:MM, e.g. 18:00.');

  return {
    person,
    contactName,
    contactPhone: text('contact-phone'),
    contactEmail,
    smtpUrl,
    smtpFrom,
    ntfy: ntfyUrl === undefined ? undefined : parseNtfyUrl(ntfyUrl),
    ntfyToken: text('ntfy-token'),
    webhookUrl: text('webhook-url'),
    webhookSecret: text('webhook-secret'),
    pin: text('pin'),
    pinCurrent: text('pin-current'),
    region: region?.data,
    trust: (Array.isArray(trust) ? trust : []).map((entry) => parseTrust(String(entry), catalog)),
    startAtLogin: values['no-start-at-login'] !== true,
    summaryDay: summaryDay?.day,
    summaryTime,
    pingUrl: text('ping-url'),
    catalogUrl: text('catalog-url'),
  };
}

/** https://ntfy.sh/mytopic -> { server: 'https://ntfy.sh', topic: 'mytopic' }; a server under a path keeps its path. */
export function parseNtfyUrl(text: string): { server: string; topic: string } {
  const example = 'e.g. https://ntfy.sh/your-topic';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--ntfy-url is the full address of the topic, ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--ntfy-url starts with https://, ${example}.`);
  if (url.username || url.password) throw new UsageError('--ntfy-url must not hold a login; give an access token with --ntfy-token.');
  if (url.search || url.hash) throw new UsageError(`--ntfy-url is the topic's address alone, without ? or #, ${example}.`);
  const segments = url.pathname.split('/').filter(Boolean);
  const topic = segments.pop();
  if (!topic) throw new UsageError(`--ntfy-url must end with the topic, ${example}.`);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(topic)) throw new UsageError('--ntfy-url: an ntfy topic uses only letters, digits, - and _ (at most 64).');
  const server = `${url.origin}${segments.length > 0 ? `/${segments.join('/')}` : ''}`;
  return { server, topic };
}

/** anydesk:123 456 789 -> { toolId: 'anydesk', remoteId: '123456789' }, the tool checked against the catalog. */
export function parseTrust(entry: string, catalog: Catalog): TrustedHelper {
  const colon = entry.indexOf(':');
  const toolId = entry.slice(0, colon).trim().toLowerCase();
  const remoteId = entry.slice(colon + 1).replace(/\s+/g, '');
  if (colon < 0 || !toolId || !remoteId) throw new UsageError(`--trust takes TOOL:ID, e.g. anydesk:123456789 (not "${entry}").`);
  if (!catalog.byId(toolId)) {
    const some = catalog.tools.slice(0, 6).map((t) => t.id).join(', ');
    throw new UsageError(`--trust: "${toolId}" is not a tool Pause Guard knows. Some it knows: ${some} (${catalog.tools.length} in all).`);
  }
  if (remoteId.length > 64) throw new UsageError('--trust: a remote ID can be at most 64 characters.');
  return { toolId, remoteId, label: '' };
}

/** The option a setup field's problem is about ("contact.email.smtpUrl" -> "--smtp-url"). */
export function optionOfField(field: string): string {
  const options: [RegExp, string][] = [
    [/^person$/, '--person'], [/^contact\.name$/, '--contact-name'], [/^contact\.phone$/, '--contact-phone'],
    [/^contact\.channels$/, '--ntfy-url, --contact-email or --webhook-url'],
    [/^contact\.ntfy\.token$/, '--ntfy-token'], [/^contact\.ntfy\./, '--ntfy-url'],
    [/^contact\.email\.to$/, '--contact-email'], [/^contact\.email\.smtpUrl$/, '--smtp-url'], [/^contact\.email\.from$/, '--smtp-from'],
    [/^contact\.webhook\.secret$/, '--webhook-secret'], [/^contact\.webhook\./, '--webhook-url'],
    [/^newPin/, '--pin'], [/^currentPin$/, '--pin-current'], [/^trustedHelpers\./, '--trust'],
    [/^weeklySummary\.day$/, '--summary-day'], [/^weeklySummary\.time$/, '--summary-time'], [/^pingUrl$/, '--ping-url'], [/^catalogUrl$/, '--catalog-url'],
  ];
  return options.find(([pattern]) => pattern.test(field))?.[1] ?? field;
}
