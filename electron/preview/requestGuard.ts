// Decides whether a request to the preview host may be answered: right Host (no DNS rebinding), right Origin on the
// WebSocket, and the run's token in the query or the cookie. It refuses by default.
import type { IncomingMessage } from 'node:http';
import { accessCookieName, readCookie, tokenMatches } from './accessToken';

export interface RequestGuard {
  /** The Host header names this server on loopback, by address or as localhost. */
  hostAllowed(request: IncomingMessage): boolean;
  /** The Origin header is this server's own page (a WebSocket from any other page is refused). */
  originAllowed(request: IncomingMessage): boolean;
  /** The request carries the run's token, as ?token= or in the cookie the page set. */
  carriesToken(request: IncomingMessage): boolean;
}

/** The request's path and query, or null for a target no URL parser accepts (which is then refused, never thrown). */
export function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://preview.invalid');
  } catch {
    return null;
  }
}

export function createRequestGuard(options: { port: number; token: string }): RequestGuard {
  const hosts = new Set([`127.0.0.1:${options.port}`, `localhost:${options.port}`]);
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  const cookieName = accessCookieName(options.port);
  return {
    hostAllowed: (request) => hosts.has((request.headers.host ?? '').toLowerCase()),
    originAllowed: (request) => origins.has((request.headers.origin ?? '').toLowerCase()),
    carriesToken(request) {
      const fromQuery = requestUrl(request)?.searchParams.get('token');
      return tokenMatches(options.token, fromQuery) || tokenMatches(options.token, readCookie(request.headers.cookie, cookieName));
    },
  };
}
