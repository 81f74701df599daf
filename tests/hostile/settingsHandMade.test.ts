// The caller replaces settings.json with a valid file of their own making: no PIN, their AnyDesk ID trusted, their
// ntfy topic as the contact. It must not load: the last good settings stay in force and the family is told.
import fs from 'node:fs/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { familyPc, settingsFile, type FamilyPc } from '../fixtures/hostile/familyPc';

const TOLD = /Pause Guard's settings on Mum's PC were removed or changed outside Pause Guard/;
let pc: FamilyPc;

const handMade = {
  version: 1,
  person: 'Mum',
  region: 'GB',
  contacts: [{ name: 'Ann', phone: '0800 000 000', ntfy: { server: 'https://ntfy.sh', topic: 'callers-own-topic', token: null }, email: null, webhook: null }],
  pin: null,
  trustedHelpers: [{ toolId: 'anydesk', remoteId: '987654321', label: 'Microsoft support' }],
  startAtLogin: true,
  setupComplete: true,
};

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
});
afterEach(async () => {
  await pc.cleanup();
});

it('a hand-made file does not load at the next start: the family PIN, contact and helpers stay, and the family is told', async () => {
  await pc.stop();
  await fs.writeFile(settingsFile(pc), JSON.stringify(handMade, null, 2));

  const services = await pc.start();
  const settings = services.settings();
  expect(settings.pin).not.toBeNull();
  expect(settings.trustedHelpers).toEqual([]);
  expect(settings.contacts[0]?.ntfy).toBeNull();
  expect(settings.contacts[0]?.webhook?.url).toBe(`${pc.webhook.url}/family`);
  const save = await services.setup.save(pc.input({ trustedHelpers: [{ toolId: 'anydesk', remoteId: '987654321', label: '' }] }));
  expect(save.ok).toBe(false);

  await pc.alertSaying(TOLD);
  expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'tampering', what: 'settings' }));
});

it('a hand-made file put in while the app runs is not used by the setup window either', async () => {
  const services = pc.running();
  await fs.writeFile(settingsFile(pc), JSON.stringify(handMade, null, 2));
  const view = await services.setup.view();
  expect(view.pinSet).toBe(true);
  expect(view.trustedHelpers).toEqual([]);
  await pc.alertSaying(TOLD);
});
