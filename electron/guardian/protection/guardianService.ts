// The engine with its policy, interruption, warnings and pause composed into one object: what the tray app and the preview
// host both build their API handlers and windows from. It never imports electron; windows and notifications subscribe to it.
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload, Status } from '../../../shared/api';
import type { GuardianEvent, Session } from '../../../shared/events';
import type { ChoiceResult, InterruptionView, ProtectedAction, WarningView } from '../../../shared/interruption';
import { dateWords } from '../../../shared/dateWords';
import { statusFor } from '../../../shared/statusWords';
import { CONFIRMATION_WORDS, type PinAction } from '../../../shared/pin';
import { contactCardOf, type Settings } from '../../../shared/settings';
import type { ProcessControl } from '../actions/processControl';
import type { RunningToolPids } from '../actions/runningToolPids';
import { describeTool, type Catalog } from '../catalog';
import type { Engine } from '../engine';
import { realTimer, type AppRecorder, type ContactNotifier, type PinChecker, type SetTimer } from './interruptionPorts';
import { createInterruptionController, type InterruptionController } from './interruptions';
import { decide, type NoteDecision, type WarnDecision } from './policy';
import { createRecentKeys } from './recentKeys';
import { quietly as logQuietly } from '../couldNot';
import { reportWrongPin } from '../pin/wrongPin';
import type { UpdatesView } from '../../../shared/updates';

export type ApiEventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface GuardianServiceOptions {
  engine: Engine;
  settings: () => Settings;
  catalog: Catalog;
  processControl: ProcessControl;
  /** Lists afresh what of a tool is running (not the engine's last pass): "End it" checks with it that the tool is gone. */
  listRunning: RunningToolPids;
  gate: PinChecker;
  recorder: AppRecorder;
  notifier: ContactNotifier;
  /** Quits the app once the PIN allowed it (after the journal has its clean stop). */
  quit: () => void;
  log: (line: string) => void;
  /** How many alerts wait for a channel to be set up anew (the outbox's count); none unless given. */
  alertsWaiting?: () => number;
  /** What the status page says about updates (app version, list of programs in force); nothing unless given. */
  updates?: () => UpdatesView;
  now?: () => Date;
  /** The clock the countdown follows (see InterruptionControllerOptions.monotonicMs). */
  monotonicMs?: () => number;
  setTimer?: SetTimer;
}

export interface GuardianService {
  start(): Promise<void>;
  /** Lets frozen tools run again, then stops the engine. */
  stop(): Promise<void>;
  status(): Status;
  /** Something the status shows changed outside the engine (a catalog check): the status is sent again. */
  statusChanged(): void;
  interruption(): InterruptionView | null;
  choose: InterruptionController['choose'];
  closeInterruption: InterruptionController['close'];
  /** The tray asks for something that needs the PIN: the PIN page is shown for it. */
  askForPin(request: ProtectedAction): void;
  /** The PIN page's answer: quits or pauses when the gate lets it. */
  confirmProtectedAction(request: ProtectedAction, secret: string): Promise<ChoiceResult>;
  /** "What does this mean?" on a tray warning: the warning page for it. False when the warning is no longer known. */
  openWarning(id: string): boolean;
  /** When protection comes back on by itself; null when it is on. */
  pausedUntil(): Date | null;
  /** Turns protection back on before the pause ends (always safe, so no PIN). */
  resume(): void;
  /** Every event of the renderer contract, as windows (or the preview's page) should receive it. */
  onApiEvent(listener: ApiEventListener): () => void;
  /** Every domain event: the engine's, and each interruption as it is first shown. */
  onEvent(listener: (event: GuardianEvent) => void): () => void;
  /** What the outbox reported: a channel that failed for good shows as a problem until it delivers again. */
  noteAlertOutcome(event: Extract<GuardianEvent, { type: 'alert-delivered' | 'alert-failed' }>): void;
  /** A tray warning or note to show as a native notification. */
  onWarning(listener: (warning: WarningView) => void): () => void;
}

const KEPT_WARNINGS = 20;

