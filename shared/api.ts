// The renderer contract: every method the renderer may call and every event it may receive, declared once with schemas.
// Both transports (electron/ipc.ts and the preview host) and window.pauseGuard are derived from this file alone.
import { z } from 'zod';
import { channelOf, eventNames, methodNames } from './apiNames';
import { ToolTierSchema } from './catalog';
import { SetupInputSchema, SetupPageViewSchema, SetupResultSchema, SetupUnlockSchema, TestAlertResultSchema } from './setup';
import {
  ChoiceRequestSchema, ChoiceResultSchema, CloseInterruptionRequestSchema, InterruptionViewSchema, PageSchema, ProtectedActionPromptSchema,
  ProtectedActionRequestSchema, WarningViewSchema,
} from './interruption';
import { CheckViewSchema, CleanupOutcomeSchema, CleanupRequestSchema } from './installedCheck';
import { ContactCardSchema, RegionSchema } from './settings';
import { IsoWeekStringSchema, WeeklySummarySchema } from './summary';
import { UpdatesViewSchema } from './updates';

/** What the tray and the status page show: is protection on, and what the engine sees right now. */
export const StatusSchema = z.object({
  state: z.enum(['protected', 'warning', 'paused', 'problem']),
  /** One plain sentence for the person at the PC. */
  summary: z.string(),
  watchers: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string().nullable() })),
  toolsRunning: z.array(z.object({ toolId: z.string(), name: z.string(), pid: z.number().int(), tier: ToolTierSchema })),
  since: z.string(),
  /** The region whose advice to show ("I'm on a call and I'm worried"); the settings' region. */
  region: RegionSchema.optional(),
  /** The first trusted contact, shown with the advice so the person can call them; null when none is set. */
  contact: ContactCardSchema.nullable().optional(),
  /** False until the family has finished setup: the status page then offers it. */
  setupComplete: z.boolean().optional(),
  /** The app's version, the list of remote-access programs in force and its last check, and how the app is updated. */
  updates: UpdatesViewSchema.optional(),
});
export type Status = z.infer<typeof StatusSchema>;

/** An advice link the person may open in their own browser; the main process checks it against the allow-list. */
export const ExternalLinkSchema = z.object({ url: z.string().url().max(2048) });

export const methods = {
  getStatus: { input: z.undefined(), output: StatusSchema },
  openExternalLink: { input: ExternalLinkSchema, output: z.object({ opened: z.boolean() }) },
  /** The interruption on screen now, or null. */
  getInterruption: { input: z.undefined(), output: InterruptionViewSchema.nullable() },
  /** The person's choice on the interruption: end-it, call-contact, or started-it-myself (with the PIN). */
  choose: { input: ChoiceRequestSchema, output: ChoiceResultSchema },
  /** "Close" on the Done page: refused unless the tool was ended. */
  closeInterruption: { input: CloseInterruptionRequestSchema, output: ChoiceResultSchema },
  /** The PIN page's answer to a protectedAction prompt (quit, pause protection). */
  confirmProtectedAction: { input: ProtectedActionRequestSchema, output: ChoiceResultSchema },
  /**
   * What the setup window shows: current settings without secrets, a suggested ntfy topic and its QR code. Once a PIN
   * is set, only with it: without it (or with a wrong one, counted and told) the contact's name and phone alone.
   */
  getSetup: { input: SetupUnlockSchema.optional(), output: SetupPageViewSchema },
  /** Saves the setup window's form; needs the current PIN once one is set. */
  saveSetup: { input: SetupInputSchema, output: SetupResultSchema },
  /** Sends a test alert on every configured channel. */
  sendTestAlert: { input: z.undefined(), output: TestAlertResultSchema },
  /** The weekly safety summary of an ISO week ("2026-W48"); the last full week when none is given. */
  getWeeklySummary: { input: z.object({ week: IsoWeekStringSchema.optional() }), output: WeeklySummarySchema },
  /** "Check this computer": every remote-access program installed here, and the steps that remove them. */
  checkComputer: { input: z.undefined(), output: CheckViewSchema },
  /** Takes one step of the check, with the family PIN (or the confirmation word when none is set). */
  cleanUpStep: { input: CleanupRequestSchema, output: CleanupOutcomeSchema },
} as const;

export const events = {
  status: StatusSchema,
  /** The interruption to show (or null when it is over); sent on every change, e.g. when the countdown ends. */
  interruption: InterruptionViewSchema.nullable(),
  /** A calm tray warning to show when the person asks "What does this mean?". */
  warning: WarningViewSchema,
  /** The tray asked for a page: "I'm on a call and I'm worried", the weekly summary, settings. */
  showPage: PageSchema,
  /** The tray asked for something that needs the family PIN: show the PIN page for it. */
  protectedAction: ProtectedActionPromptSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** Exactly the same names both ways: a method or event added to one list and not the other does not compile. */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type MustBeTrue<T extends true> = T;
export type NamesMatchSchemas = [
  MustBeTrue<SameNames<(typeof methodNames)[number], MethodName>>,
  MustBeTrue<SameNames<(typeof eventNames)[number], EventName>>,
];
export { channelOf, eventNames, methodNames };

/** window.pauseGuard, exactly: one async function per method, and one subscription call for events. */
export type PauseGuardApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
