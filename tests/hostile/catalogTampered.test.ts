// The caller edits the list of remote-access programs kept in the data folder (takes their tool out of it) while Pause
// Guard is not running. The edited list must not be used, and, as with any file of Pause Guard's changed outside it,
// the family is told and the journal and the weekly summary say so.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { KEPT_CATALOG_FILE } from '../../electron/guardian/catalogUpdates/catalogUpdates';
import { describeSummary } from '../../shared/summaryWords';
import { catalogVersion, signed, startCatalogServer, testKeys, type CatalogServer } from '../fixtures/catalogServer';
import { familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';

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
});
afterEach(async () => {
  await pc.cleanup();
});

it('an edited kept list is not used, and the family, the journal and the summary hear of it', async () => {
  const catalogUpdates = { publicKey: keys.publicKey, ca: server.ca };
  const services = await pc.start({ catalogUpdates });
  await pc.setUp();
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys) });
  await services.catalogUpdates.check(`${server.url}/remote-tools.signed.json`);
  await pc.stop();

  const kept = path.join(pc.dataDir, KEPT_CATALOG_FILE);
  fs.writeFileSync(kept, fs.readFileSync(kept, 'utf8').replace('"AnyDesk"', '"AnyDesl"'));
  const restarted = await pc.start({ catalogUpdates });

  expect(restarted.catalogUpdates.catalog.version).toBe(1);
  expect(restarted.catalogUpdates.catalog.byId('anydesk')?.name).toBe('AnyDesk');
  const alert = await pc.alertSaying(/list of remote-access programs Pause Guard keeps on Mum's PC was changed outside Pause Guard/);
  expect(alert.kind).toBe('catalog-tampered');
  expect(await pc.records()).toContainEqual(expect.objectContaining({
    type: 'tampering', what: 'catalog', reason: 'The list of remote-access programs kept in the data folder was changed or damaged outside Pause Guard.',
  }));
  const summary = describeSummary(await pc.thisWeeksSummary());
  expect(summary.sections.find((s) => s.heading === 'Changed outside Pause Guard')?.lines.join(' '))
    .toMatch(/Its list of remote-access programs was changed; it used a genuine one instead/);
});
