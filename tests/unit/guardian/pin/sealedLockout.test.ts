// The PIN lockout with its seal, on real files: a lockout file reset, hand-made or deleted never shortens a lockout,
// and a right PIN still clears it in both places.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { hashPin } from '../../../../electron/guardian/pin/pin';
import { createPinGate } from '../../../../electron/guardian/pin/pinGate';
import { freshLockout, readLockout, stricter } from '../../../../electron/guardian/pin/pinLockout';
import { openSealStore, type SealStore } from '../../../../electron/guardian/store/sealStore';

let root: string;
let seal: SealStore;
const now = () => new Date('2026-03-01T10:00:00.000Z');
const file = (): string => path.join(root, 'pin-lockout.json');

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-sealed-lockout-'));
  seal = await openSealStore({ dataDir: root, sealDir: path.join(root, 'seal') });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function lockedGate() {
  const hash = await hashPin('482193');
  const gate = () => createPinGate({ getHash: () => hash, now, stateFile: file(), seal });
  for (let i = 0; i < 5; i += 1) await gate().check('quit', '111111');
  return gate;
}

it('a reset, a hand-made or a deleted lockout file leaves PIN entry locked for the full time', async () => {
  const gate = await lockedGate();
  for (const attack of [
    () => fs.writeFile(file(), JSON.stringify(freshLockout())),
    () => fs.writeFile(file(), JSON.stringify({ ...freshLockout(), seal: 'f'.repeat(64) })),
    () => fs.rm(file()),
  ]) {
    await attack();
    expect(await gate().check('quit', '482193')).toMatchObject({ ok: false, reason: 'locked' });
  }
});

it('a right PIN after the lockout clears it in the file and the copy', async () => {
  const hash = await hashPin('482193');
  const gate = await lockedGate();
  expect(await gate().check('quit', '482193')).toMatchObject({ reason: 'locked' });
  const later = createPinGate({ getHash: () => hash, now: () => new Date('2026-03-01T10:02:00.000Z'), stateFile: file(), seal });
  expect(await later.check('quit', '482193')).toMatchObject({ ok: true });
  expect(await readLockout(file(), seal)).toEqual(freshLockout());
});

it('the stricter of two states is the later lock, then more lockouts, then more tries', () => {
  const locked = { failures: 0, lockouts: 1, lockedUntil: '2026-03-01T10:01:00.000Z' };
  expect(stricter(freshLockout(), locked)).toBe(locked);
  expect(stricter({ failures: 3, lockouts: 0, lockedUntil: null }, { failures: 1, lockouts: 0, lockedUntil: null }).failures).toBe(3);
});
