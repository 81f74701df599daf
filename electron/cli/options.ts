// Parses the CLI's command line into a command and checked options; every mistake becomes one plain sentence.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../guardian/paths';
import { UsageError } from './usageError';

export const COMMANDS = ['scan', 'watch'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommonOptions {
  json: boolean;
  dataDir: string;
  /** Folders to watch for installers; null means the person's own Downloads and Desktop. */
  downloads: string[] | null;
}

export const USAGE = `Usage: pauseguard <command> [options]

Commands:
  scan    Look once for remote-access programs, incoming sessions and installers, then exit.
  watch   Keep watching and print each event as it happens, until stopped.

Options:
  --json            Print JSON (one object for scan, one line per event for watch).
  --data-dir DIR    Where Pause Guard keeps its data (default: the app's own data folder).
  --downloads DIR   A folder to watch for installers (default: your Downloads and Desktop folders).
  --help            Show this help.`;

export function parseCommandLine(argv: string[]): { command: CommandName; options: CommonOptions } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        downloads: { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${optionProblem(error)} Run "pauseguard --help" to see the options.`);
  }
  if (parsed.values.help) return 'help';
  const [command, ...extra] = parsed.positionals;
  if (!command) throw new UsageError('Please name a command: scan or watch. Run "pauseguard --help" to see them.');
  if (!isCommand(command)) throw new UsageError(`"${command}" is not a Pause Guard command; the commands are: ${COMMANDS.join(', ')}.`);
  if (extra.length > 0) throw new UsageError(`The ${command} command does not take "${extra.join(' ')}".`);
  const dataDir = path.resolve(parsed.values['data-dir'] ?? defaultDataDir());
  const downloads = parsed.values.downloads?.map(checkFolder) ?? null;
  return { command, options: { json: parsed.values.json, dataDir, downloads } };
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function checkFolder(folder: string): string {
  const resolved = path.resolve(folder);
  let stat;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new UsageError(`The downloads folder ${resolved} does not exist.`);
  }
  if (!stat.isDirectory()) throw new UsageError(`The downloads folder ${resolved} is a file, not a folder.`);
  try {
    fs.accessSync(resolved, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    throw new UsageError(`Pause Guard is not allowed to read the downloads folder ${resolved}.`);
  }
  return resolved;
}

function optionProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `"${unknown[1]}" is not an option Pause Guard knows.`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `The option ${missing[1] ?? ''} needs a value.`;
  const noValue = /Option '([^']+)' does not take an argument/.exec(message);
  if (noValue) return `The option ${noValue[1] ?? ''} does not take a value.`;
  return 'The options could not be read.';
}
