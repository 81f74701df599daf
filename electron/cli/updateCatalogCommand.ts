// `update-catalog [--url URL] [--json]`: one check for a newer signed list of remote-access programs, by hand, at the
// address in the settings (or --url, not saved); prints what happened and exits 1 when the document was refused, with
// the reason in one sentence. The check is journalled through the app's own services; a running app puts the list it
// kept in force within a minute.
import type { CatalogCheckOutcome } from '../guardian/catalogUpdates/catalogUpdates';
import { dateWords } from '../../shared/dateWords';
import { CatalogUrlSchema, type Region } from '../../shared/settings';
import { FIELD_MESSAGES } from '../../shared/setupFields';
import type { CliCommand } from './command';
import { withCommandServices } from './commandServices';
import { UsageError } from './usageError';

export const updateCatalogCommand: CliCommand = {
  name: 'update-catalog',
  usage: 'update-catalog [--url URL] [--json]',
  summary: 'Check now for a newer list of remote-access programs, put it in use if it is genuine, and say what happened.',
  options: { url: { type: 'string' } },
  async run(context) {
    const url = urlOption(context.values.url);
    const run = await withCommandServices(context.common.dataDir, async (services) => ({
      outcome: await services.catalogUpdates.check(url),
      region: services.settings().region,
    }));
    if (!run.ok) {
      context.write(run.problem);
      return 1;
    }
    const { outcome, region } = run.value;
    context.write(context.common.json ? JSON.stringify(outcome) : describeCheck(outcome, region));
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
