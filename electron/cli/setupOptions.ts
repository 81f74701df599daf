// Reads `setup --non-interactive`'s options into one checked request: ntfy topic URLs split, trusted tools checked
// against the catalog, every mistake one plain sentence (UsageError). Never touches files.
import { validatePinFormat } from '../../shared/pin';
import { PingUrlSchema, RegionSchema, type Region, type TrustedHelper } from '../../shared/settings';
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
};

/** What the command line asks for; undefined means "not given: keep what is there". */
export interface SetupRequest {
  person: string;
  contactName: string;
  contactPhone?: string;
  contactEmail?: string;
  smtpUrl?: string;
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
  for (const [name, value] of [['person', person], ['contact-name', contactName]] as const) {
    if (value.length > 60) throw new UsageError(`--${name} can be at most 60 characters.`);
  }

  const pin = text('pin');
  if (pin !== undefined && validatePinFormat(pin)) throw new UsageError(`--pin: ${validatePinFormat(pin)}`);
  const regionText = text('region');
  const region = regionText === undefined ? undefined : RegionSchema.safeParse(regionText.toUpperCase());
  if (region && !region.success) throw new UsageError(`--region is one of ${RegionSchema.options.join(', ')}.`);

  const contactEmail = text('contact-email');
  const smtpUrl = text('smtp-url');
  if (smtpUrl !== undefined && contactEmail === undefined) {
    throw new UsageError('--smtp-url needs --contact-email: the address the alerts are sent to.');
  }
  const ntfyUrl = text('ntfy-url');
  const webhookSecret = text('webhook-secret');
  if (webhookSecret !== undefined && webhookSecret.length < 16) throw new UsageError('--webhook-secret must be at least 16 characters.');
  const trust = values.trust;
  const dayWord = text('summary-day')?.toLowerCase();
  const summaryDay = dayWord === undefined ? undefined : SUMMARY_DAYS.find((d) => d.short === dayWord || d.name.toLowerCase() === dayWord);
  if (dayWord !== undefined && !summaryDay) {
    throw new UsageError(`--summary-day is the day the weekly summary is sent: one of ${SUMMARY_DAYS.map((d) => d.short).join(', ')}.`);
  }
  const summaryTimeText = text('summary-time');
  const summaryTime = summaryTimeText === undefined ? undefined : parseClockTime(summaryTimeText);
  if (summaryTime === null) throw new UsageError('--summary-time is the time the weekly summary is sent, 24-hour HH:MM, e.g. 18:00.');
  const pingUrl = text('ping-url');
  if (pingUrl !== undefined && !PingUrlSchema.safeParse(pingUrl).success) {
    throw new UsageError('--ping-url is the whole address your Healthchecks check shows, starting with https://, e.g. https://hc-ping.com/your-check-code.');
  }

  return {
    person,
    contactName,
    contactPhone: text('contact-phone'),
    contactEmail,
    smtpUrl,
    ntfy: ntfyUrl === undefined ? undefined : parseNtfyUrl(ntfyUrl),
    ntfyToken: text('ntfy-token'),
    webhookUrl: text('webhook-url'),
    webhookSecret,
    pin,
    pinCurrent: text('pin-current'),
    region: region?.data,
    trust: (Array.isArray(trust) ? trust : []).map((entry) => parseTrust(String(entry), catalog)),
    startAtLogin: values['no-start-at-login'] !== true,
    summaryDay: summaryDay?.day,
    summaryTime,
    pingUrl,
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
