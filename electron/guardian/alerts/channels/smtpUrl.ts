// Reads the email channel's smtp:// or smtps:// address into nodemailer options, encryption always on:
// smtps:// is TLS from the start (465), smtp:// must upgrade with STARTTLS (587). Only a server on this very
// computer may be reached without encryption, and only when the address says so with ?tls=off (tests, local relays).
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', '::1', 'localhost']);

export const SMTP_TIMEOUT_MS = 10_000;

export type SmtpSettings =
  | { ok: true; options: SMTPTransportOptions; user: string | null }
  | { ok: false; problem: string };

export function readSmtpUrl(smtpUrl: string, timeoutMs = SMTP_TIMEOUT_MS): SmtpSettings {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return { ok: false, problem: 'the mail server address could not be read.' };
  }
  const secure = url.protocol === 'smtps:';
  if (!secure && url.protocol !== 'smtp:') return { ok: false, problem: 'the mail server address must start with smtp:// or smtps://.' };
  if (!url.hostname) return { ok: false, problem: 'the mail server address has no server name.' };
  const tlsOff = url.searchParams.get('tls') === 'off';
  if (tlsOff && (secure || !LOOPBACK_HOSTS.has(url.hostname.toLowerCase()))) {
    return { ok: false, problem: 'encryption can only be turned off (tls=off) for a mail server on this computer.' };
  }
  const user = url.username ? decodeURIComponent(url.username) : null;
  const options: SMTPTransportOptions = {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(tlsOff ? { ignoreTLS: true } : { requireTLS: !secure }),
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
    dnsTimeout: timeoutMs,
  };
  return { ok: true, options, user };
}
