// Reads the preview host's command line (--data-dir, --downloads, --port, --processes-in, --check-root, --check-home);
// every mistake becomes one plain sentence.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkFolder } from '../cli/options';
import { UsageError } from '../cli/usageError';

export interface PreviewOptions {
  /** Where the engine keeps its data; null means a fresh temporary folder for this run. */
  dataDir: string | null;
  /** Folders to watch for installers; null means the person's own Downloads and Desktop. */
  downloads: string[] | null;
  /** 0 picks a free port. */
  port: number;
  /** Only programs run from this folder are watched and ended (tests on a shared machine); null for every program. */
  processesIn: string | null;
  /** Where "Check this computer" looks (tests: a temporary tree); null for this computer's own root and home. */
  checkRoot: string | null;
  checkHome: string | null;
}

export function parsePreviewOptions(argv: string[]): PreviewOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        downloads: { type: 'string', multiple: true },
        port: { type: 'string' },
        'processes-in': { type: 'string' },
        'check-root': { type: 'string' },
        'check-home': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${optionProblem(error)} The preview takes --data-dir DIR, --downloads DIR, --port NUMBER, --processes-in DIR, --check-root DIR and --check-home DIR.`);
  }
  return {
    dataDir: values['data-dir'] === undefined ? null : path.resolve(values['data-dir']),
    downloads: values.downloads?.map((folder) => checkFolder(folder, 'downloads folder')) ?? null,
    port: values.port === undefined ? 0 : parsePort(values.port),
    processesIn: values['processes-in'] === undefined ? null : checkFolder(values['processes-in'], 'folder of programs to watch'),
    checkRoot: values['check-root'] === undefined ? null : checkFolder(values['check-root'], 'root folder to check'),
    checkHome: values['check-home'] === undefined ? null : checkFolder(values['check-home'], 'home folder to check'),
  };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new UsageError(`"${text}" is not a port number; use a number from 1 to 65535.`);
  return port;
}

function optionProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return 'That is not an option the preview knows.';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return 'An option is missing its value.';
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'The preview takes only options, not words on their own.';
  return 'The options could not be read.';
}
