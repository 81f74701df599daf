// The caller guesses PINs until entry locks, then resets pin-lockout.json to zero tries (or deletes it) and
// restarts the app to guess again. The lockout must still run its full time.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FAMILY_PIN, familyPc, type FamilyPc } from '../fixtures/hostile/familyPc';

let pc: FamilyPc;

beforeEach(async () => {
  pc = await familyPc();
  await pc.setUp();
  const services = pc.running();
  for (let guess = 0; guess < 5; guess += 1) {
    const result = await services.setup.save(pc.input({ currentPin: `11111${guess}` }));
    expect(result.ok).toBe(false);
  }
  const locked = await services.setup.save(pc.input({ currentPin: FAMILY_PIN }));
  expect(locked.fieldErrors.currentPin).toMatch(/locked/);
  await pc.stop();
});
afterEach(async () => {
  await pc.cleanup();
});

const lockoutFile = (): string => path.join(pc.dataDir, 'pin-lockout.json');

it('a lockout file reset to zero tries does not shorten the lockout', async () => {
  await fs.writeFile(lockoutFile(), `${JSON.stringify({ failures: 0, lockouts: 0, lockedUntil: null })}\n`);
  const services = await pc.start();
  const result = await services.setup.save(pc.input({ currentPin: FAMILY_PIN }));
  expect(result.ok).toBe(false);
  expect(result.fieldErrors.currentPin).toMatch(/PIN entry is locked after too many wrong tries/);
});

it('a deleted lockout file does not end the lockout either', async () => {
  await fs.rm(lockoutFile());
  const services = await pc.start();
  const result = await services.setup.save(pc.input({ currentPin: FAMILY_PIN }));
  expect(result.ok).toBe(false);
  expect(result.fieldErrors.currentPin).toMatch(/PIN entry is locked after too many wrong tries/);
});
