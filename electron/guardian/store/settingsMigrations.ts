// Brings a settings file from an older layout up to SETTINGS_VERSION, one version at a time. Each step checks its input
// and throws a plain message when it cannot use it; the store then keeps the file aside and starts with defaults.
import { z } from 'zod';
import { SETTINGS_VERSION } from '../../../shared/settings';
import { hashPin } from '../pin/pin';

/**
 * Version 0: the pre-release layout. No `version` field; one contact in flat fields; the region as "UK" for the
 * United Kingdom; the PIN in clear; trusted helpers as "tool:id" strings; `autostart` for start at login.
 */
export const SettingsV0Schema = z
  .object({
    version: z.literal(0).optional(),
    name: z.string().nullable().optional(),
    region: z.enum(['UK', 'US', 'CA', 'AU', 'IE']).optional(),
    contactName: z.string().nullable().optional(),
    contactPhone: z.string().nullable().optional(),
    contactEmail: z.string().nullable().optional(),
    smtpUrl: z.string().nullable().optional(),
    ntfyTopic: z.string().nullable().optional(),
    pin: z.string().nullable().optional(),
    trusted: z.array(z.string().regex(/^[a-z0-9-]+:.+$/, 'a trusted helper is written tool:id')).optional(),
    autostart: z.boolean().optional(),
  })
  .refine((v) => !v.contactEmail || v.smtpUrl, 'an email contact needs a mail server');

async function fromV0(raw: unknown): Promise<unknown> {
  const v0 = SettingsV0Schema.parse(raw);
  const contact = v0.contactName
    ? {
        name: v0.contactName,
        phone: v0.contactPhone ?? null,
        email: v0.contactEmail ? { to: v0.contactEmail, smtpUrl: v0.smtpUrl } : null,
        ntfy: v0.ntfyTopic ? { topic: v0.ntfyTopic } : null,
      }
    : null;
  return {
    version: 1,
    person: v0.name ?? null,
    region: v0.region === 'UK' ? 'GB' : v0.region,
    contacts: contact ? [contact] : [],
    pin: v0.pin ? await hashPin(v0.pin) : null,
    trustedHelpers: (v0.trusted ?? []).map((entry) => {
      const [toolId = '', ...rest] = entry.split(':');
      return { toolId, remoteId: rest.join(':').replace(/\s+/g, '') };
    }),
    startAtLogin: v0.autostart ?? true,
    setupComplete: Boolean(v0.name && contact),
  };
}

/** MIGRATIONS[n] turns a version-n file into a version-(n+1) one. */
export const MIGRATIONS: readonly ((raw: unknown) => Promise<unknown>)[] = [fromV0];

/** The version a parsed file says it is: a missing `version` is the pre-release layout, 0. NaN when it is no version at all. */
export function versionOf(raw: Record<string, unknown>): number {
  if (!('version' in raw) || raw.version === undefined) return 0;
  return typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 0 ? raw.version : Number.NaN;
}

/** Runs every step from `from` up to SETTINGS_VERSION. */
export async function migrate(raw: unknown, from: number): Promise<unknown> {
  let current = raw;
  for (let version = from; version < SETTINGS_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`there is no way to update settings version ${version}`);
    current = await step(current);
  }
  return current;
}
