// Under Wine: setup writes the settings under %APPDATA%\Pause Guard (the default data folder on Windows), watch keeps
// its journal there and verify-journal checks it, and alerts from Node for Windows reach a webhook server on the Linux
// side (127.0.0.1 inside Wine is the Linux loopback): a test alert, and the alert for a tool that starts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';
import { startWineBed, type WineBed } from './wineHarness';

const SECRET = 'family-webhook-secret-7f3a';
let bed: WineBed;
let receiver: Receiver;
const dataDir = () => bed.toLinux(`${bed.folders.appData}\\Pause Guard`);

beforeAll(async () => {
  receiver = await startReceiver(() => 200);
  bed = await startWineBed();
});
afterAll(async () => {
  await bed?.stop();
  await receiver?.close();
});

describe('settings, journal and alerts from Windows', () => {
  it('setup --non-interactive writes the settings into %APPDATA%\\Pause Guard, the PIN only as a hash', async () => {
    const { code, stderr } = await bed.runCli([
      'setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Sam',
      '--webhook-url', `${receiver.url}/hook`, '--webhook-secret', SECRET, '--pin', '482193',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const settings = fs.readFileSync(path.join(dataDir(), 'settings.json'), 'utf8');
    expect(settings).toContain(`${receiver.url}/hook`);
    expect(settings).not.toContain('482193');
  });

  it('test-alert reaches the webhook on the Linux side, signed with the secret', async () => {
    const before = receiver.received.length;
    const { code, stdout } = await bed.runCli(['test-alert']);
    expect(stdout.trim()).toBe('Webhook: OK');
    expect(code).toBe(0);
    const request = receiver.received[before]!;
    expect(request).toMatchObject({ method: 'POST', url: '/hook' });
    const signature = crypto.createHmac('sha256', SECRET).update(request.body).digest('hex');
    expect(request.headers['x-pause-guard-signature']).toBe(`sha256=${signature}`);
  });

  it('a tool starting under watch sends its alert to the webhook and reports it delivered', async () => {
    const watch = bed.cli(['watch', '--json']);
    try {
      await watch.output.next((e) => e.type === 'ready', 60_000);
      const tool = await bed.startTool(`${bed.folders.programFiles}\\AnyDesk\\AnyDesk.exe`);
      const queued = await watch.output.next((e) => e.type === 'alert-queued' && e.kind === 'interruption', 30_000);
      expect(queued).toMatchObject({ channels: ['webhook'] });
      const delivered = await watch.output.next((e) => e.type === 'alert-delivered' && e.alertId === queued.alertId, 30_000);
      expect(delivered).toMatchObject({ channel: 'webhook' });
      const alert = receiver.received.find((request) => request.headers['idempotency-key'] === queued.alertId);
      expect(alert?.body).toContain('AnyDesk');
      await tool.stop();
    } finally {
      expect(await watch.stop()).toBe(0);
    }
  });

  it('verify-journal finds the journal there intact, then names the entry edited behind its back', async () => {
    const intact = await bed.runCli(['verify-journal', '--json']);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ ok: true, entries: expect.any(Number) });

    const journalDir = path.join(dataDir(), 'journal');
    const file = path.join(journalDir, fs.readdirSync(journalDir).sort()[0]!);
    const original = fs.readFileSync(file, 'utf8');
    expect(original).toContain('"type":"app-started"');
    fs.writeFileSync(file, original.replace('"type":"app-started"', '"type":"app-stopped"'));
    const broken = await bed.runCli(['verify-journal', '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, breaks: [expect.objectContaining({ message: expect.any(String) })] });
  });
});
