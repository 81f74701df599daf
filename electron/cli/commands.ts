// Every command the CLI knows, in the order --help lists them.
import type { CliCommand } from './command';
import { scanCommand } from './scanCommand';
import { testAlertCommand } from './testAlertCommand';
import { watchCommand } from './watchCommand';

export const commands: readonly CliCommand[] = [scanCommand, watchCommand, testAlertCommand];
