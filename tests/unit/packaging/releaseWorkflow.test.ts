// The release workflow (it runs only on hosted CI): triggers, the three runners, and the steps that build installers.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

// js-yaml comes with electron-builder (it reads electron-builder.yml with it).
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  permissions?: Record<string, string>;
  needs?: string;
  container?: { image: string; options?: string };
  strategy?: { matrix: { include: Array<{ os: string; platform: string }> } };
  steps: Step[];
}
interface Workflow {
  on: { push: { tags: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: { test: Job; installers: Job; catalog: Job };
}

let workflow: Workflow;

beforeAll(async () => {
  const text = await readFile(path.resolve(import.meta.dirname, '../../../.github/workflows/release.yml'), 'utf8');
  workflow = load(text) as Workflow;
});

function stepRunning(job: Job, command: string): Step {
  const step = job.steps.find((s) => s.run?.includes(command));
  if (!step) throw new Error(`No step runs "${command}"`);
  return step;
}

describe('.github/workflows/release.yml', () => {
  it('runs for v* tags and by hand, with read-only repository access', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('runs the full tests as .ci/run does, on Debian as root, before any installer is built', () => {
    const test = workflow.jobs.test;
    expect(test.container).toEqual({ image: 'node:22-bookworm', options: '--privileged' });
    expect(test.steps.map((s) => s.uses ?? s.run)).toEqual(['actions/checkout@v4', 'bash .ci/run']);
    expect(workflow.jobs.installers.needs).toBe('test');
  });

  it('builds on Windows, macOS and Linux runners, each for its own platform', () => {
    expect(workflow.jobs.installers['runs-on']).toBe('${{ matrix.os }}');
    expect(workflow.jobs.installers.strategy?.matrix.include).toEqual([
      { os: 'windows-latest', platform: '--win' },
      { os: 'macos-latest', platform: '--mac' },
      { os: 'ubuntu-latest', platform: '--linux' },
    ]);
  });

  it('installs, typechecks, tests, builds and packages, in that order, on Node 22 with the npm cache', () => {
    const steps = workflow.jobs.installers.steps;
    expect(steps.map((s) => s.uses ?? s.run?.trim().split('\n').at(-1))).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'npm run typecheck',
      'npx vitest run tests/unit/packaging tests/renderer',
      'npm run build',
      'npx electron-builder --config electron-builder.yml --publish always "${SIGNED[@]}" "$PLATFORM"',
      'actions/upload-artifact@v4',
    ]);
    expect(steps[1]?.with).toEqual({ 'node-version': 22, cache: 'npm' });
  });

  it('signs only with the secrets the repository has, never passing an empty certificate on', () => {
    const packaging = stepRunning(workflow.jobs.installers, 'npx electron-builder');
    expect(packaging.shell).toBe('bash');
    expect(packaging.env).toMatchObject({
      PLATFORM: '${{ matrix.platform }}',
      SECRET_CSC_LINK: '${{ secrets.CSC_LINK }}',
      SECRET_WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      APPLE_ID: '${{ secrets.APPLE_ID }}',
      APPLE_APP_SPECIFIC_PASSWORD: '${{ secrets.APPLE_APP_SPECIFIC_PASSWORD }}',
      APPLE_TEAM_ID: '${{ secrets.APPLE_TEAM_ID }}',
    });
    expect(packaging.env).not.toHaveProperty('CSC_LINK');
    expect(packaging.run).toContain('[ -n "$SECRET_CSC_LINK" ]');
    expect(packaging.run).toContain('[ -n "$SECRET_WIN_CSC_LINK" ]');
  });

  it('uploads to the draft release with the job\'s own token, and marks a signed macOS build so it updates itself', () => {
    expect(workflow.jobs.installers.permissions).toEqual({ contents: 'write' });
    const packaging = stepRunning(workflow.jobs.installers, 'npx electron-builder');
    expect(packaging.env).toMatchObject({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    // Only inside the branch that has the macOS certificate.
    const run = packaging.run ?? '';
    const signedBranch = run.slice(run.indexOf('[ -n "$SECRET_CSC_LINK" ]'), run.indexOf('else'));
    expect(signedBranch).toContain('SIGNED=(-c.extraMetadata.pauseGuardCodeSigned=true)');
  });

  it('signs the list of remote-access programs with the secret key only when it is there, and adds it to the release', () => {
    const catalog = workflow.jobs.catalog;
    expect(catalog.needs).toBe('installers');
    expect(catalog.permissions).toEqual({ contents: 'write' });
    const signing = stepRunning(catalog, 'scripts/sign-catalog.ts');
    expect(signing.env).toEqual({ CATALOG_SIGNING_KEY: '${{ secrets.CATALOG_SIGNING_KEY }}', GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}' });
    const run = signing.run ?? '';
    expect(run.indexOf('[ -z "$CATALOG_SIGNING_KEY" ]')).toBeLessThan(run.indexOf('sign-catalog.ts'));
    expect(run).toContain('--out remote-tools.signed.json');
    expect(run).toContain(`gh release upload "v$(node -p "require('./package.json').version")" remote-tools.signed.json --clobber`);
    // The key file never outlives the step's use of it.
    expect(run.indexOf('rm -f "$key"')).toBeGreaterThan(run.indexOf('sign-catalog.ts'));
  });

  it('keeps every installer kind and fails when there is none', () => {
    const upload = workflow.jobs.installers.steps.at(-1);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    const paths = String(upload?.with?.path).trim().split('\n');
    for (const kind of ['exe', 'dmg', 'zip', 'AppImage', 'deb']) expect(paths).toContain(`release/*.${kind}`);
  });
});
