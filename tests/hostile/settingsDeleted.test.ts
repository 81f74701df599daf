// The caller deletes settings.json (before a restart, or while the app runs) to get a PIN-free setup window.
// Protection must hold: the last good settings stay in force, the PIN is still needed, and the family is told.
import fs from 'node:fs/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FAMILY_PIN, familyPc, settingsFile, type FamilyPc } from '../fixtures/hostile/familyPc';

const TOLD = /Pause Guard's settings on Mum's PC were removed or changed outside Pause Guard/;
const callersContact = { name: 'Support', phone: '0800 000 000', ntfy: null, email: null, webhook: { url: 'http://127.0.0.1:9/caller', secret: '' } };
let pc: FamilyPc;

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
});
afterEach(async () => {
  await pc.cleanup();
});

it('deleted before a restart: the family PIN and contact stay in force, a PIN-free save is refused, and the family is told', async () => {
  await pc.stop();
  await fs.rm(settingsFile(pc));

  const services = await pc.start();
  expect(services.settings().pin).not.toBeNull();
  expect(services.settings().contacts[0]?.name).toBe('Ann');
  const save = await services.setup.save(pc.input({ contact: callersContact, newPin: '1111', newPinAgain: '1111' }));
  expect(save.ok).toBe(false);
  expect(services.settings().contacts[0]?.name).toBe('Ann');

  const alert = await pc.alertSaying(TOLD);
  expect(alert.text).toMatch(/^[A-Z]/);
  expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'tampering', what: 'settings' }));
  expect((await pc.thisWeeksSummary()).tampering).toEqual([expect.objectContaining({ what: 'settings' })]);
  // The family can still change them with the PIN.
  expect((await services.setup.save(pc.input({ currentPin: FAMILY_PIN }))).ok).toBe(true);
});

it('deleted while the app runs: the next save still needs the PIN, and the family is told', async () => {
  const services = pc.running();
  await fs.rm(settingsFile(pc));

  const save = await services.setup.save(pc.input({ contact: callersContact, newPin: '1111', newPinAgain: '1111' }));
  expect(save.ok).toBe(false);
  expect(services.settings().contacts[0]?.name).toBe('Ann');
  await pc.alertSaying(TOLD);
  expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'tampering', what: 'settings' }));
});
