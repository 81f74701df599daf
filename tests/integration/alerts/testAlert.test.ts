// `test-alert` over settings on disk and real local servers: one line per channel, OK or the plain reason; exit 0 only if all OK.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NO_CHANNELS, testAlertCommand } from '../../../electron/cli/testAlertCommand';
import { SettingsSchema } from '../../../shared/settings';
import { startReceiver, type Receiver } from './receiver';
import { startSmtpReceiver, type SmtpReceiver } from './smtpReceiver';

let dataDir: string;
let http: Receiver | null = null;
let smtp: SmtpReceiver | null = null;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-test-alert-'));
});
afterEach(async () => {
  await http?.close();
  await smtp?.close();
  http = null;
  smtp = null;
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function run(json = false): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await testAlertCommand.run({ common: { json, dataDir }, values: {}, write: (line) => lines.push(line) });
  return { code, lines };
}

async function writeSettings(contacts: unknown[]): Promise<void> {
  const settings = SettingsSchema.parse({ version: 1, person: 'Mum', contacts });
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
}

describe('pauseguard test-alert', () => {
  it('says to run setup first when no channel is set up', async () => {
    expect(await run()).toEqual({ code: 1, lines: [NO_CHANNELS] });
  });

  it('prints one line per channel and exits 0 when every channel worked', async () => {
    http = await startReceiver(() => 200);
    await writeSettings([{ name: 'Ann', ntfy: { server: http.url, topic: 'pg_t' }, webhook: { url: `${http.url}/hook` } }]);
    expect(await run()).toEqual({ code: 0, lines: ['ntfy: OK', 'Webhook: OK'] });
    expect(http.received.map((r) => r.url).sort()).toEqual(['/', '/hook']);
    expect(JSON.parse(http.received.find((r) => r.url === '/')?.body ?? '').title).toBe("Mum's PC: test alert");
  });

  it('gives the plain reason for a channel that failed and exits 1, naming contacts when there are several', async () => {
    http = await startReceiver(() => 200);
    smtp = await startSmtpReceiver({ user: 'mum@example.org', password: 'right' });
    await writeSettings([
      { name: 'Ann', email: { to: 'ann@example.net', smtpUrl: `smtp://mum%40example.org:wrong@127.0.0.1:${smtp.port}/?tls=off` } },
      { name: 'Bob', webhook: { url: http.url } },
    ]);
    expect(await run()).toEqual({ code: 1, lines: ['Email to Ann: the server refused the password.', 'Webhook to Bob: OK'] });
  });

  it('prints the same as one JSON object with --json, and the refusal when asked again within the minute', async () => {
    http = await startReceiver(() => 200);
    smtp = await startSmtpReceiver({ user: 'mum@example.org', password: 'right' });
    await writeSettings([
      { name: 'Ann', email: { to: 'ann@example.net', smtpUrl: `smtp://mum%40example.org:wrong@127.0.0.1:${smtp.port}/?tls=off` } },
      { name: 'Bob', webhook: { url: http.url } },
    ]);
    const asJson = await run(true);
    expect(JSON.parse(asJson.lines[0] ?? '')).toEqual({
      results: [
        { channel: 'email', ok: false, message: 'Email to Ann: the server refused the password.' },
        { channel: 'webhook', ok: true, message: 'Webhook to Bob: OK' },
      ],
    });
    const again = await run(true);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.lines[0] ?? '')).toEqual({ results: [], refused: expect.stringMatching(/^A test alert was sent less than a minute ago\./) });
  });
});
