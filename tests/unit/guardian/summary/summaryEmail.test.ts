// The weekly summary email: the words of a quiet and a busy week, the chart rows, escaping of every name that came from
// logs or settings, nothing remote (no images, scripts, links or styles to fetch), and the short phone message.
import { expect, it } from 'vitest';
import { composeSummaryEmail } from '../../../../electron/guardian/summary/summaryEmail';
import { summaryNote } from '../../../../electron/guardian/summary/summaryNote';
import type { WeeklySummary } from '../../../../shared/summary';
import { quietWeek } from '../../../fixtures/summary/quietWeek';

const quiet = quietWeek;

const hostile = '<script>alert("x")</script>';
const busy: WeeklySummary = {
  ...quiet,
  uptimePercent: 81.4,
  gaps: [
    { from: '2026-11-17T22:00:00.000Z', to: '2026-11-18T07:10:00.000Z', cause: 'shutdown' },
    { from: '2026-11-20T13:00:00.000Z', to: '2026-11-20T14:00:00.000Z', cause: 'paused' },
  ],
  toolsSeen: [{ toolId: null, name: hostile, count: 3 }],
  installers: [{ toolId: 'anydesk', name: 'AnyDesk', path: 'C:\\Users\\Margaret\\Downloads\\AnyDesk.exe', firstSeen: '2026-11-19T10:00:00.000Z' }],
  sessions: {
    trusted: 1, unknown: 2,
    remoteIds: [
      { toolId: 'anydesk', name: 'AnyDesk', remoteId: '"><img src=https://evil.example/x.png>', remoteAddress: null, trusted: false, count: 2 },
      { toolId: 'anydesk', name: 'AnyDesk', remoteId: '123 456 789', remoteAddress: null, trusted: true, count: 1 },
    ],
    past: [],
  },
  interruptions: { shown: 2, choices: { 'end-it': 1, 'call-contact': 1, 'started-it-myself': 0 } },
  couldNotClose: [],
  alerts: { delivered: 5, failed: 1 },
  remoteInput: 2,
  pinFailures: 3,
  settingsChanges: { count: 1, fields: ['contacts', 'pin'], resets: 0 },
  tampering: [],
  days: [100, 62.5, 70.3, 100, 95.8, null, null].map((uptimePercent, i) => ({ date: `2026-11-${16 + i}`, uptimePercent, events: 1 })),
  allQuiet: false,
};

const chartRows = (html: string): string[] => [...html.matchAll(/<tr><th scope="row"[^>]*>([^<]*)<\/th>(.*?)<\/tr><\/table><\/td><td[^>]*>([^<]*)<\/td><\/tr>|<tr><th scope="row"[^>]*>([^<]*)<\/th><td[^>]*><span[^>]*>not yet<\/span><\/td><td[^>]*>([^<]*)<\/td><\/tr>/g)]
  .map((m) => `${m[1] ?? m[4]} ${m[3] ?? m[5]}`);

it('words a quiet week kindly: all quiet, on the whole time, nothing to look at', () => {
  const content = composeSummaryEmail({ summary: quiet, person: 'Margaret', pcName: 'KITCHEN-PC' });
  expect(content.title).toBe("Margaret's PC: all quiet this week (16 to 22 November)");
  expect(content.priority).toBe('low');
  expect(content.text.split('\n').slice(0, 7)).toEqual([
    'All quiet this week.',
    "Margaret's PC, Week 47: Monday 16 November to Sunday 22 November 2026.",
    '',
    'No remote-access programs, no connections into the computer, no one else moving the mouse, no installers, no wrong PINs and no settings changes.',
    '',
    'Protection:',
    'Protection was on the whole time.',
  ]);
  expect(content.text).toContain('  Sun 22 Nov 100%');
  expect(content.html).toContain('>All quiet this week</h1>');
  expect(content.html).toContain('<caption');
  expect(chartRows(content.html)).toEqual(['Mon 16 Nov 100%', 'Tue 17 Nov 100%', 'Wed 18 Nov 100%', 'Thu 19 Nov 100%', 'Fri 20 Nov 100%', 'Sat 21 Nov 100%', 'Sun 22 Nov 100%']);
  expect(content.short?.split('\n')).toEqual([
    'Protection was on the whole time.',
    'Nothing to look at: no remote-access programs, connections or wrong PINs.',
    'The full summary is in your email and in Pause Guard on the computer.',
  ]);
  expect(summaryNote(quiet)).toEqual({
    week: '2026-W47',
    title: 'All quiet this week (16 to 22 November)',
    body: 'Protection was on the whole time. Click to see the weekly summary.',
  });
});

it('does not call a week all quiet when protection was off most of it', () => {
  const mostlyOff = { ...quiet, uptimePercent: 20.5 };
  expect(composeSummaryEmail({ summary: mostlyOff, person: 'Margaret', pcName: 'PC' }).title)
    .toBe("Margaret's PC: nothing seen this week, but protection was off most of the time (16 to 22 November)");
});

