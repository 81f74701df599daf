// What the family PIN guards and how a PIN is written: the actions, the word typed when no PIN is set, the format check.
// One source for the PIN gate (electron/guardian/pin.ts), the CLI and the renderer. No Node or DOM imports.
import { z } from 'zod';

export const PinActionSchema = z.enum(['pause-protection', 'change-settings', 'trust-helper', 'carry-on', 'quit', 'clean-up']);
export type PinAction = z.infer<typeof PinActionSchema>;

/**
 * With no PIN set, the person types this word (shown on screen) to go on: a deliberate act a stray click cannot
 * make. Compared without regard to case or surrounding spaces.
 */
export const CONFIRMATION_WORDS: Readonly<Record<PinAction, string>> = {
  'pause-protection': 'PAUSE',
  'change-settings': 'CHANGE',
  'trust-helper': 'TRUST',
  'carry-on': 'CONTINUE',
  quit: 'QUIT',
  'clean-up': 'REMOVE',
};

export const PIN_FORMAT_MESSAGE = 'A PIN is 4 to 8 digits.';

/** Null when `pin` is 4 to 8 digits; otherwise the plain message to show. */
export function validatePinFormat(pin: unknown): string | null {
  return typeof pin === 'string' && /^[0-9]{4,8}$/.test(pin) ? null : PIN_FORMAT_MESSAGE;
}
