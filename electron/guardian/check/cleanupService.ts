// "Check this computer" with its clean-up: the check, and each step taken only after the family PIN (the same gate and
// lockout as everything else), journalled through appServices' record() and told to the family. A step is acted on only
// when a fresh check still finds it (nothing is done on a guess), never for a trusted program, and a program running
// right now needs one more yes.
import type { CheckReport, CheckView, CleanupOutcome } from '../../../shared/installedCheck';
import { CONFIRMATION_WORDS } from '../../../shared/pin';
import type { Settings } from '../../../shared/settings';
import type { AppRecorder, ContactFacts, ContactNotifier, PinChecker } from '../protection/interruptionPorts';
import { quietly } from '../couldNot';
import { reportWrongPin } from '../pin/wrongPin';
import { performRemoval } from './cleanupActions';
import type { InstalledCheck } from './installedCheck';

export interface CleanupServiceOptions {
  /** A fresh check of this computer. */
  check: () => Promise<InstalledCheck>;
  gate: PinChecker;
  recorder: AppRecorder;
  notifier: ContactNotifier;
  log: (line: string) => void;
  /** The settings in force: whether a PIN is set, and the region dates are worded for. */
  settings: () => Pick<Settings, 'pin' | 'region'>;
  now?: () => Date;
}

export interface CleanupRequest {
  stepId: string;
  /** The family PIN, or the confirmation word when no PIN is set. */
  pin: string;
  /** The person said yes once more to a program that is running right now. */
  runningConfirmed: boolean;
}

export interface CleanupService {
  check(): Promise<CheckReport>;
  /** The report with how a step is confirmed, for the page. */
  view(): Promise<CheckView>;
  run(request: CleanupRequest): Promise<CleanupOutcome>;
}

export function createCleanupService(options: CleanupServiceOptions): CleanupService {
  const now = options.now ?? (() => new Date());
  const facts = (toolName: string | null, cleanup: ContactFacts['cleanup'] = null): ContactFacts => ({
    at: now(), toolName, happened: null, remoteId: null, remoteAddress: null, choice: null, cleanup,
  });
  return {
    check: async () => (await options.check()).report,
    async view() {
      const { pin, region } = options.settings();
      return { report: (await options.check()).report, pinRequired: pin !== null, confirmationWord: CONFIRMATION_WORDS['clean-up'], region };
    },
    async run({ stepId, pin, runningConfirmed }) {
      const found = (await options.check()).steps.get(stepId);
      if (!found) {
        return { status: 'refused', message: 'That step is not needed any more: a fresh check of this computer did not find it. Nothing was changed.' };
      }
      const { program, removal } = found;
      if (program.trusted) return { status: 'refused', message: `${program.name} is trusted by your family, so Pause Guard does not remove it. Nothing was changed.` };
      if (program.running && !runningConfirmed && removal.kind !== 'tell-helper') {
        return { status: 'confirm-running', message: `${program.name} is running right now. If someone is connected to this computer, they will be cut off. Are you sure?` };
      }
      const answer = await options.gate.check('clean-up', pin);
      if (!answer.ok) {
        if (answer.reason === 'wrong') await reportWrongPin(options, 'clean-up', answer.lockedUntil, facts(program.name));
        return { status: 'refused', message: `${answer.message} Nothing was changed.` };
      }
      const result = await performRemoval(program.name, removal);
      await quietly(options.log, 'write the clean-up to the journal', options.recorder.append({
        type: 'clean-up', at: now().toISOString(), toolId: program.toolId, name: program.name, step: removal.kind, ok: result.ok, message: result.message,
      }));
      await quietly(options.log, 'alert the trusted contact', options.notifier.notify('clean-up', facts(program.name, { step: removal.kind, ok: result.ok })));
      return { status: result.ok ? 'done' : 'failed', message: result.message };
    },
  };
}
