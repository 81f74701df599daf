// The windows watcher on a real X11 display: Xvfb, the matchbox window manager (EWMH), Chromium showing a bank page,
// and Chromium sharing the screen (getDisplayMedia) with its own "... is sharing your screen." window, then a bank page.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createEngine } from '../../electron/guardian/engine';
import { decide } from '../../electron/guardian/protection/policy';
import { createWindowWatcher } from '../../electron/guardian/watchers/screen/windowWatcher';
import { createX11Source } from '../../electron/guardian/watchers/screen/x11Source';
import type { WindowSource } from '../../electron/guardian/watchers/screen/windowSource';
import type { Watcher } from '../../electron/guardian/watchers/watcher';
import type { DetectionEvent, GuardianEvent } from '../../shared/events';
import { endProcessGroup } from '../fixtures/processGroup';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { needs } from '../prerequisites/needs';
import { childPaced } from '../fixtures/childReports';

const catalog = loadCatalog();
const started: ChildProcess[] = [];
let xvfb: Xvfb | null = null;
let display = '';
let profile = '';
let source: WindowSource | null = null;
let watcher: Watcher | null = null;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it gives a value. Given the child whose start it waits on (`startedBy`), it waits as long as that
 * child runs and fails once it exits: a busy machine may be slow to start it. Otherwise it gives up after `timeoutMs`.
 */
async function until<T>(what: string, check: () => T | Promise<T>, limit: { startedBy: ChildProcess } | { timeoutMs: number }): Promise<NonNullable<T>> {
  const deadline = 'timeoutMs' in limit ? Date.now() + limit.timeoutMs : Infinity;
  for (;;) {
    const value = await check();
    if (value) return value;
    if ('startedBy' in limit && (limit.startedBy.exitCode !== null || limit.startedBy.signalCode !== null)) {
      throw new Error(`${limit.startedBy.spawnfile} exited (${limit.startedBy.exitCode ?? limit.startedBy.signalCode}) before ${what}`);
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Starts a program in its own process group, so it and every child it starts can be ended together. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, DISPLAY: display, ...env }, stdio: 'ignore', detached: true });
  started.push(child);
  return child;
}

beforeAll(async () => {
  xvfb = await startXvfb();
  display = xvfb.display;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-chromium-'));
}, childPaced.timeout);

afterEach(async () => {
  await watcher?.stop();
  watcher = null;
  await source?.close();
  source = null;
});

