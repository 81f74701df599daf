// The Windows test bed for a test file: a fresh copy of the bed's Wine prefix (a clean "PC" per file, one wineserver kept
// up for it), the CLI run under Node for Windows through npm as a person runs it, tools that are renamed copies of
// node.exe at Windows paths, and paths translated between Linux and the prefix. stop() ends everything it started, and
// so does the test process exiting.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bedPaths, bedProblem, repoRoot, WINE, WINESERVER, wineEnv, winePrefix } from '../../scripts/windows/windowsBed';
import { readJsonLines, type JsonLines } from '../fixtures/jsonLines';
import { endProcessGroup, killGroupOnExit, signalGroup } from '../fixtures/processGroup';
import { prefixPaths, type PrefixPaths } from './prefixPaths';

const run = promisify(execFile);
const TOOL_START_TIMEOUT_MS = 30_000;
const POLL_MS = 50;
/** How long taskkill may take to end a tool before its launcher is ended from the Linux side. */
const TOOL_STOP_TIMEOUT_MS = 10_000;

/** Windows paths of the folders tools and tests use, as Node for Windows sees them in this prefix. */
export interface WindowsFolders {
  readonly programFiles: string;
  readonly appData: string;
  readonly localAppData: string;
  readonly programData: string;
  readonly downloads: string;
  readonly desktop: string;
}

/** What `process.env` holds in Node for Windows here: %APPDATA%, %ProgramData% ... as Wine sets them. */
export type WindowsEnv = Readonly<Record<string, string>>;

/** A renamed node.exe running as a Windows process. */
export interface WineTool {
  /** The Windows process id (what the engine reports), not the Linux one. */
  readonly pid: number;
  /** The executable's Windows path. */
  readonly exe: string;
  /** When the launcher asked Windows to start it (ms since the epoch), for latency figures. */
  readonly spawnedAt: number;
  /** Ends the process and resolves once it is gone. */
  stop(): Promise<void>;
}

