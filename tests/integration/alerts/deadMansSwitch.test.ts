// The dead-man's switch against the local ntfy fixture server: what a shut-down, a sleep and an update leave waiting,
// what an ntfy server older than 2.16 gets (nothing, and a plain sentence), and how the daily limit is kept.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeAlert } from '../../../electron/guardian/alerts/alertMessage';
import { ALERTS_RESERVE, CHECK_IN_OFF_AHEAD_MS, createDeadMansSwitch, type DeadMansSwitch } from '../../../electron/guardian/alerts/deadMansSwitch';
import { NTFY_DAILY_MESSAGES, openNtfyBudget, type NtfyBudget } from '../../../electron/guardian/alerts/ntfyBudget';
import type { StopReason } from '../../../electron/guardian/protection/heartbeat';
import type { Contact } from '../../../shared/settings';
import { startNtfyServer, type NtfyServer } from '../../fixtures/ntfyServer';

const AHEAD_MS = 60_000;
let dataDir: string;
let ntfy: NtfyServer;
let budget: NtfyBudget;
let logged: string[];
let deadMan: DeadMansSwitch | null;

const contactOn = (server: NtfyServer, topic = 'pg_family'): Contact => ({ name: 'Ann', phone: null, email: null, webhook: null, ntfy: { server: server.url, topic, token: null } });

async function switchOn(server: NtfyServer, contacts: Contact[] = [contactOn(server)], aheadMs = AHEAD_MS): Promise<DeadMansSwitch> {
  deadMan = createDeadMansSwitch({
    dataDir, settings: () => ({ contacts }), budget, log: (line) => logged.push(line), everyMs: 3_600_000, aheadMs,
    compose: (kind, since) => composeAlert({ kind, person: 'Mum', pcName: 'KITCHEN-PC', contactName: 'Ann', at: since, timeZone: 'UTC' }),
  });
  await deadMan.start();
  return deadMan;
}

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-deadman-'));
  ntfy = await startNtfyServer();
  budget = await openNtfyBudget(dataDir);
  logged = [];
  deadMan = null;
});
afterEach(async () => {
  await deadMan?.stop('quit');
  await ntfy.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const dueInMs = (): number => (ntfy.scheduled()[0]?.time ?? 0) * 1000 - Date.now();

it.each<[StopReason, string, number]>([
  ['shutdown', "Mum's PC: Pause Guard has not started again", CHECK_IN_OFF_AHEAD_MS],
  ['update', "Mum's PC: Pause Guard has gone quiet", AHEAD_MS],
])('a %s leaves one message waiting: "%s", due %i ms ahead', async (reason, title, ahead) => {
  const running = await switchOn(ntfy);
  await running.stop(reason);
  deadMan = null;
  expect(ntfy.scheduled()).toHaveLength(1);
  expect(ntfy.scheduled()[0]?.title).toBe(title);
  expect(dueInMs()).toBeGreaterThan(ahead - 5_000);
  expect(dueInMs()).toBeLessThanOrEqual(ahead);
});

it('leaves the gentle message for the night at sleep, and the ordinary one again on waking', async () => {
  const running = await switchOn(ntfy);
  await running.systemSuspending();
  expect(ntfy.scheduled().map((m) => m.message)).toEqual([
    expect.stringMatching(/^Mum's PC was shut down or went to sleep at .*If the computer is simply off, all is well\.\nWhen: .*If Mum is using it, call Mum on a number you know\.$/s),
  ]);
  await running.checkIn();
  expect(ntfy.scheduled()).toHaveLength(1);
  expect(ntfy.scheduled()[0]?.title).toBe("Mum's PC: Pause Guard has gone quiet");
  expect(dueInMs()).toBeLessThanOrEqual(AHEAD_MS);
});

it('schedules nothing on an ntfy server older than 2.16, and says so once in plain words', async () => {
  const older = await startNtfyServer({ olderThan216: true });
  try {
    const running = await switchOn(older);
    await running.checkIn();
    expect(older.scheduled()).toHaveLength(0);
    expect(older.requests).toEqual([expect.stringMatching(/^DELETE \/pg_family\/pg-checkin-[0-9a-f]{16}$/)]);
    expect(logged).toEqual([
      `The ntfy server ${older.url} is older than version 2.16, so it cannot keep a "not checked in" message for the family. They will hear of a stop when Pause Guard starts again; a ping URL tells them sooner.`,
    ]);
  } finally {
    await older.close();
  }
});

it('counts every publish and delete, and once the share kept for alerts is reached schedules one message to cover until midnight UTC', async () => {
  const running = await switchOn(ntfy);
  expect(budget.sentToday(ntfy.url)).toBe(2);
  for (let i = budget.sentToday(ntfy.url); i < NTFY_DAILY_MESSAGES - ALERTS_RESERVE; i++) await budget.spend(ntfy.url);
  await running.checkIn();
  const untilMidnight = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1) - Date.now();
  expect(dueInMs()).toBeGreaterThan(untilMidnight + AHEAD_MS - 5_000);
  const sent = budget.sentToday(ntfy.url);
  await running.checkIn();
  expect(budget.sentToday(ntfy.url)).toBe(sent);
  // Kept across restarts: the count is in the data folder.
  expect((await openNtfyBudget(dataDir)).sentToday(ntfy.url)).toBe(sent);
});

it('cancels the message on a topic taken out of the settings, and schedules on the new one', async () => {
  const contacts = [contactOn(ntfy, 'pg_old')];
  const running = await switchOn(ntfy, contacts);
  expect(ntfy.scheduled().map((m) => m.topic)).toEqual(['pg_old']);
  contacts[0] = contactOn(ntfy, 'pg_new');
  await running.checkIn();
  expect(ntfy.scheduled().map((m) => m.topic)).toEqual(['pg_new']);
});

it('a start replaces the message still waiting, but never deletes one the family may already have, and takes a new id', async () => {
  const quick = await startNtfyServer({ minDelayMs: 500 });
  try {
    // Due 4 s ahead: the second start must replace the first message before it is due, even on a busy machine.
    await (await switchOn(quick, [contactOn(quick)], 4_000)).stop('update');
    const first = quick.scheduled()[0]?.sequence_id;
    await (await switchOn(quick, [contactOn(quick)], 4_000)).stop('update');
    expect(quick.scheduled().map((m) => m.sequence_id)).toEqual([first]);

    const delivered = await quick.waitForDelivered((m) => m.event === 'message' && m.sequence_id === first, 10_000);
    expect(delivered.title).toBe("Mum's PC: Pause Guard has gone quiet");
    await switchOn(quick, [contactOn(quick)], 1_500);
    expect(quick.delivered.filter((m) => m.event === 'message_delete' && m.sequence_id === first)).toEqual([]);
    expect(quick.scheduled()).toHaveLength(1);
    expect(quick.scheduled()[0]?.sequence_id).not.toBe(first);
  } finally {
    await quick.close();
  }
});
