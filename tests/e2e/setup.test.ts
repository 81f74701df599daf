// First-run setup end to end: `npm run preview` on a fresh data folder, every step filled in Debian's Chromium, the test
// alert delivered to a local ntfy-like server and a webhook, refused by a local mail server, and the settings file on disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import type { Settings } from '../../shared/settings';
import { launchChromium, screenshots, seriousAxeViolations, startPreview, type PreviewRun } from './previewHarness';
import { needs } from '../prerequisites/needs';
import { childPaced } from '../fixtures/childReports';

const PIN = '4826';
const WEBHOOK_SECRET = 'family-hook-secret-0123';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let dir: string;
let preview: PreviewRun;
let browser: Browser;
let alerts: http.Server;
let received: Received[] = [];
let mail: SMTPServer;
let mailPort: number;

/** ntfy's publish API as docs.ntfy.sh documents it (JSON to the root), and a webhook path, on one loopback server. */
function startAlertServer(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ id: crypto.randomBytes(6).toString('hex'), time: Math.floor(Date.now() / 1000), event: 'message' }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Starting the preview (a Vite build) and Chromium is waited for without a limit: each reports its start or fails.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-setup-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(screenshots, { recursive: true });
  alerts = await startAlertServer();
  // A mail server that refuses every password: the test alert must say so for email, and only for email.
  mail = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(new Error('Invalid username or password')),
  });
  await new Promise<void>((resolve) => mail.listen(0, '127.0.0.1', resolve));
  mailPort = (mail.server.address() as AddressInfo).port;
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads')]);
  browser = await launchChromium();
}, childPaced.timeout);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await new Promise<void>((resolve) => (alerts ? alerts.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (mail ? mail.close(resolve) : resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `setup-${name}-1366x768.png`), fullPage: true });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

async function expectStep(page: Page, count: string, title: string): Promise<void> {
  await page.getByText(count, { exact: true }).waitFor();
  expect(await heading(page).textContent()).toBe(title);
}

