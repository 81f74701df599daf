// The event schemas accept what the CLI contract promises and refuse what it does not.
import { describe, expect, it } from 'vitest';
import { GuardianEventSchema } from '../../../shared/events';

describe('GuardianEventSchema', () => {
  it('accepts a tool-started event with the contract fields', () => {
    const event = {
      type: 'tool-started', at: '2026-11-26T10:00:00.000Z', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt',
      pid: 4242, exe: '/opt/AnyDesk.exe', initial: false,
    };
    expect(GuardianEventSchema.parse(event)).toEqual(event);
  });

  it('refuses an event without a time or with an unknown type', () => {
    expect(GuardianEventSchema.safeParse({ type: 'ready', watchers: [] }).success).toBe(false);
    expect(GuardianEventSchema.safeParse({ type: 'party', at: '2026-11-26T10:00:00Z' }).success).toBe(false);
  });
});
