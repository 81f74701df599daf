// The composition of everything the app runs besides Electron: settings, journal, heartbeat, PIN gate, alerts outbox, weekly summary,
// engine and guardian service, setup service. The tray app, the preview host and `pauseguard watch` all start this.
// Plain Node: it never imports electron.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AlertKind, GuardianEvent } from '../../shared/events';
import type { Settings } from '../../shared/settings';
import type { WeeklySummary } from '../../shared/summary';
import { createProcessControl } from './actions/processControl';
import { composeAlert } from './alerts/alertMessage';
import { channelsFromSettings } from './alerts/channelsFromSettings';
import { createOutbox, type Outbox } from './alerts/outbox';
import { sendTestAlert } from './alerts/testAlert';
import { loadCatalog } from './catalog';
import { createEngine } from './engine';
import { createGuardianService, type GuardianService } from './guardianService';
import type { ContactFacts, ContactNotifier } from './interruptionPorts';
import { createPinGate } from './pinGate';
import { PIN_LOCKOUT_FILE } from './pinLockout';
import { createSetupService, type SetupService } from './setupService';
import { createHeartbeat, type HeartbeatOptions, type StopReason } from './store/heartbeat';
import { createJournal } from './store/journal';
import { openSettings, type SettingsReset } from './store/settingsStore';
import { lastFullWeek, parseIsoWeek } from './summary/isoWeek';
import { summaryNote, type SummaryNote } from './summary/summaryNote';
import { createSummaryScheduler } from './summary/summarySchedule';
import { summarizeWeek, summaryReadRange } from './summary/weeklySummary';
import { defaultTimeZone } from './summary/zonedTime';
import { createDefaultWatchers } from './watchers/defaultWatchers';
import type { Watcher } from './watchers/watcher';

export interface AppServicesOptions {
  dataDir: string;
  /** The app's version, written in the journal at each start. */
  version: string;
  /** Folders to watch for installers; null for the person's own Downloads and Desktop. */
  downloadFolders: string[] | null;
  /** Asked once the family PIN allowed a quit; the caller then calls stop('quit'). */
  quit: () => void;
  /** Where plain-sentence problems go (the tray app's log, the CLI's stderr). */
  log: (line: string) => void;
  /** The watchers to run; the platform's default set unless given (tests). */
  watchers?: Watcher[];
  /** How often the app looks for a stretch it was held still or asleep, and how long one must be; defaults unless given (tests). */
  stallWatch?: HeartbeatOptions['stallWatch'];
  pcName?: string;
}

export interface AppServices {
  guardian: GuardianService;
  setup: SetupService;
  /** The settings in force now (kept fresh after every save). */
  settings(): Settings;
  /** Every event as `watch --json` prints it and the journal records it: the engine's, interruptions, alerts. */
  onEvent(listener: (event: GuardianEvent) => void): () => void;
  /** The weekly summary was made (and sent to the family when there is a contact): for the tray's gentle note. */
  onWeeklySummary(listener: (note: SummaryNote) => void): () => void;
  /** The summary of an ISO week ("2026-W48"), the last full week when not given, from the journal. */
  weeklySummary(week?: string): Promise<WeeklySummary>;
  start(): Promise<void>;
  /** Stops protection, sends what the outbox can, and journals the one clean stop. */
  stop(reason: StopReason): Promise<void>;
  /** The system is going to sleep (Electron's powerMonitor): the silence that follows is sleep, not tampering. */
  systemSuspending(): void;
  /** The screen was locked or unlocked (Electron's powerMonitor): a silence that begins behind a lock is rest. */
  screenLocked(locked: boolean): void;
}

