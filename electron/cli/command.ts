// The shape of one CLI command: its name, its help line, its own options, and what it does.
import type { ParseArgsConfig } from 'node:util';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export interface CommonOptions {
  json: boolean;
  /** Where Pause Guard keeps its data; the app's own data folder unless --data-dir says otherwise. */
  dataDir: string;
}

export interface CommandContext {
  common: CommonOptions;
  /** The command's own options, as node:util parseArgs read them. */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  write(line: string): void;
}

export interface CliCommand {
  name: string;
  /** Its usage, e.g. "scan [--json] [--downloads DIR]". */
  usage: string;
  /** One plain line for --help. */
  summary: string;
  options: CommandOptions;
  /** Returns the exit code. A UsageError thrown here becomes one plain sentence and exit 2. */
  run(context: CommandContext): Promise<number>;
}
