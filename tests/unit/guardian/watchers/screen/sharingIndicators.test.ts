// Browsers' screen-sharing indicators as their titles read: Chromium, Chrome, Edge on every system ("<site> is sharing
// your screen.", measured on X11 with Debian's Chromium), Firefox's "Sharing Indicator" window; and ordinary page titles that only talk about sharing.
import { sharingIndicatorOf } from '../../../../../electron/guardian/watchers/screen/sharingIndicators';

describe('sharingIndicatorOf', () => {
  it.each<[string, string | null]>([
    // Chromium 156 on X11, measured: the origin with its scheme.
    ['http://localhost:8765 is sharing your screen.', 'http://localhost:8765'],
    ['https://meet.google.com is sharing your screen.', 'https://meet.google.com'],
    ['meet.google.com is sharing your screen.', 'meet.google.com'],
    ['web.whatsapp.com is sharing your screen.', 'web.whatsapp.com'],
    ['teams.microsoft.com is sharing a window.', 'teams.microsoft.com'],
    ['localhost:8765 is sharing your screen.', 'localhost:8765'],
    ['Screencastify is sharing your screen.', 'screencastify'],
    ['Firefox — Sharing Indicator', null],
    ['Firefox - Sharing Indicator', null],
    ['Nightly — Sharing Indicator', null],
  ])('%s is a sharing indicator naming %s', (title, site) => {
    expect(sharingIndicatorOf(title)).toEqual({ site });
  });

  it.each([
    'How to stop sharing your screen in Zoom - Google Search',
    'Meet - abc-defg-hij',
    'Mary is sharing your screen tips - YouTube - Google Chrome',
    'Sharing Indicator',
    'Firefox',
    '',
    'a'.repeat(100_000),
  ])('%s is not', (title) => {
    expect(sharingIndicatorOf(title)).toBeNull();
  });
});
