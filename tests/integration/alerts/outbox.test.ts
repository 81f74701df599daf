// The outbox against real servers and real files: restarts, timeouts, a kill -9 mid-send, corrupt files.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { composeAlert } from '../../../electron/guardian/alerts/alertMessage';
import { channelsFromSettings } from '../../../electron/guardian/alerts/channelsFromSettings';
import { createWebhookChannel } from '../../../electron/guardian/alerts/channels/webhook';
import { createOutbox, type AlertEvent, type OutboxOptions } from '../../../electron/guardian/alerts/outbox';
import { retryDelayMs } from '../../../electron/guardian/alerts/outboxRecord';
import type { Contact } from '../../../shared/settings';
import { childPaced, childSays, within } from '../../fixtures/childReports';
import { freePort, startReceiver, type Receiver } from './receiver';
import { startSmtpReceiver, type SmtpReceiver } from './smtpReceiver';

const content = composeAlert({ kind: 'tool', person: 'Mum', pcName: 'KITCHEN-PC', contactName: 'Ann', at: new Date(), toolName: 'AnyDesk' });
const repoRoot = path.resolve(import.meta.dirname, '../../..');

let dataDir: string;
const closers: (() => Promise<void>)[] = [];
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-outbox-'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function outboxFor(options: Partial<OutboxOptions> & Pick<OutboxOptions, 'channels'>) {
  const events: AlertEvent[] = [];
  const problems: string[] = [];
  const outbox = createOutbox({ dataDir, onEvent: (e) => events.push(e), onProblem: (p) => problems.push(p), retryDelay: () => 50, ...options });
  closers.push(() => outbox.stop());
  return { outbox, events, problems };
}

async function http(answer: Parameters<typeof startReceiver>[0], port?: number): Promise<Receiver> {
  const server = await startReceiver(answer, port);
  closers.push(() => server.close());
  return server;
}

