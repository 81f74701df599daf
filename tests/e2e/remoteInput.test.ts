// The cover for someone else moving the mouse, end to end: a VNC viewer drives x11vnc on an Xvfb whose input the real
// engine behind `npm run preview` watches; Debian's Chromium shows the cover in its own words at 1366x768 and at 200%
// zoom, axe-clean; once the countdown is over, a choice made right after the caller's click is refused in plain words.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createVncLab, freePort, type Viewer } from '../fixtures/vncLab';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, type PreviewRun } from './previewHarness';

const COUNTDOWN_SECONDS = 10;
// Loopback only; the addresses are never used here, but no other test file's may be given.
const lab = createVncLab({ hostAddress: '198.51.100.13', peerAddress: '198.51.100.14' });

let dir: string;
let xvfb: Xvfb;
let preview: PreviewRun;
let browser: Browser;
let server: ChildProcess;
let caller: Viewer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-remote-input-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(screenshots, { recursive: true });
  fs.writeFileSync(path.join(dir, 'data', 'settings.json'), JSON.stringify({
    version: 1, countdownSeconds: COUNTDOWN_SECONDS, person: 'Ann',
    contacts: [{ name: 'Sarah', phone: '07700 900123', ntfy: null, email: null, webhook: null }],
  }));
  xvfb = await startXvfb('640x480x24');
  const port = await freePort(5960, 5969);
  server = await lab.startServer(xvfb.display, port);
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--processes-in', dir], { DISPLAY: xvfb.display });
  browser = await launchChromium();
  caller = await lab.connect(port, true);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await lab.tearDown();
  await xvfb?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openPage(size: { width: number; height: number }, deviceScaleFactor = 1): Promise<Page> {
  const page = await (await browser.newContext({ viewport: size, deviceScaleFactor })).newPage();
  await page.goto(preview.url.href);
  await page.getByText(/^Watching since /).waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: false });
const headline = (page: Page) => page.getByRole('heading', { level: 1 });

describe('someone else moving the mouse, end to end', () => {
  it('covers the screen in its own words, and refuses a choice made by the caller\'s hand', async () => {
    expect(server.pid).toBeTruthy();
    const small = await openPage({ width: 1366, height: 768 });
    // 200% zoom of a 1366x768 screen: half the CSS pixels, each drawn twice as large.
    const zoomed = await openPage({ width: 683, height: 384 }, 2);
    await caller.drive('move 1000');
    await caller.drive('click');
    await caller.drive('move 1500');
    for (const page of [small, zoomed]) {
      await headline(page).filter({ hasText: 'Stop. Someone else is moving the mouse on this computer right now.' }).waitFor({ timeout: 20_000 });
    }
    const text = (await small.locator('main').textContent()) ?? '';
    expect(text).toContain('not by your hands: another program is doing it.');
    expect(text).toContain('Closes the program moving the mouse now.');
    await shot(small, 'remote-input-1366x768');
    await shot(zoomed, 'remote-input-200pct-1366x768');
    expect(await seriousAxeViolations(small)).toEqual([]);
    expect(await seriousAxeViolations(zoomed)).toEqual([]);
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The countdown is over; the caller keeps the mouse, clicks, and the choice is sent straight after.
    await small.getByRole('button', { name: 'I started this myself' }).waitFor({ timeout: (COUNTDOWN_SECONDS + 10) * 1000 });
    await small.getByRole('button', { name: 'I started this myself' }).click();
    const word = /“(.+)”/.exec((await small.locator('label').textContent()) ?? '')?.[1] ?? '';
    await small.getByLabel(/^Type the word /).fill(word);
    await caller.drive('move 300');
    await caller.drive('click');
    await small.getByLabel(/^Type the word /).press('Enter');
    const refusal = small.getByRole('alert').filter({ hasText: 'This has to be done by the person sitting at this computer.' });
    await refusal.waitFor({ timeout: 10_000 });
    await refusal.scrollIntoViewIfNeeded();
    await shot(small, 'remote-input-refused-1366x768');
    expect(await seriousAxeViolations(small)).toEqual([]);
    expect(await headline(small).textContent()).toContain('Someone else is moving the mouse');
  }, 180_000);
});
