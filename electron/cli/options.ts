// Parses the CLI's command line into a command and checked options; every mistake becomes one plain sentence.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../guardian/paths';
import type { CliCommand, CommandContext, CommonOptions } from './command';
import { UsageError } from './usageError';

const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

export function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: pauseguard <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}\n  ${' '.repeat(width)}pauseguard ${c.usage}`),
    '',
    'Every command takes:',
    '  --data-dir DIR    Where Pause Guard keeps its data (default: the app\'s own data folder).',
    '  --json            Print JSON instead of plain lines, where the command prints anything.',
    '  --help            Show this help.',
  ].join('\n');
}

export function parseCommandLine(
  argv: string[],
  commands: readonly CliCommand[],
): { command: CliCommand; common: CommonOptions; values: CommandContext['values'] } | 'help' {
  const first = argv.find((arg) => !arg.startsWith('-'));
  const command = commands.find((c) => c.name === first);
  if (!command) {
    if (argv.includes('--help') || argv.length === 0) return 'help';
    const names = commands.map((c) => c.name).join(', ');
    throw new UsageError(`"${first ?? argv[0]}" is not a Pause Guard command; the commands are: ${names}.`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...COMMON_OPTIONS, ...command.options } });
  } catch (error) {
    throw new UsageError(`${optionProblem(error)} Run "pauseguard --help" to see the options.`);
  }
  if (parsed.values.help) return 'help';
  const extra = parsed.positionals.slice(1);
  if (extra.length > 0) throw new UsageError(`The ${command.name} command does not take "${extra.join(' ')}".`);
  const { json, 'data-dir': dataDir, help: _help, ...values } = parsed.values;
  return {
    command,
    common: { json: json === true, dataDir: path.resolve(typeof dataDir === 'string' ? dataDir : defaultDataDir()) },
    values,
  };
}

/** A folder given on the command line, checked to exist and be readable. `role` names it: "downloads folder". */
export function checkFolder(folder: string, role: string): string {
  const resolved = path.resolve(folder);
  let stat;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new UsageError(`The ${role} ${resolved} does not exist.`);
  }
  if (!stat.isDirectory()) throw new UsageError(`The ${role} ${resolved} is a file, not a folder.`);
  try {
    fs.accessSync(resolved, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    throw new UsageError(`Pause Guard is not allowed to read the ${role} ${resolved}.`);
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
