// The weekly safety summary: what the CLI prints as JSON, what the summary window and the weekly email show.
// One schema for the engine that computes it and everything that displays it. No Node or DOM imports.
import { z } from 'zod';
import { ChoiceSchema, TamperedSchema } from './journal';
import { RegionSchema } from './settings';

const at = z.string().datetime({ offset: true });
const count = z.number().int().min(0);
/** A share of time, 0 to 100, rounded down to a tenth (100 only when nothing was missed); null for time not yet come. */
const percent = z.number().min(0).max(100).nullable();

/** An ISO week, e.g. "2026-W48". */
export const IsoWeekStringSchema = z.string().regex(/^\d{4}-W\d{2}$/);

/**
 * Why protection was off: the PC shut down, Pause Guard was quit or updated (each with a clean stop), paused, or
 * no sign of it at all (the computer off or asleep without a clean stop, or the program killed).
 */
export const GapCauseSchema = z.enum(['shutdown', 'asleep', 'quit', 'update', 'paused', 'unexplained', 'stalled']);
export type GapCause = z.infer<typeof GapCauseSchema>;

export const SummaryGapSchema = z.object({ from: at, to: at, cause: GapCauseSchema });
export type SummaryGap = z.infer<typeof SummaryGapSchema>;

export const WeeklySummarySchema = z.object({
  week: IsoWeekStringSchema,
  /** The IANA time zone the week's days were cut in. */
  timeZone: z.string(),
  /** The family's region: how the summary words its dates and times. */
  region: RegionSchema.default('GB'),
  /** Monday 00:00 local, and the next Monday 00:00 local. */
  from: at,
  to: at,
  /** The end of the time measured: the week's end, or the moment the summary was made in the current week. */
  measuredUntil: at,
  uptimePercent: percent,
  gaps: z.array(SummaryGapSchema),
  toolsSeen: z.array(z.object({ toolId: z.string().nullable(), name: z.string(), count })),
  /** Installers seen in the Downloads folder, once per file. */
  installers: z.array(z.object({ toolId: z.string().nullable(), name: z.string(), path: z.string(), firstSeen: at })),
  sessions: z.object({
    trusted: count,
    unknown: count,
    /** Who connected in: one line per tool and remote ID (or address, where the tool shows no ID). */
    remoteIds: z.array(z.object({
      toolId: z.string().nullable(),
      name: z.string(),
      remoteId: z.string().nullable(),
      remoteAddress: z.string().nullable(),
      trusted: z.boolean(),
      count,
    })),
    /** Sessions the tools' own logs recorded before Pause Guard saw them (old lines, a session written down after it
     *  ended), each told in the first week it was found; `since`/`until` are null where the log does not say. */
    past: z.array(z.object({
      toolId: z.string(),
      name: z.string(),
      remoteId: z.string().nullable(),
      since: at.nullable(),
      until: at.nullable(),
      trusted: z.boolean(),
    })),
  }),
  /** Times someone else was seen moving the mouse (remote-input: input a program made, whatever the tool). */
  remoteInput: count,
  interruptions: z.object({ shown: count, choices: z.record(ChoiceSchema, count) }),
  /** Tools "End it" could not close (ending refused, or they came back, or nothing to close), by how often. */
  couldNotClose: z.array(z.object({ toolId: z.string().nullable(), name: z.string(), count })),
  /** Alerts to the trusted contact, one per alert and channel: delivered, or not delivered by the week's end. */
  alerts: z.object({ delivered: count, failed: count }),
  pinFailures: count,
  settingsChanges: z.object({ count, fields: z.array(z.string()), resets: count }),
  /** Each time a sealed file (settings, PIN lockout, journal) was found removed or changed outside Pause Guard. */
  tampering: z.array(z.object({ at, what: TamperedSchema })),
  /** Monday to Sunday, for the bar chart. `events` counts what the summary lists (not heartbeats). */
  days: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), uptimePercent: percent, events: count })).length(7),
  /**
   * What kept Pause Guard current this week: versions of the app first started, lists of remote-access programs put in
   * force, and, when no check for a newer list succeeded in the two weeks before the summary's end (Pause Guard being
   * there before them), when the last one did (null: none in the month read). Absent in summaries made before it existed.
   */
  updates: z.object({
    app: z.array(z.object({ at, version: z.string() })),
    catalog: z.array(z.object({ at, version: z.number().int(), date: z.string().nullable() })),
    checksFailing: z.object({ lastSucceeded: at.nullable() }).nullable(),
  }).optional(),
  /** Remote-access programs "Check this computer" found installed during the week and not trusted by the family. */
  installed: z.array(z.object({ toolId: z.string(), name: z.string(), installedAt: at })).default([]),
  /** Nothing to tell: no tools, installers, programs installed, sessions (live or past), remote input, interruptions, wrong PINs or settings changes. */
  allQuiet: z.boolean(),
});
export type WeeklySummary = z.infer<typeof WeeklySummarySchema>;
