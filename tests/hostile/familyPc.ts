// A PC as the family leaves it, for the hostile-caller tests: the real app services over a fresh data folder, set up
// through the setup service with a family PIN and the contact's ntfy on a real local server that records every alert.
// It runs the real engine with the watchers a test gives; it never touches a real profile, and on this shared machine it
// watches and ends only the programs run from the test's own folder (processesIn).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../electron/guardian/appServices';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createFolderProcessSource } from '../../electron/guardian/watchers/processes/folderProcessSource';
import { defaultProcessSource } from '../../electron/guardian/watchers/processes/processSource';
import { createProcessWatcher } from '../../electron/guardian/watchers/processes/processWatcher';
import { readJournal } from '../../electron/guardian/store/journal';
import type { Watcher } from '../../electron/guardian/watchers/watcher';
import type { InterruptionView } from '../../shared/interruption';
import type { JournalRecord } from '../../shared/journal';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';

export const FAMILY_PIN = '2468';

export interface FamilyPc {
  services: AppServices;
  /** The contact's ntfy server: every alert the family got. */
  ntfy: Receiver;
  dataDir: string;
  /** Every journal record written so far. */
  journal(): Promise<JournalRecord[]>;
  /** The alerts' titles and texts as the family read them. */
  alertTexts(): string[];
  /** Every alert's title and text once one of them holds `words`; rejects after `ms`. */
  alertSaying(words: string, ms?: number): Promise<string>;
  /** Resolves with the interruption once `test` holds for it (or null once there is none); rejects after `ms`. */
  interruption(test: (view: InterruptionView | null) => boolean, ms?: number): Promise<InterruptionView | null>;
  /** Stops the app (with the PIN, as a quit): the data folder and the contact's server stay for what the test does next. */
  stopApp(): Promise<void>;
  /** Stops the app if it still runs, the contact's server, and removes the data folder. */
  stop(): Promise<void>;
}

/** The process watcher over the programs run from `folder` only: never another test's (or another person's) tools. */
export function processWatcherIn(folder: string): Watcher {
  return createProcessWatcher({ source: createFolderProcessSource(defaultProcessSource(), folder), catalog: loadCatalog() });
}

export async function startFamilyPc(watchers: Watcher[], processesIn: string | null = null): Promise<FamilyPc> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-hostile-'));
  const dataDir = path.join(dir, 'data');
  const ntfy = await startReceiver(() => 200);
  const lines: string[] = [];
  const services = await createAppServices({
    dataDir, version: 'test', downloadFolders: [], watchers, processesIn, quit: () => undefined, log: (line) => lines.push(line), pcName: 'MUMS-PC',
  });
  const saved = await services.setup.save({
    person: 'Mum',
    region: 'GB',
    contact: { name: 'Sam', phone: '07700 900123', ntfy: { server: ntfy.url, topic: 'pauseguard-hostile-test', token: '' }, email: null, webhook: null },
    newPin: FAMILY_PIN,
    newPinAgain: FAMILY_PIN,
    trustedHelpers: [],
    startAtLogin: false,
    weeklySummary: { day: 0, hour: 18, minute: 0 },
    currentPin: '',
  });
  if (!saved.ok) throw new Error(`setup failed: ${JSON.stringify(saved)}`);
  await services.start();
  let stopped: Promise<void> | null = null;
  const stopApp = (): Promise<void> => (stopped ??= services.stop('quit'));
  // Alerts are the JSON posts; the dead-man's switch also deletes the message it keeps waiting (a DELETE, no body).
  const alertTexts = (): string[] => ntfy.received.filter((request) => request.method === 'POST').map((request) => {
    const body = JSON.parse(request.body) as { title?: string; message?: string };
    return `${body.title ?? ''}\n${body.message ?? ''}`;
  });

  return {
    services,
    ntfy,
    dataDir,
    async journal() {
      const records: JournalRecord[] = [];
      for await (const record of readJournal(path.join(dataDir, 'journal'))) records.push(record);
      return records;
    },
    alertTexts,
    async alertSaying(words, ms = 10_000) {
      const texts = () => alertTexts().join('\n');
      for (const until = Date.now() + ms; !texts().includes(words) && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
      return texts();
    },
    interruption(test, ms = 20_000) {
      const now = services.guardian.interruption();
      if (test(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stopListening();
          reject(new Error(`the interruption never got there; it is ${JSON.stringify(services.guardian.interruption())}; the app said: ${lines.join(' | ')}`));
        }, ms);
        const stopListening = services.guardian.onApiEvent((name) => {
          if (name !== 'interruption') return;
          const view = services.guardian.interruption();
          if (!test(view)) return;
          clearTimeout(timer);
          stopListening();
          resolve(view);
        });
      });
    },
    stopApp,
    async stop() {
      await stopApp();
      await ntfy.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
