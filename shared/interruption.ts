// What the person sees during a live scam: the interruption, the calmer tray warning, and the pages the tray opens.
// The main process owns every decision (the countdown, whether carrying on is allowed); the renderer only shows these.
import { z } from 'zod';
import { InterruptionCauseSchema } from './events';
import { ChoiceSchema, NotEndedReasonSchema } from './journal';
import { ContactCardSchema, RegionSchema } from './settings';

const at = z.string().datetime({ offset: true });

export const InterruptionStageSchema = z.enum([
  /** The pause-and-check page with its countdown. */
  'pause',
  /** "End it" was chosen: Pause Guard is ending the tool and checking that it stays gone. */
  'ending',
  /** "End it" was chosen and every process of the tool is gone and stayed gone: "Done. Now hang up the phone." */
  'ended',
  /** "End it" was chosen but the tool could not be ended (see notEnded): what to do instead; the cover stays. */
  'not-ended',
  /** "Call <contact> first": the contact's name and number, large. */
  'calling',
]);

export const SuspensionSchema = z.enum([
  /** The tool is frozen while the countdown runs. */
  'suspended',
  /** This computer does not let Pause Guard freeze it without an administrator; say so in the UI. */
  'not-possible',
  /** Nothing to freeze (a session with no known process). */
  'not-needed',
]);

export const InterruptionViewSchema = z.object({
  id: z.string(),
  /** highest: a live session, or the screen shared, while a money page is open. */
  level: z.enum(['interrupt', 'highest']),
  cause: InterruptionCauseSchema,
  tool: z.object({ toolId: z.string().nullable(), name: z.string(), description: z.string() }),
  remoteId: z.string().nullable(),
  remoteAddress: z.string().nullable(),
  /** How many starts or connections were merged into this one interruption. */
  occurrences: z.number().int().positive(),
  shownAt: at,
  countdownEndsAt: at,
  /** True once the countdown has ended in the main process; only then is "I started this myself" offered. */
  canCarryOn: z.boolean(),
  suspension: SuspensionSchema,
  stage: InterruptionStageSchema,
  /** Why the tool could not be ended, in the not-ended stage; null otherwise. */
  notEnded: NotEndedReasonSchema.nullable(),
  region: RegionSchema,
  personName: z.string().nullable(),
  contact: ContactCardSchema.nullable(),
  /** True when a family PIN is set; otherwise carrying on needs the typed confirmation word. */
  pinRequired: z.boolean(),
  /** The word to type when no PIN is set. */
  confirmationWord: z.string(),
});
export type InterruptionView = z.infer<typeof InterruptionViewSchema>;

/** A calmer, not full-screen warning: a warn-tier tool started, a catalog installer arrived, a trusted helper connected or
 *  the screen is being shared. */
export const WarningViewSchema = z.object({
  id: z.string(),
  cause: z.enum(['tool-started', 'installer-downloaded', 'trusted-session', 'screen-sharing']),
  tool: z.object({ toolId: z.string().nullable(), name: z.string(), description: z.string() }),
  at,
  region: RegionSchema,
  contact: ContactCardSchema.nullable(),
});
export type WarningView = z.infer<typeof WarningViewSchema>;

/** The pages a window (or the preview's one page) can show. */
export const PageSchema = z.enum(['status', 'interruption', 'warning', 'worried', 'summary', 'setup', 'check']);
export type Page = z.infer<typeof PageSchema>;

export const ChoiceRequestSchema = z.object({
  id: z.string(),
  choice: ChoiceSchema,
  /** The family PIN, or the confirmation word when no PIN is set; only for started-it-myself. */
  secret: z.string().max(32).optional(),
});

export const ChoiceResultSchema = z.object({
  ok: z.boolean(),
  /** One plain sentence when not ok: "That PIN is not right." / "Please wait until the countdown has finished." */
  message: z.string().nullable(),
  lockedUntil: at.nullable(),
});
export type ChoiceResult = z.infer<typeof ChoiceResultSchema>;

/** Takes the "Done" page off the screen; only once the tool has been ended and stayed gone ("End it"). */
export const CloseInterruptionRequestSchema = z.object({ id: z.string() });

/** How long protection may be paused, in hours: then it resumes by itself. */
export const PAUSE_HOURS = [1, 2, 4] as const;

/** A tray action that needs the family PIN (or the confirmation word when no PIN is set). */
export const ProtectedActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('quit') }),
  z.object({ action: z.literal('pause'), hours: z.union([z.literal(1), z.literal(2), z.literal(4)]) }),
]);
export type ProtectedAction = z.infer<typeof ProtectedActionSchema>;

/** What the PIN page shows when the tray asks for one of those actions. */
export const ProtectedActionPromptSchema = z.object({
  request: ProtectedActionSchema,
  pinRequired: z.boolean(),
  confirmationWord: z.string(),
  /** How the page words the time a pause ends or a lockout lifts. */
  region: RegionSchema,
});
export type ProtectedActionPrompt = z.infer<typeof ProtectedActionPromptSchema>;

/** The PIN page's answer: the action and the PIN (or the confirmation word). */
export const ProtectedActionRequestSchema = z.object({ request: ProtectedActionSchema, secret: z.string().max(32) });
