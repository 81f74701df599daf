// One way an alert reaches the trusted contact (ntfy, email, webhook): the alert as sent, and how a send fails.
import type { AlertChannel, AlertKind } from '../../../../shared/events';
import type { AlertContent } from '../alertMessage';

/** Carries the alert id on email and webhook sends, so a receiver can drop a repeat. */
export const ALERT_ID_HEADER = 'X-Pause-Guard-Alert-Id';

/** An alert as the outbox keeps it and every channel sends it. The id is the dedupe key on every retry. */
export interface Alert {
  id: string;
  kind: AlertKind;
  createdAt: string;
  content: AlertContent;
}

export interface ChannelSender {
  /** Which destination this is (channel and a hash of its address), stable across restarts. */
  key: string;
  channel: AlertChannel;
  /** How a person names it: "ntfy", "Email", or "Email to Ann" when there are several contacts. */
  label: string;
  /** Resolves once the far end has accepted the alert; rejects with a DeliveryError otherwise. */
  send(alert: Alert): Promise<void>;
}

/** A send that did not work. `reason` is one plain sentence starting with the channel's label. */
export class DeliveryError extends Error {
  constructor(
    readonly reason: string,
    /** True when trying again cannot help (bad address, refused password, refused message). */
    readonly permanent: boolean,
    /** The HTTP status the far end answered with, when it answered over HTTP. */
    readonly status: number | null = null,
  ) {
    super(reason);
    this.name = 'DeliveryError';
  }
}

/** Any failure as a DeliveryError: an unexpected one is worth another try. */
export function asDeliveryError(error: unknown, label: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(`${label}: sending failed (${error instanceof Error ? error.message : String(error)}).`, false);
}
