// What an alert says: who, what, the choice, when, what to do; nothing else, and HTML that cannot be injected into.
import { composeAlert, type AlertFacts } from '../../../../electron/guardian/alerts/alertMessage';
import { AlertKindSchema } from '../../../../shared/events';

const at = new Date('2026-03-03T14:05:00Z');
const base: AlertFacts = { kind: 'session', person: 'Mum', pcName: 'KITCHEN-PC', contactName: 'Ann', at, timeZone: 'Europe/London' };

describe('composeAlert', () => {
  it('says who, which tool, connected in from which ID, when, and to call now', () => {
    const alert = composeAlert({ ...base, toolName: 'AnyDesk', remoteId: '123 456 789', happened: 'connected-in' });
    expect(alert.title).toBe("Mum's PC: someone connected in with AnyDesk");
    expect(alert.text).toBe([
      'Someone connected in to the PC with AnyDesk from remote ID 123 456 789.',
      'When: 2:05 pm on Tuesday 3 March 2026.',
      'PC: KITCHEN-PC.',
      'Call Mum now, on a number you already know, and check they are all right.',
    ].join('\n'));
    expect(alert.priority).toBe('urgent');
    expect(alert.tags).toEqual(['rotating_light']);
  });

  it('uses the remote address when there is no remote ID, and tells what the person chose', () => {
    const alert = composeAlert({ ...base, kind: 'interruption', toolName: 'TeamViewer', remoteAddress: '203.0.113.9', choice: 'started-it-myself' });
    expect(alert.text).toContain('TeamViewer started on the PC from 203.0.113.9.');
    expect(alert.text).toContain('Mum chose: I started it myself.');
    expect(alert.text).toContain('Call Mum now');
  });

  it('tells the family about remote control in a call and about a shared screen over a bank, in their own words', () => {
    const control = composeAlert({ ...base, kind: 'interruption', toolName: 'Zoom', happened: 'control-asked' });
    expect(control.text).toContain('Someone in a Zoom call asked to control the PC, or was controlling it. Pause Guard covered the screen');
    const shared = composeAlert({ ...base, kind: 'interruption', toolName: 'Google Meet', happened: 'screen-shared' });
    expect(shared.text).toContain("The PC's screen was being shared (Google Meet) while a bank or payment page was open.");
    expect(shared.text).not.toContain('connected in');
  });

  it('names the contact in a "call" choice and marks it urgent; "end it" is high', () => {
    const call = composeAlert({ ...base, kind: 'choice', toolName: 'AnyDesk', choice: 'call-contact' });
    expect(call.text).toContain('Mum chose: call Ann.');
    expect(call.priority).toBe('urgent');
    expect(composeAlert({ ...base, kind: 'choice', choice: 'end-it' }).priority).toBe('high');
  });

  it('after "End it" says what really happened: closed only when it stayed closed, and an urgent "could not close" otherwise', () => {
    const ended = composeAlert({ ...base, kind: 'choice', toolName: 'AnyDesk', choice: 'end-it', endIt: 'ended' });
    expect(ended.text).toContain('Pause Guard closed AnyDesk, and it stayed closed.');
    expect(ended.priority).toBe('high');
    const notEnded = composeAlert({ ...base, kind: 'choice', toolName: 'AnyDesk', choice: 'end-it', endIt: 'not-ended' });
    expect(notEnded.title).toBe("Mum's PC: Pause Guard could not close AnyDesk");
    expect(notEnded.text).toContain('The pause screen stays up.');
    expect(notEnded.text).not.toMatch(/(?<!not )closed AnyDesk/);
    expect(notEnded.priority).toBe('urgent');
  });

  it('tells in plain words that settings or the journal were changed outside Pause Guard', () => {
    const settings = composeAlert({ ...base, kind: 'settings-tampered' });
    expect(settings.text).toMatch(/^Pause Guard's settings on Mum's PC were removed or changed outside Pause Guard\. It kept the settings you chose/);
    expect(settings.priority).toBe('high');
    const journal = composeAlert({ ...base, kind: 'journal-tampered', person: null });
    expect(journal.text).toMatch(/^Pause Guard's journal on KITCHEN-PC was cut short or removed outside Pause Guard/);
    const catalog = composeAlert({ ...base, kind: 'catalog-tampered' });
    expect(catalog.title).toBe("Mum's PC: its list of programs was changed");
    expect(catalog.text).toMatch(/^The list of remote-access programs Pause Guard keeps on Mum's PC was changed outside Pause Guard\. It did not use it/);
    expect(catalog.priority).toBe('high');
  });

  it('speaks of "the person using this PC" before setup has a name', () => {
    const alert = composeAlert({ ...base, person: null, kind: 'tool', toolName: 'AnyDesk' });
    expect(alert.title).toBe('KITCHEN-PC: AnyDesk started');
    expect(alert.text).toContain('Call them now');
  });

  it('has words, a priority and a tag for every kind of alert', () => {
    for (const kind of AlertKindSchema.options) {
      const alert = composeAlert({ ...base, kind, toolName: 'AnyDesk', choice: 'end-it' });
      expect(alert.title.length).toBeGreaterThan(10);
      expect(alert.text).toContain('When: 2:05 pm');
      expect(['urgent', 'high', 'default', 'low']).toContain(alert.priority);
      expect(alert.tags).toHaveLength(1);
    }
  });

  it('never carries a window title, a file path or anything else it was not asked for', () => {
    const withExtras = {
      ...base, kind: 'installer', toolName: 'AnyDesk',
      extra: 'C:\\Users\\mum\\Downloads\\AnyDesk.exe', path: '/home/mum/Downloads/AnyDesk.exe',
      windowTitle: 'Barclays Online Banking - Account 12345678', accountNumber: '12345678',
    } as AlertFacts;
    const alert = composeAlert(withExtras);
    for (const part of [alert.title, alert.text, alert.html]) {
      expect(part).not.toMatch(/Downloads|AnyDesk\.exe|Barclays|12345678|\\Users|\/home/);
    }
  });

  it('escapes everything in the HTML part and loads nothing remote', () => {
    const alert = composeAlert({ ...base, person: '<img src=x onerror=alert(1)>', toolName: 'Any"Desk</p><script>', remoteId: "1'2&3" });
    expect(alert.html).not.toMatch(/<img|<script|onerror=alert\(1\)>|<\/p><script/);
    expect(alert.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(alert.html).toContain('Any&quot;Desk&lt;/p&gt;&lt;script&gt;');
    expect(alert.html).toContain('1&#39;2&amp;3');
    const tags = alert.html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) expect(tag).toMatch(/^<(!doctype html|\/?(html|head|body|h1|p)|meta charset="utf-8")( style="[^"<>]*")?>$/);
  });

  it('keeps names to one short printable line', () => {
    const alert = composeAlert({ ...base, toolName: 'Any\nDesk\u0000\u202e', remoteId: '9'.repeat(200) });
    expect(alert.text.split('\n')[0]).toMatch(/^Someone connected in to the PC with Any Desk from remote ID 9{59}…\.$/);
  });
});

describe('when an alert happened', () => {
  it('gives the local time in plain words, worded by the family\'s region', () => {
    const at = new Date('2026-07-01T08:30:00Z');
    expect(composeAlert({ ...base, at, timeZone: 'America/New_York' }).text).toContain('When: 4:30 am on Wednesday 1 July 2026.');
    expect(composeAlert({ ...base, at, timeZone: 'America/New_York', region: 'US' }).text).toContain('When: 4:30 AM on Wednesday, July 1, 2026.');
  });
});
