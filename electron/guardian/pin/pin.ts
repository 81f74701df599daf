// The family PIN: scrypt hashing with a per-install salt and a constant-time check. Never stores, logs or returns a PIN in clear.
import crypto from 'node:crypto';
import type { PinHash } from '../../../shared/settings';
import { validatePinFormat } from '../../../shared/pin';

export { validatePinFormat } from '../../../shared/pin';

/** scrypt cost: N=2^15, r=8, p=1 needs 32 MiB and takes about 0.1 s on an ordinary PC, run off the main thread. */
export const PIN_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds for parameters read back from a settings file, so a tampered file cannot make a check take minutes or gigabytes. */
const LIMITS = { maxN: 2 ** 20, maxR: 32, maxP: 16, minKeyBytes: 16, maxKeyBytes: 64, minSaltBytes: 16 };

function derive(pin: string, salt: Buffer, keyBytes: number, N: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128 * N * r * p bytes; Node's default limit (32 MiB) is exactly 2^15 x 8, which it refuses, so set it.
  const maxmem = 128 * N * r * p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    crypto.scrypt(pin, salt, keyBytes, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a PIN of 4 to 8 digits with a fresh random salt. Throws the plain format message for anything else. */
export async function hashPin(pin: string): Promise<PinHash> {
  const problem = validatePinFormat(pin);
  if (problem) throw new Error(problem);
  const salt = crypto.randomBytes(SALT_BYTES);
  const { N, r, p } = PIN_SCRYPT;
  const key = await derive(pin, salt, KEY_BYTES, N, r, p);
  return { algorithm: 'scrypt', salt: salt.toString('hex'), hash: key.toString('hex'), N, r, p };
}

/** True when `pin` is the one `stored` was made from. False (never a throw) for a hash with unusable parameters. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const salt = Buffer.from(stored.salt, 'hex');
  const expected = Buffer.from(stored.hash, 'hex');
  const { N, r, p } = stored;
  const usable =
    stored.algorithm === 'scrypt' &&
    salt.length >= LIMITS.minSaltBytes &&
    expected.length >= LIMITS.minKeyBytes &&
    expected.length <= LIMITS.maxKeyBytes &&
    Number.isInteger(Math.log2(N)) &&
    N > 1 &&
    N <= LIMITS.maxN &&
    r <= LIMITS.maxR &&
    p <= LIMITS.maxP;
  if (!usable || typeof pin !== 'string') return false;
  const actual = await derive(pin, salt, expected.length, N, r, p);
  return crypto.timingSafeEqual(actual, expected);
}
