// `summary [--week YYYY-Www] [--json]`: the weekly safety summary from the journal in --data-dir (default: last full week).
import path from 'node:path';
import { readJournal } from '../guardian/store/journal';
import { openSettings } from '../guardian/store/settingsStore';
import { IsoWeekError, lastFullWeek, parseIsoWeek } from '../../shared/isoWeek';
import { formatSummary } from '../guardian/summary/summaryText';
import { summarizeWeek, summaryReadRange } from '../guardian/summary/weeklySummary';
import { defaultTimeZone } from '../../shared/zonedTime';
import type { CliCommand } from './command';
import { UsageError } from './usageError';

export const summaryCommand: CliCommand = {
  name: 'summary',
  usage: 'summary [--week YYYY-Www] [--json]',
  summary: 'Show the weekly safety summary (the last full week unless --week says which).',
  options: { week: { type: 'string' } },
  async run(context) {
    const now = new Date();
    const timeZone = defaultTimeZone();
    const week = weekOption(context.values.week, now, timeZone);
    const problems: string[] = [];
    const { trustedHelpers, region } = (await openSettings({ dataDir: context.common.dataDir })).settings;
    const records = readJournal(path.join(context.common.dataDir, 'journal'), summaryReadRange(week, { timeZone }), (m) => problems.push(m));
    const summary = await summarizeWeek(records, week, { timeZone, now, trustedHelpers, region });
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    context.write(context.common.json ? JSON.stringify(summary) : formatSummary(summary));
    return 0;
  },
};

function weekOption(value: unknown, now: Date, timeZone: string) {
  if (typeof value !== 'string') return lastFullWeek(now, timeZone);
  try {
    return parseIsoWeek(value);
  } catch (error) {
    if (error instanceof IsoWeekError) throw new UsageError(error.message);
    throw error;
  }
}
