// The family PIN: scrypt hash and constant-time check, the format rule, and the gate's lockout on a fake clock with a real state file.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPin, PIN_SCRYPT, validatePinFormat, verifyPin } from '../../../../electron/guardian/pin/pin';
import { createPinGate } from '../../../../electron/guardian/pin/pinGate';
import { describeWait, lockoutDuration } from '../../../../electron/guardian/pin/pinLockout';
import type { PinHash } from '../../../../shared/settings';
import { PinHashSchema } from '../../../../shared/settings';

let hash: PinHash;
let dir: string;
let clock: Date;
const now = () => clock;
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

beforeAll(async () => {
  hash = await hashPin('2468');
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-pin-'));
  clock = new Date('2025-03-01T10:00:00.000Z');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('hashPin and verifyPin', () => {
  it('makes a schema-valid scrypt hash with the chosen cost and a 16-byte salt, never holding the PIN', () => {
    expect(PinHashSchema.parse(hash)).toEqual(hash);
    expect(hash).toMatchObject({ algorithm: 'scrypt', ...PIN_SCRYPT });
    expect(Buffer.from(hash.salt, 'hex')).toHaveLength(16);
    expect(Buffer.from(hash.hash, 'hex')).toHaveLength(32);
    expect(JSON.stringify(hash)).not.toContain('2468');
  });

  it('uses a fresh salt each time, so the same PIN hashes differently', async () => {
    const again = await hashPin('2468');
    expect(again.salt).not.toBe(hash.salt);
    expect(again.hash).not.toBe(hash.hash);
  });

  it('accepts the right PIN and refuses others', async () => {
    expect(await verifyPin('2468', hash)).toBe(true);
    expect(await verifyPin('2469', hash)).toBe(false);
    expect(await verifyPin('24680', hash)).toBe(false);
    expect(await verifyPin('', hash)).toBe(false);
  });

  it('compares with crypto.timingSafeEqual on equal-length keys', async () => {
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    await verifyPin('1111', hash);
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0]!;
    expect((a as Buffer).length).toBe(32);
    expect((b as Buffer).length).toBe(32);
  });

  it('refuses, without throwing or running for long, a hash with unusable or huge parameters', async () => {
    for (const bad of [
      { ...hash, N: 2 ** 30 },
      { ...hash, N: 1000 },
      { ...hash, r: 1024 },
      { ...hash, salt: 'abcd' },
      { ...hash, hash: hash.hash.slice(0, 8) },
    ]) {
      expect(await verifyPin('2468', bad)).toBe(false);
    }
  });

  it('refuses to hash anything but 4 to 8 digits', async () => {
    await expect(hashPin('12a4')).rejects.toThrow('A PIN is 4 to 8 digits.');
  });
});

describe('validatePinFormat', () => {
  it('accepts 4 to 8 digits and explains anything else plainly', () => {
    for (const ok of ['0000', '1234', '12345678']) expect(validatePinFormat(ok)).toBeNull();
    for (const bad of ['123', '123456789', '12 34', '١٢٣٤', 'abcd', '', ' 1234', 42, null]) {
      expect(validatePinFormat(bad)).toBe('A PIN is 4 to 8 digits.');
    }
  });
});

describe('lockout arithmetic', () => {
  it('doubles from a minute and stops at a day', () => {
    expect([1, 2, 3, 4].map(lockoutDuration)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(lockoutDuration(11)).toBe(1024 * 60_000);
    expect(lockoutDuration(12)).toBe(24 * 60 * 60_000);
    expect(lockoutDuration(500)).toBe(24 * 60 * 60_000);
  });

  it('describes waits rounded up in plain units', () => {
    expect([1, 45_000, 60_000, 61_000, 119 * 60_000, 17 * 3_600_000 - 1].map(describeWait)).toEqual([
      '1 second', '45 seconds', '1 minute', '2 minutes', '119 minutes', '17 hours',
    ]);
  });
});

describe('PinGate with a PIN set', () => {
  const stateFile = () => path.join(dir, 'pin-lockout.json');
  const gate = () => createPinGate({ getHash: () => hash, now, stateFile: stateFile() });

  async function wrongTries(g: ReturnType<typeof gate>, n: number) {
    const results = [];
    for (let i = 0; i < n; i += 1) results.push(await g.check('change-settings', '1111'));
    return results;
  }

  it('lets the right PIN through', async () => {
    expect(await gate().check('quit', '2468')).toEqual({ ok: true, action: 'quit', by: 'pin' });
  });

  it('reports every wrong try; the fifth locks entry for a minute, then the PIN is not even checked', async () => {
    const g = gate();
    const results = await wrongTries(g, 5);
    expect(results.slice(0, 4).map((r) => r.ok === false && [r.reason, r.lockedUntil, r.message])).toEqual([
      ['wrong', undefined, 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.'],
      ['wrong', undefined, 'That PIN is not right. 3 more wrong tries lock PIN entry for 1 minute.'],
      ['wrong', undefined, 'That PIN is not right. 2 more wrong tries lock PIN entry for 1 minute.'],
      ['wrong', undefined, 'That PIN is not right. 1 more wrong try locks PIN entry for 1 minute.'],
    ]);
    expect(results[4]).toEqual({
      ok: false, action: 'change-settings', reason: 'wrong',
      lockedUntil: new Date('2025-03-01T10:01:00.000Z'), message: 'That PIN is not right. PIN entry is locked for 1 minute.',
    });
    advance(59_000);
    const spy = vi.spyOn(crypto, 'scrypt');
    expect(await g.check('change-settings', '2468')).toEqual({
      ok: false, action: 'change-settings', reason: 'locked',
      lockedUntil: new Date('2025-03-01T10:01:00.000Z'), message: 'PIN entry is locked after too many wrong tries. Try again in 1 second.',
    });
    expect(spy).not.toHaveBeenCalled();
    advance(1_000);
    expect(await g.check('change-settings', '2468')).toMatchObject({ ok: true });
  });

  it('doubles the lockout to 2 minutes on the next five wrong tries, and keeps it across a new gate (a restart)', async () => {
    await wrongTries(gate(), 5);
    advance(60_000);
    const second = await wrongTries(gate(), 5);
    expect(second[4]).toMatchObject({ reason: 'wrong', lockedUntil: new Date('2025-03-01T10:03:00.000Z') });
    expect(second[0]).toMatchObject({ message: 'That PIN is not right. 4 more wrong tries lock PIN entry for 2 minutes.' });

    const restarted = gate();
    advance(119_000);
    expect(await restarted.check('pause-protection', '2468')).toMatchObject({ ok: false, reason: 'locked', lockedUntil: new Date('2025-03-01T10:03:00.000Z') });
    advance(1_000);
    const third = await wrongTries(restarted, 5);
    expect(third[4]).toMatchObject({ lockedUntil: new Date('2025-03-01T10:07:00.000Z'), message: 'That PIN is not right. PIN entry is locked for 4 minutes.' });
  });

  it('a right PIN clears the count: five more wrong tries lock for a minute again', async () => {
    const g = gate();
    await wrongTries(g, 5);
    advance(60_000);
    await wrongTries(g, 4);
    expect(await g.check('quit', '2468')).toMatchObject({ ok: true });
    expect(JSON.parse(await fs.readFile(stateFile(), 'utf8'))).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
    const again = await wrongTries(g, 5);
    expect(again[0]).toMatchObject({ message: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.' });
    expect(again[4]).toMatchObject({ lockedUntil: new Date(clock.getTime() + 60_000) });
  });

  it('does not count something that is not a PIN as a try', async () => {
    const g = gate();
    for (let i = 0; i < 6; i += 1) {
      expect(await g.check('quit', 'abc')).toEqual({ ok: false, action: 'quit', reason: 'format', message: 'A PIN is 4 to 8 digits.' });
    }
    expect(await g.check('quit', '1111')).toMatchObject({ message: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.' });
  });

  it('runs checks one at a time, so tries fired all at once cannot slip past the lockout', async () => {
    const g = gate();
    const racing = await Promise.all(Array.from({ length: 8 }, () => g.check('carry-on', '1111')));
    expect(racing.map((r) => !r.ok && r.reason)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'locked', 'locked', 'locked']);
    expect(racing[4]).toMatchObject({ lockedUntil: new Date('2025-03-01T10:01:00.000Z') });
  });

  it('keeps the lockout in memory when the state file cannot be written, and starts fresh from a damaged one', async () => {
    const unwritable = createPinGate({ getHash: () => hash, now, stateFile: path.join(dir, 'missing', 'pin-lockout.json') });
    await wrongTries(unwritable, 5);
    expect(await unwritable.check('quit', '2468')).toMatchObject({ ok: false, reason: 'locked' });

    await fs.writeFile(stateFile(), '{"failures": "many"');
    expect(await gate().check('quit', '1111')).toMatchObject({ message: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.' });
  });
});

describe('PinGate with no PIN set', () => {
  const gate = () => createPinGate({ getHash: () => null, now, stateFile: path.join(dir, 'pin-lockout.json') });

  it('asks for the action\'s word, typed, and reports that it was a confirmation (for the contact to be told)', async () => {
    const g = gate();
    expect(await g.check('pause-protection', 'pause')).toEqual({ ok: true, action: 'pause-protection', by: 'confirmation' });
    expect(await g.check('quit', ' QUIT ')).toEqual({ ok: true, action: 'quit', by: 'confirmation' });
    expect(await g.check('carry-on', 'CONTINUE')).toMatchObject({ ok: true });
  });

  it('refuses anything else without counting it, and writes no lockout state', async () => {
    const g = gate();
    for (const entered of ['', 'yes', 'QUIT', '1234']) {
      expect(await g.check('trust-helper', entered)).toEqual({
        ok: false, action: 'trust-helper', reason: 'format', message: 'Type the word TRUST to go on.',
      });
    }
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
