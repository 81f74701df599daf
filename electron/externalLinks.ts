// Which links may open in the person's own browser: https only, and only on a short allow-list of advice sites.
// Pure: never imports electron, so the tray app and the preview host share the same gate.

/** Reporting and advice sites the UI links to (see the advice content by region), plus the ntfy set-up guide. */
export const adviceHosts: readonly string[] = [
  'actionfraud.police.uk',
  'www.actionfraud.police.uk',
  'www.scotland.police.uk',
  'www.takefive-stopfraud.org.uk',
  'www.stopscamsuk.org.uk',
  'reportfraud.ftc.gov',
  'www.ic3.gov',
  'antifraudcentre-centreantifraude.ca',
  'www.antifraudcentre-centreantifraude.ca',
  'www.scamwatch.gov.au',
  'www.cyber.gov.au',
  'www.idcare.org',
  'www.garda.ie',
  'docs.ntfy.sh',
];

const allowedHosts = new Set(adviceHosts);

/**
 * The link, normalised, if it may be opened; null otherwise. Callers open the returned string, never the input,
 * so what was checked is exactly what is opened. Rejected: any scheme but https, user names or passwords, ports,
 * and any host not on the list exactly (the URL parser lower-cases hosts and turns look-alike letters into
 * xn-- punycode, so neither case tricks nor look-alikes can match; a trailing dot does not match either).
 */
export function allowedExternalLink(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  return allowedHosts.has(parsed.hostname) ? parsed.href : null;
}

export function isAllowedExternalLink(url: string): boolean {
  return allowedExternalLink(url) !== null;
}

/**
 * The openExternalLink method of the renderer contract, given the one function that opens a browser
 * (Electron's shell.openExternal in the tray app). That function is only ever called with a checked link.
 */
export function createOpenExternalLink(openInBrowser: (url: string) => Promise<void>) {
  return async ({ url }: { url: string }): Promise<{ opened: boolean }> => {
    const link = allowedExternalLink(url);
    if (link === null) return { opened: false };
    await openInBrowser(link);
    return { opened: true };
  };
}
