// The interruption end to end: a process named like AnyDesk starts, the real engine behind `npm run preview` puts the
// pause-and-check page up in Debian's Chromium, nothing lets anyone carry on during the countdown, and "End it" ends it
// (Done only once the process was listed again and stayed gone).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshots, seriousAxeViolations, startFakeTool, startPreview, type PreviewRun } from './previewHarness';
import { needs } from '../prerequisites/needs';
import { childPaced } from '../fixtures/childReports';

// Long enough for every check "during the countdown" to finish on a busy machine; each check proves it still ran.
const COUNTDOWN_SECONDS = 40;
const sizes = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

let dir: string;
let preview: PreviewRun;
let browser: Browser;
let tool: ChildProcess | null = null;

// Starting the preview (a Vite build) and Chromium is waited for without a limit: each reports its start or fails.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-interruption-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(screenshots, { recursive: true });
  // The settings file as setup writes it: a short countdown, and the default region (GB), no PIN, no contact.
  fs.writeFileSync(path.join(dir, 'data', 'settings.json'), JSON.stringify({ version: 1, countdownSeconds: COUNTDOWN_SECONDS }));
  // Only the tools this test starts (from dir): another test's AnyDesk on this shared machine is neither shown nor ended.
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--processes-in', dir]);
  browser = await launchChromium();
}, childPaced.timeout);

