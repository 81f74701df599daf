// Calls and shared screens end to end: the real engine behind `npm run preview` watches the windows of an Xvfb display.
// A Zoom window asking for remote control (from a participant who named themselves "Zoom") brings up the cover; a
// browser's "is sharing your screen." indicator is a calm note, and a bank page opened while it shows brings the cover up
// at the highest level. Each page is looked at in screenshots at 1366x768 and at 200% zoom, and checked with axe.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createX11Source } from '../../electron/guardian/watchers/screen/x11Source';
import { launchChromium, screenshots, seriousAxeViolations, startFakeTool, startPreview, type PreviewRun } from './previewHarness';
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

/**
 * A window with this title on the test's display, owned (by its _NET_WM_PID, as real programs set it) by `owner`: a
 * copy of /bin/sleep named like the program. xmessage draws the window; xprop names the owner.
 */
async function windowOf(title: string, owner: ChildProcess): Promise<void> {
  const xmessage = spawn('xmessage', ['-title', title, title], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore', detached: true });
  started.push(xmessage);
  const source = createX11Source({ env: { DISPLAY: xvfb.display } });
  try {
    for (;;) {
      const window = (await source.list().catch(() => [])).find((w) => w.title === title);
      if (window) {
        execFileSync('xprop', ['-id', window.id, '-f', '_NET_WM_PID', '32c', '-set', '_NET_WM_PID', String(owner.pid)], { env: { ...process.env, DISPLAY: xvfb.display } });
        return;
      }
      if (xmessage.exitCode !== null) throw new Error(`xmessage exited (${xmessage.exitCode}) before its window "${title}" appeared`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await source.close();
  }
}

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

describe('calls and shared screens, end to end', { ...needs('Linux', 'chromium', 'DejaVu fonts', 'Xvfb', 'matchbox-window-manager', 'xmessage', 'xprop'), ...childPaced }, () => {
  it('covers the screen when someone named "Zoom" asks for remote control in a Zoom call, and "End it" ends Zoom', async () => {
    const pages = await bothSizes();
    const zoom = startFakeTool(dir, 'zoom');
    started.push(zoom);
    await windowOf('Zoom is requesting remote control of your screen', zoom);
    for (const page of pages) await headline(page).filter({ hasText: 'Stop. Someone may be trying to control your computer.' }).waitFor({ timeout: 20_000 });
    const happened = pages[0].getByRole('region', { name: 'What happened' });
    expect(await happened.textContent()).toContain('Someone in a Zoom call is asking to control this computer, or is already controlling it.');
    await looked(pages, 'meeting-control');

    await pages[0].getByRole('button', { name: /^End it/ }).click();
    for (const page of pages) await headline(page).filter({ hasText: 'Done. Now hang up the phone.' }).waitFor({ timeout: 20_000 });
    await pages[0].getByRole('button', { name: 'Close this page' }).click();
    for (const page of pages) await page.context().close();
  }, 120_000);

  it('notes a browser sharing the screen calmly, then covers it at the highest level once a bank page opens', async () => {
    const pages = await bothSizes();
    const chrome = startFakeTool(dir, 'chrome');
    started.push(chrome);
    await windowOf('https://meet.google.com is sharing your screen.', chrome);
    for (const page of pages) await headline(page).filter({ hasText: 'Your screen is being shared.' }).waitFor({ timeout: 20_000 });
    expect(await pages[0].getByRole('region', { name: 'What does this mean?' }).textContent()).toContain('Google Meet is showing your screen');
    await looked(pages, 'screen-sharing-note');

    await windowOf('Capital One | Credit Cards', chrome);
    for (const page of pages) await headline(page).filter({ hasText: 'Stop. Someone may be watching your screen.' }).waitFor({ timeout: 20_000 });
    const happened = pages[0].getByRole('region', { name: 'What happened' });
    expect(await happened.textContent()).toContain('Google Meet is showing your screen to someone else.');
    expect(await happened.textContent()).toContain('Do not log in, and do not buy, send or pay anything.');
    await looked(pages, 'sharing-with-bank');
    for (const page of pages) await page.context().close();
  }, 120_000);
});
