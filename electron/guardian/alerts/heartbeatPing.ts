// The heartbeat ping (the Healthchecks model): a GET every few minutes to the URL the family gave, so their
// healthchecks.io or self-hosted Healthchecks check alerts them when the pings stop. The silence is the message:
// it sends nothing else, and a missed ping is never retried or queued (the next one is the news).
import { HEARTBEAT_INTERVAL_MS } from '../protection/heartbeatTiming';
import { postOnce } from './channels/httpDelivery';

export interface HeartbeatPingOptions {
  /** The family's ping URL now, or null when none is set. */
  url: () => string | null;
  everyMs?: number;
  /** Told once when pings start failing, and once when they work again. */
  log: (line: string) => void;
}

export interface HeartbeatPing {
  start(): void;
  stop(): void;
}

export function createHeartbeatPing(options: HeartbeatPingOptions): HeartbeatPing {
  let timer: ReturnType<typeof setInterval> | null = null;
  let failing = false;

  const ping = async (): Promise<void> => {
    const url = options.url();
    if (!url) return;
    try {
      await postOnce({ method: 'GET', url, headers: {}, label: 'Ping URL', peer: 'the ping address' });
      if (failing) options.log('Ping URL: the ping address answers again.');
      failing = false;
    } catch (error) {
      if (!failing) options.log(error instanceof Error ? error.message : String(error));
      failing = true;
    }
  };

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void ping(), options.everyMs ?? HEARTBEAT_INTERVAL_MS);
      timer.unref();
      void ping();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
