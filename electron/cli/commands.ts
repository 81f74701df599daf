// Every command the CLI knows, in the order --help lists them.
import { checkCommand } from './checkCommand';
import { cleanUpCommand } from './cleanUpCommand';
import type { CliCommand } from './command';
import { scanCommand } from './scanCommand';
import { setupCommand } from './setupCommand';
import { summaryCommand } from './summaryCommand';
import { testAlertCommand } from './testAlertCommand';
import { updateCatalogCommand } from './updateCatalogCommand';
import { verifyJournalCommand } from './verifyJournalCommand';
import { watchCommand } from './watchCommand';

export const commands: readonly CliCommand[] = [
  scanCommand, watchCommand, setupCommand, testAlertCommand, summaryCommand, verifyJournalCommand, updateCatalogCommand, checkCommand, cleanUpCommand,
];
