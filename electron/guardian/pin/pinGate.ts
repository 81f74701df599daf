// The PIN gate in front of pausing, changing settings, trusting a helper, carrying on and quitting. With no PIN set it asks
// for a typed word instead. Returns what happened so the caller journals and alerts; never journals or alerts itself.
import { CONFIRMATION_WORDS, validatePinFormat, type PinAction } from '../../../shared/pin';
import type { PinHash } from '../../../shared/settings';
import { verifyPin } from './pin';
import {
  afterWrongTry, describeWait, freshLockout, lockedUntil, lockoutDuration, readLockout, TRIES_BEFORE_LOCKOUT, writeLockout,
  type LockoutState,
} from './pinLockout';
import type { SealStore } from '../store/sealStore';
import { oneAtATime } from '../oneAtATime';

export type PinCheckResult =
  /** `by: 'confirmation'` means no PIN is set and the word was typed: the contact should be told. */
  | { ok: true; action: PinAction; by: 'pin' | 'confirmation' }
  /**
   * 'wrong': a wrong PIN try, to be journalled (pin-failed) and reported; `lockedUntil` when it started a lockout.
   * 'locked': entry is locked, the PIN was not checked. 'format': not a PIN at all, or not the confirmation word; not counted.
   * 'not-own-hands': typed or clicked by injected input while someone else is moving the mouse (ownHandsGate.ts); not counted.
   */
  | { ok: false; action: PinAction; reason: 'wrong' | 'locked' | 'format' | 'not-own-hands'; lockedUntil?: Date; message: string };

export interface PinGate {
  /** `entered` is the PIN typed, or the confirmation word when no PIN is set. Checks run one at a time. */
  check(action: PinAction, entered: string): Promise<PinCheckResult>;
}

export interface PinGateOptions {
  /** The PIN hash from the current settings, or null when no PIN is set. */
  getHash: () => PinHash | null;
  now?: () => Date;
  /** Where the lockout is kept (<dataDir>/pin-lockout.json); without it the lockout lasts as long as the gate. */
  stateFile?: string;
  /** Seals the lockout file and keeps its sealed copy; without it the file is plain (tests of the lockout alone). */
  seal?: SealStore;
}

export function createPinGate({ getHash, now = () => new Date(), stateFile, seal }: PinGateOptions): PinGate {
  let known: LockoutState = freshLockout();
  const oneCheck = oneAtATime();

  const load = async (): Promise<LockoutState> => {
    // Read every time, so the CLI and the app count the same tries; keep what was known if the file is gone or damaged.
    if (stateFile) known = (await readLockout(stateFile, seal)) ?? known;
    return known;
  };
  const save = async (state: LockoutState): Promise<void> => {
    known = state;
    // A folder that cannot be written still gets the lockout for as long as this gate lives.
    if (stateFile) await writeLockout(stateFile, state, seal).catch(() => undefined);
  };

  const checkNow = async (action: PinAction, entered: string): Promise<PinCheckResult> => {
    const hash = getHash();
    if (!hash) {
      const word = CONFIRMATION_WORDS[action];
      if (typeof entered === 'string' && entered.trim().toUpperCase() === word) return { ok: true, action, by: 'confirmation' };
      return { ok: false, action, reason: 'format', message: `Type the word ${word} to go on.` };
    }
    const state = await load();
    const at = now();
    const until = lockedUntil(state, at);
    if (until) {
      const wait = describeWait(until.getTime() - at.getTime());
      return { ok: false, action, reason: 'locked', lockedUntil: until, message: `PIN entry is locked after too many wrong tries. Try again in ${wait}.` };
    }
    const problem = validatePinFormat(entered);
    if (problem) return { ok: false, action, reason: 'format', message: problem };
    if (await verifyPin(entered, hash)) {
      if (state.failures > 0 || state.lockouts > 0 || state.lockedUntil) await save(freshLockout());
      return { ok: true, action, by: 'pin' };
    }
    const next = afterWrongTry(state, now());
    await save(next);
    if (next.lockedUntil && next.lockouts > state.lockouts) {
      const lockedFor = describeWait(lockoutDuration(next.lockouts));
      return { ok: false, action, reason: 'wrong', lockedUntil: new Date(next.lockedUntil), message: `That PIN is not right. PIN entry is locked for ${lockedFor}.` };
    }
    const left = TRIES_BEFORE_LOCKOUT - next.failures;
    const lockedFor = describeWait(lockoutDuration(next.lockouts + 1));
    return {
      ok: false, action, reason: 'wrong',
      message: `That PIN is not right. ${left} more wrong ${left === 1 ? 'try locks' : 'tries lock'} PIN entry for ${lockedFor}.`,
    };
  };

  return {
    check(action, entered) {
      return oneCheck(() => checkNow(action, entered));
    },
  };
}
