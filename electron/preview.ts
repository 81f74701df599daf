// The preview host (development and tests only, never in a release): the real app services (engine, policy, journal, alerts), the renderer built by Vite and
// served to a browser on 127.0.0.1 behind a per-run token. Prints one line, the address to open, and nothing else on stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { createApiHandlers } from './apiHandlers';
import { createAppServices } from './guardian/appServices';
import { realRoots } from './guardian/check/systemPlaces';
import { APP_VERSION } from './guardian/appVersion';
import { UsageError } from './cli/usageError';
import { createAccessToken } from './preview/accessToken';
import { buildRenderer } from './preview/buildRenderer';
import { parsePreviewOptions } from './preview/options';
import { previewOpenExternalLink } from './preview/previewHandlers';
import { startPreviewServer } from './preview/previewServer';
import { loadStaticFiles } from './preview/staticFiles';

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** What this run has set up, undone in reverse order on the way out, whenever that comes. */
const undo: (() => Promise<unknown>)[] = [];
let leaving: Promise<never> | null = null;

/** The one way out. A second signal while leaving (npm forwards the one it was sent too) waits for the first. */
function leave(code: number): Promise<never> {
  leaving ??= (async () => {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    process.exit(code);
  })();
  return leaving;
}

/** This run's temporary folders: removed as the process exits, however it exits (only SIGKILL leaves them). */
const ownFolders: string[] = [];
process.on('exit', () => {
  for (const folder of ownFolders) fs.rmSync(folder, { recursive: true, force: true });
});

async function ownFolder(prefix: string): Promise<string> {
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), prefix));
  ownFolders.push(folder);
  return folder;
}

async function main(argv: string[]): Promise<void> {
  const options = parsePreviewOptions(argv);
  const dataDir = options.dataDir ?? (await ownFolder('pauseguard-preview-data-'));
  // A data folder of its own gets a seal folder of its own, so nothing is left in the person's seal folder.
  const sealDir = options.dataDir ? undefined : await ownFolder('pauseguard-preview-seal-');
  const services = await createAppServices({
    dataDir,
    sealDir,
    version: APP_VERSION,
    downloadFolders: options.downloads,
    processesIn: options.processesIn,
    checkRoots: { root: options.checkRoot ?? realRoots().root, home: options.checkHome ?? realRoots().home },
    quit: () => void leave(0),
    log,
  });
  undo.push(() => services.stop('shutdown'));
  // The page stands in for the tray's native notifications too: a warning opens its page at once.
  services.guardian.onWarning((warning) => services.guardian.openWarning(warning.id));
  const rendererDir = await ownFolder('pauseguard-preview-renderer-');
  await buildRenderer(rendererDir);
  const server = await startPreviewServer({
    port: options.port,
    token: createAccessToken(),
    files: await loadStaticFiles(rendererDir),
    handlers: createApiHandlers({
      guardian: services.guardian, setup: services.setup, summary: services, cleanup: services.cleanup, openExternalLink: previewOpenExternalLink(log),
    }),
    events: services.guardian,
    log,
  });
  undo.push(() => server.close());
  await services.start();
  process.stdout.write(`${server.url}\n`);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  // A build tool's colours are no part of a plain sentence.
  log(error instanceof UsageError ? message : `The preview stopped: ${stripVTControlCharacters(message)}`);
  void leave(error instanceof UsageError ? 2 : 1);
}

process.on('SIGTERM', () => void leave(0));
process.on('SIGINT', () => void leave(0));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
main(process.argv.slice(2)).catch(fail);
