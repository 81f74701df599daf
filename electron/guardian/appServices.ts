// The composition of everything the app runs besides Electron: the seal, settings, journal, heartbeat, PIN gate, alerts outbox,
// weekly summary, engine and guardian service, setup service; and the tamper path: a sealed file removed or changed outside
// Pause Guard is told to the contact of the settings in force, then journalled. The tray app, the preview host and
// `pauseguard watch` all start this. Plain Node: it never imports electron.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AlertKind, GuardianEvent } from '../../shared/events';
import type { JournalRecord, Tampered } from '../../shared/journal';
import type { PinAction } from '../../shared/pin';
import type { Settings } from '../../shared/settings';
import type { WeeklySummary } from '../../shared/summary';
import type { AppUpdateSupport, UpdatesView } from '../../shared/updates';
import { createProcessControl } from './actions/processControl';
import { createRunningToolPids } from './actions/runningToolPids';
import { composeAlert } from './alerts/alertMessage';
import { channelsFromSettings } from './alerts/channelsFromSettings';
import { createDeadMansSwitch, type DeadMansSwitchTimings } from './alerts/deadMansSwitch';
import { createHeartbeatPing } from './alerts/heartbeatPing';
import { openNtfyBudget } from './alerts/ntfyBudget';
import { createOutbox, type Outbox } from './alerts/outbox';
import { runTestAlert } from './alerts/testAlert';
import { createAppUpdates, type AppUpdates } from './appUpdates';
import { openCatalogUpdates, type CatalogUpdates, type CatalogUpdatesOptions } from './catalogUpdates/catalogUpdates';
import { createEngine } from './engine';
import { createGuardianService, type GuardianService } from './protection/guardianService';
import type { ContactFacts, ContactNotifier } from './protection/interruptionPorts';
import { ownHandsGate } from './pin/ownHandsGate';
import { createPinGate } from './pin/pinGate';
import { PIN_LOCKOUT_FILE } from './pin/pinLockout';
import { createSetupService, type SetupService } from './setupService';
import { createHeartbeat, type HeartbeatOptions, type StopReason } from './protection/heartbeat';
import { createJournal } from './store/journal';
import { createHeadKeeper, headOf, headProblem, readJournalHead } from './store/journalHead';
import { HEARTBEAT_INTERVAL_MS } from './protection/heartbeatTiming';
import type { KeyProtector } from './store/sealKey';
import { openSealStore } from './store/sealStore';
import { openSettings, type SettingsReset, type SettingsTampering } from './store/settingsStore';
import { lastFullWeek, parseIsoWeek } from '../../shared/isoWeek';
import { summaryNote, type SummaryNote } from './summary/summaryNote';
import { createSummaryScheduler } from './summary/summarySchedule';
import { summarizeWeek, summaryReadRange } from './summary/weeklySummary';
import { defaultTimeZone } from '../../shared/zonedTime';
import { createDefaultWatchers } from './watchers/defaultWatchers';
import { processSourceIn } from './watchers/processes/folderProcessSource';
import type { ProcessSource } from './watchers/processes/processSource';
import type { Watcher } from './watchers/watcher';
import { defaultInputSource } from './watchers/input/defaultInputSource';
import { createInjectedInputWatcher, type InjectedInputWatcher } from './watchers/input/injectedInputWatcher';
import { couldNot, quietly } from './couldNot';
import { createCleanupService, type CleanupService } from './check/cleanupService';
import { checkThisComputer, realRoots, type CheckRoots } from './check/systemPlaces';
import { reportWrongPin } from './pin/wrongPin';

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
  /** The injected-input watcher, also asked by the PIN gate whether a choice came from the person's own hands: the
   *  platform's own unless `watchers` is given; then only the one given here, if any (tests). */
  input?: InjectedInputWatcher;
  /** How often the app looks for a stretch it was held still or asleep, and how long one must be; defaults unless given (tests). */
  stallWatch?: HeartbeatOptions['stallWatch'];
  /** How often the dead-man's message is replaced and how far ahead it is due, and how often the ping URL is pinged; defaults unless given (tests). */
  checkIn?: DeadMansSwitchTimings & { pingEveryMs?: number };
  pcName?: string;
  /** Only programs run from this folder are watched and ended (tests and the preview on a shared machine); all when null or not given. */
  processesIn?: string | null;
  /** How the sealing key is kept: Electron's safeStorage in the tray app; the key file (CLI, preview) unless given. */
  keyProtector?: KeyProtector;
  /** The seal folder (key and last good copies); defaultSealDir() unless given. */
  sealDir?: string;
  /** Whether this build installs its own updates (electron/appUpdater.ts decides); `development` unless given. */
  appUpdateSupport?: AppUpdateSupport;
  /** The catalog updates' key, trusted authorities and timings; the maintainers' key, the system's and once a day unless given (tests). */
  catalogUpdates?: Pick<CatalogUpdatesOptions, 'publicKey' | 'ca' | 'timeoutMs' | 'firstCheckAfterMs' | 'checkEveryMs'>;
  /** Where "Check this computer" looks: the real root and home folder unless given (tests). */
  checkRoots?: CheckRoots;
}