it('lists what happened in a busy week, with bars as wide as each day was protected and days to come as "not yet"', () => {
  const content = composeSummaryEmail({ summary: busy, person: null, pcName: 'KITCHEN-PC' });
  expect(content.title).toBe('KITCHEN-PC: some things to look at this week (16 to 22 November)');
  expect(content.priority).toBe('default');
  expect(content.text).toContain('Protection was on 81.4% of the time.\nTimes it was off:\n- 10:00 pm on Tuesday 17 November to 7:10 am on Wednesday 18 November (the computer was shut down).\n- Friday 20 November, 1:00 pm to 2:00 pm (protection was paused).');
  expect(content.text).toContain('Installers downloaded:\n- AnyDesk installer, on Thursday 19 November.');
  expect(content.text).toContain('Connections into this computer:\n- 2 from someone unknown, 1 from a trusted helper.');
  expect(content.text).toContain('- AnyDesk from ID 123 456 789 (trusted helper): once.');
  expect(content.text).toContain('The “pause and check” screen:\n- It was shown twice.\n- The person chose “End it” once.\n- The person chose to call the family once.');
  expect(content.text).toContain('Alerts to the family:\n- 5 delivered, 1 could not be delivered.');
  expect(content.text).toContain('Wrong PIN tries:\n- The family PIN was typed wrongly 3 times.');
  expect(content.text).toContain('Settings:\n- Changed once: the trusted contact, the family PIN.');
  expect(content.text).not.toContain('All quiet');
  // What happened comes before how long protection was on.
  expect(content.text.indexOf('Connections into this computer:')).toBeLessThan(content.text.indexOf('Protection:'));
  expect(content.html.indexOf('>Connections into this computer</h2>')).toBeLessThan(content.html.indexOf('>Protection</h2>'));
  expect(content.text).not.toContain('Downloads'); // never a file path
  expect(content.text).toContain('A program, not the person’s own hands, was moving the mouse and pressing keys twice.');

  expect(chartRows(content.html)).toEqual(['Mon 16 Nov 100%', 'Tue 17 Nov 62.5%', 'Wed 18 Nov 70.3%', 'Thu 19 Nov 100%', 'Fri 20 Nov 95.8%', 'Sat 21 Nov not yet', 'Sun 22 Nov not yet']);
  expect(content.html).toContain('<td width="70%" style="width:70%;background:#1b6b2a;');
  expect(content.html).toContain('<td width="30%" style="width:30%;background:#e3e3e3;');
  expect(content.html).toContain('<td width="96%" style="width:96%;background:#1b6b2a;');
  expect(content.short?.split('\n')).toEqual([
    'Protection was on 81.4% of the time.',
    `Programs seen: ${hostile}; 2 connections from someone unknown; someone else moving the mouse 2×; pause screen shown 2×; 1 installer; 3 wrong PINs; settings changed.`,
    'The full summary is in your email and in Pause Guard on the computer.',
  ]);
});

it('escapes every name from logs and settings, and holds nothing remote: no image, script, link, frame or style to fetch', () => {
  const { html } = composeSummaryEmail({ summary: busy, person: 'Mum & Dad <3', pcName: 'PC' });
  expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: started 3 times.');
  expect(html).toContain('AnyDesk from ID &quot;&gt;&lt;img src=https://evil.example/x.png&gt; (someone unknown): twice.');
  expect(html).toContain('Pause Guard · Mum &amp; Dad &lt;3&#39;s PC');
  const tags = (html.match(/<[^>]*>/g) ?? []).join('');
  expect(new Set(tags.match(/(?<=<\/?)[a-z0-9!]+/gi))).toEqual(
    new Set(['!doctype', 'html', 'head', 'meta', 'title', 'body', 'table', 'tr', 'td', 'p', 'h1', 'h2', 'caption', 'th', 'span', 'ul', 'li']),
  );
  expect(tags).not.toMatch(/url\(|@import|\ssrc=|\shref=|\son\w+=|class=/i);
});

it('names the journal\'s sealed head in one short line, in the text and the HTML, and says what was changed outside Pause Guard', () => {
  const week: WeeklySummary = { ...quiet, tampering: [{ at: '2026-11-18T09:30:00.000Z', what: 'settings' }], allQuiet: false };
  const email = composeSummaryEmail({ summary: week, person: 'Mum', pcName: 'KITCHEN-PC', journalHead: { entries: 1234, hash: 'ab'.repeat(32) } });
  const line = 'Journal check: 1234 entries, the newest ending abababababab. This number only grows from week to week.';
  expect(email.text.split('\n').at(-1)).toBe(line);
  expect(email.html).toContain(line);
  expect(email.text).toContain('Changed outside Pause Guard:\n- Its settings were removed or changed; the ones you chose stayed in force (Wednesday 09:30).');
  expect(email.short).toMatch(/files changed outside Pause Guard/i);
  expect(composeSummaryEmail({ summary: quiet, person: 'Mum', pcName: 'KITCHEN-PC' }).text).not.toContain('Journal check');
});
