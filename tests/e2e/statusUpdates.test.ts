// The status page's "Keeping up to date" end to end: the real engine behind `npm run preview`, whose data folder holds
// the record of a check that succeeded yesterday and one refused today (as the catalog updates keep it), in Debian's
// Chromium at 1366x768 and at 200% zoom, axe-clean, photographed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CATALOG_STATE_FILE } from '../../electron/guardian/catalogUpdates/catalogUpdates';
import { APP_VERSION } from '../../electron/guardian/appVersion';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, type PreviewRun } from './previewHarness';

let dir: string;
let preview: PreviewRun;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-updates-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(screenshots, { recursive: true });
  const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString();
  fs.writeFileSync(path.join(dir, 'data', CATALOG_STATE_FILE), JSON.stringify({
    url: 'https://github.com/pauseguard/pause-guard/releases/latest/download/remote-tools.signed.json', etag: '"v1"', version: 1,
    checkedAt: new Date().toISOString(), succeededAt: yesterday,
    refusal: { reason: 'bad-signature', message: 'The list of remote-access programs was not signed by Pause Guard, or was changed after signing.' },
  }));
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--processes-in', dir]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
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

describe('Keeping up to date, on the status page', () => {
  it('names the version, the list\'s date and its last check, says a refusal calmly, and stays green', async () => {
    const small = await openPage({ width: 1366, height: 768 });
    // 200% zoom of a 1366x768 screen: half the CSS pixels, each drawn twice as large.
    const zoomed = await openPage({ width: 683, height: 384 }, 2);
    for (const page of [small, zoomed]) {
      const section = page.getByRole('region', { name: 'Keeping up to date' });
      await section.scrollIntoViewIfNeeded();
      expect(await section.locator('p').allTextContents()).toEqual([
        `Pause Guard ${APP_VERSION}, list of remote-access programs from 2 December 2026, checked yesterday.`,
        'The last check kept the list in use: the list of remote-access programs was not signed by Pause Guard, or was changed after signing.',
        'This copy of Pause Guard runs from its source code and does not update itself.',
      ]);
      expect(await page.getByText('Needs attention').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    await small.getByRole('region', { name: 'Keeping up to date' }).screenshot({ path: path.join(screenshots, 'status-updates-1366x768.png') });
    await small.screenshot({ path: path.join(screenshots, 'status-with-updates-1366x768.png'), fullPage: true });
    await zoomed.screenshot({ path: path.join(screenshots, 'status-updates-200pct-1366x768.png'), fullPage: false });
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }, 120_000);
});
