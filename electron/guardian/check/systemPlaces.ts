// Which place readers "Check this computer" uses on this system, and where they look (the real root and home folder,
// or a temporary tree for tests: `pauseguard check --root --home`); and the one way the check is composed.
import os from 'node:os';
import type { Catalog } from '../catalog';
import type { Settings } from '../../../shared/settings';
import type { ProcessSource } from '../watchers/processes/processSource';
import { checkInstalled, type InstalledCheck } from './installedCheck';
import { loadRegistryApi, type RegistryApi } from '../win32/registryApi';
import { placeProblem, type PlaceScan } from './found';
import { linuxPlaces } from './linuxPlaces';
import { macosPlaces } from './macosPlaces';
import { windowsPlaces } from './windowsPlaces';

export interface CheckRoots {
  root: string;
  home: string;
}

export const realRoots = (): CheckRoots => ({ root: '/', home: os.homedir() });

export function systemPlaces(platform: NodeJS.Platform, catalog: Catalog, roots: CheckRoots): () => Promise<PlaceScan> {
  switch (platform) {
    case 'linux':
      return () => linuxPlaces(catalog, roots);
    case 'darwin':
      return () => macosPlaces(catalog, roots);
    case 'win32':
      return async () => {
        const registry = await loadRegistryApi().catch((error: unknown) => error);
        if (registry instanceof Error) return { found: [], problems: [placeProblem('the Windows registry', registry)] };
        return windowsPlaces(catalog, { registry: registry as RegistryApi, env: process.env });
      };
    default:
      return () => Promise.resolve({ found: [], problems: [{ where: 'this computer', message: 'Pause Guard does not know where this kind of computer keeps its programs yet.' }] });
  }
}

export interface ThisComputer {
  catalog: Catalog;
  settings: Pick<Settings, 'trustedHelpers' | 'contacts'>;
  roots: CheckRoots;
  processSource: ProcessSource;
  platform?: NodeJS.Platform;
}

/** The check of this computer as the app, the preview and the CLI all run it. */
export function checkThisComputer({ catalog, settings, roots, processSource, platform = process.platform }: ThisComputer): Promise<InstalledCheck> {
  return checkInstalled({
    catalog, platform, ...roots, env: process.env,
    places: systemPlaces(platform, catalog, roots),
    trustedHelpers: settings.trustedHelpers,
    helperName: settings.contacts[0]?.name ?? 'your family helper',
    running: async () => new Set((await processSource.list()).flatMap((p) => catalog.matchProcess(p)?.id ?? [])),
  });
}
