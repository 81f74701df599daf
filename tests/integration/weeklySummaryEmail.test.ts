// The weekly summary end to end on real things: a journal on disk with a varied week, the schedule at the next start
// after the PC was off at the due time, the durable outbox, email into a real SMTP server on 127.0.0.1, read back
// with mailparser (both parts, the chart's rows in the HTML), and no second email after a restart.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createEmailChannel } from '../../electron/guardian/alerts/channels/email';
import { createOutbox } from '../../electron/guardian/alerts/outbox';
import { createJournal } from '../../electron/guardian/store/journal';
import { createSummaryScheduler } from '../../electron/guardian/summary/summarySchedule';
import { defaultSettings, type Settings } from '../../shared/settings';
import { variedWeek } from '../fixtures/summary/variedWeek';
import { startSmtpReceiver, type SmtpReceiver } from './alerts/smtpReceiver';

let dataDir: string;
let server: SmtpReceiver;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-summary-email-'));
  server = await startSmtpReceiver({ user: 'mum@example.org', password: 'app-password' });
});

afterEach(async () => {
  await server.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** One start of the app as far as the summary goes: journal and outbox opened from disk, the schedule checked. */
async function startAt(now: Date, settings: Settings): Promise<void> {
  const journal = await createJournal({ dir: path.join(dataDir, 'journal') });
  const email = settings.contacts[0]?.email;
  if (!email) throw new Error('The test settings need an email contact.');
  const outbox = createOutbox({ dataDir, channels: [createEmailChannel(email, 'email:test')] });
  await outbox.start();
  const scheduler = createSummaryScheduler({
    journal, settings: () => settings, pcName: 'KITCHEN-PC', now: () => now, timeZone: () => 'Europe/London',
    send: async (content) => {
      await outbox.enqueue({ kind: 'weekly-summary', content });
    },
  });
  await scheduler.start();
  await scheduler.stop();
  await outbox.flush();
  await outbox.stop();
  await journal.close();
}

it('emails the missed summary once at the next start: a text part and an HTML part with the seven-day chart', async () => {
  const journal = await createJournal({ dir: path.join(dataDir, 'journal') });
  await Promise.all(variedWeek('2026-11-16T00:00:00Z').map((record) => journal.append(record)));
  await journal.close();
  const settings: Settings = {
    ...defaultSettings(),
    person: 'Margaret',
    trustedHelpers: [{ toolId: 'anydesk', remoteId: '123456789', label: 'Dave' }],
    contacts: [{
      name: 'Dave', phone: null, ntfy: null, webhook: null,
      email: { to: 'dave@example.net', smtpUrl: `smtp://mum%40example.org:app-password@127.0.0.1:${server.port}/?tls=off`, from: null },
    }],
  };

  await startAt(new Date('2026-11-30T09:00:00Z'), settings); // off on Sunday 29 November at 18:00, on again Monday
  expect(server.messages).toHaveLength(1);
  const mail = await simpleParser(server.messages[0] ?? '');
  expect(mail.subject).toBe("Margaret's PC: some things to look at this week (16 to 22 November)");
  expect(Array.isArray(mail.to) ? mail.to : [mail.to]).toMatchObject([{ value: [{ address: 'dave@example.net' }] }]);
  expect(mail.attachments).toHaveLength(0);

  const text = mail.text ?? '';
  expect(text).toMatch(/^Some things to look at this week\.\nMargaret's PC, Week 47: Monday 16 November to Sunday 22 November 2026\./);
  expect(text).toContain('10:00 pm on Monday 16 November to 7:00 am on Tuesday 17 November (the computer was shut down).');
  expect(text).toContain('Wednesday 18 November, 10:00 am to 2:00 pm (the computer was off or asleep, or Pause Guard was stopped).');
  expect(text).toContain('- AnyDesk: started once.');
  expect(text).toContain('- 1 from someone unknown, 1 from a trusted helper.');
  expect(text).toContain('- AnyDesk from ID 987 654 321 (someone unknown): once.');
  expect(text).toContain('- The person chose “End it” once.');
  expect(text).toContain('- 2 delivered, 1 could not be delivered.');
  expect(text).toContain('- The family PIN was typed wrongly twice.');
  expect(text).toContain('- Changed once: the trusted helpers.');

  const html = String(mail.html);
  const rows = [...html.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>.*?<td align="right"[^>]*>([^<]+)<\/td><\/tr>/g)].map((m) => `${m[1]}: ${m[2]}`);
  expect(rows).toHaveLength(7);
  expect(rows[0]).toMatch(/^Mon 16 Nov: 9\d(\.\d)?%$/);
  expect(rows[6]).toBe('Sun 22 Nov: 25%'); // running until 06:00, then no sign of it
  expect(html).toContain('Protection each day, Monday to Sunday</caption>');
  expect(html).toContain('>Some things to look at this week</h1>');
  expect(html).not.toMatch(/<img|<script/i);

  await startAt(new Date('2026-11-30T09:30:00Z'), settings);
  await startAt(new Date('2026-12-01T09:00:00Z'), settings);
  expect(server.messages).toHaveLength(1);
});
