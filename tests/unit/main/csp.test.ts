// The Content Security Policy strings, exactly: strict in a release, with the dev server's relaxations only in development.
import { cspFor, developmentCsp, productionCsp } from '../../../electron/csp';

const expectedProduction =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; manifest-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'";

describe('CSP', () => {
  it('is exactly the strict policy in a release', () => {
    expect(productionCsp).toBe(expectedProduction);
    expect(cspFor({ kind: 'files', rendererDir: '/r' })).toBe(expectedProduction);
  });

  it('never allows eval, inline code or remote sources in a release', () => {
    expect(productionCsp).not.toMatch(/unsafe-|https?:|ws:|\*/);
  });

  it('adds only inline preamble, inline styles and the hot-reload socket under the dev server', () => {
    expect(developmentCsp('http://localhost:5173')).toBe(
      "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self' ws://localhost:5173; media-src 'none'; object-src 'none'; frame-src 'none'; " +
        "worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(cspFor({ kind: 'devServer', origin: 'http://localhost:5173' })).toBe(developmentCsp('http://localhost:5173'));
  });

  it('uses a secure socket for an https dev server', () => {
    expect(developmentCsp('https://localhost:5173')).toContain("connect-src 'self' wss://localhost:5173;");
  });
});
