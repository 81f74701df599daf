// The interruption on screen, owned by the main process: merging, the countdown, freezing the tool, and the three choices.
// The renderer only shows current() and sends choices: carrying on before the countdown ends, or without the PIN, is refused
// here whatever it sends, and the Done page's "Close" only once the tool was ended and stayed gone (actions/endForGood.ts).
// A frozen tool is never left frozen once the person carries on or the app stops.
import { randomUUID } from 'node:crypto';
import type { ChoiceResult, InterruptionView } from '../../../shared/interruption';
import type { Choice, NotEndedReason } from '../../../shared/journal';
import { CONFIRMATION_WORDS } from '../../../shared/pin';
import { contactCardOf, type Settings } from '../../../shared/settings';
import { endForGood } from '../actions/endForGood';
import type { ProcessControl } from '../actions/processControl';
import type { RunningToolPids } from '../actions/runningToolPids';
import type { Happening } from '../alerts/alertMessage';
import { describeTool, type Catalog } from '../catalog';
import type { AppRecorder, ContactFacts, ContactNotifier, PinChecker, SetTimer } from './interruptionPorts';
import type { InterruptDecision } from './policy';
import { createRecentKeys } from './recentKeys';
import { quietly as logQuietly } from '../couldNot';
import { oneAtATime } from '../oneAtATime';
import { reportWrongPin } from '../pin/wrongPin';

export interface InterruptionControllerOptions {
  settings: () => Settings;
  catalog: Pick<Catalog, 'byId'>;
  processControl: ProcessControl;
  /** Every pid of this tool the engine knows is running. */
  toolPids: (toolId: string) => number[];
  /** Lists afresh what of the tools (or the known pids) is running now: how "End it" checks the tool is gone. */
  listRunning: RunningToolPids;
  gate: PinChecker;
  recorder: AppRecorder;
  notifier: ContactNotifier;
  /** The wall clock: what the journal, the alerts and the page's times say. Never what decides the countdown. */
  now: () => Date;
  /** Milliseconds on a clock that moves only at the pace of real time, whatever the wall clock does (performance.now unless given). */
  monotonicMs?: () => number;
  setTimer: SetTimer;
  /** One plain sentence about something that went wrong behind the screen (a journal that cannot be written). */
  log: (line: string) => void;
  newId?: () => string;
}

export interface InterruptionController {
  /** Shows a new interruption, or updates the one on screen; absorbed while the person carries on with the same tool. */
  handle(decision: InterruptDecision): Promise<void>;
  current(): InterruptionView | null;
  choose(request: { id: string; choice: Choice; secret?: string }): Promise<ChoiceResult>;
  /** "Close" on the Done page: only once every process of the tool was ended and stayed gone. */
  close(id: string): Promise<ChoiceResult>;
  /** The view after every change (null when the interruption is over). */
  onChange(listener: (view: InterruptionView | null) => void): () => void;
  /** Lets every frozen process run again and stops the countdown timer (the app is stopping). */
  dispose(): Promise<void>;
}

/** What the family is told happened, by why the cover was shown. */
const HAPPENED: Record<InterruptionView['cause'], Happening> = {
  'tool-started': 'started',
  'session-started': 'connected-in',
  'bank-during-session': 'connected-in',
  'meeting-control': 'control-asked',
  'bank-during-sharing': 'screen-shared',
  'remote-input': 'remote-input',
};

export const WAIT_MESSAGE = 'Please wait until the countdown has finished.';
export const GONE_MESSAGE = 'That pause-and-check screen has already closed.';
export const ALREADY_ENDED_MESSAGE = 'The program has already been ended.';
export const CHOOSE_FIRST_MESSAGE = 'Please choose one of the options first.';
export const NOT_ENDED_MESSAGE = 'Pause Guard could not close the program, so this page stays until the countdown has finished.';

type Active = {
  id: string;
  keys: Set<string>;
  level: InterruptionView['level'];
  cause: InterruptionView['cause'];
  tool: InterruptionView['tool'];
  toolIds: Set<string>;
  remoteId: string | null;
  remoteAddress: string | null;
  occurrences: number;
  shownAt: Date;
  countdownEndsAt: Date;
  /** When the countdown really ends, on the monotonic clock: moving the wall clock forward does not shorten it. */
  countdownEndsAtMs: number;
  stage: InterruptionView['stage'];
  notEnded: NotEndedReason | null;
  pids: Set<number>;
  suspended: Set<number>;
  cancelCountdown: () => void;
};

const OK: ChoiceResult = { ok: true, message: null, lockedUntil: null };
const refused = (message: string, lockedUntil: Date | null = null): ChoiceResult => ({ ok: false, message, lockedUntil: lockedUntil?.toISOString() ?? null });

