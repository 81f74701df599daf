// A catalog check through the real app services: a refused document leaves the list in force, is said plainly on the
// status page and in the journal, and never turns the tray red; a good one shows on the status page at once.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { updatesSentences } from '../../shared/updates';
import { catalogVersion, signed, startCatalogServer, testKeys, type CatalogServer } from '../fixtures/catalogServer';
import { FAMILY_PIN, familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';

const keys = testKeys();
let server: CatalogServer;
let pc: FamilyPc;

beforeAll(async () => {
  server = await startCatalogServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  pc = await familyPc();
  await pc.start({ catalogUpdates: { publicKey: keys.publicKey, ca: server.ca } });
  await pc.setUp();
});
afterEach(async () => {
  await pc.cleanup();
});

it('a tampered list is refused: the status stays green, the page and the journal say why', async () => {
  const services = pc.running();
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys).replace('"NewDesk"', '"NewDesl"') });
  await services.catalogUpdates.check(`${server.url}/remote-tools.signed.json`);

  const status = services.guardian.status();
  expect(status.state).toBe('protected');
  expect(status.watchers.every((watcher) => watcher.ok)).toBe(true);
  expect(status.updates).toMatchObject({ appVersion: 'test', catalogVersion: 1, catalogDate: '2026-12-02', checkedAt: null });
  expect(updatesSentences(status.updates!, 'GB', new Date())).toEqual([
    'Pause Guard test, list of remote-access programs from 2 December 2026, not checked for a newer one yet.',
    'The last check kept the list in use: the list of remote-access programs was not signed by Pause Guard, or was changed after signing.',
    'This copy of Pause Guard runs from its source code and does not update itself.',
  ]);
  expect(await pc.records()).toContainEqual(expect.objectContaining({
    type: 'catalog-check', outcome: 'refused', reason: 'bad-signature', version: 1,
    message: 'The list of remote-access programs was not signed by Pause Guard, or was changed after signing.',
  }));
  expect(pc.alerts().map((alert) => alert.kind)).not.toContain('catalog-check');
});

it('a good list is in force at once: the status page names its date and today\'s check, and a status is sent', async () => {
  const services = pc.running();
  const statuses: unknown[] = [];
  services.guardian.onApiEvent((name, payload) => name === 'status' && statuses.push(payload));
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys) });
  await services.catalogUpdates.check(`${server.url}/remote-tools.signed.json`);

  const status = services.guardian.status();
  expect(status.state).toBe('protected');
  expect(updatesSentences(status.updates!, 'GB', new Date())[0]).toBe('Pause Guard test, list of remote-access programs from 20 December 2026, checked today.');
  expect(statuses.at(-1)).toMatchObject({ updates: { catalogVersion: 2 } });
  // The setup window offers the new program for a trusted helper without a restart.
  const view = await services.setup.view({ pin: FAMILY_PIN });
  expect(view.locked === false && view.trustableTools.some((tool) => tool.toolId === 'newdesk')).toBe(true);
});
