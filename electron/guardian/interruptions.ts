// The interruption on screen, owned by the main process: merging, the countdown, freezing the tool, and the three choices.
// The renderer only shows current() and sends choices: carrying on before the countdown ends, or without the PIN, is refused
// here whatever it sends. A frozen tool is never left frozen once the person carries on or the app stops.
import { randomUUID } from 'node:crypto';
import type { ChoiceResult, InterruptionView } from '../../shared/interruption';
import type { Choice } from '../../shared/journal';
import { CONFIRMATION_WORDS } from '../../shared/pin';
import type { Settings } from '../../shared/settings';
import type { ProcessControl } from './actions/processControl';
import type { Catalog } from './catalog';
import type { AppRecorder, ContactFacts, ContactNotifier, PinChecker, SetTimer } from './interruptionPorts';
import type { InterruptDecision } from './policy';
import { createStormWindow } from './stormWindow';

export interface InterruptionControllerOptions {
  settings: () => Settings;
  catalog: Pick<Catalog, 'byId'>;
  processControl: ProcessControl;
  /** Every pid of this tool the engine knows is running. */
  toolPids: (toolId: string) => number[];
  gate: PinChecker;
  recorder: AppRecorder;
  notifier: ContactNotifier;
  now: () => Date;
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
  /** "Close" on the Done page: only once the tool has been ended. */
  close(id: string): Promise<ChoiceResult>;
  /** The view after every change (null when the interruption is over). */
  onChange(listener: (view: InterruptionView | null) => void): () => void;
  /** Lets every frozen process run again and stops the countdown timer (the app is stopping). */
  dispose(): Promise<void>;
}

const UNKNOWN_TOOL = 'A program that lets someone else see and control this computer.';
export const WAIT_MESSAGE = 'Please wait until the countdown has finished.';
export const GONE_MESSAGE = 'That pause-and-check screen has already closed.';
export const ALREADY_ENDED_MESSAGE = 'The program has already been ended.';
export const CHOOSE_FIRST_MESSAGE = 'Please choose one of the options first.';

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
  stage: InterruptionView['stage'];
  pids: Set<number>;
  suspended: Set<number>;
  cancelCountdown: () => void;
};

const OK: ChoiceResult = { ok: true, message: null, lockedUntil: null };
const refused = (message: string, lockedUntil: Date | null = null): ChoiceResult => ({ ok: false, message, lockedUntil: lockedUntil?.toISOString() ?? null });

export function createInterruptionController(options: InterruptionControllerOptions): InterruptionController {
  const { processControl, now } = options;
  const newId = options.newId ?? randomUUID;
  const listeners = new Set<(view: InterruptionView | null) => void>();
  /** Tools the person carried on with: their restarts within a minute of each other are not a new interruption. */
  const carriedOn = createStormWindow(now);
  let active: Active | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** One change at a time: a storm of starts and a click arriving together never interleave. */
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.then(step, step);
    queue = next.catch(() => undefined);
    return next;
  };

  const viewOf = (a: Active): InterruptionView => {
    const settings = options.settings();
    const contact = settings.contacts[0];
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
      canCarryOn: a.stage !== 'ended' && countdownOver(a),
      suspension: a.suspended.size > 0 ? 'suspended' : a.pids.size === 0 ? 'not-needed' : 'not-possible',
      stage: a.stage,
      region: settings.region,
      personName: settings.person,
      contact: contact ? { name: contact.name, phone: contact.phone } : null,
      pinRequired: settings.pin !== null,
      confirmationWord: CONFIRMATION_WORDS['carry-on'],
    };
  };
  const countdownOver = (a: Active): boolean => now().getTime() >= a.countdownEndsAt.getTime();
  const current = (): InterruptionView | null => (active === null ? null : viewOf(active));
  const changed = (): void => {
    const view = current();
    for (const listener of listeners) listener(view);
  };

  const quietly = async (what: string, work: Promise<void>): Promise<void> => {
    try {
      await work;
    } catch (error) {
      options.log(`Pause Guard could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const factsOf = (a: Active, choice: Choice | null): ContactFacts => ({
    at: now(),
    toolName: a.tool.name,
    happened: a.cause === 'tool-started' ? 'started' : 'connected-in',
    remoteId: a.remoteId,
    remoteAddress: a.remoteAddress,
    choice,
  });
  const recordChoice = async (a: Active, choice: Choice): Promise<void> => {
    await quietly('write the choice to the journal', options.recorder.append({
      type: 'choice', at: now().toISOString(), interruptionId: a.id, choice, toolId: a.tool.toolId,
    }));
    await quietly('alert the trusted contact', options.notifier.notify(choice === 'call-contact' ? 'help-wanted' : 'choice', factsOf(a, choice)));
  };

  const pidsOf = (decision: InterruptDecision): number[] => [
    ...(decision.pid === null ? [] : [decision.pid]),
    ...(decision.tool.toolId === null ? [] : options.toolPids(decision.tool.toolId)),
  ];

  /** Freezes the pids not yet frozen, or after "End it" ends them. */
  const takeCareOf = async (a: Active, pids: number[]): Promise<void> => {
    for (const pid of pids) {
      // After "End it", a start is a new process even on a pid seen before: end it too.
      if (a.stage === 'ended') {
        await processControl.end(pid);
        continue;
      }
      if (a.pids.has(pid)) continue;
      a.pids.add(pid);
      const result = await processControl.suspend(pid);
      if (result === 'done') a.suspended.add(pid);
      if (result === 'gone') a.pids.delete(pid);
    }
  };

  const resumeAll = async (a: Active): Promise<void> => {
    for (const pid of a.suspended) await processControl.resume(pid);
    a.suspended.clear();
  };

  const endAll = async (a: Active): Promise<void> => {
    const pids = new Set([...a.pids, ...[...a.toolIds].flatMap((toolId) => options.toolPids(toolId))]);
    await Promise.all([...pids].map((pid) => processControl.end(pid)));
    a.suspended.clear();
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
      tool: { toolId, name: decision.tool.name, description: (toolId === null ? undefined : options.catalog.byId(toolId)?.description) ?? UNKNOWN_TOOL },
      toolIds: new Set(toolId === null ? [] : [toolId]),
      remoteId: decision.remoteId,
      remoteAddress: decision.remoteAddress,
      occurrences: 1,
      shownAt,
      countdownEndsAt: new Date(shownAt.getTime() + countdownMs),
      stage: 'pause',
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
      if (answer.reason === 'wrong') {
        const lockedUntil = answer.lockedUntil?.toISOString() ?? null;
        await quietly('write the wrong PIN to the journal', options.recorder.append({ type: 'pin-failed', at: now().toISOString(), action: 'carry-on', lockedUntil }));
        await quietly('alert the trusted contact', options.notifier.notify('pin-failed', factsOf(a, null)));
      }
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
          await merge(active, decision);
          changed();
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
            a.stage = 'ended';
            await endAll(a);
            changed();
            await recordChoice(a, 'end-it');
            return OK;
          case 'call-contact':
            if (a.stage === 'ended') return refused(ALREADY_ENDED_MESSAGE);
            a.stage = 'calling';
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
        if (a.stage !== 'ended') return refused(CHOOSE_FIRST_MESSAGE);
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
