// Bundles the CLI (electron/cli.ts) for Node for Windows, on Linux, with esbuild: one ES module plus, beside it, the
// packages that must stay files at run time (koffi's win32-x64 binary, ps-list with its fastlist.exe). Nothing is compiled.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { bedPaths, repoRoot } from './windowsBed';

/**
 * Left out of the bundle and loaded from the bundle's node_modules at run time:
 * - koffi's loader picks `@koromix/koffi-${process.platform}-${process.arch}` with a createRequire() of its own, so in
 *   Node for Windows it asks for @koromix/koffi-win32-x64 (unpacked there by setup:windows), never the Linux binary;
 * - ps-list runs vendor/fastlist-*.exe from its own folder;
 * - node-window-manager is compiled for the machine it is installed on: the Windows side has none, and the window
 *   watcher says so as a problem.
 */
const RUN_TIME_PACKAGES = ['@koromix/*', 'ps-list', 'node-window-manager'];

/** Bundles `entry` (a path in the repository) into `outfile` as an ES module that Node for Windows runs. */
export async function bundleForWindows(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.resolve(repoRoot, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: RUN_TIME_PACKAGES,
    // CommonJS dependencies (nodemailer) require Node's own modules: an ES module has no require of its own.
    banner: { js: "import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** The CLI bundle in the bed, with ps-list copied beside it at the version the app has installed. */
export async function buildWindowsCli(): Promise<string> {
  await bundleForWindows('electron/cli.ts', bedPaths.cliBundle);
  const psList = path.join(bedPaths.cliDir, 'node_modules', 'ps-list');
  fs.rmSync(psList, { recursive: true, force: true });
  fs.cpSync(fs.realpathSync(path.join(repoRoot, 'node_modules', 'ps-list')), psList, { recursive: true, dereference: true });
  return bedPaths.cliBundle;
}
