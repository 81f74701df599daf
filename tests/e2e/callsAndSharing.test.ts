// Calls and shared screens end to end: the real engine behind `npm run preview` watches the windows of an Xvfb display.
// A Zoom window asking for remote control (from a participant who named themselves "Zoom") brings up the cover; Chromium
// capturing the screen for real shows its "is sharing your screen." window, a calm note, and a bank page opened while it
// shows brings the cover up at the highest level. Each page is looked at in screenshots at 1366x768 and at 200% zoom, and checked with axe.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, type PreviewRun } from './previewHarness';
import { endProcessGroup } from '../fixtures/processGroup';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { needs } from '../prerequisites/needs';
import { childPaced } from '../fixtures/childReports';

let dir: string;
let xvfb: Xvfb;
let preview: PreviewRun;
let browser: Browser;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-calls-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(screenshots, { recursive: true });
  fs.writeFileSync(path.join(dir, 'data', 'settings.json'), JSON.stringify({ version: 1, countdownSeconds: 30 }));
  xvfb = await startXvfb();
  // The window manager publishes the window list (EWMH) the windows watcher reads.
  started.push(spawn('matchbox-window-manager', ['-use_titlebar', 'no'], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore', detached: true }));
  preview = await startPreview(
    ['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--processes-in', dir],
    { DISPLAY: xvfb.display },
  );
  browser = await launchChromium();
}, childPaced.timeout);

afterAll(async () => {
  for (const child of started.reverse()) await endProcessGroup(child);
  await browser?.close();
  await preview?.stop();
  await xvfb?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openPage(size: { width: number; height: number }, deviceScaleFactor = 1): Promise<Page> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor });
  const page = await context.newPage();
  await page.goto(preview.url.href);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: false });
const headline = (page: Page) => page.getByRole('heading', { level: 1 });

/** Starts a program in its own process group on the test's display, so it and its children can be ended together. */
function run(command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore', detached: true });
  started.push(child);
  return child;
}

/** Where Debian keeps Chromium's program and the files it loads from beside it. */
const CHROMIUM_FOLDER = '/usr/lib/chromium';

/** Chromium's own flags for a test: no sandbox (root), no first-run pages, a profile of its own. */
const chromiumFlags = (profile: string): string[] => [
  '--no-sandbox', '--no-first-run', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${path.join(dir, profile)}`,
];

/** The 1366x768 page and the same screen at 200% zoom (half the CSS pixels, each drawn twice as large). */
async function bothSizes(): Promise<[Page, Page]> {
  const pages: [Page, Page] = [await openPage({ width: 1366, height: 768 }), await openPage({ width: 683, height: 384 }, 2)];
  for (const page of pages) await page.getByText(/^Watching since /).waitFor();
  return pages;
}

async function looked(pages: [Page, Page], name: string): Promise<void> {
  await shot(pages[0], `${name}-1366x768`);
  await shot(pages[1], `${name}-200pct-1366x768`);
  for (const page of pages) {
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
}

describe('calls and shared screens, end to end', { ...needs('Linux', 'chromium', 'DejaVu fonts', 'Xvfb', 'matchbox-window-manager'), ...childPaced }, () => {
  it('covers the screen when someone named "Zoom" asks for remote control in a Zoom call, and "End it" ends Zoom', async () => {
    const pages = await bothSizes();
    // A program named zoom whose window (with its _NET_WM_PID, as real programs set it) has the title of Zoom's prompt:
    // Chromium under another name (a hard link, beside links to the files it loads from its own folder), showing just that title.
    const app = path.join(dir, 'zoom-app');
    fs.mkdirSync(app);
    for (const entry of fs.readdirSync(CHROMIUM_FOLDER)) {
      if (entry !== 'chromium') fs.symlinkSync(path.join(CHROMIUM_FOLDER, entry), path.join(app, entry));
    }
    const zoom = path.join(app, 'zoom');
    fs.linkSync(path.join(CHROMIUM_FOLDER, 'chromium'), zoom);
    const title = 'Zoom is requesting remote control of your screen';
    run(zoom, [...chromiumFlags('zoom-profile'), `--app=data:text/html,${encodeURIComponent(`<title>${title}</title>`)}`]);
    for (const page of pages) await headline(page).filter({ hasText: 'Stop. Someone may be trying to control your computer.' }).waitFor({ timeout: 60_000 });
    const happened = pages[0].getByRole('region', { name: 'What happened' });
    expect(await happened.textContent()).toContain('Someone in a Zoom call is asking to control this computer, or is already controlling it.');
    await looked(pages, 'meeting-control');

    await pages[0].getByRole('button', { name: /^End it/ }).click();
    for (const page of pages) await headline(page).filter({ hasText: 'Done. Now hang up the phone.' }).waitFor({ timeout: 30_000 });
    await pages[0].getByRole('button', { name: 'Close this page' }).click();
    for (const page of pages) await page.context().close();
  }, 180_000);

  it('notes Chromium sharing the screen calmly, then covers it at the highest level once a bank page opens', async () => {
    const pages = await bothSizes();
    // A page that captures the screen (Chromium then shows its own indicator window), then turns into a bank's page once
    // the test asks for it (/bank).
    let bank = false;
    const html = `<title>Share test</title><script>
      navigator.mediaDevices.getDisplayMedia({ video: true }).then(() => setInterval(async () => {
        if ((await fetch('/bank')).status === 200) document.title = 'Capital One | Credit Cards';
      }, 250));
    </script>`;
    const server = http.createServer((request, response) => {
      if (request.url === '/bank') response.writeHead(bank ? 200 : 204).end();
      else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      run('chromium', [...chromiumFlags('chromium-profile'), '--auto-select-desktop-capture-source=Entire screen', origin]);
      for (const page of pages) await headline(page).filter({ hasText: 'Your screen is being shared.' }).waitFor({ timeout: 60_000 });
      expect(await pages[0].getByRole('region', { name: 'What does this mean?' }).textContent()).toContain('Chromium is showing your screen');
      await looked(pages, 'screen-sharing-note');

      bank = true;
      for (const page of pages) await headline(page).filter({ hasText: 'Stop. Someone may be watching your screen.' }).waitFor({ timeout: 20_000 });
      const happened = pages[0].getByRole('region', { name: 'What happened' });
      expect(await happened.textContent()).toContain('Chromium is showing your screen to someone else.');
      expect(await happened.textContent()).toContain('Do not log in, and do not buy, send or pay anything.');
      await looked(pages, 'sharing-with-bank');
      for (const page of pages) await page.context().close();
    } finally {
      server.close();
    }
  }, 180_000);
});
