// The signed catalog fetched for real from a local HTTPS server (a test CA trusted in this test only, a test key):
// a good update is put in force at once and kept; a tampered byte, a downgrade, a truncated or oversized body, a 304, a
// slow server, a server that goes away halfway, a redirect to plain HTTP and a closed port each leave the catalog in force.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadCatalog } from '../../electron/guardian/catalog';
import { KEPT_CATALOG_FILE, MAX_CATALOG_BYTES, openCatalogUpdates, type CatalogUpdates } from '../../electron/guardian/catalogUpdates/catalogUpdates';
import { createProcessWatcher } from '../../electron/guardian/watchers/processes/processWatcher';
import { processSourceIn } from '../../electron/guardian/watchers/processes/folderProcessSource';
import type { AppRecord } from '../../shared/journal';
import type { DetectionEvent } from '../../shared/events';
import { catalogVersion, signed, startCatalogServer, testKeys, type CatalogServer } from '../fixtures/catalogServer';
import { fakeTool, runTracked } from '../fixtures/toolProcesses';

const keys = testKeys();
const shipped = loadCatalog();
let server: CatalogServer;
let dataDir: string;
let records: AppRecord[];
let updates: CatalogUpdates;

beforeAll(async () => {
  server = await startCatalogServer();
});
afterAll(async () => {
  await server.close();
});

const open = (timeoutMs = 10_000): Promise<CatalogUpdates> =>
  openCatalogUpdates({
    dataDir, shipped, url: () => `${server.url}/latest/remote-tools.signed.json`, publicKey: keys.publicKey, ca: server.ca, timeoutMs,
    record: async (record) => void records.push(record), log: () => undefined,
  });

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catalog-updates-'));
  records = [];
  server.requests.length = 0;
  updates = await open();
});
afterEach(() => {
  updates.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const newdesk = { pid: 1, ppid: null, name: 'NewDesk.exe', exe: 'C:\\Program Files\\NewDesk\\NewDesk.exe', cmdline: null };

/** The refusal leaves the shipped catalog in force, nothing kept, and one plain sentence journalled. */
async function expectRefused(reason: string, message: RegExp): Promise<void> {
  const outcome = await updates.check();
  expect(outcome).toMatchObject({ outcome: 'refused', reason, version: shipped.version });
  expect(outcome.message).toMatch(message);
  expect(outcome.message).toMatch(/^[A-Z][^\n]*\.$/);
  expect(updates.catalog.version).toBe(shipped.version);
  expect(updates.catalog.matchProcess(newdesk)).toBeNull();
  expect(fs.existsSync(path.join(dataDir, KEPT_CATALOG_FILE))).toBe(false);
  expect(records.at(-1)).toMatchObject({ type: 'catalog-check', outcome: 'refused', reason, message: outcome.message });
  expect(updates.state().refusal).toMatchObject({ reason });
}

it('a good update, reached through a redirect as a release asset is, is put in force at once, kept, and still in force at the next start', async () => {
  server.serve({ kind: 'redirect', location: '/storage/asset' });
  // The redirect is followed to the same server, which now serves the document.
  const body = signed(catalogVersion(2, '2026-12-20'), keys);
  const serveAfterRedirect = setInterval(() => {
    if (server.requests.length > 0) server.serve({ kind: 'document', body, etag: '"v2"' });
  }, 1);
  const outcome = await updates.check().finally(() => clearInterval(serveAfterRedirect));
  expect(outcome).toEqual({ outcome: 'updated', version: 2, date: '2026-12-20', reason: null, message: null });
  expect(server.requests.map((r) => r.path)).toEqual(['/latest/remote-tools.signed.json', '/storage/asset']);
  expect(updates.catalog.matchProcess(newdesk)?.id).toBe('newdesk');
  expect(updates.catalog.date).toBe('2026-12-20');
  expect(records).toEqual([expect.objectContaining({ type: 'catalog-check', outcome: 'updated', version: 2, date: '2026-12-20' })]);
  expect(updates.state()).toMatchObject({ etag: '"v2"', refusal: null });

  updates.stop();
  updates = await open();
  expect(updates.catalog.version).toBe(2);
  expect(updates.catalog.matchProcess(newdesk)?.id).toBe('newdesk');
});

it('asks with If-None-Match, and a 304 keeps the catalog in force and counts as a check that succeeded', async () => {
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys), etag: '"v2"' });
  await updates.check();
  const outcome = await updates.check();
  expect(outcome).toMatchObject({ outcome: 'unchanged', version: 2 });
  expect(server.requests.map((r) => r.ifNoneMatch)).toEqual([null, '"v2"']);
  expect(updates.state().succeededAt).not.toBeNull();
});

it('the same version again changes nothing', async () => {
  server.serve({ kind: 'document', body: signed(catalogVersion(shipped.version, '2026-12-02', false), keys) });
  await expect(updates.check()).resolves.toMatchObject({ outcome: 'unchanged', version: shipped.version });
  expect(fs.existsSync(path.join(dataDir, KEPT_CATALOG_FILE))).toBe(false);
});

it('refuses a document with one byte changed after signing', async () => {
  const body = signed(catalogVersion(2, '2026-12-20'), keys).replace('"NewDesk"', '"NewDesl"');
  server.serve({ kind: 'document', body });
  await expectRefused('bad-signature', /not signed by Pause Guard, or was changed after signing/);
});

it('refuses a document signed with another key', async () => {
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), testKeys()) });
  await expectRefused('bad-signature', /not signed by Pause Guard/);
});

