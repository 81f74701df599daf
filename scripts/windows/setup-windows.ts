// `npm run setup:windows`: prepares the Windows test bed (a Wine prefix set to Windows 10, Node for Windows, koffi's
// Windows binary), each step only when it is not done yet; a second run changes nothing and says so.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  bedDir, bedPaths, koffiWindowsPackage, NODE_WINDOWS_PACKAGE, prefixSaysWindows10, prefixUserDir, USER_SHELL_FOLDERS,
  WINE, WINESERVER, wineEnv, winePrefix,
} from './windowsBed';

const done: string[] = [];

/** `npm pack` into the bed's package folder, once; the tarball is the cache. Returns its path. */
function packed(spec: string, tarballName: string): string {
  const tarball = path.join(bedPaths.packages, tarballName);
  if (fs.existsSync(tarball)) return tarball;
  fs.mkdirSync(bedPaths.packages, { recursive: true });
  execFileSync('npm', ['pack', spec, '--pack-destination', bedPaths.packages, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(tarball)) throw new Error(`npm pack ${spec} did not leave ${tarballName} in ${bedPaths.packages}.`);
  done.push(`fetched ${spec}`);
  return tarball;
}

/** Unpacks `member` of an npm tarball (paths inside start with package/) into `dir`, dropping the package/ level. */
function unpack(tarball: string, dir: string, member = 'package'): void {
  const staging = `${dir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const depth = member.split('/').length;
  execFileSync('tar', ['-xzf', tarball, '-C', staging, `--strip-components=${depth}`, member]);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
}

function setUpNode(): void {
  if (fs.existsSync(bedPaths.nodeExe)) return;
  const [name, version] = NODE_WINDOWS_PACKAGE.split('@') as [string, string];
  unpack(packed(NODE_WINDOWS_PACKAGE, `${name}-${version}.tgz`), path.dirname(bedPaths.nodeExe), 'package/bin');
  done.push(`unpacked Node ${version} for Windows`);
}

function setUpKoffi(): void {
  const { name, version } = koffiWindowsPackage();
  const installed = path.join(bedPaths.koffiWindows, 'package.json');
  if (fs.existsSync(installed) && (JSON.parse(fs.readFileSync(installed, 'utf8')) as { version: string }).version === version) return;
  const tarball = packed(`${name}@${version}`, `${name.slice(1).replace('/', '-')}-${version}.tgz`);
  fs.mkdirSync(path.dirname(bedPaths.koffiWindows), { recursive: true });
  unpack(tarball, bedPaths.koffiWindows);
  done.push(`unpacked ${name} ${version}`);
}

function setUpPrefix(): void {
  const prefix = winePrefix();
  if (!prefixSaysWindows10(prefix)) {
    fs.mkdirSync(prefix, { recursive: true });
    // A new prefix is made on the first Wine command; Node for Windows needs Windows 8.1 or later, Wine 8 says 7.
    execFileSync(WINE, ['winecfg', '-v', 'win10'], { env: wineEnv(), stdio: 'ignore' });
    execFileSync(WINESERVER, ['-w'], { env: wineEnv(), stdio: 'ignore' });
    if (!prefixSaysWindows10(prefix)) throw new Error(`winecfg did not set ${prefix} to Windows 10.`);
    done.push(`made the Wine prefix ${prefix} (Windows 10)`);
  }
  // A new prefix links Desktop, Downloads and the rest to the Linux home: tests must never write there.
  const userDir = prefixUserDir(prefix);
  const unlinked: string[] = [];
  for (const folder of USER_SHELL_FOLDERS) {
    const dir = path.join(userDir, folder);
    if (fs.lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
      fs.unlinkSync(dir);
      unlinked.push(folder);
    }
    fs.mkdirSync(dir, { recursive: true });
  }
  if (unlinked.length > 0) done.push(`made ${unlinked.join(', ')} folders of the prefix's own instead of links to the Linux home`);
}

if (!fs.existsSync(WINE)) {
  process.stderr.write(`Wine is not installed (${WINE} is missing): run apt-get install wine64, then npm run setup:windows again.\n`);
  process.exit(1);
}
try {
  setUpNode();
  setUpKoffi();
  setUpPrefix();
} catch (error) {
  process.stderr.write(`The Windows test bed could not be set up: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
console.log(done.length === 0 ? `Windows test bed already set up in ${path.relative(process.cwd(), bedDir) || bedDir}: nothing to do.` : `Windows test bed: ${done.join('; ')}.`);
