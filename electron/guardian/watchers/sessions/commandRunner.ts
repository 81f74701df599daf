// Runs a system command (netstat on macOS) and returns its standard output; injectable so tests can feed fixture
// output where the command only exists on macOS. Never runs a shell.
import { execFile } from 'node:child_process';

export type CommandRunner = (file: string, args: readonly string[]) => Promise<string>;

const TIMEOUT_MS = 10_000;
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export const runCommand: CommandRunner = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