it('refuses an older version than the one in force (a downgrade)', async () => {
  server.serve({ kind: 'document', body: signed(catalogVersion(3, '2026-12-27'), keys) });
  await updates.check();
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys) });
  const outcome = await updates.check();
  expect(outcome).toMatchObject({ outcome: 'refused', reason: 'downgrade', version: 3 });
  expect(outcome.message).toBe('The list of remote-access programs offered (version 2) is older than the one in use (version 3).');
  expect(updates.catalog.version).toBe(3);
});

it('refuses a truncated body', async () => {
  const body = signed(catalogVersion(2, '2026-12-20'), keys);
  server.serve({ kind: 'truncated', body, bytes: Math.floor(body.length / 2) });
  await expectRefused('malformed', /not complete or not readable/);
});

it('refuses what a server that goes away halfway sent', async () => {
  server.serve({ kind: 'goes-away', body: signed(catalogVersion(2, '2026-12-20'), keys) });
  await expectRefused('incomplete', /connection was cut/);
});

it('gives up on a slow server after the time limit', async () => {
  updates = await open(800);
  server.serve({ kind: 'stall' });
  await expectRefused('timeout', /did not send the list of remote-access programs within 1 seconds?/);
});

it('refuses a redirect to plain HTTP without following it', async () => {
  server.serve({ kind: 'redirect', location: 'http://127.0.0.1:9/remote-tools.signed.json' });
  await expectRefused('plain-http', /not secure \(http\)/);
});

it('refuses an oversized document before reading it all', async () => {
  server.serve({ kind: 'document', body: `{"catalog":{},"signature":"${'A'.repeat(MAX_CATALOG_BYTES)}"}` });
  await expectRefused('oversized', /far too large/);
});

it('refuses a signed document that is not a catalog the app can use', async () => {
  server.serve({ kind: 'document', body: signed({ ...catalogVersion(2, '2026-12-20'), tools: [] }, keys) });
  await expectRefused('malformed', /signed but is not one Pause Guard can use/);
});

it('says plainly when the server cannot be reached, and when it cannot prove who it is', async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as net.AddressInfo;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await expect(updates.check(`https://127.0.0.1:${port}/remote-tools.signed.json`)).resolves.toMatchObject({
    outcome: 'refused', reason: 'unreachable', message: `The server 127.0.0.1:${port} did not answer.`,
  });

  // The same server, without the test CA: the system's authorities do not know it.
  const untrusting = await openCatalogUpdates({
    dataDir, shipped, url: () => `${server.url}/x`, publicKey: keys.publicKey, record: async () => undefined, log: () => undefined,
  });
  await expect(untrusting.check()).resolves.toMatchObject({ outcome: 'refused', reason: 'unreachable', message: expect.stringMatching(/could not prove who it is/) });
});

it('a kept document changed in the data folder is not used: the shipped catalog is, and the next check asks afresh', async () => {
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys), etag: '"v2"' });
  await updates.check();
  const kept = path.join(dataDir, KEPT_CATALOG_FILE);
  fs.writeFileSync(kept, fs.readFileSync(kept, 'utf8').replace('"NewDesk"', '"NewDesl"'));
  const log: string[] = [];
  updates.stop();
  updates = await openCatalogUpdates({
    dataDir, shipped, url: () => `${server.url}/latest`, publicKey: keys.publicKey, ca: server.ca, record: async (r) => void records.push(r), log: (l) => log.push(l),
  });
  expect(updates.catalog.version).toBe(shipped.version);
  expect(log.join(' ')).toMatch(/changed or damaged outside Pause Guard/);
  await expect(updates.check()).resolves.toMatchObject({ outcome: 'updated', version: 2 });
  expect(server.requests.at(-1)?.ifNoneMatch).toBeNull();
});

it.runIf(process.platform === 'linux')('a running process watcher sees a new tool of the update at its next pass, without a restart', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-catalog-live-'));
  const children = new Set<ChildProcess>();
  const watcher = createProcessWatcher({ source: processSourceIn(folder), catalog: updates.catalog, intervalMs: 100 });
  const seen: DetectionEvent[] = [];
  try {
    await watcher.start((event) => seen.push(event));
    runTracked(children, fakeTool(folder, 'NewDesk.exe'), ['600']);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen.filter((e) => e.type === 'tool-started')).toEqual([]);

    server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys) });
    await updates.check();
    await expect.poll(() => seen.find((e) => e.type === 'tool-started'), { timeout: 5_000 }).toMatchObject({ toolId: 'newdesk' });
  } finally {
    await watcher.stop();
    for (const child of children) child.kill('SIGKILL');
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

it('a newer list kept by another process (the CLI) is put in force by the running app at its next look', async () => {
  const running = await openCatalogUpdates({
    dataDir, shipped, url: () => `${server.url}/latest/remote-tools.signed.json`, publicKey: keys.publicKey, ca: server.ca,
    record: async (record) => void records.push(record), log: () => undefined, firstCheckAfterMs: 3_600_000, keptLookEveryMs: 50,
  });
  running.start();
  try {
    const byTheCli = await open();
    server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), keys), etag: '"v2"' });
    await byTheCli.check();
    // The list and the check's state are two files the CLI writes one after the other: each is taken up at a look.
    await expect.poll(() => running.catalog.version, { timeout: 5_000 }).toBe(2);
    await expect.poll(() => running.state().etag, { timeout: 5_000 }).toBe('"v2"');
  } finally {
    running.stop();
  }
});

it('a check under way when the app stops ends at once, journals nothing, and holds no connection open', async () => {
  updates = await open(60_000);
  server.serve({ kind: 'stall' });
  const log: string[] = [];
  const checking = updates.check().catch((error: unknown) => log.push(String(error)));
  await expect.poll(() => server.requests.length).toBe(1);
  updates.stop();
  await checking;
  expect(log).toEqual(['Error: Pause Guard stopped during the check.']);
  expect(records).toEqual([]);
  expect(updates.catalog.version).toBe(shipped.version);
});
