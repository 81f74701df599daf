// Whether this copy of the app installs its own updates, from what its build says: run from the sources (no); the
// Debian package (no: apt updates it); Windows only when electron-builder wrote the signing certificate's publisher
// into app-update.yml (electron-updater then checks every update's Authenticode signature against it); macOS only
// when the release workflow signed it (Squirrel.Mac checks the update's code signature); the AppImage (yes). Never imports electron.
import fs from 'node:fs';
import path from 'node:path';
import type { AppUpdateSupport } from '../shared/updates';

export interface BuildFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** The AppImage's own path (APPIMAGE), set by the AppImage runtime; absent for the deb. */
  appImage: string | undefined;
  /** resources/app-update.yml as electron-builder wrote it, or null when the build has none. */
  updateConfig: string | null;
  /** The packaged package.json's `pauseGuardCodeSigned`, set by the release workflow when it signed the macOS build. */
  codeSigned: boolean;
}

export function appUpdateSupportOf(facts: BuildFacts): AppUpdateSupport {
  if (!facts.isPackaged) return 'development';
  if (facts.platform === 'linux' && !facts.appImage) return 'package-manager';
  if (facts.updateConfig === null) return 'unsigned';
  if (facts.platform === 'win32') return /^publisherName:/m.test(facts.updateConfig) ? 'on' : 'unsigned';
  if (facts.platform === 'darwin') return facts.codeSigned ? 'on' : 'unsigned';
  return 'on';
}

/**
 * The facts of the running build: app-update.yml beside the app's resources, the packaged package.json. `resourcesPath`
 * is Electron's process.resourcesPath (undefined outside Electron).
 */
export function readBuildFacts(where: { isPackaged: boolean; resourcesPath: string | undefined; appPath: string; platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv }): BuildFacts {
  const read = (file: string): string | null => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  };
  const packageJson = read(path.join(where.appPath, 'package.json'));
  const codeSigned = ((): boolean => {
    try {
      return packageJson !== null && (JSON.parse(packageJson) as { pauseGuardCodeSigned?: unknown }).pauseGuardCodeSigned === true;
    } catch {
      return false;
    }
  })();
  return {
    isPackaged: where.isPackaged,
    platform: where.platform ?? process.platform,
    appImage: (where.env ?? process.env).APPIMAGE,
    updateConfig: where.resourcesPath === undefined ? null : read(path.join(where.resourcesPath, 'app-update.yml')),
    codeSigned,
  };
}
