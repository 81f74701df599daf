// Remote IDs read one way everywhere: spaces out when saved, and case folded as well when compared.
import { describe, expect, it } from 'vitest';
import { normalRemoteId, remoteIdKey } from '../../../shared/remoteId';

describe('remote IDs', () => {
  it('normalises remote IDs', () => {
    expect(remoteIdKey(' 123 456\t789 ')).toBe('123456789');
    expect(remoteIdKey('Sam-PC')).toBe('sam-pc');
  });

  it('keeps the case of what was typed when saving', () => {
    expect(normalRemoteId(' Sam PC ')).toBe('SamPC');
  });
});
