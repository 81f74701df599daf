// What the journal records: every engine event, plus the facts only the app knows (heartbeats, choices, PIN tries).
// One source for the journal writer, the weekly summary and the alerts. No Node or DOM imports.
import { z } from 'zod';
import { GuardianEventSchema } from './events';
import { CleanupKindSchema } from './installedCheck';

const at = z.string().datetime({ offset: true });

/** Why the running app found a stretch it did not run: the computer was asleep, or the app was held still while it ran. */
export const HeldCauseSchema = z.enum(['asleep', 'stalled']);
export type HeldCause = z.infer<typeof HeldCauseSchema>;

/**
 * What Pause Guard found changed outside it: what it seals (its settings, the journal, the sealing key itself), or the
 * signed list of remote-access programs kept in the data folder.
 */
export const TamperedSchema = z.enum(['settings', 'journal', 'seal-key', 'catalog']);
export type Tampered = z.infer<typeof TamperedSchema>;

/** The choice the person made on the interruption screen. */
export const ChoiceSchema = z.enum(['end-it', 'call-contact', 'started-it-myself']);
export type Choice = z.infer<typeof ChoiceSchema>;

/** Why "End it" did not end the tool: nothing Pause Guard could end, ending was refused or failed, or it kept running or came back. */
export const NotEndedReasonSchema = z.enum(['nothing-to-end', 'refused', 'came-back']);
export type NotEndedReason = z.infer<typeof NotEndedReasonSchema>;

/** Why a downloaded catalog was not put in force (the one in force stays): see electron/guardian/catalogUpdates/. */
export const CatalogRefusalSchema = z.enum(['bad-signature', 'downgrade', 'malformed', 'oversized', 'incomplete', 'unreachable', 'plain-http', 'timeout']);
export type CatalogRefusal = z.infer<typeof CatalogRefusalSchema>;

export const AppRecordSchema = z.discriminatedUnion('type', [
  /** The app started; `version` is the app's. */
  z.object({ type: z.literal('app-started'), at, version: z.string() }),
  /** Protection is on and the engine is alive; written every few minutes so uptime can be measured. */
  z.object({ type: z.literal('heartbeat'), at }),
  /** A stop the app chose (quit with the PIN, shut-down): the gap after it is not a surprise. */
  z.object({ type: z.literal('clean-stop'), at, reason: z.enum(['quit', 'shutdown', 'update']) }),
  /**
   * Protection was off from `from` to `to` without a clean stop. Found at start (a kill, a crash, a long gap: no
   * `cause`), or by the running app: the computer was `asleep`, or the app was `stalled` (held still while it ran).
   */
  z.object({ type: z.literal('protection-gap'), at, from: at, to: at, clean: z.boolean(), cause: HeldCauseSchema.optional() }),
  z.object({ type: z.literal('protection-paused'), at, until: at }),
  z.object({ type: z.literal('protection-resumed'), at }),
  z.object({ type: z.literal('choice'), at, interruptionId: z.string(), choice: ChoiceSchema, toolId: z.string().nullable() }),
  /** What "End it" really did: `ended` only when every process of the tool was listed again and stayed gone. */
  z.object({
    type: z.literal('end-it-outcome'), at, interruptionId: z.string(), toolId: z.string().nullable(), name: z.string(),
    outcome: z.enum(['ended', 'not-ended']), reason: NotEndedReasonSchema.nullable(),
  }),
  /** A choice to carry on or switch protection off made with injected clicks or keys while someone else was moving the
   *  mouse (see pin/ownHandsGate.ts): refused before the PIN was looked at. */
  z.object({ type: z.literal('choice-not-own-hands'), at, action: z.string() }),
  /** A wrong PIN try; `lockedUntil` when it started a lockout. */
  z.object({ type: z.literal('pin-failed'), at, action: z.string(), lockedUntil: at.nullable() }),
  /** Which settings changed, by name only (never the values: they may hold addresses and secrets). */
  z.object({ type: z.literal('settings-changed'), at, fields: z.array(z.string()) }),
  /** The settings file was unreadable and was kept aside; protection went on with safe defaults. */
  z.object({ type: z.literal('settings-reset'), at, keptAs: z.string().nullable(), reason: z.string() }),
  z.object({ type: z.literal('weekly-summary-sent'), at, week: z.string() }),
  /** Pause Guard was started with a debugger switch (remote debugging, the inspector): it refused to run that way. */
  z.object({ type: z.literal('debugger-refused'), at, switches: z.array(z.string()) }),
  /** A sealed file was removed or changed outside Pause Guard (`reason` is one plain sentence); what was found kept as `keptAs`. */
  z.object({ type: z.literal('tampering'), at, what: TamperedSchema, reason: z.string(), keptAs: z.string().nullable() }),
  /**
   * A step of "Check this computer" was taken with the PIN: what it was (`step`), for which program, and whether it did
   * what it says (`ok`); `message` is the plain sentence the person saw.
   */
  z.object({ type: z.literal('clean-up'), at, toolId: z.string(), name: z.string(), step: CleanupKindSchema, ok: z.boolean(), message: z.string() }),
  /** A test alert was asked for (CLI or setup window); `refused` when one had gone out less than a minute before. */
  z.object({ type: z.literal('test-alert'), at, refused: z.boolean() }),
  /**
   * One check for a newer list of remote-access programs: `updated` put a newer one in force, `unchanged` found none,
   * `refused` kept the one in force (`reason`, and `message` in one plain sentence). `version` and `date` are the
   * list's in force after the check.
   */
  z.object({
    type: z.literal('catalog-check'), at, outcome: z.enum(['updated', 'unchanged', 'refused']), version: z.number().int(),
    date: z.string().nullable(), reason: CatalogRefusalSchema.nullable(), message: z.string().nullable(),
  }),
]);
export type AppRecord = z.infer<typeof AppRecordSchema>;

/** One journal record: an engine event or an app record. */
export const JournalRecordSchema = z.union([GuardianEventSchema, AppRecordSchema]);
export type JournalRecord = z.infer<typeof JournalRecordSchema>;
export type JournalRecordType = JournalRecord['type'];
