// The CLI contract end to end, through npm exactly as scripts call it: scan, watch, SIGTERM to npm, plain errors.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childPaced, childSays, within } from '../fixtures/childReports';
import { readJsonLines } from '../fixtures/jsonLines';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let workDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-cli-'));
  await fs.mkdir(path.join(workDir, 'downloads'));
  await fs.mkdir(path.join(workDir, 'bin'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await fs.rm(workDir, { recursive: true, force: true });
});

/** A real process whose executable is named like a remote tool: a copy of /bin/sleep. */
async function startFakeTool(fileName: string): Promise<ChildProcess> {
  const exe = path.join(workDir, 'bin', fileName);
  await fs.copyFile('/bin/sleep', exe);
  await fs.chmod(exe, 0o755);
  const child = spawn(exe, ['600'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function pauseguard(args: string[]): ChildProcess {
  const child = spawn('npm', ['run', '--silent', 'pauseguard', '--', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = pauseguard(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

// Every other test runs the CLI to its exit: no budget, which would count the start of npm and tsx.
describe('pauseguard CLI', childPaced, () => {
  it('scan --json lists a running tool and an installer in the downloads folder', async () => {
    const tool = await startFakeTool('AnyDesk.exe');
    await fs.writeFile(path.join(workDir, 'downloads', 'AnyDesk (1).exe'), 'MZ');
    const { code, stdout, stderr } = await run(['scan', '--json', '--data-dir', path.join(workDir, 'data'), '--downloads', path.join(workDir, 'downloads')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.tools).toContainEqual({ toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: tool.pid, exe: path.join(workDir, 'bin', 'AnyDesk.exe') });
    expect(result.installers).toContainEqual({ path: path.join(workDir, 'downloads', 'AnyDesk (1).exe'), toolId: 'anydesk' });
    expect(Array.isArray(result.sessions)).toBe(true);
    tool.kill('SIGKILL');
    await fs.rm(path.join(workDir, 'downloads', 'AnyDesk (1).exe'));
  });

  // The start through npm and tsx is waited for without a limit (watch prints ready or exits); each event after has 15 s.
  it('watch --json prints ready, then each event at once, and exits 0 when npm gets SIGTERM', childPaced, async () => {
    // Only its own folder's programs: the other test files beside it start tools of their own.
    const child = pauseguard(['watch', '--json', '--data-dir', path.join(workDir, 'data'), '--downloads', path.join(workDir, 'downloads'), '--processes-in', path.join(workDir, 'bin')]);
    const events = readJsonLines(child.stdout!);
    const ready = JSON.parse(await childSays(child, (line) => JSON.parse(line).type === 'ready', 'its ready event')) as Record<string, unknown>;
    expect(ready.watchers).toEqual(expect.arrayContaining(['processes', 'downloads', 'sessions']));
    expect(Number.isNaN(Date.parse(String(ready.at)))).toBe(false);

    const tool = await startFakeTool('TeamViewer.exe');
    const started = await events.next((e) => e.type === 'tool-started' && e.pid === tool.pid);
    expect(started).toMatchObject({ toolId: 'teamviewer', tier: 'interrupt', initial: false });
    await events.next((e) => e.type === 'interruption-requested' && e.toolId === 'teamviewer');
    tool.kill('SIGKILL');
    await events.next((e) => e.type === 'tool-stopped' && e.pid === tool.pid);

    const installer = path.join(workDir, 'downloads', 'TeamViewer_Setup_x64.exe');
    await fs.writeFile(installer, 'MZ');
    await events.next((e) => e.type === 'installer-downloaded' && e.path === installer);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await within(15_000, 'watch to exit on SIGTERM', exited)).toBe(0);

    const journalDir = path.join(workDir, 'data', 'journal');
    const lines = (await Promise.all((await fs.readdir(journalDir)).map((f) => fs.readFile(path.join(journalDir, f), 'utf8')))).join('').trim().split('\n');
    const types = lines.map((line) => (JSON.parse(line) as { record: { type: string } }).record.type);
    expect(types[0]).toBe('app-started');
    expect(types).toEqual(expect.arrayContaining(['tool-started', 'interruption-requested', 'tool-stopped', 'installer-downloaded']));
    expect(types.at(-1)).toBe('clean-stop');
  });

  it('explains a bad option in one plain sentence, with no stack trace, and exits non-zero', async () => {
    const { code, stdout, stderr } = await run(['scan', '--jsn']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['"--jsn" is not an option Pause Guard knows. Run "pauseguard --help" to see the options.']);
  });

  it('explains a downloads folder that does not exist', async () => {
    const missing = path.join(workDir, 'no-such-folder');
    const { code, stderr } = await run(['watch', '--json', '--downloads', missing]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`The downloads folder ${missing} does not exist.`);
  });

  it('names an unknown command', async () => {
    const { code, stderr } = await run(['sacn']);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^"sacn" is not a Pause Guard command; the commands are: scan, watch\b.*\.$/);
  });
});
