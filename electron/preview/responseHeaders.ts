// The headers every preview response carries: the same CSP as the tray app's windows, and no sniffing, referrers or framing.
import { productionCsp } from '../csp';

export const responseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': productionCsp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};
