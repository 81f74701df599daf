// electron-builder.yml passes electron-builder's own schema and keeps the release choices made for Pause Guard.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { DebugLogger, walk } from 'builder-util';
import type { Configuration } from 'electron-builder';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const configFile = 'electron-builder.yml';

/** Reads a config file exactly as `electron-builder --config <file>` does. */
function loadConfig(dir: string): Promise<Configuration> {
  return getConfig(dir, configFile, null);
}

function validate(config: Configuration): Promise<void> {
  return validateConfiguration(config, new DebugLogger(false));
}

let config: Configuration;
let tmp: string;

beforeAll(async () => {
  config = await loadConfig(projectDir);
});

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'pauseguard-builder-config-'));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('electron-builder.yml against the schema', () => {
  it('validates with electron-builder\'s own validateConfiguration', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it.each([
    ['a misspelt NSIS option', (c: Configuration) => ({ ...c, nsis: { ...c.nsis, oneclick: false } }), /configuration\.nsis should be one of/],
    ['a macOS target that does not exist', (c: Configuration) => ({ ...c, mac: { ...c.mac, target: 'exe' } }), /configuration\.mac\.target should be one of/],
    ['a wrongly typed option', (c: Configuration) => ({ ...c, asar: 'sometimes' }), /configuration\.asar should be one of/],
  ])('rejects this configuration with %s', async (_name, breakIt, message) => {
    await expect(validate(breakIt(config) as Configuration)).rejects.toThrow(message);
  });

  it('rejects the same file read from disk with an unknown key added', async () => {
    const original = await readFile(path.join(projectDir, configFile), 'utf8');
    await writeFile(path.join(tmp, configFile), `${original}
fuses:\n  runAsNode: false\n`);
    await expect(loadConfig(tmp).then(validate)).rejects.toThrow("configuration has an unknown property 'fuses'");
  });
});

describe('the release choices in electron-builder.yml', () => {
  it('names the app and writes installers to release/', () => {
    expect(config.appId).toBe('org.pauseguard.app');
    expect(config.productName).toBe('Pause Guard');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'resources/build' });
    expect(config.asar).toBe(true);
  });

  it('flips the fuses in its own afterPack hook, not (also) through electron-builder\'s electronFuses', async () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(config.electronFuses).toBeUndefined();
    expect((await stat(path.join(projectDir, 'scripts/after-pack.mjs'))).isFile()).toBe(true);
  });

  it('builds an assisted, per-machine NSIS installer for Windows', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: false,
      createDesktopShortcut: true,
      runAfterFinish: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds a hardened dmg and zip for Intel and Apple silicon Macs with minimal entitlements', async () => {
    const mac = config.mac;
    expect(mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(mac?.category).toBe('public.app-category.utilities');
    expect(mac?.hardenedRuntime).toBe(true);
    expect(mac?.entitlements).toBe('resources/build/entitlements.mac.plist');
    expect(mac?.entitlementsInherit).toBe(mac?.entitlements);
    const plist = await readFile(path.join(projectDir, 'resources/build/entitlements.mac.plist'), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('publishes to a draft GitHub release, with no hand-set Windows publisher (the certificate\'s own is written when signed)', () => {
    expect(config.publish).toEqual({ provider: 'github', owner: 'pauseguard', repo: 'pause-guard', releaseType: 'draft' });
    expect(config.win?.signtoolOptions?.publisherName).toBeUndefined();
  });

  it('builds an AppImage and a deb for Linux with the fields a deb needs', () => {
    const linux = config.linux;
    expect(linux?.target).toEqual(['AppImage', 'deb']);
    expect(linux?.category).toBe('Utility');
    expect(linux?.executableName).toBe('pause-guard');
    expect(linux?.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+>$/);
    expect(linux?.synopsis).toBeTruthy();
  });

  it('uses an app icon electron-builder can turn into .ico and .icns (a PNG of at least 512x512)', async () => {
    expect(config.icon).toBe('resources/icons/icon.png');
    const png = await readFile(path.join(projectDir, 'resources/icons/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });
});

describe('the files packaged into app.asar', () => {
  const project = [
    'package.json',
    'package-lock.json',
    'out/main/main.js',
    'out/main/main.js.map',
    'out/preload/preload.cjs',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc123.js',
    'resources/icons/icon.png',
    'resources/icons/tray-warning@2x.png',
    'resources/build/entitlements.mac.plist',
    'resources/remote-tools.json',
    'electron/main.ts',
    'electron/preview.ts',
    'electron/preview/server.ts',
    'electron/guardian/engine.ts',
    'renderer/main.tsx',
    'shared/api.ts',
    'scripts/after-pack.mjs',
    'tests/unit/packaging/afterPack.test.ts',
    'tests/fixtures/sessions/qwinsta.txt',
    '.github/workflows/release.yml',
    'electron-builder.yml',
    'README.md',
  ];

  it('are the built app, package.json and the icons: never sources, tests, scripts or the preview host', async () => {
    for (const file of project) {
      await mkdir(path.dirname(path.join(tmp, file)), { recursive: true });
      await writeFile(path.join(tmp, file), file);
    }
    const matchers = getFileMatchers(config, 'files', '/app', {
      macroExpander: (pattern) => pattern,
      customBuildOptions: {},
      globalOutDir: path.join(tmp, 'release'),
      defaultSrc: tmp,
    });
    expect(matchers).toHaveLength(1);
    const packaged = (await walk(tmp, matchers![0]!.createFilter())).map((file) => path.relative(tmp, file).split(path.sep).join('/'));
    expect(packaged.sort()).toEqual([
      'out/main/main.js',
      'out/preload/preload.cjs',
      'out/renderer/assets/index-abc123.js',
      'out/renderer/index.html',
      'package.json',
      'resources/icons/icon.png',
      'resources/icons/tray-warning@2x.png',
    ]);
  });

  it('unpacks the process lister\'s Windows helper so it can be run', () => {
    expect(config.asarUnpack).toEqual(['node_modules/ps-list/vendor/**']);
  });
});
