// `pauseguard update-catalog` run as a person would, against a real HTTPS server whose test CA this child alone trusts
// (NODE_EXTRA_CA_CERTS): it prints what happened, exits 1 with the reason in one sentence when the document is
// refused, asks with the ETag it kept, and journals each check at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { CATALOG_STATE_FILE } from '../../electron/guardian/catalogUpdates/catalogUpdates';
import { readJournal } from '../../electron/guardian/store/journal';
import type { JournalRecord } from '../../shared/journal';
import { catalogVersion, signed, startCatalogServer, testKeys, type CatalogServer } from '../fixtures/catalogServer';
import { runPauseguard } from '../fixtures/cliRun';

let server: CatalogServer;
let dataDir: string;

beforeAll(async () => {
  server = await startCatalogServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-update-catalog-cli-'));
  server.requests.length = 0;
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const run = (args: string[]) => runPauseguard(['update-catalog', ...args], dataDir, { NODE_EXTRA_CA_CERTS: server.caFile });

async function catalogChecks(): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for await (const record of readJournal(path.join(dataDir, 'journal'))) if (record.type === 'catalog-check') records.push(record);
  return records;
}

it('refuses a list not signed with Pause Guard\'s key: exit 1, the reason in one sentence, the list in use named', async () => {
  server.serve({ kind: 'document', body: signed(catalogVersion(2, '2026-12-20'), testKeys()) });
  const result = await run(['--url', `${server.url}/remote-tools.signed.json`]);
  expect(result.code).toBe(1);
  expect(result.stdout.trim().split('\n')).toEqual([
    'The list of remote-access programs was not signed by Pause Guard, or was changed after signing.',
    'The list in use stays version 1 of 2 December 2026.',
  ]);
  expect(await catalogChecks()).toEqual([expect.objectContaining({ type: 'catalog-check', outcome: 'refused', reason: 'bad-signature' })]);
}, 60_000);

it('with --json, a 304 to the ETag it kept is a check that found nothing newer: exit 0', async () => {
  const url = `${server.url}/latest/remote-tools.signed.json`;
  fs.writeFileSync(path.join(dataDir, CATALOG_STATE_FILE), JSON.stringify({ url, etag: '"v1"', version: 1 }));
  server.serve({ kind: 'document', body: 'never sent', etag: '"v1"' });
  const result = await run(['--url', url, '--json']);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({ outcome: 'unchanged', version: 1, date: '2026-12-02', reason: null, message: null });
  expect(server.requests).toEqual([{ path: '/latest/remote-tools.signed.json', ifNoneMatch: '"v1"' }]);
}, 60_000);

it('a server that answers with an error: exit 1 with that reason', async () => {
  server.serve({ kind: 'status', status: 503 });
  const result = await run(['--url', `${server.url}/remote-tools.signed.json`]);
  expect(result.code).toBe(1);
  expect(result.stdout.split('\n')[0]).toBe('The server answered 503 instead of sending the list of remote-access programs.');
}, 60_000);

it('an address that is not https:// is a usage mistake, said plainly, and nothing is fetched', async () => {
  const result = await run(['--url', 'http://example.org/remote-tools.signed.json']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/must be a whole web address starting with https:\/\//);
  expect(server.requests).toEqual([]);
}, 60_000);
