// The settings schema, versioned: who the PC belongs to, the trusted contact and their channels, PIN, region, helpers.
// One source for the store (electron/guardian/store/), the CLI's setup command and the setup window. No Node or DOM imports.
import { z } from 'zod';

export const SETTINGS_VERSION = 1;

export const RegionSchema = z.enum(['GB', 'US', 'CA', 'AU', 'IE']);
export type Region = z.infer<typeof RegionSchema>;

/** ntfy push: a topic on a server (default https://ntfy.sh); the topic is random and unguessable, made at setup. */
export const NtfyChannelSchema = z.object({
  server: z.string().url().default('https://ntfy.sh'),
  topic: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An ntfy topic uses only letters, digits, - and _.'),
  /** Access token for a self-hosted server that needs one. */
  token: z.string().min(1).nullable().default(null),
});

/** Email through SMTP: smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS). */
export const EmailChannelSchema = z.object({
  to: z.string().email('That does not look like an email address.'),
  smtpUrl: z.string().regex(/^smtps?:\/\/.+/i, 'The mail server address starts with smtp:// or smtps://.'),
  /** The sender address; defaults to the SMTP login. */
  from: z.string().email().nullable().default(null),
});

/** A JSON POST of each alert; signed with HMAC-SHA256 when a secret is set. */
export const WebhookChannelSchema = z.object({
  url: z.string().url().regex(/^https?:\/\//i, 'A webhook address starts with http:// or https://.'),
  secret: z.string().min(16).nullable().default(null),
});

export const ContactSchema = z.object({
  name: z.string().trim().min(1, 'Please give the contact a name.').max(60),
  /** Shown large on the interruption so the person can call; never dialled by the app. */
  phone: z.string().trim().max(30).nullable().default(null),
  ntfy: NtfyChannelSchema.nullable().default(null),
  email: EmailChannelSchema.nullable().default(null),
  webhook: WebhookChannelSchema.nullable().default(null),
});
export type Contact = z.infer<typeof ContactSchema>;

/** What a page shows of the trusted contact, so the person can call them: the name and the phone, nothing else. */
export const ContactCardSchema = z.object({ name: z.string(), phone: z.string().nullable() });
export type ContactCard = z.infer<typeof ContactCardSchema>;

/** The first trusted contact's card, or null before one is set up. */
export function contactCardOf(settings: { contacts: readonly Contact[] }): ContactCard | null {
  const contact = settings.contacts[0];
  return contact ? { name: contact.name, phone: contact.phone } : null;
}

/** A helper the family trusts: their own remote ID on a tool, so their help does not set off an interruption. */
export const TrustedHelperSchema = z.object({
  toolId: z.string().min(1),
  /** The remote ID as the tool shows it, digits only once spaces are taken out (AnyDesk 123 456 789). */
  remoteId: z.string().trim().min(1).max(64),
  label: z.string().trim().max(60).default(''),
});
export type TrustedHelper = z.infer<typeof TrustedHelperSchema>;

/** The family PIN, never stored in clear: scrypt with a per-install salt. */
export const PinHashSchema = z.object({
  algorithm: z.literal('scrypt'),
  salt: z.string().min(16),
  hash: z.string().min(32),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
export type PinHash = z.infer<typeof PinHashSchema>;

/** Where the heartbeat pings go: an http(s) address the family's Healthchecks gave them. */
export const PingUrlSchema = z.string().url().regex(/^https?:\/\//i, 'A ping address starts with http:// or https://.');

/** A self-hosted copy of the signed list of remote-access programs: HTTPS only, since the list decides what is caught. */
export const CatalogUrlSchema = z.string().max(500).url().regex(/^https:\/\/[^/]/i, 'The list address starts with https://.');

export const WeeklySummaryTimeSchema = z.object({
  /** 0 = Sunday ... 6 = Saturday, local time. */
  day: z.number().int().min(0).max(6).default(0),
  hour: z.number().int().min(0).max(23).default(18),
  minute: z.number().int().min(0).max(59).default(0),
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** The name of the person this PC belongs to ("Mum"); null before setup. */
  person: z.string().trim().min(1).max(60).nullable().default(null),
  region: RegionSchema.default('GB'),
  contacts: z.array(ContactSchema).max(5).default([]),
  pin: PinHashSchema.nullable().default(null),
  trustedHelpers: z.array(TrustedHelperSchema).max(20).default([]),
  startAtLogin: z.boolean().default(true),
  /** Seconds before any way to carry on past an interruption is offered. */
  countdownSeconds: z.number().int().min(10).max(120).default(30),
  weeklySummary: WeeklySummaryTimeSchema.default({ day: 0, hour: 18, minute: 0 }),
  /** A heartbeat ping URL (healthchecks.io or a self-hosted Healthchecks): a GET every few minutes while protection runs. */
  pingUrl: PingUrlSchema.nullable().default(null),
  /** Where the signed list of remote-access programs is fetched from; null for the newest GitHub release's copy. */
  catalogUrl: CatalogUrlSchema.nullable().default(null),
  /** True once the family has finished setup; protection is on before that too. */
  setupComplete: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Protection from the very first start: region GB, no PIN, no contact. */
export const defaultSettings = (): Settings => SettingsSchema.parse({ version: SETTINGS_VERSION });
