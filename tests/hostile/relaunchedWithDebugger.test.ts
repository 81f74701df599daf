// The caller ends Pause Guard and starts it again with Chromium's remote debugging (or Node's inspector) switched on,
// to drive the cover page from a DevTools connection. It must not run that way: no window is made, it is journalled,
// the family is told, and it starts again without the switches. Electron is faked; the app services are the real ones.
import { createAppServices } from '../../electron/guardian/appServices';
import { familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';

const electron = vi.hoisted(() => ({
  app: {
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    commandLine: { hasSwitch: vi.fn(() => false), removeSwitch: vi.fn() },
    getPath: vi.fn(() => '/unused'),
    relaunch: vi.fn(),
    exit: vi.fn(),
    quit: vi.fn(),
    on: vi.fn(),
    whenReady: vi.fn(async () => undefined),
    isPackaged: true,
  },
  BrowserWindow: vi.fn(),
  safeStorage: { isEncryptionAvailable: vi.fn(() => false), getSelectedStorageBackend: vi.fn(() => 'basic_text') },
}));
vi.mock('electron', () => ({ app: electron.app, BrowserWindow: electron.BrowserWindow, safeStorage: electron.safeStorage, session: {}, screen: {}, shell: {}, dialog: {}, Menu: {} }));
const { startTrayApp, STARTED_CLEAN } = await import('../../electron/trayApp');

let pc: FamilyPc;

beforeAll(async () => {
  pc = await familyPc();
  await pc.setUp();
  // The caller ends it (the family hears of that at the next start): here, the app is simply not running.
  await pc.stop();
});

afterAll(async () => {
  await pc?.stop();
  await pc?.cleanup();
});

describe('a caller who starts Pause Guard again with a debugger on it', () => {
  it('does not run so: no window, journalled, the family told, started again without the switch', async () => {
    startTrayApp({
      mainDir: '/opt/pause-guard/out/main',
      argv: ['/opt/Pause Guard/pause-guard', '--remote-debugging-port=9222', '--hidden'],
      createServices: (_dataDir, quit) =>
        createAppServices({ dataDir: pc.dataDir, version: 'test', downloadFolders: [], watchers: [], quit, log: () => undefined, pcName: 'MUMS-PC' }),
    });
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0), { timeout: 15_000 });
    expect(electron.BrowserWindow).not.toHaveBeenCalled();
    expect(electron.app.commandLine.removeSwitch).toHaveBeenCalledWith('remote-debugging-port');
    expect(electron.app.relaunch).toHaveBeenCalledExactlyOnceWith({ args: ['--hidden', STARTED_CLEAN] });

    expect(await pc.records()).toContainEqual(expect.objectContaining({ type: 'debugger-refused', switches: ['remote-debugging-port'] }));
    expect((await pc.alertSaying(/started with a debugger/)).text).toContain('refused to run like that');
  }, 30_000);
});