afterAll(async () => {
  for (const child of started.reverse()) await endProcessGroup(child);
  await xvfb?.stop();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

// Each program's start is waited for as long as it runs (see until()); what follows it has budgets.
describe('X11 windows', { ...needs('Linux', 'Xvfb', 'matchbox-window-manager', 'xmessage', 'chromium'), ...childPaced }, () => {
  it('waits for a window manager that lists windows, then sees them', async () => {
    source = createX11Source({ env: { DISPLAY: display } });
    await expect(source.list()).rejects.toThrow(
      'Pause Guard cannot see the windows on screen: the window manager does not list them (EWMH _NET_CLIENT_LIST).',
    );
    const windowManager = run('matchbox-window-manager', ['-use_titlebar', 'no']);
    await until('the window manager to publish its list', () => source!.list().then(() => true, () => false), { startedBy: windowManager });
    await expect(source.list()).resolves.toEqual([]);
  });

  it('reads a title from WM_NAME when a window has no _NET_WM_NAME, and has no process to blame without _NET_WM_PID', async () => {
    source = createX11Source({ env: { DISPLAY: display } });
    const xmessage = run('xmessage', ['-title', 'Lloyds Bank - Internet Banking', 'hello']);
    const windows = await until('the xmessage window', async () => {
      const list = await source!.list();
      return list.length > 0 ? list : null;
    }, { startedBy: xmessage });
    expect(windows).toEqual([{ id: expect.stringMatching(/^0x[0-9a-f]+$/), pid: null, title: 'Lloyds Bank - Internet Banking' }]);
    await endProcessGroup(xmessage);
    await until('the window to go', async () => (await source!.list()).length === 0, { timeoutMs: 10_000 });
  });

  it("reports a bank page in Chromium when its title turns to a bank's, and when the browser closes", async () => {
    source = createX11Source({ env: { DISPLAY: display } });
    const events: DetectionEvent[] = [];
    watcher = createWindowWatcher({ source, catalog, intervalMs: 100 });
    await watcher.start((event) => events.push(event));
    expect(events).toEqual([]);

    const page = '<title>Weather</title><script>setTimeout(() => { document.title = "Barclays | Log in to Online Banking"; }, 4000)</script>';
    const chromium = run('chromium', [
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      `--app=data:text/html,${encodeURIComponent(page)}`,
    ]);
    const weather = await until('the Chromium window titled Weather', async () =>
      (await source!.list()).find((w) => w.title === 'Weather'), { startedBy: chromium },
    );
    expect(weather).toMatchObject({ pid: chromium.pid, processName: 'chromium' });
    expect(events).toEqual([]);

    await until('the bank page', () => events.length > 0, { timeoutMs: 20_000 });
    expect(events).toEqual([{ type: 'window-seen', kind: 'bank', toolId: null, pid: chromium.pid }]);

    await endProcessGroup(chromium);
    await until('the bank page to go', () => events.length > 1, { timeoutMs: 10_000 });
    expect(events).toEqual([
      { type: 'window-seen', kind: 'bank', toolId: null, pid: chromium.pid },
      { type: 'window-gone', kind: 'bank', toolId: null, pid: chromium.pid },
    ]);
  });

  it("sees Chromium's own sharing indicator while a page captures the screen, and the cover's highest level once a bank page opens", async () => {
    // A page on a loopback origin (a secure context, as getDisplayMedia needs) that captures the screen, then turns into
    // a bank's page. --auto-select-desktop-capture-source picks the source Chromium's picker would offer, so the real
    // capture path runs, with its real indicator.
    const html = `<title>Share test</title><script>
      navigator.mediaDevices.getDisplayMedia({ video: true }).then(
        () => setTimeout(() => { document.title = 'Capital One | Credit Cards'; }, 3000),
        (error) => { document.title = 'Capture failed: ' + error.name; });
    </script>`;
    const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-sharing-engine-'));
    source = createX11Source({ env: { DISPLAY: display } });
    const engine = createEngine({ dataDir, watchers: [createWindowWatcher({ source, catalog, intervalMs: 100 })] });
    const events: GuardianEvent[] = [];
    engine.onEvent((event) => {
      if (event.type !== 'ready') events.push(event);
    });
    try {
      await engine.start();
      const chromium = run('chromium', [
        '--no-sandbox', '--no-first-run', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${profile}-sharing`,
        '--auto-select-desktop-capture-source=Entire screen', origin,
      ]);
      const indicator = await until('the sharing indicator', async () =>
        (await source!.list()).find((w) => w.title.endsWith('is sharing your screen.')), { startedBy: chromium },
      );
      // What Chromium shows on X11: a window of its own, listed by the window manager, owned by the browser's process.
      expect(indicator).toMatchObject({ title: `${origin} is sharing your screen.`, pid: chromium.pid, processName: 'chromium' });
      await until('the share to be seen', () => events.length > 0, { timeoutMs: 10_000 });
      expect(events[0]).toMatchObject({ type: 'window-seen', kind: 'screen-share', toolId: null, pid: chromium.pid, name: 'Chromium' });
      expect(decide(events[0]!, { trustedHelpers: [], paused: false, session: () => undefined, liveSessions: () => [] })).toMatchObject({ action: 'note', cause: 'screen-sharing' });

      await until('the bank page during the share', () => events.some((e) => e.type === 'sharing-risk-raised'), { timeoutMs: 20_000 });
      const raised = events.find((e) => e.type === 'sharing-risk-raised')!;
      expect(raised).toMatchObject({ toolId: null, pid: chromium.pid, name: 'Chromium' });
      expect(decide(raised, { trustedHelpers: [], paused: false, session: () => undefined, liveSessions: () => [] })).toMatchObject({
        action: 'interrupt', level: 'highest', cause: 'bank-during-sharing', pid: chromium.pid,
      });

      await endProcessGroup(chromium);
      await until('the indicator to go', () => events.some((e) => e.type === 'window-gone' && e.kind === 'screen-share'), { timeoutMs: 10_000 });
      expect(JSON.stringify(events)).not.toMatch(/Capital One|127\.0\.0\.1/);
    } finally {
      await engine.stop();
      source = null;
      server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${profile}-sharing`, { recursive: true, force: true });
    }
  });

  it('says once, plainly, when there is no display, and stays quiet', async () => {
    for (const [env, message, lasting] of [
      [{}, 'Pause Guard cannot see which windows are open, because no desktop is running here. Everything else is watched as usual.', true],
      [{ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'Pause Guard cannot see which windows are open on this desktop (it keeps window titles private), so it cannot tell when a bank page is open. Everything else is watched as usual.', true],
      [{ DISPLAY: ':4095' }, 'Pause Guard cannot see the windows on screen: no display is running at :4095.', false],
      [{ DISPLAY: 'example.com:0' }, "Pause Guard can only see windows on this computer's own screen, not on display example.com:0.", false],
    ] as const) {
      const events: DetectionEvent[] = [];
      const failing = createWindowWatcher({ source: createX11Source({ env }), catalog, intervalMs: 20 });
      await failing.start((event) => events.push(event));
      await sleep(100);
      await failing.stop();
      expect(events).toEqual([{ type: 'watcher-failed', watcher: 'windows', message, ...(lasting ? { lasting } : {}) }]);
    }
  });
});
