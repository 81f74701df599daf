// The headless front end: the same engine as the tray app, driven from a terminal. The commands are in cli/commands.ts.
// It must never print a stack trace at a person: every failure is one plain sentence on stderr and a non-zero exit.
import { commands } from './cli/commands';
import { parseCommandLine, usage } from './cli/options';
import { UsageError } from './cli/usageError';
import { isWin32HookThread, runWin32HookThread } from './guardian/watchers/input/win32HookThread';

const write = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, commands);
  if (parsed === 'help') {
    write(usage(commands));
    return 0;
  }
  return parsed.command.run({ common: parsed.common, values: parsed.values, write });
}

function fail(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Pause Guard stopped: ${message}\n`);
  return 1;
}

if (isWin32HookThread()) {
  // This file also runs as the Windows input-hook thread (see win32HookThread.ts): that thread starts no command.
  void runWin32HookThread();
} else {
  process.on('uncaughtException', (error) => process.exit(fail(error)));
  process.on('unhandledRejection', (error) => process.exit(fail(error)));

  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => process.exit(fail(error)),
  );
}
