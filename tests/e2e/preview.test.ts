// The preview for real: `npm run preview` (real engine, Vite build, loopback server) driven by Debian's Chromium.
// The page shows the engine's status live over the WebSocket only with the run's token; everything else is refused.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { WebSocket as NodeSocket } from 'ws';
import { productionCsp } from '../../electron/csp';
import {
  launchChromium, runPreview, screenshots, seriousAxeViolations, startFakeTool, startPreview, withContext as withContextOf, type PreviewRun,
} from './previewHarness';
import { needs } from '../prerequisites/needs';
import { childPaced } from '../fixtures/childReports';

let dir: string;
let preview: PreviewRun;
let url: URL;
let token: string;
let browser: Browser;

// Starting the preview (a Vite build) and Chromium is waited for without a limit: each reports its start or fails.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-'));
  fs.mkdirSync(path.join(dir, 'downloads'));
  fs.mkdirSync(screenshots, { recursive: true });
  preview = await startPreview(['--data-dir', path.join(dir, 'data'), '--downloads', path.join(dir, 'downloads'), '--processes-in', dir]);
  url = preview.url;
  token = preview.token;
  // A rebinding attacker's name for this machine: the server must refuse it even though it reaches 127.0.0.1.
  browser = await launchChromium(['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
}, childPaced.timeout);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function withContext<T>(options: Parameters<Browser['newContext']>[0], use: (context: BrowserContext) => Promise<T>): Promise<T> {
  return withContextOf(browser, options, use);
}

