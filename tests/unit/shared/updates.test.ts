// The status page's words about keeping current: the one line with version, list date and last check (today,
// yesterday or a date, by region), a refusal, an update waiting, and how a build that does not update itself is kept current.
import { describe, expect, it } from 'vitest';
import { updatesSentences, type UpdatesView } from '../../../shared/updates';

const now = new Date('2026-12-06T15:00:00Z');
const view = (overrides: Partial<UpdatesView> = {}): UpdatesView => ({
  appVersion: '0.3.0', catalogVersion: 7, catalogDate: '2026-12-02', checkedAt: '2026-12-06T09:00:00Z', catalogProblem: null,
  appUpdates: 'on', appUpdateWaiting: null, ...overrides,
});

describe('updatesSentences', () => {
  it('is the one line the issue asks for when all is current', () => {
    expect(updatesSentences(view(), 'GB', now, 'Europe/London')).toEqual(['Pause Guard 0.3.0, list of remote-access programs from 2 December 2026, checked today.']);
  });

  it('says yesterday, or the date, by the region\'s way of writing dates', () => {
    expect(updatesSentences(view({ checkedAt: '2026-12-05T20:00:00Z' }), 'GB', now, 'Europe/London')[0]).toMatch(/checked yesterday\.$/);
    expect(updatesSentences(view({ checkedAt: '2026-11-28T20:00:00Z' }), 'US', now, 'America/New_York')[0])
      .toBe('Pause Guard 0.3.0, list of remote-access programs from December 2, 2026, checked on November 28, 2026.');
  });

  it('names a list without a date by its version, and a list never checked as such', () => {
    expect(updatesSentences(view({ catalogDate: null, checkedAt: null }), 'GB', now)[0])
      .toBe('Pause Guard 0.3.0, list of remote-access programs version 7, not checked for a newer one yet.');
  });

  it('adds an update waiting for a quiet moment, and how the deb is kept current', () => {
    expect(updatesSentences(view({ appUpdateWaiting: '0.4.0' }), 'GB', now).slice(1)).toEqual(['Pause Guard 0.4.0 is ready and installs itself at the next quiet moment.']);
    expect(updatesSentences(view({ appUpdates: 'package-manager' }), 'GB', now).slice(1)).toEqual(['This computer\'s software updates keep Pause Guard up to date.']);
  });
});
