// What the interruption controller and the guardian service need from the app services, the alerts and the PIN gate:
// small interfaces that appServices (the journal's one writer), alerts/outbox.ts and pin/pinGate.ts satisfy.
import type { AlertKind } from '../../../shared/events';
import type { CleanupKind } from '../../../shared/installedCheck';
import type { AppRecord, Choice } from '../../../shared/journal';
import type { PinAction } from '../../../shared/pin';
import type { Happening } from '../alerts/alertMessage';

/** Hands app records to appServices, the journal's one writer (which also shows them to `watch --json`). */
export interface AppRecorder {
  append(record: AppRecord): Promise<void>;
}

/** The facts of one alert to the trusted contacts; the adapter adds the person, the PC's name and each contact. */
export interface ContactFacts {
  at: Date;
  toolName: string | null;
  happened: Happening | null;
  remoteId: string | null;
  remoteAddress: string | null;
  choice: Choice | null;
  /** After "End it": whether the tool really was ended and stayed gone. */
  endIt?: 'ended' | 'not-ended' | null;
  /** A clean-up step of "Check this computer": what it was and whether it did what it says. */
  cleanup?: { step: CleanupKind; ok: boolean } | null;
}

/** Tells the trusted contacts (the outbox behind it keeps the alert until it is delivered). */
export interface ContactNotifier {
  notify(kind: AlertKind, facts: ContactFacts): Promise<void>;
}

export type GateAnswer = { ok: true } | { ok: false; reason: 'wrong' | 'locked' | 'format' | 'not-own-hands'; lockedUntil?: Date; message: string };

/** The PIN gate (PinGate fits as it is): the PIN, or the confirmation word when no PIN is set. */
export interface PinChecker {
  check(action: PinAction, entered: string): Promise<GateAnswer>;
}

/** Runs fn after ms; the returned function cancels it. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export const realTimer: SetTimer = (fn, ms) => {
  const handle = setTimeout(fn, ms);
  handle.unref();
  return () => clearTimeout(handle);
};