describe('first-run setup through the preview', needs('chromium', 'DejaVu fonts'), () => {
  it('walks every step, saves, sends a test alert per channel, and writes the PIN only as a hash', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(preview.url.href);
    const alertServer = `http://127.0.0.1:${(alerts.address() as AddressInfo).port}`;

    await page.getByRole('button', { name: 'Finish setting up' }).click();
    await expectStep(page, 'Step 1 of 6', 'Whose computer is this?');
    await next(page);
    const person = page.getByLabel('The name of the person who uses this computer');
    expect(await person.getAttribute('aria-invalid')).toBe('true');
    expect(await person.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, '1-person-error');
    await person.fill('Margaret');
    await shot(page, '1-person');
    await next(page);

    await expectStep(page, 'Step 2 of 6', 'The trusted contact');
    await page.getByLabel('Their name').fill('Dave');
    await page.getByLabel('Their phone number (optional)').fill('+353 87 123 4567');
    const qr = page.getByRole('img', { name: /^QR code that opens the alert page https:\/\/ntfy\.sh\/pg_/ });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shot(page, '2-contact');
    await page.getByRole('button', { name: 'Use your own ntfy server (optional)' }).click();
    await page.getByLabel('ntfy server address').fill(alertServer);
    await page.getByLabel('An email').check();
    await page.getByLabel('Their email address').fill('dave@example.com');
    await page.getByLabel('Mail server to send from').fill(`smtp://dave@example.com:wrong-password@127.0.0.1:${mailPort}?tls=off`);
    await page.getByLabel('A webhook (for Home Assistant and similar)').check();
    await page.getByLabel('Webhook address').fill(`${alertServer}/hook`);
    await page.getByLabel('Secret for signing (optional)').fill(WEBHOOK_SECRET);
    await shot(page, '2-contact-all-channels');
    await next(page);

    await expectStep(page, 'Step 3 of 6', 'The family PIN');
    await page.getByLabel('Family PIN (4 to 8 digits)').fill(PIN);
    await page.getByLabel('Type the same PIN again').fill('4862');
    await next(page);
    await page.getByText('The two PINs are not the same. Please type the PIN again.').waitFor();
    await shot(page, '3-pin-mismatch');
    await page.getByLabel('Type the same PIN again').fill(PIN);
    await next(page);

    await expectStep(page, 'Step 4 of 6', 'Where you live');
    await page.getByLabel('Ireland').check();
    await shot(page, '4-region');
    await next(page);

    await expectStep(page, 'Step 5 of 6', 'Trusted helpers');
    await page.getByRole('button', { name: 'Add a helper' }).click();
    await page.getByLabel('Program they use').selectOption({ label: 'AnyDesk' });
    await page.getByLabel('Their ID in that program').fill('123 456 789');
    await page.getByLabel('A name for this helper (optional)').fill('Dave’s AnyDesk');
    await shot(page, '5-helpers');
    await next(page);

    await expectStep(page, 'Step 6 of 6', 'Save and test');
    expect(await page.getByLabel('Start Pause Guard when this computer starts (recommended)').isChecked()).toBe(true);
    const summaryTime = page.getByRole('group', { name: 'When should Dave get the weekly summary?' });
    expect(await summaryTime.getByLabel('Day').inputValue()).toBe('0');
    expect(await summaryTime.getByLabel('Time').inputValue()).toBe('18:00');
    await summaryTime.getByLabel('Day').selectOption({ label: 'Monday' });
    await summaryTime.getByLabel('Time').fill('08:30');
    await shot(page, '6-finish');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved. Pause Guard will tell Dave if something looks like a scam.').waitFor();

    received = [];
    await page.getByRole('button', { name: 'Send a test alert' }).click();
    const results = page.locator('.test-results li');
    await results.nth(2).waitFor({ timeout: 30_000 });
    expect(await results.allTextContents()).toEqual([
      '✓ Phone app (ntfy): sent. Check that it arrived.',
      '✗ Email: not sent. The server refused the password.',
      '✓ Webhook: sent. Check that it arrived.',
    ]);
    await shot(page, '6-test-alert');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const ntfy = received.find((r) => r.path === '/');
    expect(JSON.parse(ntfy!.body)).toMatchObject({ topic: expect.stringMatching(/^pg_/), title: expect.any(String) });
    const hook = received.find((r) => r.path === '/hook')!;
    const signatures = Object.entries(hook.headers).filter(([name]) => /signature/i.test(name)).map(([, value]) => String(value));
    const expected = crypto.createHmac('sha256', WEBHOOK_SECRET).update(hook.body).digest('hex');
    expect(signatures.some((value) => value.includes(expected))).toBe(true);

    const text = fs.readFileSync(path.join(dir, 'data', 'settings.json'), 'utf8');
    expect(text).not.toContain(PIN);
    const saved = JSON.parse(text) as Settings;
    expect(saved.pin).toMatchObject({ algorithm: 'scrypt', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(saved).toMatchObject({
      person: 'Margaret',
      region: 'IE',
      startAtLogin: true,
      weeklySummary: { day: 1, hour: 8, minute: 30 },
      setupComplete: true,
      trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789', label: 'Dave’s AnyDesk' }],
      contacts: [
        {
          name: 'Dave',
          phone: '+353 87 123 4567',
          ntfy: { server: alertServer, topic: expect.stringMatching(/^pg_/), token: null },
          email: { to: 'dave@example.com' },
          webhook: { url: `${alertServer}/hook`, secret: WEBHOOK_SECRET },
        },
      ],
    });
    // The page never received a secret back: what it shows now has none of them.
    expect(await page.content()).not.toContain('wrong-password');
    expect(await page.content()).not.toContain(WEBHOOK_SECRET);

    // Opened again, the settings ask for the family PIN first; before it, only whom to call is on the page.
    await page.goto(new URL('#setup', preview.url).href);
    await page.reload();
    await heading(page).filter({ hasText: 'The family PIN, please' }).waitFor();
    expect(await heading(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText('Not sure? Call Dave on +353 87 123 4567.').waitFor();
    for (const hidden of [saved.contacts[0]!.ntfy!.topic, '/hook', '123456789', 'dave@example.com']) expect(await page.content()).not.toContain(hidden);
    await shot(page, '0-pin');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Family PIN').fill('1111');
    await page.keyboard.press('Enter');
    await page.getByText(/That PIN is not right\. 4 more wrong tries lock PIN entry/).waitFor();
    await shot(page, '0-pin-wrong');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Family PIN').fill(PIN);
    await page.keyboard.press('Enter');
    await expectStep(page, 'Step 1 of 6', 'Whose computer is this?');
    expect(await page.getByLabel('The name of the person who uses this computer').inputValue()).toBe('Margaret');
    await next(page);
    await page.getByLabel('Their email address').waitFor();
    await shot(page, '2-contact-saved');
    expect(problems).toEqual([]);
    await context.close();

    // 200% zoom of a 1366x768 screen: half the CSS pixels, each drawn twice as large.
    const zoomed = await browser.newContext({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    const small = await zoomed.newPage();
    await small.goto(new URL('#setup', preview.url).href);
    await heading(small).filter({ hasText: 'The family PIN, please' }).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await small.screenshot({ path: path.join(screenshots, 'setup-0-pin-200pct-1366x768.png'), fullPage: true });
    await zoomed.close();
  }, 180_000);
});
