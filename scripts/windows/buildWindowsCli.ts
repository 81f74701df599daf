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
  const result = await build({
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
    write: false,
  });
  // Written whole and renamed into place, so a Node for Windows starting meanwhile never reads half a bundle.
  const [bundle] = result.outputFiles;
  if (!bundle) throw new Error(`esbuild wrote nothing for ${entry}.`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}.partial`;
  fs.writeFileSync(partial, bundle.contents);
  fs.renameSync(partial, outfile);
}

/** ps-list copied beside the bundle at the installed version (its fastlist.exe is run from its own folder). */
function copyPsList(): void {
  const installed = fs.realpathSync(path.join(repoRoot, 'node_modules', 'ps-list'));
  const copy = path.join(bedPaths.cliDir, 'node_modules', 'ps-list');
  const versionOf = (dir: string) => (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (fs.existsSync(path.join(copy, 'package.json')) && versionOf(copy) === versionOf(installed)) return;
  const partial = `${copy}.${process.pid}.partial`;
  fs.cpSync(installed, partial, { recursive: true, dereference: true });
  fs.rmSync(copy, { recursive: true, force: true });
  fs.renameSync(partial, copy);
}

/** The CLI bundle in the bed, with ps-list beside it. */
export async function buildWindowsCli(): Promise<string> {
  await bundleForWindows('electron/cli.ts', bedPaths.cliBundle);
  copyPsList();
  return bedPaths.cliBundle;
}
