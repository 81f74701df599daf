// Sends one HTTP request for the ntfy and webhook channels (a POST; ntfy's DELETE of a scheduled message, the ping URL's
// GET) and turns what came back into OK or a plain DeliveryError.
// Never follows redirects (a POST must not turn into a GET somewhere else) and never waits longer than the timeout.
import { DeliveryError } from './channel';

export const HTTP_TIMEOUT_MS = 10_000;

export interface HttpPost {
  url: string;
  /** POST unless told. */
  method?: 'POST' | 'DELETE' | 'GET';
  body?: string;
  headers: Record<string, string>;
  /** Starts every reason: "ntfy", "Webhook". */
  label: string;
  /** What the far end is called in a reason: "the ntfy server", "the webhook". */
  peer: string;
  timeoutMs?: number;
  /** A plain reason for 401/403, when the channel has credentials to blame. */
  refusedAuth?: string;
}

export async function postOnce(post: HttpPost): Promise<void> {
  let response: Response;
  try {
    response = await fetch(post.url, {
      method: post.method ?? 'POST',
      body: post.body,
      headers: post.headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(post.timeoutMs ?? HTTP_TIMEOUT_MS),
    });
  } catch (error) {
    throw networkFailure(error, post);
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return;
  throw statusFailure(response.status, post);
}

function statusFailure(status: number, post: HttpPost): DeliveryError {
  const failure = (reason: string, permanent: boolean): DeliveryError => new DeliveryError(`${post.label}: ${reason}`, permanent, status);
  if (status === 408 || status === 429 || status >= 500) return failure(`${post.peer} is having trouble (HTTP ${status}); it will be tried again.`, false);
  if ((status === 401 || status === 403) && post.refusedAuth) return failure(post.refusedAuth, true);
  if (status >= 300 && status < 400) return failure(`the address points somewhere else (HTTP ${status}); please use the final address.`, true);
  if (status === 404) return failure(`${post.peer} does not know this address (HTTP 404).`, true);
  return failure(`${post.peer} refused the alert (HTTP ${status}).`, true);
}

function networkFailure(error: unknown, post: HttpPost): DeliveryError {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new DeliveryError(`${post.label}: ${post.peer} did not answer in time; it will be tried again.`, false);
  }
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause?.code === 'ERR_INVALID_URL' || error instanceof TypeError && /invalid url/i.test(error.message)) {
    return new DeliveryError(`${post.label}: the address is not a valid web address.`, true);
  }
  return new DeliveryError(`${post.label}: ${post.peer} could not be reached; it will be tried again.`, false);
}
