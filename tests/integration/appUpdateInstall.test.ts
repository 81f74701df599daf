// When a downloaded update of the app installs, through the real app services: the installer ends the running copy
// (as the NSIS installer does), so protection must have stopped cleanly first, journalled as `update`, and the next
// start must neither report a gap nor alert the family. Never while an interruption is on screen or a window is open:
// a caller must not get the cover taken away by an update arriving (AnyDesk is a copy of /bin/sleep in the test's folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { familyPc, processWatcherIn, type FamilyPc } from '../fixtures/hostile/familyPc';
import { fakeTool, runTracked } from '../fixtures/toolProcesses';

let pc: FamilyPc;
let dir: string;
const children = new Set<ChildProcess>();

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-update-'));
  pc = await familyPc();
  await pc.setUp();
  await pc.stop();
});
afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  await pc.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The installer as electron-updater runs it: it ends this copy of the app (here: the services are dropped, as a kill would). */
function installerEndingTheApp(): { installed: Promise<void> } & { install: () => void } {
  let done: () => void = () => undefined;
  const installed = new Promise<void>((resolve) => (done = resolve));
  return { installed, install: () => void pc.crash().then(done) };
}

it('stops protection cleanly as `update` before the installer ends the app, so the next start tells the family nothing', async () => {
  const services = await pc.start({ appUpdateSupport: 'on' });
  const installer = installerEndingTheApp();
  services.appUpdates.connect({ install: installer.install, windowOpen: () => false });
  services.appUpdates.downloaded('0.3.0');
  await installer.installed;

  await pc.start();
  const records = await pc.records();
  expect(records).toContainEqual(expect.objectContaining({ type: 'clean-stop', reason: 'update' }));
  expect(records).not.toContainEqual(expect.objectContaining({ type: 'protection-gap', clean: false }));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(pc.alerts().map((alert) => alert.kind)).not.toContain('protection-gap');
});

it('waits while a Pause Guard window is open, and installs once it closes', async () => {
  const services = await pc.start({ appUpdateSupport: 'on' });
  let windowOpen = true;
  let installs = 0;
  services.appUpdates.connect({ install: () => (installs += 1), windowOpen: () => windowOpen });
  services.appUpdates.downloaded('0.3.0');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(installs).toBe(0);
  expect(services.guardian.status().updates?.appUpdateWaiting).toBe('0.3.0');
  windowOpen = false;
  services.appUpdates.quietMoment();
  await expect.poll(() => installs).toBe(1);
});

it.runIf(process.platform === 'linux')('never installs while an interruption covers the screen; installs at the quiet moment after it', async () => {
  const services = await pc.start({ appUpdateSupport: 'on', watchers: [processWatcherIn(dir)], processesIn: dir });
  let installs = 0;
  services.appUpdates.connect({ install: () => (installs += 1), windowOpen: () => false });
  const anydesk = runTracked(children, fakeTool(dir, 'AnyDesk.exe'), ['600']);
  const shown = await pc.interruption((view) => view?.stage === 'pause');
  services.appUpdates.downloaded('0.3.0');
  services.appUpdates.quietMoment();
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(installs).toBe(0);
  expect(services.guardian.interruption()?.id).toBe(shown!.id);
  expect(await pc.records()).not.toContainEqual(expect.objectContaining({ type: 'clean-stop', reason: 'update' }));

  await expect(services.guardian.choose({ id: shown!.id, choice: 'end-it' })).resolves.toMatchObject({ ok: true });
  await pc.interruption((view) => view?.stage === 'ended');
  expect(anydesk.exitCode !== null || anydesk.signalCode !== null).toBe(true);
  expect(installs).toBe(0);
  await expect(services.guardian.closeInterruption(shown!.id)).resolves.toMatchObject({ ok: true });
  await expect.poll(() => installs, { timeout: 10_000 }).toBe(1);
  expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'clean-stop', reason: 'update' }));
});

it('an unsigned build never installs an update, and says why on the status page', async () => {
  const services = await pc.start({ appUpdateSupport: 'unsigned' });
  let installs = 0;
  services.appUpdates.connect({ install: () => (installs += 1), windowOpen: () => false });
  services.appUpdates.downloaded('0.3.0');
  services.appUpdates.quietMoment();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(installs).toBe(0);
  expect(services.guardian.status().updates).toMatchObject({ appUpdates: 'unsigned', appUpdateWaiting: null });
  expect(pc.log.join(' ')).toMatch(/does not install updates itself/);
});
