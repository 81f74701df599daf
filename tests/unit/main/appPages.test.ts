// The app's own pages: files strictly inside the renderer folder, or the dev server's origin, and nothing else.
import { appPagesFor, isAppPage, type AppPages } from '../../../electron/appPages';

const files: AppPages = { kind: 'files', rendererDir: '/opt/pause-guard/out/renderer' };
const dev: AppPages = { kind: 'devServer', origin: 'http://localhost:5173' };

describe('isAppPage for a release', () => {
  it.each([
    'file:///opt/pause-guard/out/renderer/index.html',
    'file:///opt/pause-guard/out/renderer/index.html#/dashboard',
    'file:///opt/pause-guard/out/renderer/assets/index.js',
  ])('accepts %s', (url) => expect(isAppPage(url, files)).toBe(true));

  it.each([
    'file:///etc/passwd',
    'file:///opt/pause-guard/out/renderer',
    'file:///opt/pause-guard/out/renderer-evil/index.html',
    'file:///opt/pause-guard/out/renderer/../main/main.js',
    'file:///opt/pause-guard/out/renderer/%2e%2e/main/main.js',
    'file:///opt/pause-guard/out/renderer/a%2Fb.html',
    'file://evil-host/opt/pause-guard/out/renderer/index.html',
    'http://localhost:5173/index.html',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,hello',
    'not a url',
  ])('refuses %s', (url) => expect(isAppPage(url, files)).toBe(false));
});

describe('isAppPage under the dev server', () => {
  it('accepts pages of the dev server origin', () => {
    expect(isAppPage('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPage('http://localhost:5173/src/main.tsx', dev)).toBe(true);
  });

  it.each([
    'http://localhost:5174/',
    'http://127.0.0.1:5173/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    'http://localhost:5173@evil.example/',
    'file:///opt/pause-guard/out/renderer/index.html',
  ])('refuses %s', (url) => expect(isAppPage(url, dev)).toBe(false));
});

describe('appPagesFor', () => {
  it('uses the dev server only when the app is not packaged', () => {
    expect(appPagesFor({ isPackaged: false, devServerUrl: 'http://localhost:5173/', rendererDir: '/r' })).toEqual(dev);
  });

  it('ignores a dev server URL in a packaged app', () => {
    expect(appPagesFor({ isPackaged: true, devServerUrl: 'http://evil.example/', rendererDir: '/r' })).toEqual({
      kind: 'files',
      rendererDir: '/r',
    });
  });

  it('uses the files when no dev server runs', () => {
    expect(appPagesFor({ isPackaged: false, devServerUrl: undefined, rendererDir: '/r' })).toEqual({ kind: 'files', rendererDir: '/r' });
  });
});
