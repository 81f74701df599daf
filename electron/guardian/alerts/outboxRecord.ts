// The outbox's file for one alert: its words, and for each channel whether it is delivered, failed or still to try.
// Read back with this schema after a crash; a file that does not match is kept aside, never trusted.
import { z } from 'zod';
import { AlertChannelSchema, AlertKindSchema } from '../../../shared/events';

const at = z.string().datetime({ offset: true });

export const ChannelStateSchema = z.object({
  channel: AlertChannelSchema,
  /**
   * 'waiting': failed for good because of the settings (no sender, a refused login, the channel taken out): kept, and
   * sent again once the channel is set up anew. 'failed': still failing after three days, given up.
   */
  status: z.enum(['pending', 'delivered', 'failed', 'waiting']),
  attempts: z.number().int().min(0),
  nextAttemptAt: at,
  /** Set before each send: with status still pending after a restart, the last send's outcome is unknown. */
  lastAttemptAt: at.nullable(),
  lastError: z.string().nullable(),
  deliveredAt: at.nullable(),
  /** It was waiting because its channel was not in the settings: it goes again once the channel is back, even unchanged. */
  takenOut: z.boolean().optional(),
});
export type ChannelState = z.infer<typeof ChannelStateSchema>;

export const OutboxRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().uuid(),
  kind: AlertKindSchema,
  createdAt: at,
  content: z.object({
    title: z.string(),
    text: z.string(),
    html: z.string(),
    priority: z.enum(['urgent', 'high', 'default', 'low']),
    tags: z.array(z.string()),
    short: z.string().optional(),
  }),
  /** Keyed by the channel's key (see channelsFromSettings.channelKey). */
  channels: z.record(z.string(), ChannelStateSchema),
});
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;

/** Waits before the next try after `failedAttempts` failures: 5 s, 15 s, 1 min, 5 min, 15 min, then hourly, less up to
 * 20% at random so many PCs coming back online do not retry in step (never more than an hour). */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const steps = [5_000, 15_000, 60_000, 300_000, 900_000, 3_600_000];
  const base = steps[Math.min(Math.max(failedAttempts, 1), steps.length) - 1] ?? 3_600_000;
  return Math.round(base * (1 - 0.2 * random()));
}
