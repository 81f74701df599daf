// The ntfy push channel: one JSON publish to the server's root, as docs.ntfy.sh/publish documents ("Publish as JSON").
// The alert id goes as ntfy's sequence_id, so a retry after an unknown outcome replaces the first notification
// in ntfy's apps (ntfy 2.16+) instead of adding a second one; ntfy itself keeps both messages (no server dedupe).
import type { AlertPriority } from '../alertMessage';
import type { NtfyBudget } from '../ntfyBudget';
import type { Alert, ChannelSender } from './channel';
import { postOnce } from './httpDelivery';

export interface NtfyConfig {
  server: string;
  topic: string;
  token: string | null;
}

/** ntfy's numeric priorities: 5 = max/urgent ... 1 = min. */
const NTFY_PRIORITY: Record<AlertPriority, number> = { urgent: 5, high: 4, default: 3, low: 2 };

export function createNtfyChannel(config: NtfyConfig, key: string, label = 'ntfy', timeoutMs?: number, budget?: NtfyBudget): ChannelSender {
  return {
    key,
    channel: 'ntfy',
    label,
    async send(alert) {
      await budget?.spend(config.server);
      await postOnce({
        url: serverRoot(config.server),
        body: JSON.stringify(ntfyMessage(config.topic, alert)),
        headers: ntfyHeaders(config),
        label,
        peer: 'the ntfy server',
        refusedAuth: 'the ntfy server refused the access token.',
        ...(timeoutMs ? { timeoutMs } : {}),
      });
    },
  };
}

/** JSON, and the access token when the server needs one. */
export function ntfyHeaders(config: NtfyConfig): Record<string, string> {
  return { 'Content-Type': 'application/json', ...(config.token ? { Authorization: `Bearer ${config.token}` } : {}) };
}

/** The JSON body ntfy takes at its root: topic, title, message (the short form when there is one), priority 1-5, tags, and the sequence id. */
export function ntfyMessage(topic: string, alert: Alert): Record<string, unknown> {
  return {
    topic,
    title: alert.content.title,
    message: alert.content.short ?? alert.content.text,
    priority: NTFY_PRIORITY[alert.content.priority],
    tags: alert.content.tags,
    sequence_id: alert.id,
  };
}

export function serverRoot(server: string): string {
  return `${server.replace(/\/+$/, '')}/`;
}
