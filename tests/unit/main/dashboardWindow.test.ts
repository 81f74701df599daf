// The dashboard window: exact constructor options, shown on ready-to-show, close hides to the tray unless quitting.
import { hardenedWebPreferences } from './hardenedWebPreferences';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { FakeWindow } from '../../fixtures/fakeElectron';
import { createDashboardWindow } from '../../../electron/windows/dashboardWindow';

let quitting = false;
const create = (pages: Parameters<typeof createDashboardWindow>[0]['pages'] = { kind: 'files', rendererDir: '/app/out/renderer' }, devTools = false) => {
  FakeWindow.created = [];
  const made = createDashboardWindow({
    BrowserWindow: FakeWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow,
    preloadPath: '/app/out/preload/preload.cjs',
    pages,
    devTools,
    isQuitting: () => quitting,
  });
  const window = FakeWindow.created[0] as FakeWindow;
  return { made, window };
};

describe('createDashboardWindow', () => {
  beforeEach(() => {
    quitting = false;
  });

  it('is created hidden with exactly the locked-down options', () => {
    const { window } = create();
    expect(window.options).toEqual({
      title: 'Pause Guard',
      width: 960,
      height: 720,
      minWidth: 640,
      minHeight: 480,
      show: false,
      autoHideMenuBar: true,
      backgroundColor: '#ffffff',
      webPreferences: hardenedWebPreferences('/app/out/preload/preload.cjs', false),
    });
  });

  it('allows developer tools only when told to', () => {
    expect(create(undefined, true).window.options.webPreferences?.devTools).toBe(true);
  });

  it('shows itself on ready-to-show, not before', () => {
    const { window } = create();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('hides to the tray instead of closing', () => {
    const { window } = create();
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(window.hide).toHaveBeenCalledOnce();
  });

  it('closes for real while the app is quitting', () => {
    const { window } = create();
    quitting = true;
    const event = { preventDefault: vi.fn() };
    window.emit('close', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(window.hide).not.toHaveBeenCalled();
  });

  it('loads index.html from the renderer folder in a release', async () => {
    const { made, window } = create();
    await made.loaded;
    expect(window.loadFile).toHaveBeenCalledExactlyOnceWith('/app/out/renderer/index.html');
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server page in development', () => {
    const { window } = create({ kind: 'devServer', origin: 'http://localhost:5173' });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/');
  });
});
