// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before electron-builder signs it.
// It must never let a build through with a fuse unflipped: every failure throws, and electron-builder stops.
import path from 'node:path';
import { Arch } from 'electron-builder';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** The fuses of every Pause Guard release (DESIGN.md, "Security baseline"). */
export const releaseFuses = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE cannot turn the signed app into a general-purpose Node.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS, --inspect and friends cannot inject code into the running app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only the app.asar that was packaged (and whose hash electron-builder embedded) is ever loaded.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Left at Electron's defaults: LoadBrowserProcessSpecificV8Snapshot (no custom snapshot is shipped) and
  // GrantFileProtocolExtraPrivileges (the renderer is loaded from file://, and its module scripts need it).
};

/**
 * Where the binary holding the fuse wire is, as electron-builder lays the app out:
 * Windows "<productFilename>.exe", macOS "<productFilename>.app/Contents/MacOS/<productFilename>"
 * (@electron/fuses follows it to the Electron Framework), Linux the lower-case executable name.
 * @param {import('electron-builder').AfterPackContext} context
 * @returns {string}
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'darwin':
      return path.join(appOutDir, `${productFilename}.app`, 'Contents', 'MacOS', productFilename);
    case 'linux':
      // LinuxPackager's own executableName: linux.executableName, or the package name in lower case.
      if (typeof packager.executableName !== 'string' || packager.executableName === '') {
        throw new Error('Cannot flip the Electron fuses: electron-builder gave no Linux executable name.');
      }
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`Cannot flip the Electron fuses: unknown platform "${electronPlatformName}".`);
  }
}

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  // Flipping fuses breaks the ad-hoc signature Apple silicon requires before anything runs; re-sign it.
  const resetAdHocDarwinSignature =
    context.electronPlatformName === 'darwin' && (context.arch === Arch.arm64 || context.arch === Arch.universal);
  try {
    await flipFuses(binary, { ...releaseFuses, resetAdHocDarwinSignature });
  } catch (error) {
    throw new Error(`Could not flip the Electron fuses in ${binary}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }

  console.log(`  • electron fuses flipped  binary=${binary}`);
}