async function until(check: () => boolean, what: string, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8'));

describe('outbox', () => {
  it('writes the alert to disk before the first send is tried', async () => {
    let onDiskAtSend: unknown = null;
    const server = await http(() => 200);
    const channel = createWebhookChannel({ url: server.url, secret: null }, 'webhook:a');
    const { outbox, events } = outboxFor({
      channels: [{ ...channel, send: async (alert) => {
        onDiskAtSend = await readJson(path.join(dataDir, 'outbox', `${alert.id}.json`));
        return channel.send(alert);
      } }],
    });
    await outbox.start();
    const id = await outbox.enqueue({ kind: 'tool', content });
    await until(() => events.some((e) => e.type === 'alert-delivered'), 'delivery');
    expect(onDiskAtSend).toMatchObject({ id, content, channels: { 'webhook:a': { status: 'pending', attempts: 1 } } });
    expect(events[0]).toMatchObject({ type: 'alert-queued', alertId: id, kind: 'tool', channels: ['webhook'] });
    await outbox.stop();
    expect(await readJson(path.join(dataDir, 'outbox', 'sent', `${id}.json`))).toMatchObject({ channels: { 'webhook:a': { status: 'delivered', attempts: 1 } } });
  });

  it('delivers exactly once when the server is down at send time and up after a restart', async () => {
    const port = await freePort();
    const channels = () => [createWebhookChannel({ url: `http://127.0.0.1:${port}/`, secret: null }, 'webhook:a')];
    const first = outboxFor({ channels: channels() });
    await first.outbox.start();
    const id = await first.outbox.enqueue({ kind: 'tool', content });
    await first.outbox.flush();
    await first.outbox.stop();
    expect(first.events.at(-1)).toMatchObject({ type: 'alert-failed', permanent: false, attempts: 1 });
    expect(await readJson(path.join(dataDir, 'outbox', `${id}.json`))).toMatchObject({ channels: { 'webhook:a': { status: 'pending', attempts: 1 } } });

    const server = await http(() => 200, port);
    const second = outboxFor({ channels: channels() });
    await second.outbox.start();
    await until(() => second.events.some((e) => e.type === 'alert-delivered'), 'delivery after restart');
    await new Promise((r) => setTimeout(r, 200));
    await second.outbox.stop();
    expect(server.received).toHaveLength(1);
    expect(second.events).toMatchObject([{ type: 'alert-delivered', alertId: id, attempts: 2 }]);
    await expect(fs.access(path.join(dataDir, 'outbox', `${id}.json`))).rejects.toThrow();
  });

  it('gives up on a server that never answers at the timeout, keeps the alert pending, and tries again', async () => {
    const server = await http(() => 'hang');
    const { outbox, events } = outboxFor({ channels: [createWebhookChannel({ url: server.url, secret: null }, 'webhook:a', 'Webhook', 200)], retryDelay: () => 100 });
    await outbox.start();
    const id = await outbox.enqueue({ kind: 'tool', content });
    await until(() => events.filter((e) => e.type === 'alert-failed').length >= 2, 'two timed-out tries');
    await outbox.stop();
    expect(events.find((e) => e.type === 'alert-failed')).toMatchObject({
      permanent: false, reason: 'Webhook: the webhook did not answer in time; it will be tried again.',
    });
    const kept = await readJson(path.join(dataDir, 'outbox', `${id}.json`));
    expect(kept.channels['webhook:a'].status).toBe('pending');
    expect(kept.channels['webhook:a'].lastError).toMatch(/did not answer in time/);
  });

  // The child's start under tsx is waited for without a limit (it prints "queued ID" or dies); what follows has budgets.
  it('after a kill -9 between "sent" and "marked delivered", sends again with the same ids so receivers can drop the repeat', childPaced, async () => {
    // Each server takes the whole alert and then never answers its first one: the sender cannot know it arrived.
    const ntfy = await http((_r, i) => (i === 0 ? 'hang' : 200));
    const webhook = await http((_r, i) => (i === 0 ? 'hang' : 200));
    const smtp: SmtpReceiver = await startSmtpReceiver({ user: 'mum@example.org', password: 'pw', onMessage: (_raw, i) => i > 0 });
    closers.push(() => smtp.close());
    const contact: Contact = {
      name: 'Ann', phone: null,
      ntfy: { server: ntfy.url, topic: 'pg_topic', token: null },
      email: { to: 'ann@example.net', smtpUrl: `smtp://mum%40example.org:pw@127.0.0.1:${smtp.port}/?tls=off`, from: null },
      webhook: { url: `${webhook.url}/hook`, secret: 'a-long-shared-secret-0123456789' },
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/alerts/outboxChild.ts', dataDir, JSON.stringify(contact)], {
      cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'],
    });
    closers.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const queued = await childSays(child, (line) => line.startsWith('queued '), '"queued ID"');
    await within(15_000, 'the first send on every channel', Promise.all([ntfy.waitFor(1), webhook.waitFor(1), smtp.waitFor(1)]));
    child.kill('SIGKILL');
    await once(child, 'exit');
    const id = /^queued (\S+)$/.exec(queued)?.[1] ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    // On disk: every channel still pending after one try whose outcome is unknown.
    const left = await readJson(path.join(dataDir, 'outbox', `${id}.json`));
    for (const state of Object.values(left.channels) as { status: string; attempts: number; lastAttemptAt: string | null }[]) {
      expect(state).toMatchObject({ status: 'pending', attempts: 1 });
      expect(state.lastAttemptAt).not.toBeNull();
    }

    // The next start sends every channel again: the same alert, the same dedupe ids.
    const { outbox, events } = outboxFor({ channels: channelsFromSettings({ contacts: [contact] }) });
    await outbox.start();
    await until(() => events.filter((e) => e.type === 'alert-delivered').length === 3, 'redelivery on all three channels');
    await outbox.stop();
    expect(events.map((e) => e.type === 'alert-delivered' && [e.channel, e.attempts]).sort()).toEqual([
      ['email', 2], ['ntfy', 2], ['webhook', 2],
    ]);

    expect(ntfy.received).toHaveLength(2);
    const sequenceIds = ntfy.received.map((r) => JSON.parse(r.body).sequence_id);
    expect(sequenceIds).toEqual([id, id]);
    expect(ntfy.received[0]?.body).toBe(ntfy.received[1]?.body);

    expect(webhook.received).toHaveLength(2);
    expect(webhook.received.map((r) => r.headers['idempotency-key'])).toEqual([id, id]);
    expect(webhook.received.map((r) => r.headers['x-pause-guard-alert-id'])).toEqual([id, id]);
    expect(webhook.received[0]?.body).toBe(webhook.received[1]?.body);

    expect(smtp.messages).toHaveLength(2);
    const mails = await Promise.all(smtp.messages.map((raw) => simpleParser(raw)));
    expect(mails.map((m) => m.messageId)).toEqual([`<${id}@alert.pause-guard>`, `<${id}@alert.pause-guard>`]);
    // A receiver that keeps one message per id ends up with exactly one alert on each channel.
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(1);
    expect(new Set(webhook.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);

    expect(await readJson(path.join(dataDir, 'outbox', 'sent', `${id}.json`))).toMatchObject({ id });
  });

  it('keeps a corrupt outbox file aside, reports it plainly, and still sends the good ones', async () => {
    const server = await http(() => 200);
    const channels = [createWebhookChannel({ url: server.url, secret: null }, 'webhook:a')];
    const writer = outboxFor({ channels });
    const goodId = await writer.outbox.enqueue({ kind: 'tool', content });
    await writer.outbox.stop();
    const outboxDir = path.join(dataDir, 'outbox');
    await fs.writeFile(path.join(outboxDir, '6f1c1c9e-0d7e-4d2b-9a36-5f8a3f0b1c2d.json'), '{"version":1,"id":');
    await fs.writeFile(path.join(outboxDir, '0b9d7c5e-1111-4222-8333-944445555666.json'), JSON.stringify({ version: 1, hello: 'world' }));
    await fs.writeFile(path.join(outboxDir, '.0b9d.json.123.abcdef.tmp'), 'half a write');

    const { outbox, events, problems } = outboxFor({ channels });
    await outbox.start();
    await until(() => events.some((e) => e.type === 'alert-delivered'), 'the good alert');
    await outbox.stop();
    expect(events).toMatchObject([{ type: 'alert-delivered', alertId: goodId }]);
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toMatch(/^An alert in the outbox could not be read \(.+\); the file was kept aside as .+corrupt.+\.json\.$/);
    expect(problems.some((p) => p.includes('it is not valid JSON'))).toBe(true);
    const corrupt = await fs.readdir(path.join(outboxDir, 'corrupt'));
    expect(corrupt).toHaveLength(2);
    expect(await fs.readFile(path.join(outboxDir, 'corrupt', corrupt.find((n) => n.includes('6f1c1c9e')) ?? ''), 'utf8')).toBe('{"version":1,"id":');
    expect((await fs.readdir(outboxDir)).sort()).toEqual(['corrupt', 'sent']);
  });

  it('sends an alert whose channel was taken out on the channel of that kind set up anew, and prunes sent alerts after 30 days', async () => {
    const server = await http(() => 200);
    const writer = outboxFor({ channels: [createWebhookChannel({ url: server.url, secret: null }, 'webhook:old')] });
    const id = await writer.outbox.enqueue({ kind: 'tool', content });
    await writer.outbox.stop();
    const sentDir = path.join(dataDir, 'outbox', 'sent');
    await fs.mkdir(sentDir, { recursive: true });
    const old = path.join(sentDir, 'old.json');
    await fs.writeFile(old, '{}');
    const longAgo = new Date(Date.now() - 31 * 24 * 3600_000);
    await fs.utimes(old, longAgo, longAgo);
    await fs.writeFile(path.join(sentDir, 'recent.json'), '{}');

    const { outbox, events } = outboxFor({ channels: [createWebhookChannel({ url: server.url, secret: null }, 'webhook:new')] });
    await outbox.start();
    await until(() => events.length > 0, 'the delivery');
    await outbox.stop();
    expect(events).toMatchObject([{ type: 'alert-delivered', alertId: id, channel: 'webhook' }]);
    expect(server.received).toHaveLength(1);
    expect(await readJson(path.join(sentDir, `${id}.json`))).toMatchObject({ id, channels: { 'webhook:new': { status: 'delivered' } } });
    expect((await fs.readdir(sentDir)).sort()).toEqual([`${id}.json`, 'recent.json']);
  });

  it('keeps an alert refused for good because of the settings, and sends it once that channel is set up anew', async () => {
    const refusing = await http(() => 401);
    const broken = createWebhookChannel({ url: `${refusing.url}/hook`, secret: null }, 'webhook:refused');
    const first = outboxFor({ channels: [broken] });
    await first.outbox.start();
    const id = await first.outbox.enqueue({ kind: 'pin-failed', content });
    await until(() => first.events.some((e) => e.type === 'alert-failed'), 'the refusal');
    await first.outbox.stop();
    expect(first.events.at(-1)).toMatchObject({ type: 'alert-failed', permanent: true, reason: 'Webhook: the webhook refused the request (HTTP 401 or 403); check the secret.' });
    expect(first.outbox.waitingCount()).toBe(1);
    expect(await readJson(path.join(dataDir, 'outbox', `${id}.json`))).toMatchObject({ channels: { 'webhook:refused': { status: 'waiting' } } });

    // Started again with the same settings: it waits, and nothing is sent to the server that refused it.
    const same = outboxFor({ channels: [broken] });
    await same.outbox.start();
    await same.outbox.flush();
    await same.outbox.stop();
    expect(refusing.received).toHaveLength(1);
    expect(same.outbox.waitingCount()).toBe(1);

    const fixed = await http(() => 200);
    const anew = outboxFor({ channels: [createWebhookChannel({ url: `${fixed.url}/hook`, secret: null }, 'webhook:fixed')] });
    await anew.outbox.start();
    await until(() => anew.events.some((e) => e.type === 'alert-delivered'), 'the delivery');
    await anew.outbox.stop();
    expect(JSON.parse(fixed.received[0]!.body)).toMatchObject({ alertId: id, kind: 'pin-failed' });
    expect(anew.outbox.waitingCount()).toBe(0);
    expect(await readJson(path.join(dataDir, 'outbox', 'sent', `${id}.json`))).toMatchObject({ id });
  });

  it('sends a waiting alert again when its channel comes back unchanged after being taken out', async () => {
    const server = await http(() => 200);
    const webhook = createWebhookChannel({ url: server.url, secret: null }, 'webhook:a');
    const writer = outboxFor({ channels: [webhook] });
    const id = await writer.outbox.enqueue({ kind: 'tool', content });
    await writer.outbox.stop();

    const without = outboxFor({ channels: [] });
    await without.outbox.start();
    await until(() => without.events.length > 0, 'the failure');
    await without.outbox.stop();
    expect(without.events).toMatchObject([{ type: 'alert-failed', permanent: true, reason: 'Webhook: this way of sending was taken out of the settings.' }]);
    expect(without.outbox.waitingCount()).toBe(1);

    const back = outboxFor({ channels: [webhook] });
    await back.outbox.start();
    await until(() => back.events.length > 0, 'the delivery');
    await back.outbox.stop();
    expect(back.events).toMatchObject([{ type: 'alert-delivered', alertId: id }]);
    expect(server.received).toHaveLength(1);
  });

  it('gives up on a channel still failing three days after the alert was made', async () => {
    let clock = Date.now();
    const { outbox, events } = outboxFor({
      channels: [createWebhookChannel({ url: `http://127.0.0.1:${await freePort()}/`, secret: null }, 'webhook:a')],
      now: () => new Date(clock),
    });
    await outbox.start();
    await outbox.enqueue({ kind: 'tool', content });
    await outbox.flush();
    expect(events.at(-1)).toMatchObject({ type: 'alert-failed', permanent: false });
    clock += 3 * 24 * 3600_000;
    await until(() => events.some((e) => e.type === 'alert-failed' && e.permanent), 'giving up');
    expect(events.at(-1)).toMatchObject({ reason: 'Webhook: the webhook could not be reached; it will be tried again. Pause Guard stopped trying after three days.' });
  });
});

describe('retryDelayMs', () => {
  it('backs off 5 s, 15 s, 1 min, 5 min, 15 min, then at most an hour, less up to a fifth at random', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => retryDelayMs(n, () => 0))).toEqual([5_000, 15_000, 60_000, 300_000, 900_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(1, () => 0.999)).toBeGreaterThanOrEqual(4_000);
    expect(retryDelayMs(50, () => 0.5)).toBe(3_240_000);
  });
});
