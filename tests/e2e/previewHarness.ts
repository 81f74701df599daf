// What the end-to-end tests share: `npm run preview` started for real, Debian's Chromium, stand-in remote tools
// (copies of /bin/sleep under a tool's name), and axe-core run through the DevTools protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { endProcessGroup, killGroupOnExit } from '../fixtures/processGroup';

export const root = path.resolve(import.meta.dirname, '../..');
export const screenshots = path.join(import.meta.dirname, 'screenshots');
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PreviewRun {
  process: ChildProcess;
  /** The address line it printed, token included. */
  url: URL;
  token: string;
  exited: Promise<number | null>;
  readonly stdout: string;
  readonly stderr: string;
  /** Ends npm and the preview it exec'd (SIGTERM to the group, SIGKILL after 3 s); resolves once both are gone. */
  stop(): Promise<void>;
}

/** The preview's environment: no display (the window watcher then fails the same way everywhere, and the page must say
 *  so plainly), plus `extra` (e.g. a TMPDIR of the test's own, or the DISPLAY of a test's own Xvfb). */
function previewEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return { ...env, ...extra };
}

/** An empty folder of this test run's, removed when the run ends. */
function emptyFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-preview-watched-'));
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/**
 * Starts the preview with these options and no display (unless `extraEnv` gives it one), and resolves once it has printed its address. It watches only
 * the programs run from the folder given with --processes-in, or from an empty one of its own: the other test files
 * running beside it start tools of their own, which must never cover this test's page.
 */
export async function startPreview(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<PreviewRun> {
  const watched = args.includes('--processes-in') ? [] : ['--processes-in', emptyFolder()];
  // A process group of its own: killing npm alone would leave the preview (and its engine) running.
  const child = spawn('npm', ['run', '--silent', 'preview', '--', ...args, ...watched], {
    cwd: root, env: previewEnv(extraEnv), stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  const forget = killGroupOnExit(child);
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
    });
    void exited.then((code) => reject(new Error(`The preview exited with ${code} before printing its address: ${stderr}`)));
  });
  const url = new URL(firstLine);
  return {
    process: child,
    url,
    token: url.searchParams.get('token') ?? '',
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    stop: () => endProcessGroup(child).finally(forget),
  };
}

/** Runs a preview that is expected to stop by itself (a bad option, a busy port, a failed build) and resolves once it has
 *  exited. `wrapper` is a command that runs it, e.g. prlimit with its options. */
export function runPreview(
  args: string[], { env = {}, wrapper = [] }: { env?: NodeJS.ProcessEnv; wrapper?: string[] } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, ...rest] = [...wrapper, 'npm', 'run', '--silent', 'preview', '--', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(command!, rest, { cwd: root, env: previewEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    // No launch deadline: Playwright's 30 s would count Chromium's start on a busy machine; a failed start still rejects.
    timeout: 0,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export async function withContext<T>(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0],
  use: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

/** A copy of /bin/sleep named like a remote tool, started from `dir`: the engine sees a process by that name. */
export function startFakeTool(dir: string, name: string): ChildProcess {
  const exe = path.join(dir, name);
  fs.copyFileSync('/bin/sleep', exe);
  fs.chmodSync(exe, 0o755);
  return spawn(exe, ['600'], { stdio: 'ignore' });
}

/** axe-core's serious and critical findings on the page as it is now (injected over the DevTools protocol: the CSP rightly refuses a <script>). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const result = await (window as unknown as { axe: { run(): Promise<Result> } }).axe.run();
    return result.violations.map(({ id, impact, nodes }) => ({ id, impact, targets: nodes.map((node) => node.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
