// `clean-up --step ID --pin DIGITS [--running-too]`: takes one step `check` offered, through the app's own services (the
// PIN gate and its lockout, the journal, the family's alerts), and says what it did in one sentence.
import type { CliCommand } from './command';
import { withCommandServices } from './commandServices';
import { CHECK_OPTIONS, checkServicesOf } from './checkCommand';
import { UsageError } from './usageError';

export const cleanUpCommand: CliCommand = {
  name: 'clean-up',
  usage: 'clean-up --step ID --pin DIGITS [--running-too] [--json]',
  summary: 'Take one step that "check" offers (switch a program off, open its uninstaller, or tell the family helper).',
  options: { ...CHECK_OPTIONS, step: { type: 'string' }, pin: { type: 'string' }, 'running-too': { type: 'boolean', default: false } },
  async run(context) {
    const { step, pin } = context.values;
    if (typeof step !== 'string') throw new UsageError('Say which step to take with --step; "pauseguard check" lists them.');
    if (typeof pin !== 'string') throw new UsageError('Every clean-up step needs the family PIN: add --pin (or, with no PIN set, --pin REMOVE).');
    const run = await withCommandServices(
      context.common.dataDir,
      (services) => services.cleanup.run({ stepId: step, pin, runningConfirmed: context.values['running-too'] === true }),
      { services: checkServicesOf(context) },
    );
    if (!run.ok) {
      context.write(run.problem);
      return 1;
    }
    const outcome = run.value;
    const hint = outcome.status === 'confirm-running' ? ' To go ahead anyway, add --running-too.' : '';
    context.write(context.common.json ? JSON.stringify(outcome) : `${outcome.message}${hint}`);
    return outcome.status === 'done' ? 0 : 1;
  },
};
