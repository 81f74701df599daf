// "Check this computer" seen for real: `npm run preview` looking at a temporary Linux tree a caller left programs in,
// the page in Debian's Chromium at 1366x768 and at 200% zoom (screenshots, axe), and a startup file switched off from
// the page with the family PIN, for real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { childPaced } from '../fixtures/childReports';
import { runPauseguard } from '../fixtures/cliRun';
import { scammedLinuxTree, type LinuxTree } from '../fixtures/check/linuxTree';
import { needs } from '../prerequisites/needs';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, withContext, type PreviewRun } from './previewHarness';

let dir: string;
let tree: LinuxTree;
let preview: PreviewRun;
let browser: Browser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-check-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(screenshots, { recursive: true });
  tree = scammedLinuxTree();
  const setup = await runPauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--ntfy-url', 'http://127.0.0.1:9/pg-family', '--pin', '2468'], path.join(dir, 'data'));
  expect(setup.code).toBe(0);
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--check-root', tree.root, '--check-home', tree.home]);
  browser = await launchChromium();
}, childPaced.timeout);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  tree?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Check this computer page', needs('chromium', 'DejaVu fonts'), () => {
  it('lists what a caller left in plain words, at 1366x768 and at 200% zoom, passing axe', async () => {
    for (const [name, viewport, scale] of [['1366x768', { width: 1366, height: 768 }, 1], ['200pc', { width: 683, height: 384 }, 2]] as const) {
      await withContext(browser, { viewport, deviceScaleFactor: scale }, async (context) => {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(error.message));
        await page.goto(`${preview.url.href}#check`);
        await page.getByRole('heading', { level: 1, name: '4 programs here let someone control this computer.' }).waitFor();
        expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['AnyDesk', 'RustDesk', 'TeamViewer', 'x11vnc']);
        const anydesk = page.getByRole('region', { name: 'AnyDesk' });
        expect(await anydesk.getByText('Yes: it has a password that lets someone connect without you accepting.').count()).toBe(1);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(screenshots, `check-${name}.png`) });
        await page.screenshot({ path: path.join(screenshots, `check-full-${name}.png`), fullPage: true });
        expect(problems).toEqual([]);
      });
    }
  });

  it('switches off a startup file from the page, only with the family PIN', async () => {
    await withContext(browser, { viewport: { width: 1366, height: 768 } }, async (context) => {
      const page = await context.newPage();
      await page.goto(`${preview.url.href}#check`);
      const anydesk = page.getByRole('region', { name: 'AnyDesk' });
      await anydesk.getByRole('button', { name: 'Stop it starting by itself…' }).click();
      await anydesk.getByLabel('Family PIN').fill('1111');
      await anydesk.getByRole('button', { name: 'Go ahead' }).click();
      await anydesk.getByText(/^That PIN is not right\./).waitFor();
      const userCopy = path.join(tree.home, '.config/autostart/anydesk_global_tray.desktop');
      expect(fs.existsSync(userCopy)).toBe(false);
      await anydesk.getByLabel('Family PIN').fill('2468');
      await anydesk.getByRole('button', { name: 'Go ahead' }).click();
      await anydesk.getByText('AnyDesk will no longer start by itself when you log in.').waitFor();
      expect(fs.readFileSync(userCopy, 'utf8')).toContain('Hidden=true');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, 'check-step-done-1366x768.png'), fullPage: true });
    });
  });
});
