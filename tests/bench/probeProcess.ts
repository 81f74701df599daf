// Runs a bench probe as the engine ships: the probe file bundled by Vite, dependencies included, then run by plain
// node in a fresh child that prints its report as its last JSON line (the tsx loader alone would add some 35 MB
// and its own CPU to the figures).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundles tests/bench/`entry` (e.g. "engineProbe.ts") into `outDir`; returns the file to run. */
export async function bundleProbe(entry: string, outDir: string): Promise<string> {
  const name = path.basename(entry, '.ts');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(root, 'tests/bench', entry),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
    // node-window-manager is a native addon, loaded on Windows and macOS only: it cannot be bundled and never runs here.
    ssr: { noExternal: true, external: ['node-window-manager'] },
  });
  return path.join(outDir, `${name}.mjs`);
}

/** Runs the bundled `probe` with `args` (and `env` added to this process's) and parses the JSON line it ends with. */
export function runProbe<Report>(probe: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Report> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [probe, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The probe ${path.basename(probe)} ${args.join(' ')} exited with code ${code}.`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Report);
    });
  });
}
