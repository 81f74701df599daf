// npm test on a machine that lacks a prerequisite, for real (vitest run as a child, PAUSEGUARD_TEST_MISSING pretending
// gio is missing): the first line names it and the install command, its tests are skipped and counted at the end,
// and under CI=true the run fails before any test runs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { needs, PRETEND_MISSING_VARIABLE } from '../prerequisites/needs';
import { prerequisiteNames } from '../prerequisites/systemPrerequisites';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const vitestBin = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');
const GIO_LINE = 'Not on this machine: gio (Debian package libglib2.0-bin). Install with: npm run setup:system.';

/** Runs vitest on the autostart tests (two of its eight need gio) and resolves with what it said once it has exited. */
function runVitest(env: NodeJS.ProcessEnv): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  for (const name of Object.keys(childEnv)) if (name.startsWith('VITEST') || name === 'FORCE_COLOR') delete childEnv[name];
  const child = spawn(process.execPath, [vitestBin, 'run', 'tests/unit/guardian/store/autostart.test.ts'], { cwd: repoRoot, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, lines: stdout.split('\n').map((line) => line.trimEnd()).filter(Boolean), stderr }));
  });
}

// The child's first line names everything this machine lacks, so the exact lines hold only where nothing is missing.
// No time budget: each waits for the child vitest to exit, however long its start takes on a busy machine.
describe('npm test when the machine lacks a prerequisite', { timeout: 0, ...needs(...prerequisiteNames) }, () => {
  it('names it and the install command first, skips the tests that need it, and counts them at the end', async () => {
    const { code, lines, stderr } = await runVitest({ [PRETEND_MISSING_VARIABLE]: 'gio', CI: '' });
    expect(code, stderr).toBe(0);
    expect(lines[0]).toMatch(/^ RUN {2}v[\d.]+ /);
    expect(lines[1]).toBe(`${GIO_LINE} The tests that need them are skipped.`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {6}Tests {2}6 passed \| 2 skipped \(8\)$/));
    expect(lines.slice(-2)).toEqual([
      `2 tests did not run on this machine, for want of gio (Debian package libglib2.0-bin). Install with: npm run setup:system.`,
      '  tests/unit/guardian/store/autostart.test.ts: 2 not run (needs gio)',
    ]);
  });

  it('under CI=true, fails the run before any test runs', async () => {
    const { code, lines, stderr } = await runVitest({ [PRETEND_MISSING_VARIABLE]: 'gio', CI: 'true' });
    expect(code).toBe(1);
    expect(stderr).toBe(`${GIO_LINE} With CI set, every test must run: stopping.\n`);
    expect(lines.filter((line) => /Tests|autostart/.test(line))).toEqual([]);
  });

  it('says nothing of prerequisites when nothing is missing', async () => {
    const { code, lines, stderr } = await runVitest({ [PRETEND_MISSING_VARIABLE]: '', CI: 'true' });
    expect(code, stderr).toBe(0);
    expect(lines.filter((line) => /not on this machine|did not run/i.test(line))).toEqual([]);
  });
});
