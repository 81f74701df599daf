// "End it" as the person means it: ends every process of the tool, then lists the processes again and again for a few
// seconds, and calls it ended only when none was left and none came back (a supervisor or a service that restarts the
// tool at once is not ended). It never reports 'ended' on a failed, refused or empty try.
import type { NotEndedReason } from '../../../shared/journal';
import type { ProcessControl } from './processControl';

/** How long every process of the tool must stay gone, listed again each RELIST_MS, before "End it" counts as done. */
export const STAYS_GONE_MS = 3000;
export const RELIST_MS = 250;

export type EndOutcome = { outcome: 'ended' } | { outcome: 'not-ended'; reason: NotEndedReason; running: number[] };

export interface EndForGoodOptions {
  processControl: Pick<ProcessControl, 'end'>;
  /** Lists afresh the processes of the tool (and the pids known to be it) running now. */
  listRunning: () => Promise<number[]>;
  /** Pids known to be the tool even if a listing by name would miss them (a session's process). */
  knownPids: readonly number[];
  /** Waits ms (injectable, so a test's clock drives it). */
  wait: (ms: number) => Promise<void>;
  staysGoneMs?: number;
}

export async function endForGood(options: EndForGoodOptions): Promise<EndOutcome> {
  const staysGoneMs = options.staysGoneMs ?? STAYS_GONE_MS;
  const targets = [...new Set([...options.knownPids, ...(await options.listRunning())])];
  if (targets.length === 0) return { outcome: 'not-ended', reason: 'nothing-to-end', running: [] };
  const results = await Promise.all(targets.map((pid) => options.processControl.end(pid)));
  const refused = results.some((result) => result !== 'done' && result !== 'gone');
  for (let waited = 0; ; waited += RELIST_MS) {
    const running = await options.listRunning();
    if (running.length > 0) return { outcome: 'not-ended', reason: refused ? 'refused' : 'came-back', running };
    if (refused) return { outcome: 'not-ended', reason: 'refused', running: [] };
    if (waited >= staysGoneMs) return { outcome: 'ended' };
    await options.wait(RELIST_MS);
  }
}
