// A wrong family PIN, however it was typed (carrying on, the tray's quit or pause, the settings): journalled as
// pin-failed and told to the trusted contact, in one way. Either failing is logged; neither stops the other.
import type { PinAction } from '../../../shared/pin';
import { quietly } from '../couldNot';
import type { AppRecorder, ContactFacts, ContactNotifier } from '../protection/interruptionPorts';

export interface WrongPinPorts {
  recorder: AppRecorder;
  notifier: ContactNotifier;
  log: (line: string) => void;
}

export async function reportWrongPin(ports: WrongPinPorts, action: PinAction, lockedUntil: Date | null | undefined, facts: ContactFacts): Promise<void> {
  const record = { type: 'pin-failed' as const, at: facts.at.toISOString(), action, lockedUntil: lockedUntil?.toISOString() ?? null };
  await quietly(ports.log, 'write the wrong PIN to the journal', ports.recorder.append(record));
  await quietly(ports.log, 'alert the trusted contact', ports.notifier.notify('pin-failed', facts));
}
