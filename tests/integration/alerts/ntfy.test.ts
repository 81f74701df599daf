// ntfy into a real local HTTP server speaking ntfy's publish API: JSON to the root, Bearer token, retries and refusals.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeAlert } from '../../../electron/guardian/alerts/alertMessage';
import { createNtfyChannel } from '../../../electron/guardian/alerts/channels/ntfy';
import { newNtfyTopic, ntfyQrCodeSvg, ntfySubscribeLink } from '../../../electron/guardian/alerts/channels/ntfySubscription';
import { createOutbox, type AlertEvent } from '../../../electron/guardian/alerts/outbox';
import { startReceiver, type Answer, type Receiver } from './receiver';

const content = composeAlert({
  kind: 'session', person: 'Mum', pcName: 'KITCHEN-PC', contactName: 'Ann',
  at: new Date('2026-03-03T14:05:00Z'), toolName: 'AnyDesk', remoteId: '123456789', timeZone: 'UTC',
});

let dataDir: string;
let server: Receiver | null = null;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-ntfy-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function deliverThrough(answers: Answer[], token: string | null = 'tk_secret') {
  server = await startReceiver((_req, i) => answers[Math.min(i, answers.length - 1)] ?? 200);
  const events: AlertEvent[] = [];
  const channel = createNtfyChannel({ server: `${server.url}/`, topic: 'pg_topic-1', token }, 'ntfy:test');
  const outbox = createOutbox({ dataDir, channels: [channel], onEvent: (e) => events.push(e), retryDelay: () => 20 });
  await outbox.start();
  const id = await outbox.enqueue({ kind: 'session', content });
  return { outbox, events, id, server };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('ntfy channel', () => {
  it('publishes JSON to the server root as ntfy documents it, with the Bearer token and the alert id as sequence_id', async () => {
    const { outbox, events, id, server } = await deliverThrough([200]);
    await until(() => events.some((e) => e.type === 'alert-delivered'), 'delivery');
    await outbox.stop();
    const [request] = server.received;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer tk_secret');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      topic: 'pg_topic-1',
      title: "Mum's PC: someone connected in with AnyDesk",
      message: content.text,
      priority: 5,
      tags: ['rotating_light'],
      sequence_id: id,
    });
    expect(events.map((e) => e.type)).toEqual(['alert-queued', 'alert-delivered']);
  });

  it('sends no Authorization header without a token', async () => {
    const { outbox, events, server } = await deliverThrough([200], null);
    await until(() => events.some((e) => e.type === 'alert-delivered'), 'delivery');
    await outbox.stop();
    expect(server.received[0]?.headers.authorization).toBeUndefined();
  });

  it('tries again after a 500 and delivers exactly once', async () => {
    const { outbox, events, server } = await deliverThrough([500, 200]);
    await until(() => events.some((e) => e.type === 'alert-delivered'), 'delivery');
    await new Promise((r) => setTimeout(r, 100));
    await outbox.stop();
    expect(server.received).toHaveLength(2);
    expect(server.received[0]?.body).toBe(server.received[1]?.body);
    const failed = events.find((e) => e.type === 'alert-failed');
    expect(failed).toMatchObject({ permanent: false, attempts: 1, reason: 'ntfy: the ntfy server is having trouble (HTTP 500); it will be tried again.' });
    expect(events.filter((e) => e.type === 'alert-delivered')).toMatchObject([{ channel: 'ntfy', attempts: 2 }]);
  });

  it('stops at a 400, says so plainly, and keeps the alert in the outbox, waiting for the channel to be set up anew', async () => {
    const { outbox, events, id, server } = await deliverThrough([400]);
    await until(() => events.some((e) => e.type === 'alert-failed'), 'failure');
    await new Promise((r) => setTimeout(r, 100));
    await outbox.stop();
    expect(server.received).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'alert-failed', permanent: true, reason: 'ntfy: the ntfy server refused the alert (HTTP 400).' });
    const kept = JSON.parse(await fs.readFile(path.join(dataDir, 'outbox', `${id}.json`), 'utf8'));
    expect(kept.channels['ntfy:test']).toMatchObject({ status: 'waiting', attempts: 1 });
    await expect(fs.access(path.join(dataDir, 'outbox', 'failed', `${id}.json`))).rejects.toThrow();
  });

  it('treats a refused token as permanent, and 429 as worth another try', async () => {
    const refused = await deliverThrough([403]);
    await until(() => refused.events.some((e) => e.type === 'alert-failed'), 'failure');
    await refused.outbox.stop();
    expect(refused.events.at(-1)).toMatchObject({ permanent: true, reason: 'ntfy: the ntfy server refused the access token.' });
    await refused.server.close();
    const busy = await deliverThrough([429, 200]);
    await until(() => busy.events.some((e) => e.type === 'alert-delivered'), 'delivery');
    await busy.outbox.stop();
    expect(busy.server.received).toHaveLength(2);
  });
});

describe('ntfy subscription for setup', () => {
  it('makes random, unguessable topics that ntfy accepts', () => {
    const topics = new Set(Array.from({ length: 200 }, newNtfyTopic));
    expect(topics.size).toBe(200);
    for (const topic of topics) expect(topic).toMatch(/^pg_[A-Za-z0-9_-]{32}$/);
  });

  it('links to the topic on its server and draws that link as an SVG QR code', async () => {
    const link = ntfySubscribeLink('https://ntfy.example.org/', 'pg_abc');
    expect(link).toBe('https://ntfy.example.org/pg_abc');
    const svg = await ntfyQrCodeSvg(link);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<path');
  });
});
