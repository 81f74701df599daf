// What a week's records tell of Pause Guard keeping current: an app version started for the first time (an update), a
// newer list of remote-access programs put in force, and whether any check for a newer list succeeded in the two
// weeks before the summary's end. Reads the month before the week too, as the summary does.
import type { JournalRecord } from '../../../shared/journal';
import type { WeeklySummary } from '../../../shared/summary';
import { DAY_MS } from '../../../shared/zonedTime';

/** A list of programs not checked for this long is said to be so in the summary. */
export const CHECKS_FAILING_AFTER_MS = 14 * DAY_MS;

export class UpdatesTally {
  private previousVersion: string | null = null;
  private firstSeen: number | null = null;
  private lastSucceeded: number | null = null;
  private readonly app: NonNullable<WeeklySummary['updates']>['app'] = [];
  private readonly catalog: NonNullable<WeeklySummary['updates']>['catalog'] = [];

  constructor(private readonly weekStart: number, private readonly measuredUntil: number) {}

  add(record: JournalRecord, at: number): void {
    if (at > this.measuredUntil) return;
    this.firstSeen ??= at;
    const inWeek = at >= this.weekStart;
    if (record.type === 'app-started') {
      if (inWeek && this.previousVersion !== null && record.version !== this.previousVersion) this.app.push({ at: record.at, version: record.version });
      this.previousVersion = record.version;
    } else if (record.type === 'catalog-check' && record.outcome !== 'refused') {
      this.lastSucceeded = at;
      if (inWeek && record.outcome === 'updated') this.catalog.push({ at: record.at, version: record.version, date: record.date });
    }
  }

  result(): NonNullable<WeeklySummary['updates']> {
    const since = this.measuredUntil - CHECKS_FAILING_AFTER_MS;
    const failing = this.firstSeen !== null && this.firstSeen <= since && (this.lastSucceeded === null || this.lastSucceeded < since);
    const lastSucceeded = this.lastSucceeded === null ? null : new Date(this.lastSucceeded).toISOString();
    return { app: this.app, catalog: this.catalog, checksFailing: failing ? { lastSucceeded } : null };
  }
}
