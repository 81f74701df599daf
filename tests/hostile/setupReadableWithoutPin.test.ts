// The caller opens the settings page (tray, or the renderer's getSetup) without the PIN to read the family's ntfy topic
// (with it they read every alert and can delete them), the webhook address and the trusted IDs. Through the real handlers.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { dispatch } from '../../electron/apiDispatch';
import { createApiHandlers } from '../../electron/apiHandlers';
import { createAppServices, type AppServices } from '../../electron/guardian/appServices';
import type { SetupInput } from '../../shared/setup';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';
import { journalOf, ntfyTitles } from '../fixtures/hostile/callerCli';

let dataDir: string;
let ntfy: Receiver;
let services: AppServices;

const TOPIC = 'pg_family_7f3a9c2d41';
const WEBHOOK = 'https://home.example.org/api/webhook/pg-T0K3N';

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-hostile-setup-read-'));
  ntfy = await startReceiver(() => 200);
  services = await createAppServices({ dataDir, version: 'test', downloadFolders: [], quit: () => undefined, log: () => undefined, watchers: [] });
  await services.start();
  const input: SetupInput = {
    person: 'Margaret', region: 'GB',
    contact: { name: 'Dave', phone: '07700 900123', ntfy: { server: ntfy.url, topic: TOPIC, token: '' }, email: null, webhook: { url: WEBHOOK, secret: '' } },
    newPin: '2468', newPinAgain: '2468', trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789', label: 'Dave' }],
    startAtLogin: true, weeklySummary: { day: 0, hour: 18, minute: 0 }, currentPin: '',
  };
  expect(await services.setup.save(input)).toMatchObject({ ok: true });
});
afterEach(async () => {
  await services.stop('quit');
  await ntfy.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('shows only the contact\'s name and phone before the PIN; a wrong PIN is counted, journalled and told', async () => {
  const handlers = createApiHandlers({ guardian: services.guardian, setup: services.setup, summary: services, cleanup: services.cleanup, openExternalLink: async () => ({ opened: false }) });

  const before = await dispatch(handlers, 'getSetup', undefined);
  const shown = JSON.stringify(before);
  for (const secret of [TOPIC, WEBHOOK, 'home.example.org', '123456789', ntfy.url]) expect(shown).not.toContain(secret);
  expect(before).toMatchObject({ locked: true, contact: { name: 'Dave', phone: '07700 900123' } });

  const wrong = await dispatch(handlers, 'getSetup', { pin: '1111' });
  expect(JSON.stringify(wrong)).not.toContain(TOPIC);
  expect(wrong).toMatchObject({ locked: true, message: expect.stringMatching(/^That PIN is not right\./) });
  expect((await journalOf(dataDir)).filter((r) => r.type === 'pin-failed')).toEqual([expect.objectContaining({ action: 'change-settings' })]);
  await vi.waitFor(() => expect(ntfyTitles(ntfy.received)).toContain("Margaret's PC: a wrong PIN was typed"), { timeout: 10_000 });

  const opened = await dispatch(handlers, 'getSetup', { pin: '2468' });
  expect(opened).toMatchObject({ locked: false, contacts: [{ ntfy: { topic: TOPIC }, webhook: { url: WEBHOOK } }], trustedHelpers: [{ remoteId: '123456789' }] });
});
