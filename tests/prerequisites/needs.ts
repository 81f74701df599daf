// Which prerequisites this machine lacks, and needs(): the options a describe() or it() takes to be skipped when one it
// needs is missing, tagged so the closing report can count it. PAUSEGUARD_TEST_MISSING=a,b treats a and b as missing.
import { INSTALL_COMMAND, prerequisiteNames, prerequisites, type PrerequisiteName } from './systemPrerequisites';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** What this machine lacks that the test needs; set only when the test is skipped for it. */
    missingPrerequisites?: string[];
  }
}

export const PRETEND_MISSING_VARIABLE = 'PAUSEGUARD_TEST_MISSING';

/** True when CI is set (and not to 0 or false): then every test must run. */
export const onCi = (env: NodeJS.ProcessEnv = process.env): boolean => !['', '0', 'false'].includes((env.CI ?? '').toLowerCase());

const pretendMissing = (env: NodeJS.ProcessEnv): Set<string> =>
  new Set((env[PRETEND_MISSING_VARIABLE] ?? '').split(',').map((name) => name.trim()).filter(Boolean));

/** The prerequisites, among `names` (default: all), that this machine does not have. */
export function missingPrerequisites(names: readonly PrerequisiteName[] = prerequisiteNames, env = process.env): PrerequisiteName[] {
  const pretend = pretendMissing(env);
  return names.filter((name) => pretend.has(name) || !prerequisites[name].present());
}

/** Options for describe()/it(): skipped, and tagged with what is missing, unless this machine has all of `names`. */
export function needs(...names: PrerequisiteName[]): { skip: boolean; meta: { missingPrerequisites?: string[] } } {
  const missing = missingPrerequisites(names);
  return missing.length > 0 ? { skip: true, meta: { missingPrerequisites: missing } } : { skip: false, meta: {} };
}

/** "matchbox-window-manager (Debian package matchbox-window-manager), root (run the tests as root)". */
export function describeMissing(names: readonly string[]): string {
  return names
    .map((name) => {
      const prerequisite = prerequisites[name as PrerequisiteName];
      if (!prerequisite) return name;
      return `${name} (${prerequisite.debianPackage ? `Debian package ${prerequisite.debianPackage}` : prerequisite.otherwise})`;
    })
    .join(', ');
}

/** The sentence on how to get what is missing: the install command when a package provides any of it (on Linux). */
export function howToInstall(names: readonly string[]): string {
  const packaged = names.some((name) => prerequisites[name as PrerequisiteName]?.debianPackage);
  if (!packaged) return 'No package provides these';
  return process.platform === 'linux' ? `Install with: ${INSTALL_COMMAND}` : `On Debian, ${INSTALL_COMMAND} installs the packages`;
}
