// The weekly summary seen for real: a varied week written into the preview's data folder with the journal, the summary
// page through `npm run preview` in Debian's Chromium (axe, 1366x768 screenshot), and the weekly email's HTML rendered
// in Chromium at a phone's width, as the family would read it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { createJournal } from '../../electron/guardian/store/journal';
import { lastFullWeek } from '../../shared/isoWeek';
import { composeSummaryEmail } from '../../electron/guardian/summary/summaryEmail';
import { summarizeWeek } from '../../electron/guardian/summary/weeklySummary';
import { weekFrame } from '../../electron/guardian/summary/weekFrame';
import { defaultTimeZone } from '../../shared/zonedTime';
import { variedWeek } from '../fixtures/summary/variedWeek';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, withContext, type PreviewRun } from './previewHarness';

let dir: string;
let preview: PreviewRun;
let browser: Browser;
const timeZone = defaultTimeZone();
const week = lastFullWeek(new Date(), timeZone);
const records = variedWeek(new Date(weekFrame(week, timeZone).start).toISOString());

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-summary-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(screenshots, { recursive: true });
  const journal = await createJournal({ dir: path.join(dir, 'data', 'journal') });
  await Promise.all(records.map((record) => journal.append(record)));
  await journal.close();
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads')]);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the weekly summary', () => {
  it('shows last week on the summary page, large and plain, with the chart as a table, passing axe', async () => {
    await withContext(browser, { viewport: { width: 1366, height: 768 } }, async (context) => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${preview.url.href}#summary`);
      await page.getByRole('heading', { level: 1, name: 'Some things to look at this week' }).waitFor();
      const chart = page.getByRole('table', { name: 'Protection each day, Monday to Sunday' });
      expect(await chart.getByRole('row').count()).toBe(8);
      expect(await page.getByText('AnyDesk from ID 987 654 321 (someone unknown): once.').count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, 'summary-1366x768.png') });
      await page.screenshot({ path: path.join(screenshots, 'summary-full-1366x768.png'), fullPage: true });

      await page.getByRole('button', { name: 'Week before' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nothing seen this week, but protection was off most of the time' }).waitFor();
      await page.screenshot({ path: path.join(screenshots, 'summary-quiet-1366x768.png') });
      // Only the hour before Monday's start fell in that week.
      expect(await page.getByText(/^Protection was on 0(\.\d)?% of the time\.$/).count()).toBe(1);
      expect(problems).toEqual([]);
    });
  });

  it('renders the email in Chromium at a phone’s width with nothing fetched from anywhere', async () => {
    const summary = await summarizeWeek(records, week, { timeZone, trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789' }] });
    const { html } = composeSummaryEmail({ summary, person: 'Margaret', pcName: 'KITCHEN-PC' });
    await withContext(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }, async (context) => {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.setContent(html);
      expect(requests).toEqual([]);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390); // no sideways scrolling on a phone
      await page.screenshot({ path: path.join(screenshots, 'summary-email-390x844.png'), fullPage: true });
    });
    await withContext(browser, { viewport: { width: 1366, height: 768 } }, async (context) => {
      const page = await context.newPage();
      await page.setContent(html);
      await page.screenshot({ path: path.join(screenshots, 'summary-email-1366x768.png'), fullPage: true });
    });
  });
});
