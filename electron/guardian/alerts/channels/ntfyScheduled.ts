// One message waiting on an ntfy server under a sequence id, as docs.ntfy.sh/publish documents: a JSON publish with
// `delay` ("Scheduled delivery": 10 s to 3 days on ntfy.sh) replaces a scheduled message with the same `sequence_id`,
// and `DELETE /<topic>/<sequence_id>` cancels it ("Updating + deleting notifications", ntfy 2.16 and later).
// An older server answers that DELETE with 404 and ignores the sequence id, so nothing may be scheduled there.
// Every publish and delete is counted in the budget before it is sent.
import type { NtfyBudget } from '../ntfyBudget';
import type { Alert } from './channel';
import { DeliveryError } from './channel';
import { postOnce } from './httpDelivery';
import { ntfyHeaders, ntfyMessage, serverRoot, type NtfyConfig } from './ntfy';

export interface NtfyScheduled {
  /** Schedules `alert` (its id is the sequence id) to be delivered `aheadMs` from now, replacing the one waiting. */
  schedule(alert: Alert, aheadMs: number): Promise<void>;
  /** Cancels the message waiting under this sequence id. A DeliveryError with status 404 means the server is older than 2.16. */
  cancel(sequenceId: string): Promise<void>;
}

const LABEL = 'ntfy check-in';
const PEER = 'the ntfy server';
const REFUSED_AUTH = 'the ntfy server refused the access token.';

export function createNtfyScheduled(config: NtfyConfig, budget: NtfyBudget): NtfyScheduled {
  return {
    async schedule(alert, aheadMs) {
      await budget.spend(config.server);
      await postOnce({
        url: serverRoot(config.server),
        body: JSON.stringify({ ...ntfyMessage(config.topic, alert), delay: `${Math.max(1, Math.round(aheadMs / 1000))}s` }),
        headers: ntfyHeaders(config),
        label: LABEL, peer: PEER, refusedAuth: REFUSED_AUTH,
      });
    },
    async cancel(sequenceId) {
      await budget.spend(config.server);
      await postOnce({
        method: 'DELETE',
        url: `${serverRoot(config.server)}${encodeURIComponent(config.topic)}/${encodeURIComponent(sequenceId)}`,
        headers: ntfyHeaders(config),
        label: LABEL, peer: PEER, refusedAuth: REFUSED_AUTH,
      });
    },
  };
}

/** The server answered as ntfy before 2.16 does: it has no deletes by sequence id, so it cannot replace either. */
export function isOlderNtfy(error: unknown): boolean {
  return error instanceof DeliveryError && (error.status === 404 || error.status === 405);
}