/** A raw request, so a test can send the Host header a browser would never let it choose. */
function rawGet(target: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: url.port, path: target, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('npm run preview', needs('chromium', 'DejaVu fonts'), () => {
  it('prints exactly one line: the loopback address with a 32-byte token', () => {
    expect(preview.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}\n$/);
  });

  it('shows the real engine’s status, follows it live, passes axe, and is photographed at two sizes', async () => {
    await withContext({ viewport: { width: 1366, height: 768 } }, async (context) => {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      const response = await page.goto(url.href);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toBe(productionCsp);
      expect(response?.headers()['x-content-type-options']).toBe('nosniff');
      expect(response?.headers()['referrer-policy']).toBe('no-referrer');

      await page.getByRole('heading', { level: 1 }).waitFor();
      // No desktop runs here: a lasting limit of this machine, listed below, that does not make protection "broken".
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pause Guard is protecting this computer.');
      expect(await page.getByText('Needs attention').count()).toBe(0);
      const checks = page.getByRole('region', { name: 'Pause Guard’s checks' });
      expect(await checks.textContent()).toContain('The check for bank pages and connection prompts is not working.');
      // The engine sees the whole machine, where other programs may run: this test only counts on its own ngrok, a
      // log-tier tool, so it is listed without an interruption or a warning taking over the page.
      const tools = page.getByRole('region', { name: 'Other programs Pause Guard keeps an eye on' });
      const tunnel = tools.getByRole('listitem').filter({ hasText: /^ngrok$/ });
      expect(await tunnel.count()).toBe(0);
      expect(await page.getByText(/^Watching since /).count()).toBe(1);
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(24);
      await page.screenshot({ path: path.join(screenshots, 'status-1366x768.png'), fullPage: true });

      expect(await seriousAxeViolations(page)).toEqual([]);

      const tool = startFakeTool(dir, 'ngrok.exe');
      try {
        await tunnel.waitFor({ timeout: 20_000 });
        expect(await tools.textContent()).toContain('These are running now:');
        // A tunnel controls nothing: the headline and its sentence still agree that all is well.
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pause Guard is protecting this computer.');
        expect(await page.getByText('All is well').count()).toBe(1);
        await page.screenshot({ path: path.join(screenshots, 'status-tool-running-1366x768.png'), fullPage: true });
        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.screenshot({ path: path.join(screenshots, 'status-tool-running-1920x1080.png'), fullPage: true });
      } finally {
        tool.kill('SIGKILL');
      }
      await tunnel.waitFor({ state: 'detached', timeout: 20_000 });
      await page.screenshot({ path: path.join(screenshots, 'status-1920x1080.png'), fullPage: true });
      expect(problems).toEqual([]);
    });
  }, 120_000);

  it('turns motion off for readers who ask for less', async () => {
    await withContext({ reducedMotion: 'reduce' }, async (context) => {
      const page = await context.newPage();
      await page.goto(url.href);
      const card = page.locator('.status-card');
      await card.waitFor();
      expect(await card.evaluate((el) => getComputedStyle(el).transitionDuration)).toMatch(/^0s(, 0s)*$/);
    });
  });

  it('refuses the page and its assets without the token, or with a wrong one, and renders nothing', async () => {
    const asset = await withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(url.href);
      return page.locator('script[src]').getAttribute('src');
    });
    expect(asset).toMatch(/^\.\/assets\/.+\.js$/);
    const assetUrl = new URL(asset!, url).href;

    await withContext({}, async (context) => {
      const page = await context.newPage();
      for (const address of [`${url.origin}/`, `${url.origin}/?token=wrong`, `${url.origin}/?token=${token.slice(0, -1)}`]) {
        const response = await page.goto(address);
        expect(response?.status()).toBe(403);
        expect(await page.locator('body').textContent()).toContain('needs the full link that "npm run preview" printed');
        expect(await page.locator('#root, h1, script').count()).toBe(0);
      }
      expect((await context.request.get(assetUrl)).status()).toBe(403);
      expect(await context.cookies()).toEqual([]);

      await context.addCookies([{ name: `pauseguard-preview-${url.port}`, value: 'wrong', url: url.origin }]);
      expect((await context.request.get(assetUrl)).status()).toBe(403);
    });
  });

  it('refuses another host name that resolves to 127.0.0.1 (DNS rebinding), and a wrong Host header', async () => {
    await withContext({}, async (context) => {
      const page = await context.newPage();
      const response = await page.goto(`http://rebind.test:${url.port}/?token=${token}`);
      expect(response?.status()).toBe(403);
      expect(await page.locator('body').textContent()).toContain('This address is not served here.');
    });
    expect(await rawGet(`/?token=${token}`, { host: `evil.example:${url.port}` })).toBe(403);
    expect(await rawGet(`/?token=${token}`, { host: `127.0.0.1:${url.port}` })).toBe(200);
  });

  it('refuses a WebSocket without the token, with a wrong one, or from another origin', async () => {
    const attempt = (target: string, headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = new NodeSocket(`ws://127.0.0.1:${url.port}${target}`, { headers });
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
        socket.once('error', (error) => resolve(`error ${error.message}`));
      });
    const origin = url.origin;
    expect(await attempt('/api', { origin })).toBe('refused 403');
    expect(await attempt('/api?token=wrong', { origin })).toBe('refused 403');
    expect(await attempt(`/api?token=${token}`, { origin: 'http://evil.example' })).toBe('refused 403');
    expect(await attempt(`/api?token=${token}`, { origin })).toBe('open');

    // And from a real page of this origin that never received the cookie: the browser's socket never opens.
    await withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(`${url.origin}/`);
      const outcome = await page.evaluate(
        (address) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(address);
            socket.onopen = () => resolve('open');
            socket.onclose = () => resolve('closed');
          }),
        `ws://127.0.0.1:${url.port}/api`,
      );
      expect(outcome).toBe('closed');
    });
  });

  it('exits 0 on SIGTERM after stopping the engine', async () => {
    preview.process.kill('SIGTERM');
    expect(await preview.exited).toBe(0);
    expect(preview.stdout.split('\n')).toHaveLength(2);
  });
});

describe('npm run preview, given something it cannot use', needs('chromium', 'DejaVu fonts'), () => {
  it('refuses an unknown option in one plain sentence, exit 2', async () => {
    expect(await runPreview(['--prot', '8080'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'That is not an option the preview knows. The preview takes --data-dir DIR, --downloads DIR, --port NUMBER, --processes-in DIR, --check-root DIR and --check-home DIR.\n',
    });
  });

  it('says plainly that a busy port is busy, exit 1', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-e2e-busy-'));
    try {
      expect(await runPreview(['--port', String(port), '--data-dir', dataDir])).toEqual({
        code: 1,
        stdout: '',
        stderr: `The preview stopped: Port ${port} on 127.0.0.1 is already in use; choose another with --port.\n`,
      });
    } finally {
      busy.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
