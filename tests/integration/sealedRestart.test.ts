// The seal never cries wolf: restarts, a crash, and an upgrade from a version that did not seal report no tampering,
// on real files through the real app services.
import fs from 'node:fs/promises';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createJournal } from '../../electron/guardian/store/journal';
import { familyPc, settingsFile, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;
beforeEach(async () => {
  pc = await familyPc();
});
afterEach(async () => {
  await pc.cleanup();
});

const tampering = async (): Promise<unknown[]> => (await pc.records()).filter((record) => record.type === 'tampering');

it('set up, restarted twice, and started again after a crash: nothing is called tampering', async () => {
  await pc.setUp();
  await pc.stop();
  await pc.start();
  await pc.stop();
  await pc.start();
  await pc.crash();
  const services = await pc.start();
  expect(services.settings().pin).not.toBeNull();
  expect(await tampering()).toEqual([]);
  expect((await pc.cli(['verify-journal'])).code).toBe(0);
  expect(pc.alerts().map((alert) => alert.kind)).not.toContain('settings-tampered');
}, 60_000);

it('an upgrade: settings and a journal written before sealing are adopted and sealed, without a word of tampering', async () => {
  const journal = await createJournal({ dir: pc.journalDir });
  await journal.append({ type: 'app-started', at: new Date(Date.now() - 3_600_000).toISOString(), version: '0.0.9' });
  await journal.append({ type: 'clean-stop', at: new Date(Date.now() - 60_000).toISOString(), reason: 'update' });
  await journal.close();
  await fs.writeFile(settingsFile(pc), JSON.stringify({ version: 1, person: 'Mum', contacts: [{ name: 'Ann', webhook: { url: `${pc.webhook.url}/family` } }] }));

  const services = await pc.start();
  expect(services.settings().person).toBe('Mum');
  expect(JSON.parse(await fs.readFile(settingsFile(pc), 'utf8')).seal).toMatch(/^[0-9a-f]{64}$/);
  expect(await tampering()).toEqual([]);
  await pc.stop();
  await pc.start();
  expect(await tampering()).toEqual([]);
});
