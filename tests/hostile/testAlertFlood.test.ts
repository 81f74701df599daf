// The caller floods the family with test alerts (no PIN is needed for one) to bury a real alert or use up the ntfy
// server's daily limit: `pauseguard test-alert` run again and again, in a row and side by side, and the setup window's
// button pressed twice. At most one goes out a minute, each refusal is one plain sentence, and every try is journalled.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testAlertCommand } from '../../electron/cli/testAlertCommand';
import { createAppServices, type AppServices } from '../../electron/guardian/appServices';
import { readJournal } from '../../electron/guardian/store/journal';
import { verifyJournal } from '../../electron/guardian/store/verifyJournal';
import type { JournalRecord } from '../../shared/journal';
import { startNtfyServer, type NtfyServer } from '../fixtures/ntfyServer';

const REFUSED = /^A test alert was sent less than a minute ago\. Please wait \d+ seconds? and try again\.$/;

let dataDir: string;
let ntfy: NtfyServer;
let services: AppServices | null = null;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-flood-'));
  ntfy = await startNtfyServer();
  const contact = { name: 'Ann', ntfy: { server: ntfy.url, topic: 'pg_family', token: null } };
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, person: 'Mum', contacts: [contact] }));
});

afterEach(async () => {
  await services?.stop('quit');
  services = null;
  await ntfy.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function testAlertCli(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await testAlertCommand.run({ common: { json: false, dataDir }, values: {}, write: (line) => lines.push(line) });
  return { code, lines };
}

const testAlertsDelivered = (): number => ntfy.delivered.filter((m) => m.title === "Mum's PC: test alert").length;

async function journalled(): Promise<Extract<JournalRecord, { type: 'test-alert' }>[]> {
  const records: Extract<JournalRecord, { type: 'test-alert' }>[] = [];
  for await (const record of readJournal(path.join(dataDir, 'journal'))) if (record.type === 'test-alert') records.push(record);
  return records;
}

it('sends one test alert a minute from the CLI, run in a row or side by side, and journals every try', async () => {
  const first = await testAlertCli();
  expect(first).toEqual({ code: 0, lines: ['ntfy: OK'] });
  for (let i = 0; i < 5; i++) {
    const again = await testAlertCli();
    expect(again.code).toBe(1);
    expect(again.lines).toHaveLength(1);
    expect(again.lines[0]).toMatch(REFUSED);
  }
  const sideBySide = await Promise.all(Array.from({ length: 5 }, testAlertCli));
  expect(sideBySide.every((run) => run.code === 1)).toBe(true);
  expect(testAlertsDelivered()).toBe(1);

  // Every try is in the journal at once, in one unbroken chain though five ran side by side.
  const tries = await journalled();
  expect(tries.map((t) => t.refused)).toEqual([false, ...Array(10).fill(true)]);
  expect(await verifyJournal(path.join(dataDir, 'journal'))).toMatchObject({ ok: true });
}, 30_000);

it('refuses a second press of the setup window\'s button within the minute, in plain words, and journals both', async () => {
  services = await createAppServices({ dataDir, version: 'test', downloadFolders: [], watchers: [], quit: () => undefined, log: () => undefined });
  await services.start();
  const first = await services.setup.testAlert();
  expect(first).toMatchObject({ results: [{ channel: 'ntfy', ok: true }] });
  const second = await services.setup.testAlert();
  expect(second.results).toEqual([]);
  expect(second.refused).toMatch(REFUSED);
  expect(testAlertsDelivered()).toBe(1);
  expect((await journalled()).map((t) => t.refused)).toEqual([false, true]);
}, 30_000);
