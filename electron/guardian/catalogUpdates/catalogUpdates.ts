// Keeps the list of remote-access programs current between app releases: owns the live catalog, puts in force the
// newest signed one kept in the data folder at start, checks the published one once a day (and once soon after start),
// and applies a newer signed one at once. Every refusal leaves the catalog in force and is journalled in one sentence.
// Never puts in force a catalog whose signature, form or version is not right; never turns protection off.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AppRecord, CatalogRefusal } from '../../../shared/journal';
import { CatalogError, loadCatalog, type Catalog } from '../catalog';
import { createLiveCatalog, type LiveCatalog } from '../liveCatalog';
import { oneAtATime } from '../oneAtATime';
import { writeFileAtomic } from '../store/atomicFile';
import { CatalogDownloadError, downloadCatalog } from './catalogDownload';
import { CATALOG_PUBLIC_KEY, DEFAULT_CATALOG_URL } from './catalogPublicKey';
import { openSignedCatalog, SignedCatalogError } from './catalogSignature';

/** The signed catalog in force, as downloaded: checked again at every start, so a hand-made file is never used. */
export const KEPT_CATALOG_FILE = 'remote-tools.signed.json';
/** When the last check happened and succeeded, what it refused, and the ETag of the document in force. */
export const CATALOG_STATE_FILE = 'catalog-updates.json';

const KEPT_DAMAGED = 'The list of remote-access programs kept in the data folder was changed or damaged outside Pause Guard.';

/** Far above the shipped catalog (60 kB for about 100 programs): a larger document is not a catalog. */
export const MAX_CATALOG_BYTES = 2 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 60_000;
const FIRST_CHECK_AFTER_MS = 2 * 60_000;
const CHECK_EVERY_MS = 24 * 60 * 60_000;
const KEPT_LOOK_EVERY_MS = 60_000;

const CheckStateSchema = z.object({
  /** The address the ETag belongs to: another address is asked without If-None-Match. */
  url: z.string().nullable().default(null),
  etag: z.string().nullable().default(null),
  /** The version in force when the ETag was had: with another in force (a kept list put back or damaged), it is not sent. */
  version: z.number().int().nullable().default(null),
  checkedAt: z.string().nullable().default(null),
  succeededAt: z.string().nullable().default(null),
  /** The last check's refusal, until a check succeeds. */
  refusal: z.object({ reason: z.string(), message: z.string() }).nullable().default(null),
});
export type CatalogCheckState = z.infer<typeof CheckStateSchema>;

/** What one check did, as journalled (without its type and time). */
export type CatalogCheckOutcome = Omit<Extract<AppRecord, { type: 'catalog-check' }>, 'type' | 'at'>;

export interface CatalogUpdatesOptions {
  dataDir: string;
  /** The catalog that came with the app; loadCatalog() unless given. */
  shipped?: Catalog;
  /** Where the signed catalog is published now (the settings' address, else the newest GitHub release's asset). */
  url: () => string | null;
  /** Journals one check (appServices' record()). */
  record: (record: AppRecord) => Promise<void>;
  /** A change of what the status page shows (a check done). */
  onChange?: () => void;
  log: (line: string) => void;
  /** The maintainers' public key unless given (tests sign with their own). */
  publicKey?: string;
  /** Certificate authorities to trust besides the system's (tests' own). */
  ca?: string;
  timeoutMs?: number;
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
  /** How often the kept list is looked at for one another process put there; a minute unless given (tests). */
  keptLookEveryMs?: number;
  now?: () => Date;
}

