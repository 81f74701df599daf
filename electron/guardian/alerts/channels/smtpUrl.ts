// Reads the email channel's smtp:// or smtps:// address into nodemailer options, encryption always on:
// smtps:// is TLS from the start (465), smtp:// must upgrade with STARTTLS (587). Only a server on this very
// computer may be reached without encryption, and only when the address says so with ?tls=off (tests, local relays).
import type { SMTPTransportOptions } from 'nodemailer/lib/smtp-transport';
import { readSmtpAddress } from '../../../../shared/smtpAddress';

export const SMTP_TIMEOUT_MS = 10_000;

export type SmtpSettings =
  | { ok: true; options: SMTPTransportOptions; user: string | null }
  | { ok: false; problem: string };

const PROBLEMS = {
  unreadable: 'the mail server address could not be read.',
  scheme: 'the mail server address must start with smtp:// or smtps://.',
  'no-host': 'the mail server address has no server name.',
  'tls-off-remote': 'encryption can only be turned off (tls=off) for a mail server on this computer.',
} as const;

export function readSmtpUrl(smtpUrl: string, timeoutMs = SMTP_TIMEOUT_MS): SmtpSettings {
  const address = readSmtpAddress(smtpUrl);
  if (!address.ok) return { ok: false, problem: PROBLEMS[address.problem] };
  const { secure, user } = address;
  const options: SMTPTransportOptions = {
    host: address.host,
    port: address.port,
    secure,
    ...(address.tlsOff ? { ignoreTLS: true } : { requireTLS: !secure }),
    ...(user ? { auth: { user, pass: address.password } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 2,
    dnsTimeout: timeoutMs,
  };
  return { ok: true, options, user };
}
