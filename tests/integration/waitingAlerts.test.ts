// Alerts that fail for good because of the settings, through the app's own services and real receivers on 127.0.0.1:
// kept, counted on the status page, and sent once the family sets that channel up anew in setup.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/guardian/appServices';
import type { SetupInput } from '../../shared/setup';
import { startReceiver, type Receiver } from './alerts/receiver';

let dataDir: string;
let services: AppServices;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-waiting-alerts-'));
  services = await createAppServices({ dataDir, version: 'test', downloadFolders: [], quit: () => undefined, log: () => undefined, watchers: [] });
  await services.start();
});
afterEach(async () => {
  await services.stop('quit');
  for (const close of closers.splice(0)) await close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function receiver(status: number): Promise<Receiver> {
  const server = await startReceiver(() => status);
  closers.push(() => server.close());
  return server;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const form = (webhookUrl: string, currentPin = ''): SetupInput => ({
  person: 'Margaret', region: 'GB',
  contact: { name: 'Dave', phone: '', ntfy: null, email: null, webhook: { url: webhookUrl, secret: '' } },
  newPin: currentPin === '' ? '2468' : '', newPinAgain: currentPin === '' ? '2468' : '', trustedHelpers: [],
  startAtLogin: true, weeklySummary: { day: 0, hour: 18, minute: 0 }, currentPin,
});

const alertsLine = (): string | null => services.guardian.status().watchers.find((w) => w.name === 'alerts')?.message ?? null;

it('keeps an alert the receiver refused for good, says so on the status page, and sends it once the channel is set up anew', async () => {
  const refusing = await receiver(404);
  expect(await services.setup.save(form(`${refusing.url}/wrong-path`))).toMatchObject({ ok: true });
  await until(() => refusing.received.length === 1, 'the refused alert');
  const line =
    'Alerts to Dave are not getting through. Webhook: the webhook does not know this address (HTTP 404). ' +
    '1 alert is waiting: Pause Guard sends it once the way of reaching Dave is set up again.';
  await until(() => alertsLine() === line, 'the reason and the waiting count on the status page');
  expect(services.guardian.status()).toMatchObject({ state: 'problem', summary: 'Pause Guard is watching, but it cannot reach Dave. Please tell your family.' });

  const working = await receiver(200);
  expect(await services.setup.save(form(`${working.url}/hook`, '2468'))).toMatchObject({ ok: true });
  await until(() => working.received.length === 2, 'the kept alert and the new one');
  const kinds = working.received.map((r) => (JSON.parse(r.body) as { kind: string }).kind);
  expect(kinds).toEqual(['settings-changed', 'settings-changed']);
  await until(() => alertsLine() === null, 'the status page to clear');
  expect(services.guardian.status().state).toBe('protected');
});