export interface CatalogUpdates {
  /** The one catalog everything holds; its content changes when a newer one is put in force. */
  readonly catalog: LiveCatalog;
  /** Why the kept list found at open was not used (changed or damaged outside Pause Guard), in one sentence; null when it was fine or absent. */
  readonly keptProblem: string | null;
  /** Checks now (at `url`, or the usual address), applies a newer signed catalog, journals what happened. */
  check(url?: string): Promise<CatalogCheckOutcome>;
  /** When the last check happened and succeeded, and what it refused. */
  state(): CatalogCheckState;
  /** Checks soon after start, then once a day; and every minute puts in force a newer list another process
   *  (`pauseguard update-catalog`) kept, checked as at start. */
  start(): void;
  stop(): void;
}

/** A refusal with its reason, in one plain sentence. */
class Refused extends Error {
  constructor(readonly reason: CatalogRefusal, message: string) {
    super(message);
  }
}

export async function openCatalogUpdates(options: CatalogUpdatesOptions): Promise<CatalogUpdates> {
  const { dataDir, log } = options;
  const now = options.now ?? (() => new Date());
  const publicKey = options.publicKey ?? CATALOG_PUBLIC_KEY;
  const keptFile = path.join(dataDir, KEPT_CATALOG_FILE);
  const stateFile = path.join(dataDir, CATALOG_STATE_FILE);
  const shipped = options.shipped ?? loadCatalog();
  const kept = await keptOrShipped(keptFile, shipped, publicKey, log);
  const catalog = createLiveCatalog(kept.catalog);
  let state = await readState(stateFile);
  /** The kept list and the check state as last looked at (their change times): the minute's look reads them only once changed. */
  const filesNow = async (): Promise<string> => `${await changedAt(keptFile)} ${await changedAt(stateFile)}`;
  let filesSeen = await filesNow();
  // A list older than the one the last check left in force was put back (or the newer one lost): ask for the newest now.
  const rolledBack = state.version !== null && state.version > catalog.version;
  if (rolledBack) {
    log(`The list of remote-access programs found at start (version ${catalog.version}) is older than the one last in use (version ${state.version}); the newest is asked for now.`);
  }
  const serial = oneAtATime();
  let timers: ReturnType<typeof setTimeout>[] = [];
  /** Aborts a download under way when the app stops, so no socket holds the process open for the time limit. */
  let stopping = new AbortController();

  /** The catalog in a signed document, checked for signature, form and version; throws Refused otherwise. */
  const newer = (text: string): Catalog | null => {
    let next: Catalog;
    try {
      next = loadCatalog(openSignedCatalog(text, publicKey));
    } catch (error) {
      if (error instanceof SignedCatalogError) throw new Refused(error.reason, error.message);
      if (error instanceof CatalogError) throw new Refused('malformed', 'The list of remote-access programs was signed but is not one Pause Guard can use.');
      throw error;
    }
    if (next.version < catalog.version) {
      throw new Refused('downgrade', `The list of remote-access programs offered (version ${next.version}) is older than the one in use (version ${catalog.version}).`);
    }
    return next.version === catalog.version ? null : next;
  };

  const checkOnce = async (address: string): Promise<CatalogCheckOutcome> => {
    const at = now().toISOString();
    // "Nothing newer" answers for the list the ETag came with only: not for an older one put back in the data folder.
    const etag = state.url === address && state.version === catalog.version ? state.etag : null;
    let outcome: CatalogCheckOutcome;
    try {
      const got = await downloadCatalog({
        url: address, etag, timeoutMs: options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS, maxBytes: MAX_CATALOG_BYTES, ca: options.ca, signal: stopping.signal,
      })
        .catch((error: unknown) => {
          if (error instanceof CatalogDownloadError) throw new Refused(error.reason, error.message);
          throw error;
        });
      let updated = false;
      if (got.kind === 'document') {
        const next = newer(got.text);
        if (next) {
          await writeFileAtomic(keptFile, got.text);
          catalog.replace(next);
          updated = true;
        }
      }
      const etagNow = got.kind === 'document' ? got.etag : etag;
      state = { url: address, etag: etagNow, version: catalog.version, checkedAt: at, succeededAt: at, refusal: null };
      outcome = { outcome: updated ? 'updated' : 'unchanged', version: catalog.version, date: catalog.date, reason: null, message: null };
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      state = { ...state, checkedAt: at, refusal: { reason: error.reason, message: error.message } };
      outcome = { outcome: 'refused', version: catalog.version, date: catalog.date, reason: error.reason, message: error.message };
    }
    await writeFileAtomic(stateFile, `${JSON.stringify(state)}\n`);
    await options.record({ type: 'catalog-check', at, ...outcome });
    options.onChange?.();
    return outcome;
  };

  const usualUrl = (): string => options.url() ?? DEFAULT_CATALOG_URL;
  const scheduled = (): void => {
    void serial(() => checkOnce(usualUrl())).catch((error: unknown) => {
      if (stopping.signal.aborted) return;
      log(`Pause Guard could not check for a newer list of remote-access programs: ${error instanceof Error ? error.message : String(error)}`);
    });
  };

  /** Puts in force a newer list another process (`pauseguard update-catalog`) kept, checked as at start, and takes up its check's state. */
  const adoptKept = (): Promise<void> => serial(async () => {
    const now = await filesNow();
    if (now === filesSeen) return;
    filesSeen = now;
    const found = (await keptOrShipped(keptFile, shipped, publicKey, log)).catalog;
    if (found.version > catalog.version) catalog.replace(found);
    state = await readState(stateFile);
    options.onChange?.();
  });

  return {
    catalog,
    keptProblem: kept.damaged ? KEPT_DAMAGED : null,
    check: (url) => serial(() => checkOnce(url ?? usualUrl())),
    state: () => state,
    start() {
      stopping = new AbortController();
      const first = setTimeout(scheduled, rolledBack ? 0 : (options.firstCheckAfterMs ?? FIRST_CHECK_AFTER_MS));
      const daily = setInterval(scheduled, options.checkEveryMs ?? CHECK_EVERY_MS);
      const lookAtKept = setInterval(() => void adoptKept().catch((error: unknown) => {
        log(`Pause Guard could not read the list of remote-access programs kept in its folder: ${error instanceof Error ? error.message : String(error)}`);
      }), options.keptLookEveryMs ?? KEPT_LOOK_EVERY_MS);
      for (const timer of [first, daily, lookAtKept]) timer.unref();
      timers = [first, daily, lookAtKept];
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers = [];
      stopping.abort(new Error('Pause Guard stopped during the check.'));
    },
  };
}

