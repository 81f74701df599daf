// The webhook channel: a JSON POST of the alert (for Home Assistant and the like), signed with HMAC-SHA256 when a
// secret is set. Idempotency-Key and X-Pause-Guard-Alert-Id carry the alert id, so a receiver can drop a repeat.
import { createHmac } from 'node:crypto';
import { ALERT_ID_HEADER, type Alert, type ChannelSender } from './channel';
import { postOnce } from './httpDelivery';

export interface WebhookConfig {
  url: string;
  secret: string | null;
}

export const SIGNATURE_HEADER = 'X-Pause-Guard-Signature';

export function createWebhookChannel(config: WebhookConfig, key: string, label = 'Webhook', timeoutMs?: number): ChannelSender {
  return {
    key,
    channel: 'webhook',
    label,
    send(alert) {
      const body = JSON.stringify(webhookPayload(alert));
      return postOnce({
        url: config.url,
        body,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': alert.id,
          [ALERT_ID_HEADER]: alert.id,
          ...(config.secret ? { [SIGNATURE_HEADER]: webhookSignature(config.secret, body) } : {}),
        },
        label,
        peer: 'the webhook',
        refusedAuth: 'the webhook refused the request (HTTP 401 or 403); check the secret.',
        ...(timeoutMs ? { timeoutMs } : {}),
      });
    },
  };
}

/** The body: the alert's words and facts; the same bytes on every retry. */
export function webhookPayload(alert: Alert): Record<string, unknown> {
  return {
    type: 'pause-guard-alert',
    alertId: alert.id,
    kind: alert.kind,
    createdAt: alert.createdAt,
    title: alert.content.title,
    text: alert.content.text,
    priority: alert.content.priority,
  };
}

/** "sha256=" and the hex HMAC-SHA256 of the raw body with the secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
