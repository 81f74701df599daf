// The security baseline, deny by default: sandbox every renderer, refuse navigation, new windows, webviews and permissions,
// and send the CSP as a response header. Never loosen a rule here for one page: the app's pages need none of these.
import type { App, Session, WebContents } from 'electron';
import { isAppPage, type AppPages } from './appPages';
import { allowedExternalLink } from './externalLinks';

/** Must run before the app is ready: every renderer, whatever creates it, runs in Chromium's sandbox. */
export function enableSandboxBeforeReady(app: Pick<App, 'enableSandbox'>): void {
  app.enableSandbox();
}

/** Where a page may go: its own pages only. An allowed advice link opens in the person's browser instead. */
export function guardWebContents(contents: WebContents, pages: AppPages, openInBrowser: (url: string) => Promise<void>): void {
  const refuseUnlessAppPage = (event: { preventDefault(): void }, url: string): void => {
    if (isAppPage(url, pages)) return;
    event.preventDefault();
    const link = allowedExternalLink(url);
    if (link !== null) void openInBrowser(link).catch(() => undefined);
  };
  contents.on('will-navigate', (event) => refuseUnlessAppPage(event, event.url));
  contents.on('will-redirect', (event) => refuseUnlessAppPage(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const link = allowedExternalLink(url);
    if (link !== null) void openInBrowser(link).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Applies guardWebContents to every webContents the app ever creates (windows, devtools, anything). */
export function guardAllWebContents(app: Pick<App, 'on'>, pages: AppPages, openInBrowser: (url: string) => Promise<void>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, pages, openInBrowser));
}

/** Denies every permission request and check, every device, and adds the CSP header to every response. */
export function hardenSession(session: Session, csp: string): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [csp] } });
  });
}

/** Drops any CSP header a response already has (whatever its case), so ours is the only one. */
function withoutCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
}