/** "2 alerts are waiting: ..." for the status page; empty when none is. */
function waitingSentence(count: number, who: string): string {
  if (count === 0) return '';
  const alerts = count === 1 ? '1 alert is' : `${count} alerts are`;
  return `${alerts} waiting: Pause Guard sends ${count === 1 ? 'it' : 'them'} once the way of reaching ${who} is set up again.`;
}

export function createGuardianService(options: GuardianServiceOptions): GuardianService {
  const { engine, settings, recorder, notifier, log } = options;
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? realTimer;
  const apiListeners = new Set<ApiEventListener>();
  const warningListeners = new Set<(warning: WarningView) => void>();
  const sessions = new Map<string, Session>();
  const warnings = new Map<string, WarningView>();
  const warnedLately = createRecentKeys(now);
  let paused: { until: Date; cancel: () => void } | null = null;
  /** Channels whose last alert failed for good, with the plain reason. */
  const alertTrouble = new Map<string, string>();
  let shownId: string | null = null;

  const emit: ApiEventListener = (name, payload) => {
    for (const listener of apiListeners) listener(name, payload);
  };
  const eventListeners = new Set<(event: GuardianEvent) => void>();
  /** A domain event (the engine's, an interruption shown): for the journal and `watch --json`, never for windows. */
  const happened = (event: GuardianEvent): void => {
    for (const listener of eventListeners) listener(event);
  };
  const quietly = (what: string, work: Promise<void>): Promise<void> => logQuietly(log, what, work);

  const controller = createInterruptionController({
    settings,
    catalog: options.catalog,
    processControl: options.processControl,
    toolPids: (toolId) => engine.status().toolsRunning.filter((t) => t.toolId === toolId).map((t) => t.pid),
    listRunning: options.listRunning,
    gate: options.gate,
    recorder,
    notifier,
    now,
    monotonicMs: options.monotonicMs,
    setTimer,
    log,
  });
  controller.onChange((view) => {
    emit('interruption', view);
    if (view !== null && view.id !== shownId) {
      happened({
        type: 'interruption-requested', at: view.shownAt, interruptionId: view.id, level: view.level, cause: view.cause,
        toolId: view.tool.toolId, name: view.tool.name, remoteId: view.remoteId, remoteAddress: view.remoteAddress,
      });
    }
    shownId = view?.id ?? null;
  });

  const status = (): Status => {
    const base = engine.status();
    const s = settings();
    const contact = s.contacts[0];
    const extra = { region: s.region, contact: contactCardOf(s), setupComplete: s.setupComplete, ...(options.updates ? { updates: options.updates() } : {}) };
    const waiting = options.alertsWaiting?.() ?? 0;
    if (alertTrouble.size > 0 || waiting > 0) {
      const who = contact?.name ?? 'your family';
      const message = [`Alerts to ${who} are not getting through.`, ...alertTrouble.values(), waitingSentence(waiting, who)].filter(Boolean).join(' ');
      const withAlerts = { ...base, ...extra, watchers: [...base.watchers, { name: 'alerts', ok: false, message }] };
      if (paused === null) return { ...withAlerts, ...statusFor('alerts-not-reaching', { who }) };
    }
    if (paused === null) return { ...base, ...extra };
    return { ...base, ...extra, ...statusFor('paused', { until: dateWords(s.region).clock(paused.until) }) };
  };
  const statusChanged = (): void => emit('status', status());

  const warn = (decision: WarnDecision | NoteDecision, at: string): void => {
    if (warnedLately.seenLately(decision.key)) return;
    warnedLately.remember(decision.key);
    const s = settings();
    const toolId = decision.tool.toolId;
    const warning: WarningView = {
      id: randomUUID(),
      cause: decision.cause,
      tool: {
        toolId,
        name: decision.tool.name,
        description: describeTool(options.catalog, toolId),
      },
      at,
      region: s.region,
      contact: contactCardOf(s),
    };
    warnings.set(warning.id, warning);
    for (const old of [...warnings.keys()].slice(0, Math.max(0, warnings.size - KEPT_WARNINGS))) warnings.delete(old);
    for (const listener of warningListeners) listener(warning);
    if (decision.action === 'warn') {
      const facts = { at: new Date(at), toolName: decision.tool.name, remoteId: null, remoteAddress: null, choice: null };
      const kind = decision.cause === 'installer-downloaded' ? 'installer' : 'tool';
      void quietly('alert the trusted contact', notifier.notify(kind, { ...facts, happened: kind === 'installer' ? 'installer' : 'started' }));
    }
  };

  const onEngineEvent = (event: GuardianEvent): void => {
    happened(event);
    if (event.type === 'session-started') sessions.set(event.key, event);
    const decision = decide(event, { trustedHelpers: settings().trustedHelpers, paused: paused !== null, session: (key) => sessions.get(key), liveSessions: () => sessions.values() });
    if (event.type === 'session-ended') sessions.delete(event.key);
    if (decision.action === 'interrupt') void quietly('show the interruption', controller.handle(decision));
    else if (decision.action === 'warn' || decision.action === 'note') warn(decision, event.at);
  };
  engine.onEvent(onEngineEvent);
  engine.onStatus(() => statusChanged());

  const resume = (): void => {
    if (paused === null) return;
    paused.cancel();
    paused = null;
    void quietly('write to the journal', recorder.append({ type: 'protection-resumed', at: now().toISOString() }));
    statusChanged();
  };

  const pinActionOf = (request: ProtectedAction): PinAction => (request.action === 'quit' ? 'quit' : 'pause-protection');

  return {
    start: () => engine.start(),
    async stop() {
      paused?.cancel();
      await controller.dispose();
      await engine.stop();
    },
    status,
    statusChanged,
    interruption: () => controller.current(),
    choose: (request) => controller.choose(request),
    async closeInterruption(id) {
      const result = await controller.close(id);
      // Closed only once "End it" ended the tool for good: then the caller may have left a way back, so the check follows.
      if (result.ok) emit('showPage', 'check');
      return result;
    },
    askForPin(request) {
      const s = settings();
      emit('protectedAction', { request, pinRequired: s.pin !== null, confirmationWord: CONFIRMATION_WORDS[pinActionOf(request)], region: s.region });
    },
    async confirmProtectedAction(request, secret) {
      const action = pinActionOf(request);
      const answer = await options.gate.check(action, secret);
      const at = now();
      const facts = { at, toolName: null, happened: null, remoteId: null, remoteAddress: null, choice: null };
      if (!answer.ok) {
        if (answer.reason === 'wrong') await reportWrongPin(options, action, answer.lockedUntil, facts);
        return { ok: false, message: answer.message, lockedUntil: answer.lockedUntil?.toISOString() ?? null };
      }
      if (request.action === 'quit') {
        await quietly('alert the trusted contact', notifier.notify('quit', facts));
        // The clean stop is journalled by whoever stops the app (appServices.stop('quit')), once.
        options.quit();
        return { ok: true, message: null, lockedUntil: null };
      }
      paused?.cancel();
      const until = new Date(at.getTime() + request.hours * 3600_000);
      paused = { until, cancel: setTimer(resume, request.hours * 3600_000) };
      await quietly('write to the journal', recorder.append({ type: 'protection-paused', at: at.toISOString(), until: until.toISOString() }));
      await quietly('alert the trusted contact', notifier.notify('protection-paused', facts));
      statusChanged();
      return { ok: true, message: null, lockedUntil: null };
    },
    openWarning(id) {
      const warning = warnings.get(id);
      if (warning === undefined) return false;
      emit('warning', warning);
      return true;
    },
    pausedUntil: () => paused?.until ?? null,
    resume,
    onApiEvent(listener) {
      apiListeners.add(listener);
      return () => apiListeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    noteAlertOutcome(event) {
      if (event.type === 'alert-delivered') alertTrouble.delete(event.channel);
      else if (event.permanent) alertTrouble.set(event.channel, event.reason);
      else return;
      statusChanged();
    },
    onWarning(listener) {
      warningListeners.add(listener);
      return () => warningListeners.delete(listener);
    },
  };
}
