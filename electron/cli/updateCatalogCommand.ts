// `update-catalog [--url URL] [--json]`: one check for a newer signed list of remote-access programs, by hand, at the
// address in the settings (or --url, not saved); prints what happened and exits 1 when the document was refused, with
// the reason in one sentence. The check is left for the running app to journal; the app reads the kept list at its next start.
import { openCatalogUpdates, type CatalogCheckOutcome } from '../guardian/catalogUpdates/catalogUpdates';
import { leaveForJournal } from '../guardian/store/journalInbox';
import { openSettings } from '../guardian/store/settingsStore';
import { dateWords } from '../../shared/dateWords';
import { CatalogUrlSchema, type Region } from '../../shared/settings';
import { FIELD_MESSAGES } from '../../shared/setupFields';
import type { CliCommand } from './command';
import { UsageError } from './usageError';

export const updateCatalogCommand: CliCommand = {
  name: 'update-catalog',
  usage: 'update-catalog [--url URL] [--json]',
  summary: 'Check now for a newer list of remote-access programs, put it in use if it is genuine, and say what happened.',
  options: { url: { type: 'string' } },
  async run(context) {
    const url = urlOption(context.values.url);
    const { dataDir } = context.common;
    const { settings } = await openSettings({ dataDir });
    const updates = await openCatalogUpdates({
      dataDir, url: () => settings.catalogUrl, record: (record) => leaveForJournal(dataDir, record),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const outcome = await updates.check(url);
    context.write(context.common.json ? JSON.stringify(outcome) : describeCheck(outcome, settings.region));
    return outcome.outcome === 'refused' ? 1 : 0;
  },
};

function urlOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const url = String(value).trim();
  if (!CatalogUrlSchema.safeParse(url).success) throw new UsageError(FIELD_MESSAGES.catalogUrl);
  return url;
}

/** "version 2 of 20 December 2026", or "version 2" when the list has no date. */
function listName(outcome: CatalogCheckOutcome, region: Region): string {
  return outcome.date === null ? `version ${outcome.version}` : `version ${outcome.version} of ${dateWords(region, 'UTC').date(`${outcome.date}T12:00:00Z`)}`;
}

export function describeCheck(outcome: CatalogCheckOutcome, region: Region): string {
  const list = listName(outcome, region);
  if (outcome.outcome === 'updated') return `The list of remote-access programs was updated to ${list}.`;
  if (outcome.outcome === 'unchanged') return `The list of remote-access programs in use (${list}) is the newest.`;
  return `${outcome.message ?? 'The list offered was refused.'}\nThe list in use stays ${list}.`;
}
