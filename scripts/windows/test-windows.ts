// `npm run test:windows`: prepares the Wine bed and runs the Windows suite. Without Wine it says so in one line and runs
// nothing (npm test goes on); with CI set, a missing Wine fails the run, as every other missing prerequisite does.
import { spawnSync } from 'node:child_process';
import { describeMissing, howToInstall, missingPrerequisites, onCi } from '../../tests/prerequisites/needs';

const missing = missingPrerequisites(['wine64']);
if (missing.length > 0) {
  process.stderr.write(`The Windows suite did not run: not on this machine: ${describeMissing(missing)}. ${howToInstall(missing)}.\n`);
  process.exit(onCi() ? 1 : 0);
}
const run = (command: string, args: string[]): void => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', '--silent', 'setup:windows']);
run('npx', ['vitest', 'run', '--project=windows']);
