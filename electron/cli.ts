// The headless front end: the same engine as the tray app, driven from a terminal (scan, watch). See DESIGN.md.
// It must never print a stack trace at a person: every failure is one plain sentence on stderr and a non-zero exit.
import { createEngine, EngineStartError } from './guardian/engine';
import { loadCatalog } from './guardian/catalog';
import { createDefaultWatchers } from './guardian/watchers/defaultWatchers';
import { parseCommandLine, USAGE } from './cli/options';
import { scan, formatScan } from './cli/scanCommand';
import { UsageError } from './cli/usageError';
import { watch } from './cli/watchCommand';

const writeLine = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed === 'help') {
    writeLine(USAGE);
    return 0;
  }
  const { command, options } = parsed;
  const catalog = loadCatalog();
  const engine = createEngine({
    dataDir: options.dataDir,
    watchers: createDefaultWatchers({ catalog, downloadFolders: options.downloads }),
  });
  if (command === 'scan') {
    const result = await scan(engine);
    writeLine(options.json ? JSON.stringify(result) : formatScan(result));
    return 0;
  }
  await watch(engine, writeLine, options.json);
  return 0;
}

function fail(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const message = error instanceof EngineStartError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Pause Guard stopped: ${message}\n`);
  return 1;
}

process.on('uncaughtException', (error) => process.exit(fail(error)));
process.on('unhandledRejection', (error) => process.exit(fail(error)));

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => process.exit(fail(error)),
);
