// Downloads the signed catalog over HTTPS with a conditional request (If-None-Match), following HTTPS redirects only
// (a GitHub release asset redirects to its storage), within a size limit and one overall time limit. Never reads
// the body it got as a catalog: that is catalogUpdates.ts's job, after the signature.
import https from 'node:https';
import type { IncomingMessage } from 'node:http';

/** Why a download gave no document; each is told in one plain sentence by `CatalogDownloadError.message`. */
export type DownloadProblem = 'plain-http' | 'unreachable' | 'timeout' | 'oversized' | 'incomplete';

export class CatalogDownloadError extends Error {
  constructor(message: string, readonly reason: DownloadProblem) {
    super(message);
    this.name = 'CatalogDownloadError';
  }
}

export type DownloadResult = { kind: 'not-modified' } | { kind: 'document'; text: string; etag: string | null };

export interface DownloadOptions {
  url: string;
  /** The ETag of the document in force from this address, sent as If-None-Match; null the first time. */
  etag: string | null;
  /** The whole download, redirects included, must finish in this time. */
  timeoutMs: number;
  /** A larger document is refused before it is read to the end. */
  maxBytes: number;
  /** Extra certificate authorities to trust (tests' own CA); the system's otherwise. */
  ca?: string;
  /** Ends the download at once (the app stopping); it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

const MAX_REDIRECTS = 5;

export function downloadCatalog(options: DownloadOptions): Promise<DownloadResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let current: ReturnType<typeof https.get> | null = null;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      current?.destroy();
      outcome();
    };
    const fail = (reason: DownloadProblem, message: string): void => finish(() => reject(new CatalogDownloadError(message, reason)));
    const timer = setTimeout(() => {
      fail('timeout', `The server did not send the list of remote-access programs within ${Math.round(options.timeoutMs / 1000)} seconds.`);
    }, options.timeoutMs);
    const abort = (): void => finish(() => reject(options.signal?.reason));
    if (options.signal?.aborted) {
      abort();
      return;
    }
    options.signal?.addEventListener('abort', abort, { once: true });

    const request = (address: string, redirectsLeft: number): void => {
      let url: URL;
      try {
        url = new URL(address);
      } catch {
        fail('unreachable', `The address ${address} is not a web address.`);
        return;
      }
      if (url.protocol !== 'https:') {
        fail('plain-http', `The list of remote-access programs was offered over a connection that is not secure (${url.protocol.replace(':', '')}), so it was not fetched.`);
        return;
      }
      const headers: Record<string, string> = { 'user-agent': 'PauseGuard', accept: 'application/json, application/octet-stream' };
      if (options.etag !== null) headers['if-none-match'] = options.etag;
      current = https.get(url, { headers, ca: options.ca, agent: false }, (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && status !== 304 && location) {
          response.resume();
          if (redirectsLeft === 0) fail('unreachable', 'The server sent Pause Guard round in circles instead of the list of remote-access programs.');
          else request(new URL(location, url).toString(), redirectsLeft - 1);
          return;
        }
        if (status === 304) {
          response.resume();
          finish(() => resolve({ kind: 'not-modified' }));
          return;
        }
        if (status !== 200) {
          response.resume();
          fail('unreachable', `The server answered ${status} instead of sending the list of remote-access programs.`);
          return;
        }
        readBody(response);
      });
      current.on('error', (error: NodeJS.ErrnoException) => fail('unreachable', unreachableMessage(url.host, error)));
    };

    const readBody = (response: IncomingMessage): void => {
      const declared = Number(response.headers['content-length'] ?? Number.NaN);
      if (declared > options.maxBytes) {
        fail('oversized', `The list of remote-access programs offered was larger than ${options.maxBytes} bytes, far too large to be right.`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          fail('oversized', `The list of remote-access programs offered was larger than ${options.maxBytes} bytes, far too large to be right.`);
          return;
        }
        chunks.push(chunk);
      });
      const incomplete = (): void => fail('incomplete', 'The connection was cut before the whole list of remote-access programs arrived.');
      response.on('aborted', incomplete);
      response.on('error', incomplete);
      response.on('end', () => {
        if (!response.complete || (Number.isFinite(declared) && size !== declared)) {
          incomplete();
          return;
        }
        const etag = response.headers.etag ?? null;
        finish(() => resolve({ kind: 'document', text: Buffer.concat(chunks).toString('utf8'), etag }));
      });
    };

    request(options.url, MAX_REDIRECTS);
  });
}

function unreachableMessage(host: string, error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The server ${host} could not be found; the computer may be offline.`;
  if (code === 'ECONNREFUSED') return `The server ${host} did not answer.`;
  if (code === 'ECONNRESET' || code === 'EPIPE') return `The connection to ${host} was cut before the list of remote-access programs arrived.`;
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('UNABLE_TO_') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return `The server ${host} could not prove who it is, so nothing was fetched from it.`;
  }
  return `The server ${host} could not be reached (${error.message}).`;
}
