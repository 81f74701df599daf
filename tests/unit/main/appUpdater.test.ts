// The glue to electron-updater, with its autoUpdater replaced at its documented surface only (the `update-downloaded`
// and `error` events, checkForUpdates, quitAndInstall and its settings), over the real app-update state machine; and
// which builds update themselves, from the facts of the build (app-update.yml, the deb, the sources).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appUpdateSupportOf, readBuildFacts, type BuildFacts } from '../../../electron/appUpdateSupport';
import { connectAppUpdater } from '../../../electron/appUpdater';
import { createAppUpdates } from '../../../electron/guardian/appUpdates';
import type { AppUpdateSupport } from '../../../shared/updates';

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  allowPrerelease = true;
  checkForUpdates = vi.fn(() => Promise.resolve(null));
  quitAndInstall = vi.fn();
}

let stop: () => void = () => undefined;
afterEach(() => stop());

function connect(support: AppUpdateSupport, busy = { interruption: false, window: false }) {
  const autoUpdater = new FakeAutoUpdater();
  const steps: string[] = [];
  const appUpdates = createAppUpdates({
    support, interruptionShown: () => busy.interruption, log: (line) => steps.push(`log: ${line}`),
    stopForUpdate: async () => void steps.push('stopped as update'),
  });
  autoUpdater.quitAndInstall.mockImplementation((silent: boolean, runAfter: boolean) => steps.push(`quitAndInstall(${silent}, ${runAfter})`));
  stop = connectAppUpdater({
    autoUpdater: autoUpdater as never, appUpdates, windowOpen: () => busy.window, log: (line) => steps.push(`log: ${line}`),
    quitForUpdate: () => steps.push('quit allowed'), firstCheckAfterMs: 10, checkEveryMs: 60_000,
  });
  return { autoUpdater, appUpdates, steps };
}

describe('connectAppUpdater', () => {
  it('downloads by itself, never downgrades, checks after start, and installs a downloaded update after the clean stop', async () => {
    const { autoUpdater, steps } = connect('on');
    expect(autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false });
    await vi.waitFor(() => expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1));
    autoUpdater.emit('update-downloaded', { version: '0.3.0', files: [], path: 'x', sha512: 'y', releaseDate: '2026-12-02', downloadedFile: '/tmp/x' });
    await vi.waitFor(() => expect(steps).toEqual(['stopped as update', 'quit allowed', 'quitAndInstall(true, true)']));
  });

  it('waits while the window is open, installs at the quiet moment after', async () => {
    const busy = { interruption: false, window: true };
    const { autoUpdater, appUpdates, steps } = connect('on', busy);
    autoUpdater.emit('update-downloaded', { version: '0.3.0' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(steps).toEqual([]);
    expect(appUpdates.waiting()).toBe('0.3.0');
    busy.window = false;
    appUpdates.quietMoment();
    await vi.waitFor(() => expect(steps).toContain('quitAndInstall(true, true)'));
  });

  it('says in the log why a check failed, and goes on', () => {
    const { autoUpdater, steps } = connect('on');
    autoUpdater.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(steps).toEqual(['log: Pause Guard could not check for a new version of itself: net::ERR_INTERNET_DISCONNECTED']);
  });

  it.each(['unsigned', 'package-manager', 'development'] as const)('a %s build never checks, listens or installs', async (support) => {
    const { autoUpdater, appUpdates } = connect(support);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(autoUpdater.listenerCount('update-downloaded')).toBe(0);
    appUpdates.downloaded('0.3.0');
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });
});

describe('which builds update themselves', () => {
  const packaged: BuildFacts = { isPackaged: true, platform: 'win32', appImage: undefined, updateConfig: null, codeSigned: false };
  // app-update.yml as electron-builder writes it for the GitHub provider, with and without a signing certificate.
  const signedYml = 'owner: pauseguard\nrepo: pause-guard\nprovider: github\npublisherName:\n  - Pause Guard Ltd\nupdaterCacheDirName: pause-guard-updater\n';
  const unsignedYml = 'owner: pauseguard\nrepo: pause-guard\nprovider: github\nupdaterCacheDirName: pause-guard-updater\n';

  it.each([
    ['run from the sources', { ...packaged, isPackaged: false, updateConfig: signedYml }, 'development'],
    ['Windows, signed: the publisher electron-updater checks is there', { ...packaged, updateConfig: signedYml }, 'on'],
    ['Windows, unsigned: no publisher to check an update against', { ...packaged, updateConfig: unsignedYml }, 'unsigned'],
    ['Windows, built without update settings', packaged, 'unsigned'],
    ['macOS, signed by the release workflow', { ...packaged, platform: 'darwin', updateConfig: unsignedYml, codeSigned: true }, 'on'],
    ['macOS, unsigned', { ...packaged, platform: 'darwin', updateConfig: unsignedYml }, 'unsigned'],
    ['Linux AppImage', { ...packaged, platform: 'linux', appImage: '/home/ann/Pause-Guard.AppImage', updateConfig: unsignedYml }, 'on'],
    ['Linux deb: apt updates it', { ...packaged, platform: 'linux', updateConfig: null }, 'package-manager'],
  ] as const)('%s', (_name, facts, expected) => {
    expect(appUpdateSupportOf(facts as BuildFacts)).toBe(expected);
  });

  it('reads app-update.yml beside the resources and the packaged package.json', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-build-facts-'));
    try {
      fs.writeFileSync(path.join(dir, 'app-update.yml'), signedYml);
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'pause-guard', pauseGuardCodeSigned: true }));
      expect(readBuildFacts({ isPackaged: true, resourcesPath: dir, appPath: dir, platform: 'darwin', env: {} }))
        .toEqual({ isPackaged: true, platform: 'darwin', appImage: undefined, updateConfig: signedYml, codeSigned: true });
      expect(readBuildFacts({ isPackaged: false, resourcesPath: undefined, appPath: path.join(dir, 'none'), platform: 'linux', env: { APPIMAGE: '/a' } }))
        .toEqual({ isPackaged: false, platform: 'linux', appImage: '/a', updateConfig: null, codeSigned: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
