// PIN lockout: five wrong tries lock PIN entry for a minute, doubling with each lockout up to a day; kept in a file so a restart does not reset it.
// Sealed, with a sealed copy in the seal folder: a file reset to zero tries, hand-made or deleted never shortens a lockout.
// Pure state steps plus reading and writing the state file; never decides whether a PIN is right.
import fs from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomicFile';
import type { SealedRead, SealStore } from '../store/sealStore';

/** The lockout's file in the data folder, shared by the app and the CLI so both count the same tries. */
export const PIN_LOCKOUT_FILE = 'pin-lockout.json';
export const TRIES_BEFORE_LOCKOUT = 5;
const FIRST_LOCKOUT_MS = 60_000;
const LONGEST_LOCKOUT_MS = 24 * 60 * 60_000;

export const LockoutStateSchema = z.object({
  /** Wrong tries since the last lockout began (or since the last right PIN). */
  failures: z.number().int().min(0),
  /** Lockouts since the last right PIN; the next lockout lasts 2^lockouts minutes. */
  lockouts: z.number().int().min(0),
  lockedUntil: z.string().datetime({ offset: true }).nullable(),
});
export type LockoutState = z.infer<typeof LockoutStateSchema>;

export const freshLockout = (): LockoutState => ({ failures: 0, lockouts: 0, lockedUntil: null });

/** How long lockout number `n` (1 for the first) lasts: 1, 2, 4, ... minutes, never more than a day. */
export function lockoutDuration(n: number): number {
  return Math.min(FIRST_LOCKOUT_MS * 2 ** Math.max(0, n - 1), LONGEST_LOCKOUT_MS);
}

/** When PIN entry opens again, or null when it is open now. */
export function lockedUntil(state: LockoutState, now: Date): Date | null {
  if (!state.lockedUntil) return null;
  const until = new Date(state.lockedUntil);
  return until.getTime() > now.getTime() ? until : null;
}

/** The state after one more wrong try: a lockout starts on the fifth. */
export function afterWrongTry(state: LockoutState, now: Date): LockoutState {
  const failures = state.failures + 1;
  if (failures < TRIES_BEFORE_LOCKOUT) return { ...state, failures };
  const lockouts = state.lockouts + 1;
  return { failures: 0, lockouts, lockedUntil: new Date(now.getTime() + lockoutDuration(lockouts)).toISOString() };
}

/**
 * The saved state; null when there is none or it cannot be read (the caller keeps what it knew). With a seal, only a
 * sealed file or copy counts, and the stricter of the two is the state.
 */
export async function readLockout(file: string, seal?: SealStore): Promise<LockoutState | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (!seal) return text === null ? null : stateOf(parseJson(text));
  const fromFile = text === null ? null : sealedState(seal.open('pin-lockout', text));
  const fromCopy = sealedState(await seal.readCopy('pin-lockout'));
  if (!fromFile || !fromCopy) return fromFile ?? fromCopy;
  return stricter(fromFile, fromCopy);
}

export async function writeLockout(file: string, state: LockoutState, seal?: SealStore): Promise<void> {
  if (!seal) return writeFileAtomic(file, `${JSON.stringify(state)}\n`);
  await seal.writeCopy('pin-lockout', state);
  await writeFileAtomic(file, seal.sealedText('pin-lockout', state));
}

/** The state that keeps PIN entry shut longer: the later lock, then more lockouts, then more wrong tries. */
export function stricter(a: LockoutState, b: LockoutState): LockoutState {
  const until = (s: LockoutState): number => (s.lockedUntil ? Date.parse(s.lockedUntil) : 0);
  if (until(a) !== until(b)) return until(a) > until(b) ? a : b;
  if (a.lockouts !== b.lockouts) return a.lockouts > b.lockouts ? a : b;
  return a.failures >= b.failures ? a : b;
}

function sealedState(read: SealedRead): LockoutState | null {
  return read.state === 'sealed' ? stateOf(read.value) : null;
}

function stateOf(value: unknown): LockoutState | null {
  const parsed = LockoutStateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** "45 seconds", "2 minutes", "17 hours": how long is left, rounded up. */
export function describeWait(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < 60_000) return plural(Math.max(1, Math.ceil(ms / 1000)), 'second');
  if (ms < 120 * 60_000) return plural(Math.ceil(ms / 60_000), 'minute');
  return plural(Math.ceil(ms / 3_600_000), 'hour');
}
