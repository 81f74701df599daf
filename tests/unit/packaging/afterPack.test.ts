// The afterPack hook flips the release fuses in a fake packaged app whose binary holds a real fuse wire.
// Only Apple's codesign is replaced (by a recording script on PATH); @electron/fuses runs for real.
import { mkdtemp, mkdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Arch, type AfterPackContext } from 'electron-builder';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import afterPack, { electronBinaryPath, releaseFuses } from '../../../scripts/after-pack.mjs';

// The layout @electron/fuses looks for: sentinel, wire version, wire length, then one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults, in FuseV1Options order (the last is WasmTrapHandlers).
const SHIPPED_WIRE = '101100011';
// What a release must hold: RunAsNode 0, cookies 1, NODE_OPTIONS 0, inspect 0, asar integrity 1, only asar 1,
// and the three fuses the hook leaves alone unchanged.
const RELEASE_WIRE = '010011011';

function fakeBinary(wire: string): Buffer {
  return Buffer.concat([
    Buffer.from('\x7fELF fake electron binary prefix '),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.from(' rest of the binary'),
  ]);
}

async function wireIn(file: string): Promise<string> {
  const bytes = await readFile(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return bytes.subarray(at, at + SHIPPED_WIRE.length).toString('latin1');
}

function contextFor(appOutDir: string, electronPlatformName: string, arch: Arch): AfterPackContext {
  const packager = { appInfo: { productFilename: 'Pause Guard' }, executableName: 'pause-guard' };
  return { appOutDir, electronPlatformName, arch, packager } as unknown as AfterPackContext;
}

let dir: string;
let originalPath: string | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pauseguard-afterpack-'));
  originalPath = process.env.PATH;
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  process.env.PATH = originalPath;
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

/** Puts a `codesign` on PATH that records its arguments, one per line, in the returned file, and exits with `status`. */
async function recordingCodesign(status = 0): Promise<string> {
  const bin = path.join(dir, 'bin');
  const record = path.join(dir, 'codesign-args.txt');
  await mkdir(bin);
  await writeFile(path.join(bin, 'codesign'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexit ${status}\n`);
  await chmod(path.join(bin, 'codesign'), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${originalPath ?? ''}`;
  return record;
}

describe('the release fuse map', () => {
  it('switches off RunAsNode, NODE_OPTIONS and inspect, switches on cookie encryption and the asar-only fuses', () => {
    expect(releaseFuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });
});

describe('electronBinaryPath', () => {
  it('names the binary electron-builder lays out on each platform', () => {
    const out = path.join('release', 'unpacked');
    expect(electronBinaryPath(contextFor(out, 'win32', Arch.x64))).toBe(path.join(out, 'Pause Guard.exe'));
    expect(electronBinaryPath(contextFor(out, 'darwin', Arch.arm64))).toBe(
      path.join(out, 'Pause Guard.app', 'Contents', 'MacOS', 'Pause Guard'),
    );
    expect(electronBinaryPath(contextFor(out, 'linux', Arch.x64))).toBe(path.join(out, 'pause-guard'));
  });

  it('refuses a platform it does not know instead of guessing', () => {
    expect(() => electronBinaryPath(contextFor(dir, 'freebsd', Arch.x64))).toThrow(
      'Cannot flip the Electron fuses: unknown platform "freebsd".',
    );
  });

  it('refuses a Linux build without an executable name', () => {
    const context = { appOutDir: dir, electronPlatformName: 'linux', arch: Arch.x64, packager: { appInfo: { productFilename: 'Pause Guard' } } };
    expect(() => electronBinaryPath(context as unknown as AfterPackContext)).toThrow('gave no Linux executable name');
  });
});

describe('afterPack', () => {
  it('flips the fuses of the Windows executable', async () => {
    const exe = path.join(dir, 'Pause Guard.exe');
    await writeFile(exe, fakeBinary(SHIPPED_WIRE));
    await afterPack(contextFor(dir, 'win32', Arch.x64));
    expect(await wireIn(exe)).toBe(RELEASE_WIRE);
  });

  it('flips the fuses of the Linux executable, named in lower case', async () => {
    const exe = path.join(dir, 'pause-guard');
    await writeFile(exe, fakeBinary(SHIPPED_WIRE));
    await afterPack(contextFor(dir, 'linux', Arch.x64));
    expect(await wireIn(exe)).toBe(RELEASE_WIRE);
  });

  describe('on macOS, where the wire lives in the Electron Framework', () => {
    async function fakeMacApp(): Promise<string> {
      const framework = path.join(dir, 'Pause Guard.app', 'Contents', 'Frameworks', 'Electron Framework.framework');
      await mkdir(framework, { recursive: true });
      await mkdir(path.join(dir, 'Pause Guard.app', 'Contents', 'MacOS'), { recursive: true });
      await writeFile(path.join(framework, 'Electron Framework'), fakeBinary(SHIPPED_WIRE));
      return path.join(framework, 'Electron Framework');
    }

    it.skipIf(process.platform === 'win32').each([Arch.arm64, Arch.universal])('re-signs an Apple silicon build (arch %i) ad hoc after flipping', async (arch) => {
      const framework = await fakeMacApp();
      const record = await recordingCodesign();
      await afterPack(contextFor(dir, 'darwin', arch));
      expect(await wireIn(framework)).toBe(RELEASE_WIRE);
      const args = (await readFile(record, 'utf8')).trim().split('\n');
      expect(args).toEqual([
        '--sign',
        '-',
        '--force',
        '--preserve-metadata=entitlements,requirements,flags,runtime',
        '--deep',
        path.join(dir, 'Pause Guard.app'),
      ]);
    });

    it.skipIf(process.platform === 'win32')('leaves the signature of an Intel build alone', async () => {
      const framework = await fakeMacApp();
      const record = await recordingCodesign();
      await afterPack(contextFor(dir, 'darwin', Arch.x64));
      expect(await wireIn(framework)).toBe(RELEASE_WIRE);
      await expect(readFile(record, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it.skipIf(process.platform === 'win32')('fails loudly when the ad-hoc re-signing fails', async () => {
      await fakeMacApp();
      await recordingCodesign(1);
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await expect(afterPack(contextFor(dir, 'darwin', Arch.arm64))).rejects.toThrow('Ad-hoc codesign failed with status: 1');
    });
  });

  it('fails loudly, naming the path, when the binary is not where it should be', async () => {
    await writeFile(path.join(dir, 'Electron.exe'), fakeBinary(SHIPPED_WIRE));
    await expect(afterPack(contextFor(dir, 'win32', Arch.x64))).rejects.toThrow(
      `Could not flip the Electron fuses in ${path.join(dir, 'Pause Guard.exe')}: ENOENT`,
    );
  });

  it('fails loudly when the binary holds no fuse wire', async () => {
    await writeFile(path.join(dir, 'pause-guard'), 'not an electron binary');
    await expect(afterPack(contextFor(dir, 'linux', Arch.x64))).rejects.toThrow('Could not find sentinel');
  });

  it('fails loudly when the binary is an Electron too old for the release fuses', async () => {
    await writeFile(path.join(dir, 'pause-guard'), fakeBinary(SHIPPED_WIRE.slice(0, 4)));
    await expect(afterPack(contextFor(dir, 'linux', Arch.x64))).rejects.toThrow('the fuse wire in this version of Electron is not long enough');
  });
});
