// The external-link gate: only https advice sites on the allow-list open, and hostile look-alikes never do.
import { adviceHosts, allowedExternalLink, createOpenExternalLink, isAllowedExternalLink } from '../../../electron/externalLinks';

describe('isAllowedExternalLink', () => {
  it.each([
    'https://www.actionfraud.police.uk/reporting-fraud-and-cyber-crime',
    'https://actionfraud.police.uk/',
    'https://reportfraud.ftc.gov/',
    'https://www.ic3.gov/Home/FileComplaint',
    'https://antifraudcentre-centreantifraude.ca/report-signalez-eng.htm',
    'https://www.scamwatch.gov.au/report-a-scam',
    'https://www.cyber.gov.au/report-and-recover/report',
    'https://www.garda.ie/en/crime/fraud/',
    'https://www.takefive-stopfraud.org.uk/',
    'https://docs.ntfy.sh/subscribe/phone/',
    'HTTPS://WWW.ActionFraud.Police.UK/',
    'https://www.actionfraud.police.uk:443/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalLink(url)).toBe(true);
  });

  it.each([
    ['javascript scheme', 'javascript:alert(1)'],
    ['javascript disguised as the host', 'javascript://actionfraud.police.uk/%0aalert(1)'],
    ['file scheme', 'file:///etc/passwd'],
    ['file scheme on an allowed host', 'file://actionfraud.police.uk/c$/windows'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['plain http', 'http://www.actionfraud.police.uk/'],
    ['ftp', 'ftp://actionfraud.police.uk/'],
    ['user info pointing elsewhere', 'https://actionfraud.police.uk@evil.com/'],
    ['user info on the allowed host', 'https://evil.com@actionfraud.police.uk/'],
    ['user and password', 'https://user:pass@www.actionfraud.police.uk/'],
    ['allowed name as a sub-domain of another', 'https://actionfraud.police.uk.evil.com/'],
    ['allowed name as a prefix', 'https://evilactionfraud.police.uk/'],
    ['sub-domain not on the list', 'https://evil.actionfraud.police.uk/'],
    ['trailing dot', 'https://www.actionfraud.police.uk./'],
    ['non-default port', 'https://www.actionfraud.police.uk:8443/'],
    ['IPv4 address', 'https://192.168.1.10/'],
    ['IPv6 address', 'https://[::1]/'],
    ['Cyrillic look-alike letter', 'https://www.\u0430ctionfraud.police.uk/'],
    ['punycode look-alike', 'https://www.xn--ctionfraud-6hj.police.uk/'],
    ['custom protocol', 'ms-settings:privacy'],
    ['remote tool protocol', 'anydesk:123456789'],
    ['not a URL', 'actionfraud.police.uk'],
    ['empty', ''],
    ['a very long link', `https://www.actionfraud.police.uk/${'a'.repeat(3000)}`],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalLink(url)).toBe(false);
  });

  it('refuses a value that is not a string', () => {
    expect(isAllowedExternalLink(42 as unknown as string)).toBe(false);
  });

  it('hands back the normalised link, which is what gets opened', () => {
    expect(allowedExternalLink('HTTPS://WWW.ActionFraud.Police.UK:443/report')).toBe('https://www.actionfraud.police.uk/report');
  });

  it('keeps every allow-listed host a plain lower-case DNS name', () => {
    for (const host of adviceHosts) {
      expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(isAllowedExternalLink(`https://${host}/`)).toBe(true);
    }
  });
});

describe('createOpenExternalLink', () => {
  it('opens an allowed link in the browser, normalised', async () => {
    const openInBrowser = vi.fn(async (_url: string) => undefined);
    const open = createOpenExternalLink(openInBrowser);
    await expect(open({ url: 'https://WWW.GARDA.IE/en/' })).resolves.toEqual({ opened: true });
    expect(openInBrowser).toHaveBeenCalledExactlyOnceWith('https://www.garda.ie/en/');
  });

  it('never calls the browser for a refused link', async () => {
    const openInBrowser = vi.fn(async (_url: string) => undefined);
    const open = createOpenExternalLink(openInBrowser);
    await expect(open({ url: 'https://actionfraud.police.uk.evil.com/' })).resolves.toEqual({ opened: false });
    expect(openInBrowser).not.toHaveBeenCalled();
  });
});
