// The advice by region: every region complete, every link on the allow-list, the next steps in order, no blame.
import { adviceFor, adviceRegions, nextSteps, reassurance, realCompaniesNever, neverTheCallersNumber, hangingUpIsFine, reportStep } from '../../../shared/advice';
import { RegionSchema } from '../../../shared/settings';
import { isAllowedExternalLink } from '../../../electron/externalLinks';

const blame = /you should have|stupid|careless|fault|foolish|silly|gullible|naive/i;

describe('advice by region', () => {
  it('covers every region the settings offer', () => {
    expect([...adviceRegions].sort()).toEqual([...RegionSchema.options].sort());
  });

  it.each(RegionSchema.options)('%s: a bank line, somewhere to report with a way to reach it, links on the allow-list', (region) => {
    const advice = adviceFor(region);
    expect(advice.region).toBe(region);
    expect(advice.bankLine.length).toBeGreaterThan(0);
    expect(advice.reportTo.length).toBeGreaterThan(0);
    for (const place of advice.reportTo) {
      expect(place.name.length).toBeGreaterThan(0);
      expect(place.url !== null || place.phone !== null).toBe(true);
      // Shown and opened together: a page showing one address and opening another would be a trap.
      expect(place.url === null).toBe(place.site === null);
      if (place.url !== null) {
        expect(isAllowedExternalLink(place.url)).toBe(true);
        expect(new URL(place.url).hostname.replace(/^www\./, '')).toBe(place.site!.toLowerCase());
      }
    }
  });

  it('gives the UK numbers: Action Fraud 0300 123 2040, 159 for the bank, Police Scotland 101', () => {
    const gb = adviceFor('GB');
    expect(gb.reportTo[0]).toMatchObject({ name: 'Action Fraud', phone: '0300 123 2040', site: 'actionfraud.police.uk' });
    expect(gb.bankLine).toBe('159');
    expect(gb.bankLineIsNumber).toBe(true);
    expect(gb.notes.join(' ')).toContain('Police Scotland on 101');
  });

  it('sends the US to the FTC and IC3, Canada to the CAFC, Australia to Scamwatch, ReportCyber and IDCARE, Ireland to the Garda', () => {
    expect(adviceFor('US').reportTo.map((p) => p.site)).toEqual(['ReportFraud.ftc.gov', 'ic3.gov']);
    expect(adviceFor('US').reportTo[0]!.phone).toBe('1-877-382-4357');
    expect(adviceFor('CA').reportTo[0]).toMatchObject({ phone: '1-888-495-8501', site: 'antifraudcentre-centreantifraude.ca' });
    expect(adviceFor('AU').reportTo.map((p) => p.name)).toEqual(['Scamwatch', 'ReportCyber', 'IDCARE']);
    expect(adviceFor('AU').reportTo[2]!.phone).toBe('1800 595 160');
    expect(adviceFor('IE').reportTo[0]!.name).toContain('Garda');
    expect(adviceFor('IE').notes.join(' ')).toContain('112 or 999');
    for (const region of ['US', 'CA', 'AU', 'IE'] as const) expect(adviceFor(region).bankLine).toBe('the number on the back of your card');
  });

  it('orders the next steps: hang up, no bank log-in, the bank from another phone, the contact, the report', () => {
    const steps = nextSteps(adviceFor('GB'), 'Sarah');
    expect(steps).toHaveLength(5);
    expect(steps[0]).toBe('Hang up the phone.');
    expect(steps[1]).toMatch(/^Do not log in to your bank/);
    expect(steps[2]).toMatch(/call your bank on 159\. Use a different phone/);
    expect(steps[3]).toBe('Tell Sarah what happened.');
    expect(steps[4]).toBe('Report it to Action Fraud: 0300 123 2040 or actionfraud.police.uk.');
    expect(nextSteps(adviceFor('US'), null)[2]).toContain('call your bank on the number on the back of your card');
    expect(nextSteps(adviceFor('US'), null)[3]).toBe('Tell someone you trust what happened.');
    expect(reportStep(adviceFor('AU'))).toBe('Report it to Scamwatch: scamwatch.gov.au.');
    expect(reportStep(adviceFor('IE'))).toBe('Report it to An Garda Síochána, at your local Garda station: garda.ie.');
  });

  it('never blames the person, in any region', () => {
    const all = adviceRegions.flatMap((region) => {
      const advice = adviceFor(region);
      return [
        ...advice.notes,
        ...advice.reportTo.flatMap((p) => [p.name, p.purpose ?? '']),
        ...nextSteps(advice, null),
        ...nextSteps(advice, 'Sam'),
      ];
    });
    for (const sentence of [...all, reassurance, realCompaniesNever, neverTheCallersNumber, hangingUpIsFine]) {
      expect(sentence).not.toMatch(blame);
    }
    expect(reassurance).toBe('Scammers are very convincing. Stopping now is the right thing to do.');
  });
});
