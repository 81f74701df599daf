// The one way a CLI command that records or reads through the app (setup, test-alert, update-catalog, check, clean-up) runs: the app's own services with no watchers,
// so what it does is journalled and told to the family exactly as the app would, beside a running app or without one.
// A data folder that cannot be opened is one plain sentence, not a stack trace.
import { createAppServices, type AppServices, type AppServicesOptions } from '../guardian/appServices';
import { APP_VERSION } from '../guardian/appVersion';
import { saveProblem } from '../guardian/store/settingsStore';

export type CommandServicesRun<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface CommandServicesOptions {
  /** Sees the services before they start (to listen to their events). */
  beforeStart?: (services: AppServices) => void;
  /** Where "Check this computer" looks and which programs count as running (tests). */
  services?: Pick<AppServicesOptions, 'checkRoots' | 'processesIn'>;
}

/**
 * Opens the services on `dataDir`, starts the alerts (a reset or tampering found at opening is told), runs `work`,
 * then sends what the outbox can send now and closes.
 */
export async function withCommandServices<T>(
  dataDir: string,
  work: (services: AppServices) => Promise<T>,
  options: CommandServicesOptions = {},
): Promise<CommandServicesRun<T>> {
  const services = await createAppServices({
    dataDir, version: APP_VERSION, downloadFolders: [], watchers: [], quit: () => undefined, log: (line) => process.stderr.write(`${line}\n`),
    ...options.services,
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    return saveProblem(dataDir, code);
  });
  if (typeof services === 'string') return { ok: false, problem: services };
  options.beforeStart?.(services);
  try {
    await services.startAlerts();
    return { ok: true, value: await work(services) };
  } finally {
    await services.close();
  }
}
