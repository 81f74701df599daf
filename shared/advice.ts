// What Pause Guard tells the person to do, by region: who to report to, how to reach the bank safely, the next steps.
// Plain, kind words only: never a word of blame. Every web address here must be on electron/externalLinks.ts's allow-list.
import type { Region } from './settings';

/** Somewhere to report a scam or get help: a web address, a phone number, or both. */
export interface ReportPlace {
  name: string;
  /** What this place is for, in a few words ("for crimes on the internet"); null when the name says it all. */
  purpose: string | null;
  /** https only; shown as `site` and opened only through openExternalLink. */
  url: string | null;
  /** The address as the person would read it aloud or type it. */
  site: string | null;
  phone: string | null;
}

export interface RegionAdvice {
  region: Region;
  /** How to reach the bank's fraud team safely, as it fits into "call your bank on ___". */
  bankLine: string;
  /** True when bankLine is a number to dial (GB's 159), so the page can show it large. */
  bankLineIsNumber: boolean;
  /** In order: the main place first. */
  reportTo: ReportPlace[];
  /** Anything else worth knowing in this region, one sentence each. */
  notes: string[];
}

/** Said first, to someone who may feel embarrassed: never blame. */
export const reassurance = 'Scammers are very convincing. Stopping now is the right thing to do.';

export const realCompaniesNever =
  'Real companies, banks and the police never call out of the blue and ask you to install a program, or to log in to your bank while they watch.';

export const neverTheCallersNumber =
  'Call someone you trust on a number you already know, from your address book or a letter. Never use a number the caller gives you.';

export const hangingUpIsFine = 'It is fine to hang up. You do not need to explain anything to the caller.';

const regions: Record<Region, RegionAdvice> = {
  GB: {
    region: 'GB',
    bankLine: '159',
    bankLineIsNumber: true,
    reportTo: [
      {
        name: 'Action Fraud',
        purpose: null,
        url: 'https://www.actionfraud.police.uk/',
        site: 'actionfraud.police.uk',
        phone: '0300 123 2040',
      },
    ],
    notes: [
      '159 puts you through safely to the fraud team of your own bank. It works for most big UK banks.',
      'In Scotland, call Police Scotland on 101 instead of Action Fraud.',
      'You can send a scam text message on to 7726. It is free.',
    ],
  },
  US: {
    region: 'US',
    bankLine: 'the number on the back of your card',
    bankLineIsNumber: false,
    reportTo: [
      {
        name: 'the Federal Trade Commission (FTC)',
        purpose: null,
        url: 'https://reportfraud.ftc.gov/',
        site: 'ReportFraud.ftc.gov',
        phone: '1-877-382-4357',
      },
      {
        name: 'the FBI’s Internet Crime Complaint Center',
        purpose: 'for crimes on the internet',
        url: 'https://www.ic3.gov/',
        site: 'ic3.gov',
        phone: null,
      },
    ],
    notes: [],
  },
  CA: {
    region: 'CA',
    bankLine: 'the number on the back of your card',
    bankLineIsNumber: false,
    reportTo: [
      {
        name: 'the Canadian Anti-Fraud Centre',
        purpose: null,
        url: 'https://antifraudcentre-centreantifraude.ca/',
        site: 'antifraudcentre-centreantifraude.ca',
        phone: '1-888-495-8501',
      },
    ],
    notes: [],
  },
  AU: {
    region: 'AU',
    bankLine: 'the number on the back of your card',
    bankLineIsNumber: false,
    reportTo: [
      { name: 'Scamwatch', purpose: null, url: 'https://www.scamwatch.gov.au/', site: 'scamwatch.gov.au', phone: null },
      {
        name: 'ReportCyber',
        purpose: 'for crimes on the internet',
        url: 'https://www.cyber.gov.au/',
        site: 'cyber.gov.au',
        phone: null,
      },
      {
        name: 'IDCARE',
        purpose: 'free help if your details may have been taken',
        url: 'https://www.idcare.org/',
        site: 'idcare.org',
        phone: '1800 595 160',
      },
    ],
    notes: [],
  },
  IE: {
    region: 'IE',
    bankLine: 'the number on the back of your card',
    bankLineIsNumber: false,
    reportTo: [
      {
        name: 'An Garda Síochána, at your local Garda station',
        purpose: null,
        url: 'https://www.garda.ie/',
        site: 'garda.ie',
        phone: null,
      },
    ],
    notes: ['In an emergency, call 112 or 999.'],
  },
};

export const adviceRegions = Object.keys(regions) as Region[];

export function adviceFor(region: Region): RegionAdvice {
  return regions[region];
}

/** The first report place, in the words of a next step: "Report it to Action Fraud: 0300 123 2040 or actionfraud.police.uk." */
export function reportStep(advice: RegionAdvice): string {
  const [main] = advice.reportTo;
  if (!main) return 'Report it to the police.';
  const ways = [main.phone, main.site].filter((way): way is string => way !== null);
  return ways.length === 0 ? `Report it to ${main.name}.` : `Report it to ${main.name}: ${ways.join(' or ')}.`;
}

/** What to do now, in order, for someone who may have just let a scammer in. */
export function nextSteps(advice: RegionAdvice, contactName: string | null): string[] {
  return [
    'Hang up the phone.',
    'Do not log in to your bank, and do not let anyone else do it for you.',
    `If you already logged in, or gave any bank details, call your bank on ${advice.bankLine}. Use a different phone, or wait ten minutes first: scammers can keep the line open.`,
    contactName === null ? 'Tell someone you trust what happened.' : `Tell ${contactName} what happened.`,
    reportStep(advice),
  ];
}
