// The preview host's per-run secret: made once per run, compared in constant time, carried by a query or a cookie.
import crypto from 'node:crypto';

export function createAccessToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** True only when the candidate is exactly the token. Hashing first gives equal lengths, so no length leaks either. */
export function tokenMatches(token: string, candidate: string | null | undefined): boolean {
  if (typeof candidate !== 'string' || candidate === '') return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();
  return crypto.timingSafeEqual(digest(token), digest(candidate));
}

/** Cookies are shared by every port of a host, so each run names its cookie after its own port. */
export function accessCookieName(port: number): string {
  return `pauseguard-preview-${port}`;
}

/** The Set-Cookie value the page's response carries: script cannot read it, and other sites never send it. */
export function accessCookie(port: number, token: string): string {
  return `${accessCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}
