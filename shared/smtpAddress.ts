// Reads a mail server address (smtp:// or smtps://) and says who alerts are sent from: the one reading of it for the
// setup checks (shared/setupFields.ts) and the email channel (electron/guardian/alerts/channels/smtpUrl.ts). No Node or DOM imports.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

export type SmtpAddress =
  | {
      ok: true;
      /** smtps:// (TLS from the start) rather than smtp:// (STARTTLS, or nothing with tls=off). */
      secure: boolean;
      host: string;
      port: number;
      /** ?tls=off: no encryption, which only a mail server on this computer may use. */
      tlsOff: boolean;
      user: string | null;
      password: string;
    }
  | { ok: false; problem: 'unreadable' | 'scheme' | 'no-host' | 'tls-off-remote' };

export function readSmtpAddress(text: string): SmtpAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') return { ok: false, problem: 'scheme' };
  if (!url.hostname) return { ok: false, problem: 'no-host' };
  const tlsOff = url.searchParams.get('tls') === 'off';
  if (tlsOff && (secure || !LOOPBACK_HOSTS.has(url.hostname.toLowerCase()))) return { ok: false, problem: 'tls-off-remote' };
  return {
    ok: true,
    secure,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    tlsOff,
    user: url.username ? decodeURIComponent(url.username) : null,
    password: decodeURIComponent(url.password),
  };
}

/** The address alerts are sent from: the sender given, or else the login when it is an email address; null when neither. */
export function smtpSender(smtpUrl: string, from: string | null): string | null {
  if (from) return from;
  const address = readSmtpAddress(smtpUrl);
  const login = address.ok ? address.user : null;
  return login !== null && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(login) ? login : null;
}