export interface AppServices {
  guardian: GuardianService;
  setup: SetupService;
  /** The list of remote-access programs in force, and its checks for a newer signed one. */
  catalogUpdates: CatalogUpdates;
  /** When a downloaded update of the app installs (never during an interruption or with a window open). */
  appUpdates: AppUpdates;
  /** "Check this computer": what remote-access programs are installed, and the clean-up steps behind the PIN. */
  cleanup: CleanupService;
  /** The settings in force now (kept fresh after every save). */
  settings(): Settings;
  /** Every event as `watch --json` prints it and the journal records it: the engine's, interruptions, alerts. */
  onEvent(listener: (event: JournalRecord) => void): () => void;
  /** The weekly summary was made (and sent to the family when there is a contact): for the tray's gentle note. */
  onWeeklySummary(listener: (note: SummaryNote) => void): () => void;
  /** The summary of an ISO week ("2026-W48"), the last full week when not given, from the journal. */
  weeklySummary(week?: string): Promise<WeeklySummary>;
  start(): Promise<void>;
  /**
   * For a command that only changes settings (`setup --non-interactive`): records a reset found at open and starts
   * the outbox, so what the command journals and tells the family goes out now. End it with close(), not stop().
   */
  startAlerts(): Promise<void>;
  /** Sends what the outbox can send now, then closes the outbox and the journal; records no stop (nothing was protecting). */
  close(): Promise<void>;
  /** Stops protection, sends what the outbox can, and journals the one clean stop. */
  stop(reason: StopReason): Promise<void>;
  /** The system is going to sleep (Electron's powerMonitor): the silence that follows is sleep, not tampering. */
  systemSuspending(): void;
  /** The screen was locked or unlocked (Electron's powerMonitor): a silence that begins behind a lock is rest. */
  screenLocked(locked: boolean): void;
  /** Instead of start(): the app was started with debugger switches and will not run so. Journals it, tells the family, closes the journal. */
  refuseDebugger(switches: string[]): Promise<void>;
}

/** The alert each kind of tampering sends the contact. */
const TAMPERED_ALERTS: Record<Tampered, AlertKind> = {
  settings: 'settings-tampered', 'seal-key': 'settings-tampered', journal: 'journal-tampered', catalog: 'catalog-tampered',
};

/** Refused choices are all journalled; the family is told of them at most this often. */
const NOT_OWN_HANDS_TOLD_EVERY_MS = 10 * 60_000;

