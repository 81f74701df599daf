// The running app held still for real (SIGSTOP, then SIGCONT): it journals the stretch as "stalled" the moment it
// runs again, and the trusted contact's webhook is told at once, in plain words.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readJournal } from '../../electron/guardian/store/journal';
import type { JournalRecord } from '../../shared/journal';
import { startReceiver, type Receiver } from './alerts/receiver';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let webhook: Receiver;
let child: ChildProcess | null = null;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-held-'));
  webhook = await startReceiver(() => 200);
  const contact = { name: 'Ann', webhook: { url: `${webhook.url}/hook`, secret: null } };
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ version: 1, person: 'Mum', contacts: [contact] }));
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
  }
  await webhook.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('journals a real SIGSTOP as a stalled stretch and alerts the contact once it runs again', async () => {
  child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/appServicesChild.ts', dataDir, JSON.stringify({ stallWatch: { checkEveryMs: 100, heldAfterMs: 1500 } })], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()));

  const stoppedAt = Date.now();
  child.kill('SIGSTOP');
  await new Promise((resolve) => setTimeout(resolve, 2500));
  child.kill('SIGCONT');
  const resumedAt = Date.now();
  await webhook.waitFor(1);
  child.kill('SIGTERM');
  await once(child, 'exit');

  const body = JSON.parse(webhook.received[0]!.body);
  expect(body).toMatchObject({ kind: 'protection-held' });
  expect(body.title).toMatch(/Pause Guard was held still$/);
  expect(body.text).toMatch(/^For more than a minute, Pause Guard was stopped from running while the computer was on/);
  expect(body.text).toContain('Call Mum now');

  const gaps: JournalRecord[] = [];
  for await (const record of readJournal(path.join(dataDir, 'journal'))) if (record.type === 'protection-gap') gaps.push(record);
  expect(gaps).toHaveLength(1);
  const gap = gaps[0] as Extract<JournalRecord, { type: 'protection-gap' }>;
  expect(gap).toMatchObject({ clean: false, cause: 'stalled' });
  // From the last look before the stop (at most one look, 100 ms, earlier) to the first look after it.
  expect(Date.parse(gap.from)).toBeGreaterThanOrEqual(stoppedAt - 500);
  expect(Date.parse(gap.from)).toBeLessThanOrEqual(stoppedAt);
  expect(Date.parse(gap.to)).toBeGreaterThanOrEqual(resumedAt - 100);
}, 30_000);
