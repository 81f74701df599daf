// `npm run --silent pauseguard:windows -- <command> [options]`: the same CLI as `pauseguard`, bundled for Windows and
// run by Node for Windows under Wine, with its output on this process's stdout and stderr and its exit code passed on.
//
// Node for Windows cannot write to a pipe under Wine (EBADF), but it can write to a file: its stdout and stderr go to
// files that are streamed here as they grow, so each line `watch --json` prints arrives at once and byte for byte.
// SIGTERM ends a Wine process without notice, while SIGINT reaches it as Ctrl+C, which Node hears as SIGINT: SIGTERM
// and SIGINT here are passed on as SIGINT, so the engine flushes and exits 0 as it does on Linux. Node for Windows runs
// in a process group of its own, so a SIGTERM sent to this script's group reaches it only as that SIGINT.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWindowsCli } from './buildWindowsCli';
import { bedPaths, bedProblem, WINE, wineEnv } from './windowsBed';
import { followFile } from './followFile';

const problem = bedProblem();
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}

const bundle = await buildWindowsCli();
const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-windows-'));
const stdoutFile = path.join(outputDir, 'stdout');
const stderrFile = path.join(outputDir, 'stderr');
const stdoutFd = fs.openSync(stdoutFile, 'w');
const stderrFd = fs.openSync(stderrFile, 'w');

const child = spawn(WINE, [bedPaths.nodeExe, bundle, ...process.argv.slice(2)], {
  env: wineEnv(),
  stdio: ['ignore', stdoutFd, stderrFd],
  detached: true,
});
fs.closeSync(stdoutFd);
fs.closeSync(stderrFd);

const followers = [followFile(stdoutFile, process.stdout), followFile(stderrFile, process.stderr)];
const passOn = () => child.kill('SIGINT');
process.on('SIGTERM', passOn);
process.on('SIGINT', passOn);

const code = await new Promise<number>((resolve) => {
  child.once('error', (error) => {
    process.stderr.write(`Wine could not start Node for Windows: ${error.message}\n`);
    resolve(1);
  });
  child.once('exit', (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? os.constants.signals[signal] : 0)));
});
await Promise.all(followers.map((follower) => follower.finish()));
fs.rmSync(outputDir, { recursive: true, force: true });
process.exit(code);
