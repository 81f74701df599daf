// The one way a CLI command that records something (setup, test-alert) runs: the app's own services with no watchers,
// so what it does is journalled and told to the family exactly as the app would, beside a running app or without one.
// A data folder that cannot be opened is one plain sentence, not a stack trace.
import { createAppServices, type AppServices } from '../guardian/appServices';
import { APP_VERSION } from '../guardian/appVersion';
import { saveProblem } from '../guardian/store/settingsStore';

export type CommandServicesRun<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Opens the services on `dataDir`, starts the alerts (a reset or tampering found at opening is told), runs `work`,
 * then sends what the outbox can send now and closes. `beforeStart` sees the services first (to listen to their events).
 */
export async function withCommandServices<T>(
  dataDir: string,
  work: (services: AppServices) => Promise<T>,
  beforeStart: (services: AppServices) => void = () => undefined,
): Promise<CommandServicesRun<T>> {
  const services = await createAppServices({
    dataDir, version: APP_VERSION, downloadFolders: [], watchers: [], quit: () => undefined, log: (line) => process.stderr.write(`${line}\n`),
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    return saveProblem(dataDir, code);
  });
  if (typeof services === 'string') return { ok: false, problem: services };
  beforeStart(services);
  try {
    await services.startAlerts();
    return { ok: true, value: await work(services) };
  } finally {
    await services.close();
  }
}
