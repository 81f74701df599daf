// Start at login per platform: the exact login-item options on Windows and macOS (Electron mocked), the real XDG file on Linux.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { setLoginItemSettings: vi.fn(), getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: true })) },
}));
vi.mock('electron', () => electron);

const { applyStartAtLogin, HIDDEN_ARG, wasStartedAtLogin } = await import('../../../electron/autoLaunch');

let home: string;
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-autolaunch-'));
  vi.clearAllMocks();
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

describe('applyStartAtLogin', () => {
  it('on Windows registers the executable with --hidden and switches Startup Approved on', async () => {
    await applyStartAtLogin(true, { platform: 'win32', exePath: 'C:\\Program Files\\Pause Guard\\Pause Guard.exe' });
    expect(electron.app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({
      openAtLogin: true, path: 'C:\\Program Files\\Pause Guard\\Pause Guard.exe', args: ['--hidden'], enabled: true,
    });
  });

  it('on Windows removes it when turned off', async () => {
    await applyStartAtLogin(false, { platform: 'win32', exePath: 'C:\\PG\\Pause Guard.exe' });
    expect(electron.app.setLoginItemSettings).toHaveBeenCalledExactlyOnceWith({
      openAtLogin: false, path: 'C:\\PG\\Pause Guard.exe', args: ['--hidden'], enabled: false,
    });
  });

  it('on macOS sets only openAtLogin (a login item takes no arguments there)', async () => {
    await applyStartAtLogin(true, { platform: 'darwin' });
    await applyStartAtLogin(false, { platform: 'darwin' });
    expect(electron.app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('on Linux writes and removes the XDG autostart entry, starting an AppImage from its file, and never calls Electron', async () => {
    const env = { APPIMAGE: '/home/mum/Apps/Pause Guard.AppImage' };
    await applyStartAtLogin(true, { platform: 'linux', exePath: '/tmp/.mount_x/pause-guard', env, home });
    const entry = path.join(home, '.config/autostart/pause-guard.desktop');
    expect(await fs.readFile(entry, 'utf8')).toContain('Exec="/home/mum/Apps/Pause Guard.AppImage" --hidden\n');
    await applyStartAtLogin(false, { platform: 'linux', env, home });
    await expect(fs.access(entry)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

describe('wasStartedAtLogin', () => {
  it('reads --hidden on Windows and Linux, and asks the system on macOS', () => {
    expect(HIDDEN_ARG).toBe('--hidden');
    expect(wasStartedAtLogin({ platform: 'win32', argv: ['Pause Guard.exe', '--hidden'] })).toBe(true);
    expect(wasStartedAtLogin({ platform: 'linux', argv: ['pause-guard'] })).toBe(false);
    expect(wasStartedAtLogin({ platform: 'darwin', argv: ['Pause Guard'] })).toBe(true);
    expect(electron.app.getLoginItemSettings).toHaveBeenCalledOnce();
  });
});
