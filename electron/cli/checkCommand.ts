// `check [--json]`: every remote-access program installed on this computer (not only running), where and when, whether it
// starts by itself or allows unattended access, whether the family trusts it, and the step that removes it. Only reads.
import type { CheckReport, InstalledProgram } from '../../shared/installedCheck';
import { realRoots, type CheckRoots } from '../guardian/check/systemPlaces';
import type { CliCommand, CommandContext, CommandOptions } from './command';
import { withCommandServices } from './commandServices';
import { processesInOf } from './engineFor';
import { checkFolder } from './options';

/** --root and --home: where the check looks instead of this computer's own folders (tests); --processes-in as for scan. */
export const CHECK_OPTIONS: CommandOptions = { root: { type: 'string' }, home: { type: 'string' }, 'processes-in': { type: 'string' } };

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check [--json]',
  summary: 'List every remote-access program installed on this computer, and the steps that remove them.',
  options: CHECK_OPTIONS,
  async run(context) {
    // Through the app's own services: the list of programs in force and the sealed settings, as clean-up sees them.
    const run = await withCommandServices(context.common.dataDir, (services) => services.cleanup.check(), { services: checkServicesOf(context) });
    if (!run.ok) {
      context.write(run.problem);
      return 1;
    }
    context.write(context.common.json ? JSON.stringify(run.value) : formatCheck(run.value));
    return 0;
  },
};

/** Where the check looks (--root, --home) and which programs count as running (--processes-in). */
export function checkServicesOf(context: CommandContext): { checkRoots: CheckRoots; processesIn: string | null } {
  const real = realRoots();
  const { root, home } = context.values;
  return {
    checkRoots: {
      root: root === undefined ? real.root : checkFolder(String(root), 'root folder to check'),
      home: home === undefined ? real.home : checkFolder(String(home), 'home folder to check'),
    },
    processesIn: processesInOf(context),
  };
}

export function formatCheck(report: CheckReport): string {
  const lines: string[] = [];
  if (report.programs.length === 0) {
    lines.push(report.problems.length > 0
      ? 'No remote-access programs were found in the places Pause Guard could read; the places below could not be checked.'
      : 'No remote-access programs are installed on this computer. Nobody can use one to get back in.');
  }
  for (const program of report.programs) lines.push(...programLines(program), '');
  for (const problem of report.problems) lines.push(`Not checked: ${problem.message}`);
  return lines.join('\n').trimEnd();
}

function programLines(program: InstalledProgram): string[] {
  const lines = [`${program.name}${program.trusted ? ' (trusted by your family)' : ''}${program.running ? ' (running now)' : ''}`, `  ${program.description}`];
  if (program.installedAt) lines.push(`  Installed: ${program.installedAt.slice(0, 10)}`);
  for (const place of program.places) {
    lines.push(`  Found: ${place.what}${place.startsByItself ? `; it ${place.startsByItself}` : ''} (${place.where})`);
  }
  lines.push(`  Starts by itself: ${program.startsByItself ? 'yes' : 'no'}`);
  if (program.unattended !== null) {
    lines.push(`  Unattended access: ${program.unattended ? 'yes: someone with its password can connect with nobody here to accept' : 'no'}`);
  }
  if (program.trusted) lines.push('  Your family trusts this program, so nothing is offered to remove it.');
  for (const step of program.steps) {
    lines.push(`  Step: ${step.says}`);
    if (step.command) lines.push(`    Command: ${step.command}`);
    if (step.words) lines.push(`    Words: ${step.words}`);
    lines.push(`    To take it: pauseguard clean-up --step ${step.id} --pin YOUR-PIN`);
  }
  return lines;
}
