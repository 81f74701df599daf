// The PIN gate with one check in front: while someone else is moving the mouse, a choice made with injected clicks or keys
// (the caller's hand, not the person's) is refused before the PIN is even looked at, so it neither counts as a wrong try
// nor can lock the person out. Every way to carry on or switch protection off passes the PIN gate, so all are covered.
import type { InputWitness } from '../watchers/input/injectedInputWatcher';
import type { PinAction } from '../../../shared/pin';
import type { PinGate } from './pinGate';

export const OWN_HANDS_MESSAGE = 'This has to be done by the person sitting at this computer.';

/** `onRefused` journals the refusal and tells the family (appServices); it is waited for before the answer is given. */
export function ownHandsGate(gate: PinGate, witness: InputWitness, onRefused: (action: PinAction) => Promise<void>): PinGate {
  return {
    async check(action, entered) {
      if (await witness.choiceWasInjected()) {
        await onRefused(action);
        return { ok: false, action, reason: 'not-own-hands', message: OWN_HANDS_MESSAGE };
      }
      return gate.check(action, entered);
    },
  };
}
