// The real build (electron-vite, into a temporary folder): a sandboxed preload must be one small CommonJS file that
// requires nothing but 'electron'; the main process is an ES module; the page has no inline script and no remote asset.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { childPaced } from '../fixtures/childReports';

const run = promisify(execFile);
let outDir = '';

// The build runs to its exit, however long it takes on a busy machine.
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'pauseguard-build-'));
  await run('npx', ['electron-vite', 'build', '--outDir', outDir, '--logLevel', 'error'], { cwd: process.cwd() });
}, childPaced.timeout);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the build', () => {
  it('makes the preload one CommonJS file that requires only electron and carries no schema library', async () => {
    const file = join(outDir, 'preload', 'preload.cjs');
    const code = await readFile(file, 'utf8');
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).toContain('exposeInMainWorld("pauseGuard"');
    expect((await stat(file)).size).toBeLessThan(8 * 1024);
  });

  it('makes the main process ES modules that load electron from the runtime, and only in the tray app, not the entry', async () => {
    const files = (await readdir(join(outDir, 'main'))).filter((name) => name.endsWith('.js'));
    const code = new Map(await Promise.all(files.map(async (name) => [name, await readFile(join(outDir, 'main', name), 'utf8')] as const)));
    for (const text of code.values()) expect(text).not.toContain('require(');
    // The entry also runs as the Windows input-hook thread, which must never load Electron: the tray app is a chunk of its own.
    const entry = code.get('main.js') ?? '';
    expect(entry).not.toMatch(/from "electron"/);
    expect(entry).toMatch(/import\("\.\/trayApp-[\w-]+\.js"\)/);
    const trayApp = [...code].find(([name]) => name.startsWith('trayApp-'))?.[1] ?? '';
    expect(trayApp).toMatch(/^import .* from "electron";$/m);
  });

  it('makes a page with one module script from its own folder, no inline script and nothing remote', async () => {
    const html = await readFile(join(outDir, 'renderer', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toMatch(/type="module"[^>]*src="\.\/assets\/index-[\w-]+\.js"/);
    expect(scripts[0]?.[2]?.trim()).toBe('');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/\sstyle=|<style/);
  });
});