/** Marks a settings reset the contact has not been told about yet (no channel was known after the reset). */
const RESET_NOTICE_FILE = 'settings-reset-untold';

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { dataDir, log } = options;
  const pcName = options.pcName ?? os.hostname();
  await fs.mkdir(dataDir, { recursive: true });
  const seal = await openSealStore({ dataDir, sealDir: options.sealDir, protector: options.keyProtector });
  const sealedBefore = await seal.hasHistory();
  const sealedHead = await readJournalHead(seal);
  const opened = await openSettings({ dataDir, seal });
  let settings: Settings = opened.settings;
  const journalDir = path.join(dataDir, 'journal');
  const journal = await createJournal({ dir: journalDir, onProblem: log, onWritten: (tip) => head.moved(tip) });
  const head = createHeadKeeper(seal, headOf(journal.opening), log);
  const lastJournalled = journal.lastRecord();
  const catalogUpdates = await openCatalogUpdates({
    dataDir, log, url: () => settings.catalogUrl, record: (entry) => record(entry), onChange: () => guardian.statusChanged(),
    ...options.catalogUpdates,
  });
  const { catalog } = catalogUpdates;
  const listeners = new Set<(event: JournalRecord) => void>();

  const journalled = (what: string, work: Promise<void>): void => void quietly(log, what, work);
  /**
   * The one way anything reaches the journal: the engine's events, the heartbeat's, what the person chose, PIN tries,
   * settings changes, tampering. Each is recorded in order and told to onEvent's listeners (`watch --json`).
   */
  const record = (entry: JournalRecord): Promise<void> => {
    const written = journal.append(entry);
    if (entry.type === 'alert-delivered' || entry.type === 'alert-failed') guardian.noteAlertOutcome(entry);
    for (const listener of listeners) listener(entry);
    return written;
  };
  const publish = (event: GuardianEvent): void => journalled('write to the journal', record(event));

  const ntfyBudget = await openNtfyBudget(dataDir);
  const makeOutbox = (): Outbox =>
    createOutbox({ dataDir, channels: channelsFromSettings(settings, { ntfyBudget }), onEvent: publish, onProblem: log });
  let outbox = makeOutbox();

  const notifier: ContactNotifier = {
    async notify(kind: AlertKind, facts: ContactFacts) {
      const contact = settings.contacts[0];
      if (!contact) return;
      const content = composeAlert({ kind, person: settings.person, pcName, contactName: contact.name, region: settings.region, ...facts });
      await outbox.enqueue({ kind, content });
    },
  };
  const deadMansSwitch = createDeadMansSwitch({
    dataDir, settings: () => settings, budget: ntfyBudget, log, ...options.checkIn,
    compose: (kind, since) => composeAlert({ kind, person: settings.person, pcName, contactName: settings.contacts[0]?.name ?? 'you', at: since }),
  });
  const ping = createHeartbeatPing({ url: () => settings.pingUrl, everyMs: options.checkIn?.pingEveryMs, log });
  const noFacts = (): ContactFacts => ({ at: new Date(), toolName: null, happened: null, remoteId: null, remoteAddress: null, choice: null });

  const resetNotice = path.join(dataDir, RESET_NOTICE_FILE);
  const onSettingsReset = async (reset: SettingsReset): Promise<void> => {
    await record({ type: 'settings-reset', at: new Date().toISOString(), keptAs: reset.keptAs, reason: reset.reason });
    await fs.writeFile(resetNotice, reset.reason);
    log(`The settings could not be used: ${reset.reason}${reset.keptAs ? ` They were kept as ${reset.keptAs}.` : ''}`);
  };
  /** Tells the contact about a reset once a channel is known again, then forgets it. */
  const tellAboutReset = async (): Promise<void> => {
    if (settings.contacts.length === 0) return;
    const untold = await fs.access(resetNotice).then(() => true, () => false);
    if (!untold) return;
    await notifier.notify('settings-reset', noFacts());
    await fs.rm(resetNotice, { force: true });
  };

  const processSource = (): ProcessSource => processSourceIn(options.processesIn);
  /** Told first (the outbox keeps it across a crash), then journalled. */
  const reportTampering = async (what: Tampered, reason: string, keptAs: string | null): Promise<void> => {
    log(`Pause Guard found its own files changed outside it: ${reason}`);
    await notifier.notify(TAMPERED_ALERTS[what], noFacts());
    await record({ type: 'tampering', at: new Date().toISOString(), what, reason, keptAs });
  };
  const onSettingsTampered = (tampered: SettingsTampering): Promise<void> => reportTampering('settings', tampered.reason, tampered.keptAs);
  /** How the journal found at this start fails to continue the one sealed before; null when it does. */
  const journalTampering = async (): Promise<string | null> => {
    if (sealedHead === 'broken') return "The journal's sealed head was changed or damaged.";
    if (sealedHead) return headProblem(journalDir, sealedHead, journal.opening);
    // Set up before, but no head sealed yet: an empty journal can only mean it was deleted.
    return sealedBefore && journal.opening.tip.seq === 0 ? 'The journal was deleted or emptied, though Pause Guard had been set up here.' : null;
  };
  let settingsCheck: ReturnType<typeof setInterval> | null = null;
  /** While running, the file is checked every few minutes as well as at every read by the setup window. */
  const checkSettings = async (): Promise<void> => {
    const now = await openSettings({ dataDir, seal });
    if (now.tampered) await onSettingsTampered(now.tampered);
  };

  const input = options.input ?? (options.watchers ? null : createInjectedInputWatcher({ source: defaultInputSource(), ownPid: process.pid }));
  const pinGate = createPinGate({ getHash: () => settings.pin, stateFile: path.join(dataDir, PIN_LOCKOUT_FILE), seal });
  /** A choice refused because someone else's hand made it: journalled and told to the family, like a wrong PIN. */
  /** When the family was last told of a refused choice: a caller clicking again and again must not use up their alerts. */
  let notOwnHandsToldAt = Number.NEGATIVE_INFINITY;
  const notOwnHands = async (action: PinAction): Promise<void> => {
    const at = new Date();
    await quietly(log, 'write the refused choice to the journal', record({ type: 'choice-not-own-hands', at: at.toISOString(), action }));
    if (performance.now() - notOwnHandsToldAt < NOT_OWN_HANDS_TOLD_EVERY_MS) return;
    notOwnHandsToldAt = performance.now();
    await quietly(log, 'alert the trusted contact', notifier.notify('not-own-hands', { ...noFacts(), at }));
  };
  const gate = input ? ownHandsGate(pinGate, input, notOwnHands) : pinGate;
  const engine = createEngine({
    dataDir,
    watchers: [
      ...(options.watchers ?? createDefaultWatchers({
        catalog, downloadFolders: options.downloadFolders, processSource: processSource(),
        // A last record dated in the future (a clock set wrong) says nothing of what was reported.
        pastReportedUntil: lastJournalled && Date.parse(lastJournalled.at) <= Date.now() ? new Date(lastJournalled.at) : null,
      })),
      ...(input ? [input] : []),
    ],
  });
  const guardian = createGuardianService({
    engine, settings: () => settings, catalog, processControl: createProcessControl(), gate,
    listRunning: createRunningToolPids(processSource(), catalog),
    recorder: { append: record }, notifier, quit: options.quit, log, alertsWaiting: () => outbox.waitingCount(),
    updates: () => updatesView(),
  });
  guardian.onEvent(publish);

  const appUpdates = createAppUpdates({
    support: options.appUpdateSupport ?? 'development',
    interruptionShown: () => guardian.interruption() !== null,
    // The installer ends this process: protection stops first, journalled as an update, so the next start sees no gap.
    stopForUpdate: () => services.stop('update'),
    log, onChange: () => guardian.statusChanged(),
  });
  guardian.onApiEvent((name) => {
    if (name === 'interruption' && guardian.interruption() === null) appUpdates.quietMoment();
  });
  const updatesView = (): UpdatesView => {
    const checks = catalogUpdates.state();
    return {
      appVersion: options.version, catalogVersion: catalog.version, catalogDate: catalog.date, checkedAt: checks.succeededAt,
      catalogProblem: checks.refusal?.message ?? null, appUpdates: appUpdates.support, appUpdateWaiting: appUpdates.waiting(),
    };
  };

  const setup = createSetupService({
    dataDir, catalog, pinGate: gate, seal, onSettingsTampered,
    async onSaved(changedFields, saved) {
      const contactsChanged = JSON.stringify(saved.contacts) !== JSON.stringify(settings.contacts);
      settings = saved;
      // A save that changed nothing (the same setup run twice) is not a change to journal or tell.
      if (changedFields.length > 0) await record({ type: 'settings-changed', at: new Date().toISOString(), fields: changedFields });
      if (contactsChanged) {
        await outbox.stop();
        outbox = makeOutbox();
        await outbox.start();
      }
      if (changedFields.length > 0) await notifier.notify('settings-changed', noFacts());
      if (contactsChanged) await deadMansSwitch.checkIn();
      await tellAboutReset();
      await summaries.reschedule();
    },
    sendTestAlert: () => runTestAlert({ dataDir, settings, pcName, channels: { ntfyBudget }, journal: record }),
    onWrongPin: (result) => reportWrongPin({ recorder: { append: record }, notifier, log }, 'change-settings', result.lockedUntil, noFacts()),
    onSettingsReset,
  });

  const checkRoots = options.checkRoots ?? realRoots();
  const cleanup = createCleanupService({
    gate, recorder: { append: record }, notifier, log, settings: () => settings,
    check: () => checkThisComputer({ catalog, settings, roots: checkRoots, processSource: processSource() }),
  });

  /** The untrusted programs the check finds installed, for the weekly summary; none when the check fails (logged). */
  const installedPrograms = async (): Promise<{ toolId: string; name: string; installedAt: string }[]> => {
    const report = await cleanup.check().catch((error: unknown) => {
      log(couldNot('check this computer for the weekly summary', error));
      return null;
    });
    return (report?.programs ?? []).flatMap((p) => (!p.trusted && p.installedAt ? [{ toolId: p.toolId, name: p.name, installedAt: p.installedAt }] : []));
  };

  const heartbeat = createHeartbeat({
    recorder: { append: record }, lastRecord: () => journal.lastRecord(), version: options.version, onProblem: log, stallWatch: options.stallWatch,
    onHeld(stretch) {
      // Sleep is no one's doing; being held still while the computer ran is how a caller would silence the app.
      if (stretch.cause === 'stalled') journalled('tell the contact', notifier.notify('protection-held', { ...noFacts(), at: stretch.from }));
      // Awake or running again: the message left for the night (or due any moment) is replaced by an ordinary one.
      void deadMansSwitch.checkIn();
    },
  });

  /** The outbox running, and what was found at opening (a reset, a seal key or settings changed outside) told. */
  const openAlerts = async (): Promise<void> => {
    if (opened.reset) await onSettingsReset(opened.reset);
    await outbox.start();
    if (seal.keyProblem) await reportTampering('seal-key', seal.keyProblem, null);
    if (opened.tampered) await onSettingsTampered(opened.tampered);
  };

  const noteListeners = new Set<(note: SummaryNote) => void>();
  const summaries = createSummaryScheduler({
    journal, settings: () => settings, pcName, log, installed: () => installedPrograms(),
    journalHead: () => ({ entries: head.current().seq, hash: head.current().hash }),
    send: async (content) => {
      await outbox.enqueue({ kind: 'weekly-summary', content });
    },
    onSummary(summary) {
      const note = summaryNote(summary);
      for (const listener of noteListeners) listener(note);
    },
  });

  const services: AppServices = {
    guardian,
    setup,
    catalogUpdates,
    appUpdates,
    cleanup,
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
      return summarizeWeek(records, week, { timeZone, now, trustedHelpers: settings.trustedHelpers, region: settings.region, installed: await installedPrograms() });
    },
    async start() {
      const journalProblem = await journalTampering();
      head.sealNow();
      const gap = await heartbeat.start();
      await openAlerts();
      if (journalProblem) await reportTampering('journal', journalProblem, null);
      if (catalogUpdates.keptProblem) await reportTampering('catalog', catalogUpdates.keptProblem, null);
      await summaries.start();
      if (gap && !gap.clean) await notifier.notify('protection-gap', { ...noFacts(), at: new Date(gap.from) });
      await tellAboutReset();
      settingsCheck = setInterval(() => journalled('check its settings', checkSettings()), HEARTBEAT_INTERVAL_MS);
      settingsCheck.unref();
      ping.start();
      await guardian.start();
      catalogUpdates.start();
      // After protection is on: a slow ntfy server must not hold it up.
      await deadMansSwitch.start();
    },
    systemSuspending: () => {
      heartbeat.systemSuspending();
      void deadMansSwitch.systemSuspending();
    },
    async refuseDebugger(switches) {
      await outbox.start();
      await record({ type: 'debugger-refused', at: new Date().toISOString(), switches });
      await notifier.notify('debugger-refused', noFacts());
      // One try now; what cannot be sent stays in the outbox for the next start.
      await outbox.flush();
      await outbox.stop();
      await journal.close();
    },
    async startAlerts() {
      await openAlerts();
      await tellAboutReset();
    },
    async close() {
      await outbox.flush();
      await outbox.stop();
      await journal.close();
    },
    screenLocked: (locked) => heartbeat.screenLocked(locked),
    async stop(reason) {
      appUpdates.stop();
      catalogUpdates.stop();
      await guardian.stop();
      await summaries.stop();
      await outbox.flush();
      await outbox.stop();
      if (settingsCheck) clearInterval(settingsCheck);
      // After the outbox: a quit's alert reaches the family before its check-in is cancelled.
      ping.stop();
      await deadMansSwitch.stop(reason);
      await heartbeat.stop({ reason });
      await journal.close();
      await head.flush();
    },
  };
  return services;
}
