// The "could not close" page end to end: AnyDesk (a copy of /bin/sleep) is kept running by a supervisor that restarts
// it at once, the real engine behind `npm run preview` covers the screen in Debian's Chromium, and after "End it" the
// page says plainly that it could not be closed and what to do instead, at 1366x768 and at 200% zoom, with no way to
// close it but the countdown and the confirmation word.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { endProcessGroup, killGroupOnExit } from '../fixtures/processGroup';
import { fakeTool } from '../fixtures/toolProcesses';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, type PreviewRun } from './previewHarness';

const COUNTDOWN_SECONDS = 10;
const restartAtOnce = path.join(import.meta.dirname, '../fixtures/restartAtOnce.sh');

let dir: string;
let preview: PreviewRun;
let browser: Browser;
let supervisor: ChildProcess | null = null;
let forget: () => void = () => undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-not-closed-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(screenshots, { recursive: true });
  fs.writeFileSync(path.join(dir, 'data', 'settings.json'), JSON.stringify({
    version: 1, countdownSeconds: COUNTDOWN_SECONDS, person: 'Ann',
    contacts: [{ name: 'Sarah', phone: '07700 900123', ntfy: null, email: null, webhook: null }],
  }));
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--processes-in', dir]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  if (supervisor) await endProcessGroup(supervisor);
  forget();
  await browser?.close();
  await preview?.stop();
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

describe('"End it" on a tool that comes straight back, end to end', () => {
  it('says it could not close AnyDesk, gives the steps that cut the caller off, and keeps the cover', async () => {
    const small = await openPage({ width: 1366, height: 768 });
    // 200% zoom of a 1366x768 screen: half the CSS pixels, each drawn twice as large.
    const zoomed = await openPage({ width: 683, height: 384 }, 2);
    supervisor = spawn('/bin/sh', [restartAtOnce, fakeTool(dir, 'AnyDesk.exe'), '600'], { stdio: 'ignore', detached: true });
    forget = killGroupOnExit(supervisor);
    for (const page of [small, zoomed]) await headline(page).filter({ hasText: /^Stop\./ }).waitFor({ timeout: 20_000 });

    await small.getByRole('button', { name: /^End it/ }).click();
    for (const page of [small, zoomed]) await headline(page).filter({ hasText: 'Hang up the phone now.' }).waitFor({ timeout: 15_000 });
    expect(await small.title()).toBe('Could not close the program – Pause Guard');
    const text = (await small.locator('main').textContent()) ?? '';
    for (const words of ['Pause Guard could not close AnyDesk', 'AnyDesk started again straight away', 'Switch off the Wi-Fi', 'hold the computer’s power button', 'Then call Sarah on 07700 900123.']) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/has closed|Done\./);
    expect(await small.getByRole('button', { name: /Close this page|started this myself/ }).count()).toBe(0);
    expect(await small.getByRole('timer').isVisible()).toBe(true);

    await shot(small, 'could-not-close-1366x768');
    await shot(zoomed, 'could-not-close-200pct-1366x768');
    expect(await seriousAxeViolations(small)).toEqual([]);
    expect(await seriousAxeViolations(zoomed)).toEqual([]);
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Only once the countdown has run, and with the confirmation word (no PIN is set here), does the cover go.
    await small.getByRole('button', { name: 'I started this myself' }).waitFor({ timeout: (COUNTDOWN_SECONDS + 10) * 1000 });
    await shot(small, 'could-not-close-after-countdown-1366x768');
    expect(await seriousAxeViolations(small)).toEqual([]);
    await small.getByRole('button', { name: 'I started this myself' }).click();
    const word = /“(.+)”/.exec((await small.locator('label').textContent()) ?? '')?.[1] ?? '';
    await small.getByLabel(/^Type the word /).fill(word);
    await small.getByLabel(/^Type the word /).press('Enter');
    await small.getByText(/^Watching since /).waitFor({ timeout: 10_000 });
  }, 120_000);
});