/** Marks a settings reset the contact has not been told about yet (no channel was known after the reset). */
const RESET_NOTICE_FILE = 'settings-reset-untold';

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { dataDir, log } = options;
  const pcName = options.pcName ?? os.hostname();
  await fs.mkdir(dataDir, { recursive: true });
  const opened = await openSettings({ dataDir });
  let settings: Settings = opened.settings;
  const journal = await createJournal({ dir: path.join(dataDir, 'journal'), onProblem: log });
  const lastJournalled = journal.lastRecord();
  const catalog = loadCatalog();
  const listeners = new Set<(event: GuardianEvent) => void>();

  const journalled = (what: string, work: Promise<void>): void => {
    work.catch((error: unknown) => log(`Pause Guard could not ${what}: ${error instanceof Error ? error.message : String(error)}`));
  };
  const publish = (event: GuardianEvent): void => {
    journalled('write to the journal', journal.append(event));
    if (event.type === 'alert-delivered' || event.type === 'alert-failed') guardian.noteAlertOutcome(event);
    for (const listener of listeners) listener(event);
  };

  const makeOutbox = (): Outbox =>
    createOutbox({ dataDir, channels: channelsFromSettings(settings), onEvent: publish, onProblem: log });
  let outbox = makeOutbox();

  const notifier: ContactNotifier = {
    async notify(kind: AlertKind, facts: ContactFacts) {
      const contact = settings.contacts[0];
      if (!contact) return;
      const content = composeAlert({ kind, person: settings.person, pcName, contactName: contact.name, ...facts });
      await outbox.enqueue({ kind, content });
    },
  };
  const noFacts = (): ContactFacts => ({ at: new Date(), toolName: null, happened: null, remoteId: null, remoteAddress: null, choice: null });

  const resetNotice = path.join(dataDir, RESET_NOTICE_FILE);
  const onSettingsReset = async (reset: SettingsReset): Promise<void> => {
    await journal.append({ type: 'settings-reset', at: new Date().toISOString(), keptAs: reset.keptAs, reason: reset.reason });
    await fs.writeFile(resetNotice, reset.reason);
  };
  /** Tells the contact about a reset once a channel is known again, then forgets it. */
  const tellAboutReset = async (): Promise<void> => {
    if (settings.contacts.length === 0) return;
    const untold = await fs.access(resetNotice).then(() => true, () => false);
    if (!untold) return;
    await notifier.notify('settings-reset', noFacts());
    await fs.rm(resetNotice, { force: true });
  };

  const gate = createPinGate({ getHash: () => settings.pin, stateFile: path.join(dataDir, PIN_LOCKOUT_FILE) });
  const engine = createEngine({
    dataDir,
    watchers: options.watchers ?? createDefaultWatchers({
      catalog, downloadFolders: options.downloadFolders,
      // A last record dated in the future (a clock set wrong) says nothing of what was reported.
      pastReportedUntil: lastJournalled && Date.parse(lastJournalled.at) <= Date.now() ? new Date(lastJournalled.at) : null,
    }),
  });
  const guardian = createGuardianService({
    engine, settings: () => settings, catalog, processControl: createProcessControl(), gate,
    recorder: journal, notifier, quit: options.quit, log,
  });
  guardian.onApiEvent((name, payload) => {
    if (name === 'guardianEvent') publish(payload as GuardianEvent);
  });

  const setup = createSetupService({
    dataDir, catalog, pinGate: gate,
    async onSaved(changedFields, saved) {
      const contactsChanged = JSON.stringify(saved.contacts) !== JSON.stringify(settings.contacts);
      settings = saved;
      await journal.append({ type: 'settings-changed', at: new Date().toISOString(), fields: changedFields });
      if (contactsChanged) {
        await outbox.stop();
        outbox = makeOutbox();
        await outbox.start();
      }
      await notifier.notify('settings-changed', noFacts());
      await tellAboutReset();
      await summaries.reschedule();
    },
    sendTestAlert: () => sendTestAlert(settings, pcName),
    async onWrongPin(result) {
      await journal.append({ type: 'pin-failed', at: new Date().toISOString(), action: 'change-settings', lockedUntil: result.lockedUntil?.toISOString() ?? null });
      await notifier.notify('pin-failed', noFacts());
    },
    onSettingsReset,
  });

  const heartbeat = createHeartbeat({
    journal, version: options.version, onProblem: log, stallWatch: options.stallWatch,
    onHeld(stretch) {
      // Sleep is no one's doing; being held still while the computer ran is how a caller would silence the app.
      if (stretch.cause === 'stalled') journalled('tell the contact', notifier.notify('protection-held', { ...noFacts(), at: stretch.from }));
    },
  });

  const noteListeners = new Set<(note: SummaryNote) => void>();
  const summaries = createSummaryScheduler({
    journal, settings: () => settings, pcName, log,
    send: async (content) => {
      await outbox.enqueue({ kind: 'weekly-summary', content });
    },
    onSummary(summary) {
      const note = summaryNote(summary);
      for (const listener of noteListeners) listener(note);
    },
  });

  return {
    guardian,
    setup,
    settings: () => settings,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onWeeklySummary(listener) {
      noteListeners.add(listener);
      return () => noteListeners.delete(listener);
    },
    async weeklySummary(weekText) {
      const now = new Date();
      const timeZone = defaultTimeZone();
      const week = weekText === undefined ? lastFullWeek(now, timeZone) : parseIsoWeek(weekText);
      const records = journal.read(summaryReadRange(week, { timeZone }));
      return summarizeWeek(records, week, { timeZone, now, trustedHelpers: settings.trustedHelpers });
    },
    async start() {
      const gap = await heartbeat.start();
      if (opened.reset) await onSettingsReset(opened.reset);
      await outbox.start();
      await summaries.start();
      if (gap && !gap.clean) await notifier.notify('protection-gap', { ...noFacts(), at: new Date(gap.from) });
      await tellAboutReset();
      await guardian.start();
    },
    systemSuspending: () => heartbeat.systemSuspending(),
    screenLocked: (locked) => heartbeat.screenLocked(locked),
    async stop(reason) {
      await guardian.stop();
      await summaries.stop();
      await outbox.flush();
      await outbox.stop();
      await heartbeat.stop({ reason });
      await journal.close();
    },
  };
}