export function createInterruptionController(options: InterruptionControllerOptions): InterruptionController {
  const { processControl, now } = options;
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  const newId = options.newId ?? randomUUID;
  const listeners = new Set<(view: InterruptionView | null) => void>();
  /** Tools the person carried on with: their restarts within a minute of each other are not a new interruption (a minute
   *  of real time: a clock set back must not stretch it). */
  const carriedOn = createRecentKeys(() => new Date(monotonicMs()));
  let active: Active | null = null;
  /** One change at a time: a storm of starts and a click arriving together never interleave. */
  const serial = oneAtATime();

  const viewOf = (a: Active): InterruptionView => {
    const settings = options.settings();
    return {
      id: a.id,
      level: a.level,
      cause: a.cause,
      tool: a.tool,
      remoteId: a.remoteId,
      remoteAddress: a.remoteAddress,
      occurrences: a.occurrences,
      shownAt: a.shownAt.toISOString(),
      countdownEndsAt: a.countdownEndsAt.toISOString(),
      canCarryOn: a.stage !== 'ended' && a.stage !== 'ending' && countdownOver(a),
      suspension: a.suspended.size > 0 ? 'suspended' : a.pids.size === 0 ? 'not-needed' : 'not-possible',
      stage: a.stage,
      notEnded: a.notEnded,
      region: settings.region,
      personName: settings.person,
      contact: contactCardOf(settings),
      pinRequired: settings.pin !== null,
      confirmationWord: CONFIRMATION_WORDS['carry-on'],
    };
  };
  const countdownOver = (a: Active): boolean => monotonicMs() >= a.countdownEndsAtMs;
  const current = (): InterruptionView | null => (active === null ? null : viewOf(active));
  const changed = (): void => {
    const view = current();
    for (const listener of listeners) listener(view);
  };

  const quietly = (what: string, work: Promise<void>): Promise<void> => logQuietly(options.log, what, work);
  const factsOf = (a: Active, choice: Choice | null, endIt: ContactFacts['endIt'] = null): ContactFacts => ({
    at: now(),
    toolName: a.tool.name,
    happened: HAPPENED[a.cause],
    remoteId: a.remoteId,
    remoteAddress: a.remoteAddress,
    choice,
    endIt,
  });
  const journalChoice = (a: Active, choice: Choice): Promise<void> =>
    quietly('write the choice to the journal', options.recorder.append({
      type: 'choice', at: now().toISOString(), interruptionId: a.id, choice, toolId: a.tool.toolId,
    }));
  const recordChoice = async (a: Active, choice: Exclude<Choice, 'end-it'>): Promise<void> => {
    await journalChoice(a, choice);
    await quietly('alert the trusted contact', options.notifier.notify(choice === 'call-contact' ? 'help-wanted' : 'choice', factsOf(a, choice)));
  };

  const pidsOf = (decision: InterruptDecision): number[] => [
    ...(decision.pid === null ? [] : [decision.pid]),
    ...(decision.tool.toolId === null ? [] : options.toolPids(decision.tool.toolId)),
  ];

  /** Freezes the pids not yet frozen; on the Done page they are only noted, for "End it" to end them again. */
  const takeCareOf = async (a: Active, pids: number[]): Promise<void> => {
    for (const pid of pids) {
      if (a.pids.has(pid)) continue;
      a.pids.add(pid);
      if (a.stage === 'ended') continue;
      const result = await processControl.suspend(pid);
      if (result === 'done') a.suspended.add(pid);
      if (result === 'gone') a.pids.delete(pid);
    }
  };

  const resumeAll = async (a: Active): Promise<void> => {
    for (const pid of a.suspended) await processControl.resume(pid);
    a.suspended.clear();
  };

  const wait = (ms: number): Promise<void> => new Promise((resolve) => options.setTimer(resolve, ms));

  /**
   * "End it": ends every process of the tool and shows Done only once they were listed again and stayed gone. Otherwise
   * the cover stays, saying so (the not-ended stage), with what is still running frozen where this computer allows.
   */
  const endIt = async (a: Active): Promise<void> => {
    a.stage = 'ending';
    a.notEnded = null;
    changed();
    const knownPids = [...a.pids, ...[...a.toolIds].flatMap((toolId) => options.toolPids(toolId))];
    const listRunning = () => options.listRunning(a.toolIds, new Set(knownPids));
    const result = await endForGood({ processControl, listRunning, knownPids, wait }).catch((error: unknown) => {
      options.log(`Pause Guard could not check that ${a.tool.name} was closed: ${error instanceof Error ? error.message : String(error)}`);
      return { outcome: 'not-ended', reason: 'refused', running: knownPids } as const;
    });
    a.pids.clear();
    a.suspended.clear();
    if (result.outcome === 'ended') {
      a.stage = 'ended';
    } else {
      a.stage = 'not-ended';
      a.notEnded = result.reason;
      await takeCareOf(a, result.running);
    }
    changed();
    await quietly('write what "End it" did to the journal', options.recorder.append({
      type: 'end-it-outcome', at: now().toISOString(), interruptionId: a.id, toolId: a.tool.toolId, name: a.tool.name,
      outcome: result.outcome, reason: a.notEnded,
    }));
    await quietly('alert the trusted contact', options.notifier.notify('choice', factsOf(a, 'end-it', result.outcome)));
  };

  const finish = (a: Active): void => {
    a.cancelCountdown();
    active = null;
  };

  const merge = async (a: Active, decision: InterruptDecision): Promise<void> => {
    a.occurrences += 1;
    a.keys.add(decision.key);
    if (decision.tool.toolId !== null) a.toolIds.add(decision.tool.toolId);
    if (decision.level === 'highest' && a.level !== 'highest') {
      a.level = 'highest';
      a.cause = decision.cause;
    }
    a.remoteId ??= decision.remoteId;
    a.remoteAddress ??= decision.remoteAddress;
    await takeCareOf(a, pidsOf(decision));
  };

  const open = async (decision: InterruptDecision): Promise<void> => {
    const shownAt = now();
    const countdownMs = options.settings().countdownSeconds * 1000;
    const toolId = decision.tool.toolId;
    const a: Active = {
      id: newId(),
      keys: new Set([decision.key]),
      level: decision.level,
      cause: decision.cause,
      tool: { toolId, name: decision.tool.name, description: describeTool(options.catalog, toolId) },
      toolIds: new Set(toolId === null ? [] : [toolId]),
      remoteId: decision.remoteId,
      remoteAddress: decision.remoteAddress,
      occurrences: 1,
      shownAt,
      countdownEndsAt: new Date(shownAt.getTime() + countdownMs),
      countdownEndsAtMs: monotonicMs() + countdownMs,
      stage: 'pause',
      notEnded: null,
      pids: new Set(),
      suspended: new Set(),
      cancelCountdown: () => undefined,
    };
    active = a;
    await takeCareOf(a, pidsOf(decision));
    a.cancelCountdown = options.setTimer(() => {
      if (active === a) changed();
    }, countdownMs);
    changed();
    await quietly('alert the trusted contact', options.notifier.notify('interruption', factsOf(a, null)));
  };

  const carryOn = async (a: Active, secret: string | undefined): Promise<ChoiceResult> => {
    if (a.stage === 'ended') return refused(ALREADY_ENDED_MESSAGE);
    if (!countdownOver(a)) return refused(WAIT_MESSAGE);
    const answer = await options.gate.check('carry-on', secret ?? '');
    if (!answer.ok) {
      if (answer.reason === 'wrong') await reportWrongPin(options, 'carry-on', answer.lockedUntil, factsOf(a, null));
      return refused(answer.message, answer.lockedUntil ?? null);
    }
    await resumeAll(a);
    for (const key of a.keys) carriedOn.remember(key);
    finish(a);
    changed();
    await recordChoice(a, 'started-it-myself');
    return OK;
  };

  return {
    handle: (decision) =>
      serial(async () => {
        if (active !== null) {
          const a = active;
          await merge(a, decision);
          changed();
          // The tool started again while Done was on screen: it was not ended for good after all.
          if (a.stage === 'ended') await endIt(a);
        } else if (!carriedOn.seenLately(decision.key)) {
          await open(decision);
        }
      }),
    current,
    choose: (request) =>
      serial(async () => {
        const a = active;
        if (a === null || a.id !== request.id) return refused(GONE_MESSAGE);
        switch (request.choice) {
          case 'end-it':
            if (a.stage === 'ended') return OK;
            await journalChoice(a, 'end-it');
            await endIt(a);
            return OK;
          case 'call-contact':
            if (a.stage === 'ended') return refused(ALREADY_ENDED_MESSAGE);
            a.stage = 'calling';
            a.notEnded = null;
            changed();
            await recordChoice(a, 'call-contact');
            return OK;
          case 'started-it-myself':
            return carryOn(a, request.secret);
        }
      }),
    close: (id) =>
      serial(async () => {
        const a = active;
        if (a === null || a.id !== id) return refused(GONE_MESSAGE);
        if (a.stage !== 'ended') return refused(a.stage === 'not-ended' ? NOT_ENDED_MESSAGE : CHOOSE_FIRST_MESSAGE);
        finish(a);
        changed();
        return OK;
      }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () =>
      serial(async () => {
        if (active === null) return;
        active.cancelCountdown();
        await resumeAll(active);
      }),
  };
}
