// The setup window's contract: what it shows (never a secret in clear), what it sends, and the answers it gets back.
import { z } from 'zod';
import { AlertChannelSchema } from './events';
import { ContactCardSchema, RegionSchema, TrustedHelperSchema, WeeklySummaryTimeSchema } from './settings';

/** A contact as the setup window sees it: secrets are never sent to the renderer, only whether one is set. */
export const ContactViewSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  ntfy: z.object({ server: z.string(), topic: z.string(), hasToken: z.boolean() }).nullable(),
  /** `from`: the sender address written at setup; `sendsFromLogin`: the server's login is an address alerts can be sent from. */
  email: z.object({ to: z.string(), smtpHost: z.string(), hasPassword: z.boolean(), from: z.string().nullable(), sendsFromLogin: z.boolean() }).nullable(),
  webhook: z.object({ url: z.string(), hasSecret: z.boolean() }).nullable(),
});

export const SetupViewSchema = z.object({
  /** False: the PIN was given (or none is set yet), so the whole of the settings is shown. */
  locked: z.literal(false),
  person: z.string().nullable(),
  region: RegionSchema,
  contacts: z.array(ContactViewSchema),
  trustedHelpers: z.array(TrustedHelperSchema),
  startAtLogin: z.boolean(),
  weeklySummary: WeeklySummaryTimeSchema,
  pinSet: z.boolean(),
  setupComplete: z.boolean(),
  /** A fresh, unguessable ntfy topic to offer, with its subscribe link and QR code (SVG markup made by the main process). */
  ntfySuggestion: z.object({ server: z.string(), topic: z.string(), subscribeUrl: z.string(), qrSvg: z.string() }),
  /** The tools a helper can be trusted on: id and display name. */
  trustableTools: z.array(z.object({ toolId: z.string(), name: z.string() })),
  /** The heartbeat ping URL saved, if any. */
  pingUrl: z.string().nullable().optional(),
  /** The self-hosted address of the list of remote-access programs, if any. */
  catalogUrl: z.string().nullable().optional(),
});
export type SetupView = z.infer<typeof SetupViewSchema>;

/** What anyone at the PC may see before the family PIN is given: whose computer it is and whom to call. */
export const SetupLockedViewSchema = z.object({
  locked: z.literal(true),
  person: z.string().nullable(),
  contact: ContactCardSchema.nullable(),
  /** Why the PIN given was not taken (wrong, locked out), or null when none was given yet. */
  message: z.string().nullable(),
});
export type SetupLockedView = z.infer<typeof SetupLockedViewSchema>;

/** getSetup's answer: the settings once the PIN is given (or before any is set), otherwise only the locked view. */
export const SetupPageViewSchema = z.discriminatedUnion('locked', [SetupLockedViewSchema, SetupViewSchema]);
export type SetupPageView = z.infer<typeof SetupPageViewSchema>;

/** getSetup's input: the family PIN, to see the settings once one is set. */
export const SetupUnlockSchema = z.object({ pin: z.string().max(8) });
export type SetupUnlock = z.infer<typeof SetupUnlockSchema>;

/** What the setup window sends. Secrets left empty keep the ones already stored. */
export const SetupInputSchema = z.object({
  person: z.string().max(60),
  region: RegionSchema,
  contact: z.object({
    name: z.string().max(60),
    phone: z.string().max(30),
    ntfy: z.object({ server: z.string().max(300), topic: z.string().max(64), token: z.string().max(200) }).nullable(),
    /** `from` is the sender address; empty sends from the login in the mail server address. */
    email: z.object({ to: z.string().max(254), smtpUrl: z.string().max(500), from: z.string().max(254) }).nullable(),
    webhook: z.object({ url: z.string().max(500), secret: z.string().max(200) }).nullable(),
  }),
  /** The new PIN, typed twice; both empty keeps the current one. */
  newPin: z.string().max(8),
  newPinAgain: z.string().max(8),
  trustedHelpers: z.array(z.object({ toolId: z.string().max(64), remoteId: z.string().max(64), label: z.string().max(60) })).max(20),
  startAtLogin: z.boolean(),
  /** When the trusted contact gets the weekly summary: day 0 = Sunday, local time. Always sent whole. */
  weeklySummary: WeeklySummaryTimeSchema.required(),
  /** The current PIN, needed to change settings once one is set. */
  currentPin: z.string().max(8),
  /** The heartbeat ping URL; empty for none; not sent keeps the saved one. */
  pingUrl: z.string().max(500).optional(),
  /** The self-hosted address of the list of remote-access programs; empty for the usual one; not sent keeps the saved one. */
  catalogUrl: z.string().max(500).optional(),
});
export type SetupInput = z.infer<typeof SetupInputSchema>;

export const SetupResultSchema = z.object({
  ok: z.boolean(),
  /** One plain message per field that needs fixing, keyed by a dotted field path ("contact.email.to"). */
  fieldErrors: z.record(z.string(), z.string()),
  /** One plain sentence about the whole form (wrong PIN, locked, could not save), or null. */
  message: z.string().nullable(),
});
export type SetupResult = z.infer<typeof SetupResultSchema>;

export const TestAlertResultSchema = z.object({
  results: z.array(z.object({ channel: AlertChannelSchema, ok: z.boolean(), message: z.string() })),
  /** Why nothing was sent (one went out less than a minute ago), in one plain sentence. */
  refused: z.string().optional(),
});
export type TestAlertResult = z.infer<typeof TestAlertResultSchema>;
