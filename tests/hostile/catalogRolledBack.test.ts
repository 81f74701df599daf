// The caller puts an older, genuinely signed list of remote-access programs back in the data folder (one without the
// tool they use), so that after a restart the app recognises less. The signature holds, so the older list is in use
// until the next check: that check must not be answered "nothing new" because of the ETag of the newer list.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { KEPT_CATALOG_FILE } from '../../electron/guardian/catalogUpdates/catalogUpdates';
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
});
afterEach(async () => {
  await pc.cleanup();
});

it('an older genuine list put back by hand is replaced by the newest at the next check', async () => {
  const url = `${server.url}/latest/remote-tools.signed.json`;
  const catalogUpdates = { publicKey: keys.publicKey, ca: server.ca };
  const older = signed(catalogVersion(2, '2026-12-10'), keys);
  let services = await pc.start({ catalogUpdates });
  server.serve({ kind: 'document', body: older, etag: '"v2"' });
  await services.catalogUpdates.check(url);
  server.serve({ kind: 'document', body: signed(catalogVersion(3, '2026-12-20'), keys), etag: '"v3"' });
  await services.catalogUpdates.check(url);
  expect(services.catalogUpdates.catalog.version).toBe(3);
  await pc.stop();

  // The caller kept the older document and writes it back while Pause Guard is not running.
  fs.writeFileSync(path.join(pc.dataDir, KEPT_CATALOG_FILE), older);
  services = await pc.start({ catalogUpdates });
  expect(services.catalogUpdates.catalog.version).toBe(2);

  const outcome = await services.catalogUpdates.check(url);
  expect(server.requests.at(-1)?.ifNoneMatch).toBeNull();
  expect(outcome).toMatchObject({ outcome: 'updated', version: 3 });
  expect(services.catalogUpdates.catalog.version).toBe(3);
});

it('a list older than the one last checked in force is noticed at start, and the newest is asked for at once', async () => {
  const url = `${server.url}/own/remote-tools.signed.json`;
  // The first check after start is far off: only the rolled-back list may bring it forward.
  const catalogUpdates = { publicKey: keys.publicKey, ca: server.ca, firstCheckAfterMs: 600_000 };
  const older = signed(catalogVersion(2, '2026-12-10'), keys);
  let services = await pc.start({ catalogUpdates });
  await pc.setUp();
  expect((await services.setup.save(pc.input({ catalogUrl: url, currentPin: FAMILY_PIN }))).ok).toBe(true);
  server.serve({ kind: 'document', body: older, etag: '"v2"' });
  await services.catalogUpdates.check();
  server.serve({ kind: 'document', body: signed(catalogVersion(3, '2026-12-20'), keys), etag: '"v3"' });
  await services.catalogUpdates.check();
  await pc.stop();

  fs.writeFileSync(path.join(pc.dataDir, KEPT_CATALOG_FILE), older);
  services = await pc.start({ catalogUpdates });
  await expect.poll(() => services.catalogUpdates.catalog.version, { timeout: 10_000 }).toBe(3);
  expect(pc.log.join(' ')).toMatch(/older than the one last in use/);
});
