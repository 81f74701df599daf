// Before any test: one line naming what this machine lacks and how to install it. Elsewhere the tests that need it are
// skipped (and counted at the end); under CI=true the run stops here, with exit code 1, before any test runs.
import { describeMissing, howToInstall, missingPrerequisites, onCi } from './needs';

export default function checkPrerequisites(): void {
  const missing = missingPrerequisites();
  if (missing.length === 0) return;
  const line = `Not on this machine: ${describeMissing(missing)}. ${howToInstall(missing)}.`;
  if (onCi(process.env)) {
    process.stderr.write(`${line} With CI set, every test must run: stopping.\n`);
    process.exit(1);
  }
  process.stdout.write(`${line} The tests that need them are skipped.\n`);
}
