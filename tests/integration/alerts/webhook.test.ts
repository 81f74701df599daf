// The webhook into a real local HTTP server that checks the HMAC-SHA256 signature with the shared secret.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { composeAlert } from '../../../electron/guardian/alerts/alertMessage';
import type { Alert } from '../../../electron/guardian/alerts/channels/channel';
import { createWebhookChannel } from '../../../electron/guardian/alerts/channels/webhook';
import { freePort, startReceiver, type Receiver } from './receiver';

const SECRET = 'a-long-shared-secret-0123456789';
const alert: Alert = {
  id: randomUUID(),
  kind: 'tool',
  createdAt: '2026-03-03T14:05:00.000Z',
  content: composeAlert({ kind: 'tool', person: 'Mum', pcName: 'KITCHEN-PC', contactName: 'Ann', at: new Date('2026-03-03T14:05:00Z'), toolName: 'AnyDesk' }),
};

/** What a receiver does: recompute the HMAC of the raw body and compare in constant time. */
function signatureValid(body: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let server: Receiver | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('webhook channel', () => {
  it('posts the alert as JSON with a signature the receiver verifies, and the alert id for dedupe', async () => {
    server = await startReceiver((req) => (signatureValid(req.body, req.headers['x-pause-guard-signature'] as string, SECRET) ? 204 : 401));
    await createWebhookChannel({ url: `${server.url}/hook?x=1`, secret: SECRET }, 'webhook:test').send(alert);
    const [request] = server.received;
    expect(request?.url).toBe('/hook?x=1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe(alert.id);
    expect(request?.headers['x-pause-guard-alert-id']).toBe(alert.id);
    expect(JSON.parse(request?.body ?? '')).toEqual({
      type: 'pause-guard-alert', alertId: alert.id, kind: 'tool', createdAt: alert.createdAt,
      title: "Mum's PC: AnyDesk started", text: alert.content.text, priority: 'high',
    });
  });

  it('is refused by a receiver holding a different secret, and says to check the secret', async () => {
    server = await startReceiver((req) => (signatureValid(req.body, req.headers['x-pause-guard-signature'] as string, 'another-secret-entirely') ? 204 : 401));
    await expect(createWebhookChannel({ url: server.url, secret: SECRET }, 'webhook:test').send(alert)).rejects.toMatchObject({
      permanent: true,
      reason: 'Webhook: the webhook refused the request (HTTP 401 or 403); check the secret.',
    });
  });

  it('sends no signature without a secret', async () => {
    server = await startReceiver(() => 200);
    await createWebhookChannel({ url: server.url, secret: null }, 'webhook:test').send(alert);
    expect(server.received[0]?.headers['x-pause-guard-signature']).toBeUndefined();
  });

  it('does not follow a redirect, and calls a closed port unreachable (worth another try)', async () => {
    server = await startReceiver(() => 302);
    await expect(createWebhookChannel({ url: server.url, secret: null }, 'w').send(alert)).rejects.toMatchObject({ permanent: true });
    expect(server.received).toHaveLength(1);
    const closed = `http://127.0.0.1:${await freePort()}/`;
    await expect(createWebhookChannel({ url: closed, secret: null }, 'w').send(alert)).rejects.toMatchObject({
      permanent: false,
      reason: 'Webhook: the webhook could not be reached; it will be tried again.',
    });
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    server = await startReceiver(() => 'hang');
    await expect(createWebhookChannel({ url: server.url, secret: null }, 'w', 'Webhook', 300).send(alert)).rejects.toMatchObject({
      permanent: false,
      reason: 'Webhook: the webhook did not answer in time; it will be tried again.',
    });
  });
});
