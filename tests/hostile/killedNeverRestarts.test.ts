// The caller ends Pause Guard for good (End task, then autostart off or an uninstall, so it never starts again): the
// real app services run in their own process and are killed with SIGKILL. The family must still hear, from a message
// the app scheduled on their ntfy topic before it died, and from the silence of the ping URL; a quit with the PIN
// cancels the scheduled message after the family is told.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashPin } from '../../electron/guardian/pin/pin';
import { startNtfyServer, type NtfyMessage, type NtfyServer } from '../fixtures/ntfyServer';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TOPIC = 'pg_family-topic';
/** Short timings through the app's own option: reschedule every 1.5 s, each message 4 s ahead. */
const CHECK_IN = { everyMs: 1_500, aheadMs: 4_000, pingEveryMs: 300 };

let dataDir: string;
let ntfy: NtfyServer;
let pings: Receiver;
let child: ChildProcess | null = null;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-killed-'));
  ntfy = await startNtfyServer({ minDelayMs: 1_000 });
  pings = await startReceiver(() => 200);
  const contact = { name: 'Ann', ntfy: { server: ntfy.url, topic: TOPIC, token: null } };
  const settings = { version: 1, person: 'Mum', contacts: [contact], pin: await hashPin('4321'), pingUrl: `${pings.url}/ping/abc`, setupComplete: true };
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings));
});

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
  await ntfy.close();
  await pings.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startApp(): Promise<ChildProcess> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/appServicesChild.ts', dataDir, JSON.stringify({ checkIn: CHECK_IN })], {
    cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'],
  });
  child = started;
  return new Promise((resolve) => started.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(started)));
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The topic as the family's ntfy app reads it: delivered messages, and with `scheduled` those still waiting too. */
async function poll(scheduled = false): Promise<NtfyMessage[]> {
  const response = await fetch(`${ntfy.url}/${TOPIC}/json?poll=1${scheduled ? '&scheduled=1' : ''}`);
  return (await response.text()).split('\n').filter(Boolean).map((line) => JSON.parse(line) as NtfyMessage);
}

const publishes = (): number => ntfy.requests.filter((r) => r === 'POST /').length;
const checkIns = (): NtfyMessage[] => ntfy.delivered.filter((m) => m.event === 'message' && /not checked in/.test(m.message ?? ''));

it('delivers the message scheduled before a SIGKILL when the app never starts again, and only the latest one', async () => {
  const app = await startApp();
  await until(() => publishes() >= 2, 'the check-in to be scheduled and then replaced once');
  const [waiting] = ntfy.scheduled();
  expect(ntfy.scheduled()).toHaveLength(1);
  expect(waiting?.sequence_id).toMatch(/^pg-checkin-[0-9a-f]{16}$/);

  app.kill('SIGKILL');
  await once(app, 'exit');
  const killedAt = Date.now();
  const heard = await ntfy.waitForDelivered((m) => m.event === 'message' && /not checked in/.test(m.message ?? ''), 10_000);

  expect(heard.time * 1000).toBeGreaterThanOrEqual(killedAt - 1_000);
  expect(heard.title).toBe("Mum's PC: Pause Guard has gone quiet");
  expect(heard.message).toMatch(/^Pause Guard on Mum's PC has not checked in since \d{1,2}:\d{2} [ap]m on /);
  expect(heard.message).toContain('Call Mum on a number you know.');
  expect(heard.sequence_id).toBe(waiting?.sequence_id);
  // Every earlier scheduled message was replaced: one arrives, not one per reschedule.
  await new Promise((resolve) => setTimeout(resolve, CHECK_IN.aheadMs));
  const onTopic = await poll(true);
  expect(onTopic.filter((m) => m.event === 'message' && /not checked in/.test(m.message ?? ''))).toEqual([heard]);
  expect(checkIns()).toHaveLength(1);
}, 40_000);

it('cancels the scheduled message on a quit with the PIN, after telling the family', async () => {
  const app = await startApp();
  await until(() => ntfy.scheduled().length === 1, 'the check-in to be scheduled');
  const sequenceId = ntfy.scheduled()[0]?.sequence_id;
  app.stdin!.write('quit 4321\n');
  await once(app, 'exit');

  const quitAt = ntfy.delivered.findIndex((m) => m.title === "Mum's PC: Pause Guard was closed");
  const cancelAt = ntfy.delivered.findLastIndex((m) => m.event === 'message_delete' && m.sequence_id === sequenceId);
  expect(quitAt).toBeGreaterThanOrEqual(0);
  expect(cancelAt).toBeGreaterThan(quitAt);
  expect(ntfy.scheduled()).toHaveLength(0);
  await new Promise((resolve) => setTimeout(resolve, CHECK_IN.aheadMs + 500));
  expect((await poll(true)).filter((m) => m.event === 'message' && /not checked in/.test(m.message ?? ''))).toEqual([]);
  expect(checkIns()).toHaveLength(0);
}, 40_000);

it('pings the family\'s ping URL while it runs, and the pings stop with a SIGKILL', async () => {
  const app = await startApp();
  await pings.waitFor(3);
  expect(pings.received.slice(0, 3).map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill('GET /ping/abc'));
  app.kill('SIGKILL');
  await once(app, 'exit');
  const afterKill = pings.received.length;
  await new Promise((resolve) => setTimeout(resolve, CHECK_IN.pingEveryMs * 4));
  expect(pings.received).toHaveLength(afterKill);
}, 40_000);
