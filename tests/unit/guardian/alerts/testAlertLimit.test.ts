// The one-a-minute limit on test alerts on a real data folder: the wait it names, the minute's end, the clock, and a
// lock left behind by a process that died while it decided.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { claimTestAlert } from '../../../../electron/guardian/alerts/testAlertLimit';

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-test-limit-'));
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

const at = (ms: number) => () => new Date(Date.UTC(2026, 11, 4, 14, 5) + ms);

it('allows one a minute and says plainly how long to wait', async () => {
  expect(await claimTestAlert(dataDir, at(0))).toEqual({ ok: true });
  expect(await claimTestAlert(dataDir, at(30_000))).toEqual({ ok: false, message: 'A test alert was sent less than a minute ago. Please wait 30 seconds and try again.' });
  expect(await claimTestAlert(dataDir, at(59_500))).toEqual({ ok: false, message: 'A test alert was sent less than a minute ago. Please wait 1 second and try again.' });
  expect(await claimTestAlert(dataDir, at(60_000))).toEqual({ ok: true });
});

it('is not opened by a clock put back a little, nor closed for long by a clock corrected from far ahead', async () => {
  expect(await claimTestAlert(dataDir, at(0))).toEqual({ ok: true });
  expect((await claimTestAlert(dataDir, at(-20_000))).ok).toBe(false);
  expect((await claimTestAlert(dataDir, at(-3_600_000))).ok).toBe(true);
});

it('takes over a lock left by a process that died while it decided, once it is old', async () => {
  const lock = path.join(dataDir, 'test-alert.lock');
  await fs.mkdir(lock);
  expect((await claimTestAlert(dataDir)).ok).toBe(false);
  const old = new Date(Date.now() - 60_000);
  await fs.utimes(lock, old, old);
  expect(await claimTestAlert(dataDir)).toEqual({ ok: true });
});
