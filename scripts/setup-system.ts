// npm run setup:system: installs, with apt-get, the Debian packages the tests drive (tests/prerequisites/) that are not
// installed yet. Packages named on the command line are installed too. Only ever installs; never removes or upgrades.
import { spawnSync } from 'node:child_process';
import { debianPackages } from '../tests/prerequisites/systemPrerequisites';

const succeeds = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

const installed = (name: string): boolean =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout === 'install ok installed';

/** apt-get as root: directly when this is root, else through sudo. */
function aptGet(args: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [command, ...rest] = process.getuid?.() === 0 ? ['apt-get', ...args] : ['sudo', '--preserve-env=DEBIAN_FRONTEND', 'apt-get', ...args];
  const result = spawnSync(command!, rest, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`${command} ${rest.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`);
  }
}

function main(extra: string[]): number {
  const wanted = [...new Set([...debianPackages, ...extra])];
  if (process.platform !== 'linux' || !succeeds('sh', ['-c', 'command -v apt-get && command -v dpkg-query'])) {
    console.error(
      `npm run setup:system installs Debian packages with apt-get, which this system does not have (${wanted.join(', ')}). ` +
        'Without them npm test runs the unit and renderer tests and lists what did not run.',
    );
    return 1;
  }
  const missing = wanted.filter((name) => !installed(name));
  if (missing.length === 0) {
    console.log(`Every Debian package the tests use is installed (${wanted.join(', ')}).`);
    return 0;
  }
  console.log(`Installing Debian packages: ${missing.join(' ')}`);
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  const stillMissing = missing.filter((name) => !installed(name));
  if (stillMissing.length > 0) throw new Error(`apt-get finished but these are still not installed: ${stillMissing.join(', ')}.`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`npm run setup:system: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
