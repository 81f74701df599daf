// Dates and times worded by the family's region: day-first with a lower-case "pm" in GB, IE and AU, month-first in the
// US and Canada; a text that is no date is shown as it is.
import { describe, expect, it } from 'vitest';
import { dateWords } from '../../../shared/dateWords';

const AT = '2026-03-03T14:05:00Z';

describe('dateWords', () => {
  it('words a moment the British way for GB, IE and AU', () => {
    for (const region of ['GB', 'IE', 'AU'] as const) {
      const words = dateWords(region, 'UTC');
      expect(words.moment(AT)).toBe('2:05 pm on Tuesday 3 March 2026');
      expect(words.day(AT)).toBe('Tuesday 3 March');
      expect(words.dayOfMonth(AT)).toBe('3 March');
    }
  });

  it('words a moment the American way for the US', () => {
    const words = dateWords('US', 'UTC');
    expect(words.moment(AT)).toBe('2:05 PM on Tuesday, March 3, 2026');
    expect(words.day(AT)).toBe('Tuesday, March 3');
    expect(words.dayOfMonth(AT)).toBe('March 3');
    expect(words.shortDay(AT)).toBe('Tue, Mar 3');
  });

  it('follows the time zone it is given', () => {
    expect(dateWords('GB', 'Australia/Sydney').moment(AT)).toBe('1:05 am on Wednesday 4 March 2026');
  });

  it('shows a text that is no date as it is', () => {
    expect(dateWords('GB').clock('soon')).toBe('soon');
  });
});