/** The catalog in force in a data folder, for a command that only looks (scan, setup): the kept one if it checks and is newer. */
export async function catalogInForce(dataDir: string, log: (line: string) => void): Promise<Catalog> {
  return (await keptOrShipped(path.join(dataDir, KEPT_CATALOG_FILE), loadCatalog(), CATALOG_PUBLIC_KEY, log)).catalog;
}

/** The signed catalog kept from an earlier update when it checks and is newer than the shipped one; the shipped one otherwise. */
async function keptOrShipped(
  file: string, shipped: Catalog, publicKey: string, log: (line: string) => void,
): Promise<{ catalog: Catalog; damaged: boolean }> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return { catalog: shipped, damaged: false };
  try {
    const kept = loadCatalog(openSignedCatalog(text, publicKey));
    return { catalog: kept.version > shipped.version ? kept : shipped, damaged: false };
  } catch {
    log(`${KEPT_DAMAGED} The list that came with the app is used until the next check.`);
    return { catalog: shipped, damaged: true };
  }
}

async function readState(file: string): Promise<CatalogCheckState> {
  const raw = await fs.readFile(file, 'utf8').then((text) => JSON.parse(text) as unknown, () => ({}));
  const parsed = CheckStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : CheckStateSchema.parse({});
}

/** When a file was last changed (ms), or null when there is none. */
async function changedAt(file: string): Promise<number | null> {
  return fs.stat(file).then((stat) => stat.ctimeMs, () => null);
}
