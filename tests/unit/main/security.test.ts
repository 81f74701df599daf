// The deny-by-default baseline: sandbox before ready, navigation/windows/webviews refused, permissions denied, CSP as a header.
import type { App, Session, WebContents } from 'electron';
import type { AppPages } from '../../../electron/appPages';
import { enableSandboxBeforeReady, guardAllWebContents, guardWebContents, hardenSession } from '../../../electron/security';

const pages: AppPages = { kind: 'files', rendererDir: '/opt/pause-guard/out/renderer' };
const APP_PAGE = 'file:///opt/pause-guard/out/renderer/index.html';

type Handler = (...args: never[]) => unknown;
function fakeWebContents() {
  const handlers = new Map<string, Handler>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  const contents = {
    on: vi.fn((name: string, handler: Handler) => handlers.set(name, handler)),
    setWindowOpenHandler: vi.fn((handler: (details: { url: string }) => unknown) => {
      windowOpenHandler = handler;
    }),
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    (handlers.get(name) as (e: typeof event) => void)(event);
    return event;
  };
  return { contents, handlers, fire, openWindow: (url: string) => windowOpenHandler?.({ url }) };
}

describe('enableSandboxBeforeReady', () => {
  it('calls app.enableSandbox', () => {
    const app = { enableSandbox: vi.fn() };
    enableSandboxBeforeReady(app);
    expect(app.enableSandbox).toHaveBeenCalledExactlyOnceWith();
  });
});

describe('guardWebContents', () => {
  const setUp = () => {
    const fake = fakeWebContents();
    const openInBrowser = vi.fn(async (_url: string) => undefined);
    guardWebContents(fake.contents as unknown as WebContents, pages, openInBrowser);
    return { ...fake, openInBrowser };
  };

  it('listens to exactly will-navigate, will-redirect and will-attach-webview', () => {
    expect([...setUp().handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
  });

  it.each(['will-navigate', 'will-redirect'])('%s lets the app move between its own pages', (name) => {
    expect(setUp().fire(name, `${APP_PAGE}#/setup`).preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    ['will-navigate', 'https://evil.example/'],
    ['will-navigate', 'file:///etc/passwd'],
    ['will-navigate', 'javascript:alert(1)'],
    ['will-navigate', 'data:text/html,hi'],
    ['will-redirect', 'http://localhost:5173/'],
    ['will-redirect', 'https://evil.example/'],
  ])('%s to %s is prevented and nothing opens', (name, url) => {
    const { fire, openInBrowser } = setUp();
    expect(fire(name, url).preventDefault).toHaveBeenCalledOnce();
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it('prevents navigating to an advice site in the window and opens it in the browser instead', () => {
    const { fire, openInBrowser } = setUp();
    expect(fire('will-navigate', 'https://WWW.ACTIONFRAUD.POLICE.UK/').preventDefault).toHaveBeenCalledOnce();
    expect(openInBrowser).toHaveBeenCalledExactlyOnceWith('https://www.actionfraud.police.uk/');
  });

  it('prevents every webview from attaching', () => {
    const { handlers } = setUp();
    const event = { preventDefault: vi.fn() };
    (handlers.get('will-attach-webview') as (e: typeof event) => void)(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it.each(['https://evil.example/', APP_PAGE, 'about:blank', 'https://www.garda.ie/'])('denies window.open(%s)', (url) => {
    expect(setUp().openWindow(url)).toEqual({ action: 'deny' });
  });

  it('opens only an allowed advice link from window.open, in the browser', () => {
    const { openWindow, openInBrowser } = setUp();
    openWindow('https://evil.example/');
    openWindow('https://www.garda.ie/en/');
    expect(openInBrowser).toHaveBeenCalledExactlyOnceWith('https://www.garda.ie/en/');
  });

  it('survives the browser failing to open', async () => {
    const fake = fakeWebContents();
    const openInBrowser = vi.fn(async () => Promise.reject(new Error('no browser')));
    guardWebContents(fake.contents as unknown as WebContents, pages, openInBrowser);
    expect(fake.openWindow('https://www.garda.ie/')).toEqual({ action: 'deny' });
    await Promise.resolve();
  });
});

describe('guardAllWebContents', () => {
  it('guards every webContents the app creates', () => {
    let created: ((event: unknown, contents: WebContents) => void) | undefined;
    const app = { on: vi.fn((name: string, handler: typeof created) => (created = handler)) };
    guardAllWebContents(app as unknown as App, pages, async () => undefined);
    expect(app.on).toHaveBeenCalledExactlyOnceWith('web-contents-created', expect.any(Function));
    const fake = fakeWebContents();
    created?.({}, fake.contents as unknown as WebContents);
    expect(fake.contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(fake.handlers.has('will-navigate')).toBe(true);
  });
});

describe('hardenSession', () => {
  const CSP = "default-src 'none'";
  const setUp = () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenSession(session as unknown as Session, CSP);
    return session;
  };

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies a request for %s', (permission) => {
    const handler = setUp().setPermissionRequestHandler.mock.calls[0]?.[0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    const callback = vi.fn();
    handler({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('answers every permission check and device request with false', () => {
    const session = setUp();
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media', APP_PAGE, {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', APP_PAGE, {})).toBe(false);
    expect(device({ deviceType: 'usb', origin: APP_PAGE })).toBe(false);
  });

  it('adds the CSP header to every response, replacing any the response had', () => {
    const listener = setUp().webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['script-src *'] } }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CSP] },
    });
    listener({}, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [CSP] } });
  });
});