/** The CLI running under Wine through `npm run --silent pauseguard:windows`. */
export interface WineCli {
  readonly child: ChildProcess;
  /** stdout, one JSON object per line (watch --json, scan --json). */
  readonly output: JsonLines;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code once the CLI has exited. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to npm, as a service manager or a person's kill would send; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface WineBed extends PrefixPaths {
  /** The prefix's Linux path (its drive_c is C:). */
  readonly prefix: string;
  readonly folders: WindowsFolders;
  readonly windowsEnv: WindowsEnv;
  /** Writes a file at a Windows path, making its folders. */
  writeFile(windowsPath: string, content: string | Buffer): Promise<void>;
  /** Appends to a file at a Windows path (making it and its folders), as a tool writing its log line by line does. */
  appendFile(windowsPath: string, content: string | Buffer): Promise<void>;
  /** Puts a renamed copy of node.exe at `windowsExe` and starts it with `args` after its own idle script. */
  startTool(windowsExe: string, args?: string[]): Promise<WineTool>;
  /** Starts `npm run --silent pauseguard:windows -- ...args` in this prefix. */
  cli(args: string[]): WineCli;
  /** Runs the CLI to its end. */
  runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Node for Windows run with `args` (e.g. a bundle in the bed's CLI folder and its arguments) to its end. */
  runNode(args: string[]): Promise<{ code: number | null; stderr: string }>;
  /** Ends every CLI and tool it started, the prefix's wineserver with all its processes, and removes the prefix. */
  stop(): Promise<void>;
}

export interface WineBedOptions {
  /** Added to the environment of every Wine process (e.g. DISPLAY for a test that needs a screen). */
  env?: NodeJS.ProcessEnv;
}

/** Copies the bed's prefix into a new temporary folder; Windows' own files are hard links (Wine never rewrites them). */
async function copyPrefix(base: string, prefix: string): Promise<void> {
  await fs.promises.mkdir(path.join(prefix, 'drive_c'), { recursive: true });
  // `wineserver` in a Debian prefix names the server's socket folder: each copy must get its own.
  const top = fs.readdirSync(base).filter((name) => name !== 'drive_c' && name !== 'wineserver');
  await run('cp', ['-a', ...top.map((name) => path.join(base, name)), prefix]);
  const drive = fs.readdirSync(path.join(base, 'drive_c'));
  await run('cp', ['-al', path.join(base, 'drive_c', 'windows'), path.join(prefix, 'drive_c')]);
  const rest = drive.filter((name) => name !== 'windows').map((name) => path.join(base, 'drive_c', name));
  if (rest.length > 0) await run('cp', ['-a', ...rest, path.join(prefix, 'drive_c')]);
}

/** Resolves with the exit code once `child` has exited. */
function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Whether a Linux process is stopped (SIGSTOP). Wine names a tool's Linux process after the tool, so a Pause Guard for
 * Linux running on the same machine (another test run) sees it as that tool and freezes it.
 */
function isHeldStopped(pid: number): boolean {
  try {
    return /^\d+ \(.*\) T /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Waits for the launcher to write the tool's pid and when it was started; rejects if the launcher exits first. */
async function readPidFile(file: string, child: ChildProcess, what: string): Promise<{ pid: number; spawnedAt: number }> {
  const deadline = Date.now() + TOOL_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it ran (code ${child.exitCode ?? child.signalCode}).`);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const written = text.endsWith('}') ? (JSON.parse(text) as { pid?: number; spawnedAt: number }) : null;
    if (written?.pid !== undefined) return { pid: written.pid, spawnedAt: written.spawnedAt };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const held = child.pid !== undefined && isHeldStopped(child.pid);
  throw new Error(`${what} did not start within ${TOOL_START_TIMEOUT_MS / 1000} s${held ? ': it is held stopped (SIGSTOP), likely by a Pause Guard for Linux running on this machine' : ''}.`);
}

/** The folders tools and tests use, from the environment Node for Windows has in `prefix`. */
function windowsFolders(windowsEnv: WindowsEnv, prefix: string): WindowsFolders {
  const envValue = (name: string): string => {
    const value = windowsEnv[name];
    if (!value) throw new Error(`Node for Windows has no %${name}% in ${prefix}.`);
    return value;
  };
  return {
    programFiles: envValue('ProgramFiles'),
    appData: envValue('APPDATA'),
    localAppData: envValue('LOCALAPPDATA'),
    programData: envValue('ProgramData'),
    downloads: `${envValue('USERPROFILE')}\\Downloads`,
    desktop: `${envValue('USERPROFILE')}\\Desktop`,
  };
}

/** Starts a bed for one test file; throws the bed's problem in one sentence when Wine or setup:windows is missing. */
export async function startWineBed(options: WineBedOptions = {}): Promise<WineBed> {
  const problem = bedProblem();
  if (problem) throw new Error(problem);
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pg-wine-'));
  const prefix = path.join(workDir, 'prefix');
  try {
    await copyPrefix(winePrefix(), prefix);
  } catch (error) {
    await fs.promises.rm(workDir, { recursive: true, force: true });
    throw error;
  }
  const env = wineEnv({ ...process.env, ...options.env, WINEPREFIX: prefix });

  const { toLinux, toWindows } = prefixPaths(prefix);

  const children = new Set<ChildProcess>();
  const forgets = new Map<ChildProcess, () => void>();
  const track = (child: ChildProcess): void => {
    children.add(child);
    forgets.set(child, killGroupOnExit(child));
    child.once('exit', () => {
      children.delete(child);
      forgets.get(child)?.();
      forgets.delete(child);
    });
  };
  // wineserver -k ends every Windows process of this prefix, whoever started it; on exit too, so none is ever left.
  const killWine = (): void => {
    try {
      execFileSync(WINESERVER, ['-k'], { env, stdio: 'ignore' });
    } catch {
      // No wineserver running: nothing of this prefix is left.
    }
  };
  process.on('exit', killWine);
  // One wineserver for the whole file, instead of one started and ended around each Wine command. It goes to the
  // background at once; its stdio must not be a pipe held open here.
  await exitOf(spawn(WINESERVER, ['-p'], { env, stdio: 'ignore' }));

  let tools = 0;
  /**
   * A tool is started by a launcher (a plain node.exe, which no catalog names) that writes the tool's Windows pid as
   * CreateProcess gave it: a Pause Guard watching in the bed may freeze the tool before its own first line of
   * JavaScript runs (that is protection working), so the tool itself cannot be asked.
   */
  const launcher = [
    "const [file, exe, ...args] = process.argv.slice(1);",
    "const spawnedAt = Date.now();",
    "const tool = require('child_process').spawn(exe, args, { stdio: 'ignore' });",
    "tool.on('exit', () => process.exit(0));",
    "require('fs').writeFileSync(file, JSON.stringify({ pid: tool.pid, spawnedAt }));",
  ].join(' ');
  const startTool = async (windowsExe: string, args: string[] = []): Promise<WineTool> => {
    const exe = toLinux(windowsExe);
    await fs.promises.mkdir(path.dirname(exe), { recursive: true });
    await fs.promises.rm(exe, { force: true });
    // A copy, not a hard link: Wine names every image of one file after the path it first loaded it from, so hard-linked
    // tools (and the CLI's own node.exe) would all report the first one's path. A clone where the file system can.
    await fs.promises.copyFile(bedPaths.nodeExe, exe, fs.constants.COPYFILE_FICLONE);
    const pidFile = path.join(workDir, `tool-${++tools}.json`);
    const toolArgs = ['-e', 'setTimeout(() => {}, 3e5)', '--', ...args];
    const child = spawn(WINE, [bedPaths.nodeExe, '-e', launcher, '--', toWindows(pidFile), windowsExe, ...toolArgs], { env, stdio: 'ignore', detached: true });
    track(child);
    const { pid, spawnedAt } = await readPidFile(pidFile, child, windowsExe);
    return {
      pid,
      exe: windowsExe,
      spawnedAt,
      async stop() {
        const gone = child.exitCode === null && child.signalCode === null ? exitOf(child) : Promise.resolve();
        // Ended as Windows ends a program (the launcher then exits with it); a frozen one too.
        await exitOf(spawn(WINE, ['taskkill', '/PID', String(pid), '/F'], { env, stdio: 'ignore' }));
        await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, TOOL_STOP_TIMEOUT_MS))]);
        signalGroup(child, 'SIGKILL');
        await gone;
      },
    };
  };

  // npm in a process group of its own, so stop() can end it with everything it started.
  const spawnCli = (args: string[]): { child: ChildProcess; exited: Promise<number | null> } => {
    const child = spawn('npm', ['run', '--silent', 'pauseguard:windows', '--', ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...options.env, WINEPREFIX: prefix },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    track(child);
    return { child, exited: exitOf(child) };
  };

  const cli = (args: string[]): WineCli => {
    const { child, exited } = spawnCli(args);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return {
      child,
      output: readJsonLines(child.stdout!),
      stderr: () => stderr,
      exited,
      stop() {
        child.kill('SIGTERM');
        return exited;
      },
    };
  };

  const runCli = async (args: string[]) => {
    const { child, exited } = spawnCli(args);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await exited;
    return { code, stdout, stderr };
  };

  const runNode = async (args: string[]) => {
    // Node for Windows cannot write to a pipe here (EBADF): its stderr goes to a file that is read at the end.
    const stderrFile = path.join(workDir, `node-${++tools}.stderr`);
    const stderrFd = fs.openSync(stderrFile, 'w');
    const child = spawn(WINE, [bedPaths.nodeExe, ...args], { env, stdio: ['ignore', 'ignore', stderrFd], detached: true });
    fs.closeSync(stderrFd);
    track(child);
    const code = await exitOf(child);
    return { code, stderr: fs.readFileSync(stderrFile, 'utf8') };
  };

  const stop = async (): Promise<void> => {
    await Promise.all([...children].map((child) => endProcessGroup(child)));
    killWine();
    process.off('exit', killWine);
    await fs.promises.rm(workDir, { recursive: true, force: true });
  };

  // The folders as Windows names them here, asked of Node for Windows itself.
  let windowsEnv: WindowsEnv;
  let folders: WindowsFolders;
  try {
    const envFile = path.join(workDir, 'windows-env.json');
    const asked = await runNode(['-e', "require('fs').writeFileSync(process.argv[1], JSON.stringify(process.env))", '--', toWindows(envFile)]);
    if (asked.code !== 0) throw new Error(`Node for Windows did not start in ${prefix}: ${asked.stderr.trim()}`);
    windowsEnv = JSON.parse(fs.readFileSync(envFile, 'utf8')) as WindowsEnv;
    folders = windowsFolders(windowsEnv, prefix);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    prefix,
    folders,
    windowsEnv,
    toLinux,
    toWindows,
    async writeFile(windowsPath, content) {
      const file = toLinux(windowsPath);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(file, content);
    },
    async appendFile(windowsPath, content) {
      const file = toLinux(windowsPath);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.appendFile(file, content);
    },
    startTool,
    cli,
    runCli,
    runNode,
    stop,
  };
}