afterAll(async () => {
  tool?.kill('SIGKILL');
  await browser?.close();
  await preview?.stop();
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
const carryOnControls = (page: Page) => page.getByRole('button', { name: /started this myself|carry on/i });

/** Every check made "during the countdown" must still see the countdown afterwards, or it proved nothing. */
async function expectCountdownRunning(page: Page): Promise<void> {
  expect(await page.getByRole('timer').isVisible(), 'the countdown ended before this check: it proves nothing').toBe(true);
  expect(await carryOnControls(page).count()).toBe(0);
  expect(await page.locator('input').count()).toBe(0);
}

/** A wait that, when it times out, also says what the preview wrote to stderr: the engine's side of the story. */
async function withPreviewLog<T>(wait: Promise<T>): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe preview wrote: ${preview.stderr || '(nothing)'}`, { cause: error });
  }
}

function exitOf(child: ChildProcess): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(`${child.exitCode ?? child.signalCode}`);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
}

describe('the interruption, end to end', needs('chromium', 'DejaVu fonts'), () => {
  it('stops AnyDesk with the advice, holds during the countdown, then "End it" ends the process and says what to do', async () => {
    const [small, large] = [await openPage(sizes[0]), await openPage(sizes[1])];
    // 200% zoom of a 1366x768 screen: half the CSS pixels, each drawn twice as large.
    const zoomed = await openPage({ width: 683, height: 384 }, 2);
    for (const page of [small, large, zoomed]) await page.getByText(/^Watching since /).waitFor();

    tool = startFakeTool(dir, 'AnyDesk.exe');
    for (const page of [small, large, zoomed]) await withPreviewLog(headline(page).filter({ hasText: /^Stop\./ }).waitFor({ timeout: 20_000 }));

    const happened = small.getByRole('region', { name: 'What happened' });
    expect(await happened.textContent()).toContain('AnyDesk has just started on this computer.');
    const text = (await small.locator('main').textContent()) ?? '';
    for (const words of ['Action Fraud', '0300 123 2040', 'call your bank on 159', 'Scammers are very convincing.']) expect(text).toContain(words);
    expect(await small.title()).toBe('Stop and check – Pause Guard');
    expect(await small.getByRole('button', { name: /^End it/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await small.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(24);
    expect(await small.getByRole('button', { name: /^End it/ }).evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(768);
    await expectCountdownRunning(small);

    // Everything someone at the keyboard, or controlling it from afar, might try during the countdown.
    const timerBox = (await small.getByRole('timer').boundingBox())!;
    await small.mouse.click(timerBox.x + timerBox.width / 2, timerBox.y + timerBox.height / 2);
    await small.mouse.click(timerBox.x + timerBox.width / 2, timerBox.y + timerBox.height + 40);
    for (const keys of ['Escape', 'Alt+F4', 'Control+w', 'F5', 'Control+r', 'Control+Shift+i', 'F12', 'Enter']) {
      await small.keyboard.press(keys);
    }
    await small.reload();
    await headline(small).filter({ hasText: /^Stop\./ }).waitFor();
    await expectCountdownRunning(small);

    await shot(small, 'interruption-countdown-1366x768');
    await shot(large, 'interruption-countdown-1920x1080');
    await expectCountdownRunning(large);
    expect(await seriousAxeViolations(small)).toEqual([]);
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(zoomed, 'interruption-countdown-200pct-1366x768');
    await expectCountdownRunning(small);

    // The main process, not the page, says when the countdown is over.
    for (const page of [small, large]) {
      await page.getByRole('button', { name: 'I started this myself' }).waitFor({ timeout: (COUNTDOWN_SECONDS + 10) * 1000 });
    }
    await shot(small, 'interruption-after-countdown-1366x768');
    await shot(large, 'interruption-after-countdown-1920x1080');
    expect(await seriousAxeViolations(small)).toEqual([]);

    // No PIN is set: carrying on needs the typed confirmation word, and a wrong one is refused plainly.
    await small.getByRole('button', { name: 'I started this myself' }).click();
    const word = small.getByLabel(/^Type the word /);
    const expected = /“(.+)”/.exec((await small.locator('label').textContent()) ?? '')?.[1];
    expect(expected).toBeTruthy();
    await word.fill('wrong');
    await word.press('Enter');
    expect(await small.getByRole('alert').textContent()).toContain(expected);
    expect(await headline(small).textContent()).toMatch(/^Stop\./);
    await small.getByRole('button', { name: 'Go back' }).click();

    await small.getByRole('button', { name: /^End it/ }).click();
    // While it checks that AnyDesk stays closed (3 s), the page says so; nothing to press.
    await headline(small).filter({ hasText: 'Closing AnyDesk…' }).waitFor({ timeout: 5_000 });
    await shot(small, 'closing-1366x768');
    expect(await seriousAxeViolations(small)).toEqual([]);
    expect(await Promise.race([exitOf(tool), new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000))])).not.toBe('still running');
    for (const page of [small, large, zoomed]) await headline(page).filter({ hasText: 'Done. Now hang up the phone.' }).waitFor({ timeout: 10_000 });
    expect(await small.getByText('Pause Guard has closed AnyDesk, and it has stayed closed.').count()).toBe(1);
    await shot(small, 'done-1366x768');
    await shot(large, 'done-1920x1080');
    await shot(zoomed, 'done-200pct-1366x768');
    expect(await seriousAxeViolations(small)).toEqual([]);
    expect(await seriousAxeViolations(zoomed)).toEqual([]);
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Closing the Done page opens "Check this computer", for anything the caller left behind.
    await small.getByRole('button', { name: 'Close this page' }).click();
    for (const page of [small, large]) await page.waitForFunction(() => document.title === 'Check this computer – Pause Guard', null, { timeout: 10_000 });
    for (const page of [small, large, zoomed]) await page.context().close();
  }, 180_000);

  it('shows the calm warning for a downloaded installer, and "I understand" just closes it', async () => {
    const pages = [await openPage(sizes[0]), await openPage(sizes[1])];
    for (const page of pages) await page.getByText(/^Watching since /).waitFor();
    fs.copyFileSync('/bin/true', path.join(dir, 'downloads', 'TeamViewer_Setup.exe'));
    for (const page of pages) {
      await withPreviewLog(headline(page).filter({ hasText: 'An installer for TeamViewer was downloaded.' }).waitFor({ timeout: 20_000 }));
    }
    expect(await pages[0]!.getByRole('region', { name: 'What does this mean?' }).isVisible()).toBe(true);
    await shot(pages[0]!, 'warning-1366x768');
    await shot(pages[1]!, 'warning-1920x1080');
    expect(await seriousAxeViolations(pages[0]!)).toEqual([]);
    await pages[0]!.getByRole('button', { name: 'I understand' }).click();
    await pages[0]!.getByText(/^Watching since /).waitFor();
    for (const page of pages) await page.context().close();
  }, 60_000);
});
