// Email into a real SMTP server on 127.0.0.1, read back with mailparser: both parts, headers, plain failure reasons.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { composeAlert } from '../../../electron/guardian/alerts/alertMessage';
import type { Alert } from '../../../electron/guardian/alerts/channels/channel';
import { alertMessageId, createEmailChannel } from '../../../electron/guardian/alerts/channels/email';
import { readSmtpUrl } from '../../../electron/guardian/alerts/channels/smtpUrl';
import { createOutbox, type AlertEvent } from '../../../electron/guardian/alerts/outbox';
import { freePort } from './receiver';
import { startSmtpReceiver, type SmtpReceiver } from './smtpReceiver';

const at = new Date('2026-03-03T14:05:00Z');
const alert: Alert = {
  id: randomUUID(),
  kind: 'interruption',
  createdAt: at.toISOString(),
  content: composeAlert({
    kind: 'interruption', person: 'Mum & Dad', pcName: 'KITCHEN-PC', contactName: 'Ann', at, timeZone: 'UTC',
    toolName: 'AnyDesk', remoteId: '123456789', happened: 'connected-in', choice: 'call-contact',
  }),
};
const smtpUrl = (port: number, password = 'app-password') => `smtp://mum%40example.org:${password}@127.0.0.1:${port}/?tls=off`;

let server: SmtpReceiver | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('email channel', () => {
  it('delivers a plain-text and an HTML part with the alert id as Message-ID, from and to the right people', async () => {
    server = await startSmtpReceiver({ user: 'mum@example.org', password: 'app-password' });
    await createEmailChannel({ to: 'ann@example.net', smtpUrl: smtpUrl(server.port), from: null }, 'email:test').send(alert);
    expect(server.messages).toHaveLength(1);
    const mail = await simpleParser(server.messages[0] ?? '');
    expect(mail.subject).toBe("Mum & Dad's PC: Pause Guard stopped AnyDesk");
    expect(mail.messageId).toBe(alertMessageId(alert.id));
    expect(mail.from?.value).toEqual([{ name: 'Pause Guard', address: 'mum@example.org' }]);
    expect(Array.isArray(mail.to) ? mail.to : [mail.to]).toMatchObject([{ value: [{ address: 'ann@example.net' }] }]);
    expect(mail.text?.trim()).toBe(alert.content.text);
    expect(mail.text).toContain('Mum & Dad chose: call Ann.');
    expect(mail.html).toContain('Mum &amp; Dad chose: call Ann.');
    expect(mail.headers.get('x-pause-guard-alert-id')).toBe(alert.id);
    expect(mail.date?.toISOString()).toBe(alert.createdAt);
    expect(mail.attachments).toHaveLength(0);
  });

  it('says plainly when the server refuses the password, and does not try again', async () => {
    server = await startSmtpReceiver({ user: 'mum@example.org', password: 'app-password' });
    await expect(createEmailChannel({ to: 'ann@example.net', smtpUrl: smtpUrl(server.port, 'wrong'), from: null }, 'e').send(alert))
      .rejects.toMatchObject({ reason: 'Email: the server refused the password.', permanent: true });
    expect(server.messages).toHaveLength(0);
  });

  it('says plainly when the address is refused', async () => {
    server = await startSmtpReceiver({ user: 'mum@example.org', password: 'app-password' });
    await expect(createEmailChannel({ to: 'nobody@refused.example', smtpUrl: smtpUrl(server.port), from: null }, 'e').send(alert))
      .rejects.toMatchObject({ reason: 'Email: the address was refused.', permanent: true });
  });

  it('delivers exactly once when the server is down at first and up later', async () => {
    const port = await freePort();
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-email-'));
    const events: AlertEvent[] = [];
    const channel = createEmailChannel({ to: 'ann@example.net', smtpUrl: smtpUrl(port), from: 'alerts@example.org' }, 'email:test');
    const outbox = createOutbox({ dataDir, channels: [channel], onEvent: (e) => events.push(e), retryDelay: () => 300 });
    try {
      await outbox.start();
      await outbox.enqueue({ kind: 'interruption', content: alert.content });
      await outbox.flush();
      expect(events.at(-1)).toMatchObject({ type: 'alert-failed', permanent: false, reason: 'Email: the mail server could not be reached.' });
      server = await startSmtpReceiver({ user: 'mum@example.org', password: 'app-password', port });
      await server.waitFor(1);
      await new Promise((r) => setTimeout(r, 700));
      await outbox.stop();
      expect(server.messages).toHaveLength(1);
      expect(events.filter((e) => e.type === 'alert-delivered')).toMatchObject([{ channel: 'email', attempts: 2 }]);
    } finally {
      await outbox.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the mail server address', () => {
  it('requires STARTTLS on smtp:// and TLS on smtps://, with the usual ports', () => {
    expect(readSmtpUrl('smtp://u%40x.org:p%2Fw@smtp.example.org')).toMatchObject({
      ok: true, user: 'u@x.org', options: { host: 'smtp.example.org', port: 587, secure: false, requireTLS: true, auth: { user: 'u@x.org', pass: 'p/w' } },
    });
    expect(readSmtpUrl('smtps://u:p@smtp.example.org')).toMatchObject({ ok: true, options: { port: 465, secure: true, requireTLS: false } });
  });

  it('lets encryption be turned off only for a server on this computer', () => {
    expect(readSmtpUrl('smtp://127.0.0.1:2525/?tls=off')).toMatchObject({ ok: true, options: { ignoreTLS: true, secure: false } });
    expect(readSmtpUrl('smtp://[::1]:2525/?tls=off')).toMatchObject({ ok: true, options: { host: '::1' } });
    const remote = readSmtpUrl('smtp://u:p@smtp.example.org/?tls=off');
    expect(remote).toEqual({ ok: false, problem: 'encryption can only be turned off (tls=off) for a mail server on this computer.' });
  });

  it('turns an unusable address into a permanent, plain failure instead of a crash', async () => {
    const channel = createEmailChannel({ to: 'ann@example.net', smtpUrl: 'smtp://', from: null }, 'e');
    await expect(channel.send(alert)).rejects.toMatchObject({ permanent: true, reason: expect.stringMatching(/^Email: the mail server address/) });
    const noSender = createEmailChannel({ to: 'ann@example.net', smtpUrl: 'smtp://127.0.0.1:25/?tls=off', from: null }, 'e');
    await expect(noSender.send(alert)).rejects.toMatchObject({ permanent: true, reason: 'Email: there is no sender address; please give one in setup.' });
  });
});
