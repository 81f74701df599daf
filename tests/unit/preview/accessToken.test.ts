// The preview's token: random per run, compared exactly, and read back from the cookie its page set.
import { accessCookie, accessCookieName, createAccessToken, readCookie, tokenMatches } from '../../../electron/preview/accessToken';

describe('accessToken', () => {
  it('makes 32 random bytes as base64url, different every run', () => {
    const a = createAccessToken();
    const b = createAccessToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('matches only the exact token', () => {
    const token = createAccessToken();
    expect(tokenMatches(token, token)).toBe(true);
    for (const candidate of [null, undefined, '', token.slice(0, -1), `${token}x`, token.toUpperCase(), ` ${token}`]) {
      expect(tokenMatches(token, candidate)).toBe(false);
    }
  });

  it('sets an HttpOnly, SameSite=Strict cookie named after the port, and reads it back among others', () => {
    expect(accessCookie(4321, 'abc')).toBe('pauseguard-preview-4321=abc; HttpOnly; SameSite=Strict; Path=/');
    const header = 'theme=dark; pauseguard-preview-1111=other; pauseguard-preview-4321=abc';
    expect(readCookie(header, accessCookieName(4321))).toBe('abc');
    expect(readCookie(header, accessCookieName(2222))).toBeNull();
    expect(readCookie(undefined, accessCookieName(4321))).toBeNull();
    expect(readCookie('=abc; broken', accessCookieName(4321))).toBeNull();
  });
});
