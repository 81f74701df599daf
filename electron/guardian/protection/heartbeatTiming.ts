// How often the running app writes a heartbeat, and how long a silence in the journal may last before it counts as
// protection being off. One place for the heartbeat writer and the weekly summary, so both judge gaps alike.

export const HEARTBEAT_INTERVAL_MS = 5 * 60_000;

/** Timers run late on a busy or waking machine: this much on top of two missed heartbeats is still not a gap. */
export const HEARTBEAT_SLACK_MS = 60_000;

/** The longest silence between two journal records that still counts as protected. */
export function longestQuietMs(intervalMs: number = HEARTBEAT_INTERVAL_MS): number {
  return 2 * intervalMs + HEARTBEAT_SLACK_MS;
}
