// How many messages this PC has sent to each ntfy server today (UTC), kept in the data folder across restarts, so the
// check-in reschedules stay inside the server's daily limit and leave room for the alerts. Every publish and every
// delete counts: alerts, test alerts, check-ins. It never refuses an alert: it only counts; the check-in decides.
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomicFile';

/**
 * ntfy.sh allows a visitor 250 messages a day, reset at midnight UTC (docs.ntfy.sh/publish, "Limitations": "On ntfy.sh,
 * the daily message limit is 250"). A self-hosted server has no daily limit unless `visitor-message-daily-limit` is set;
 * the same figure is used for every server, which is only ever too careful.
 */
export const NTFY_DAILY_MESSAGES = 250;

const BUDGET_FILE = 'ntfy-sent-today.json';

export interface NtfyBudget {
  /** Counts one message (a publish or a delete) to this server, now. */
  spend(server: string): Promise<void>;
  /** Messages sent to this server since midnight UTC. */
  sentToday(server: string): number;
}

interface BudgetFile {
  /** The UTC day the counts are for, YYYY-MM-DD. */
  day: string;
  sent: Record<string, number>;
}

export async function openNtfyBudget(dataDir: string, now: () => Date = () => new Date()): Promise<NtfyBudget> {
  const file = path.join(dataDir, BUDGET_FILE);
  const today = (): string => now().toISOString().slice(0, 10);
  let counts: BudgetFile = await fs.readFile(file, 'utf8').then(parseBudget, () => ({ day: today(), sent: {} }));
  const current = (): BudgetFile => {
    if (counts.day !== today()) counts = { day: today(), sent: {} };
    return counts;
  };
  let writing: Promise<void> = Promise.resolve();
  return {
    async spend(server) {
      const key = serverKey(server);
      const budget = current();
      budget.sent[key] = (budget.sent[key] ?? 0) + 1;
      const json = JSON.stringify(budget);
      // A count that cannot be written is only a count: the send itself must not fail for it.
      writing = writing.then(() => writeFileAtomic(file, json)).catch(() => undefined);
      await writing;
    },
    sentToday: (server) => current().sent[serverKey(server)] ?? 0,
  };
}

/** A damaged or hand-edited file counts as nothing sent: the server's own limit still holds. */
function parseBudget(text: string): BudgetFile {
  try {
    const value = JSON.parse(text) as Partial<BudgetFile>;
    if (typeof value.day !== 'string' || typeof value.sent !== 'object' || value.sent === null) throw new Error('not a budget');
    const sent = Object.fromEntries(Object.entries(value.sent).filter(([, n]) => Number.isInteger(n) && (n as number) >= 0)) as Record<string, number>;
    return { day: value.day, sent };
  } catch {
    return { day: '', sent: {} };
  }
}

/** The limit is per server, not per topic: its origin ("https://ntfy.sh"). */
function serverKey(server: string): string {
  try {
    return new URL(server).origin;
  } catch {
    return server;
  }
}
