// The preview's HTTP server on 127.0.0.1: serves the built renderer and the API socket only to requests that carry
// the run's token and name this host. It binds loopback only and answers everything else with a plain 403.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandlers } from '../apiDispatch';
import type { GuardianService } from '../guardian/protection/guardianService';
import { accessCookie } from './accessToken';
import { createApiSocket } from './apiSocket';
import { createRequestGuard, requestUrl } from './requestGuard';
import { responseHeaders } from './responseHeaders';
import type { StaticFile } from './staticFiles';

export interface PreviewServer {
  /** The one address to open: http://127.0.0.1:PORT/?token=TOKEN */
  url: string;
  port: number;
  close(): Promise<void>;
}

export class PortUnavailableError extends Error {}

export async function startPreviewServer(options: {
  port: number;
  token: string;
  files: Map<string, StaticFile>;
  handlers: ApiHandlers;
  events: Pick<GuardianService, 'onApiEvent'>;
  log: (line: string) => void;
}): Promise<PreviewServer> {
  const server = http.createServer();
  await listen(server, options.port);
  const port = (server.address() as AddressInfo).port;
  const guard = createRequestGuard({ port, token: options.token });
  const apiSocket = createApiSocket({ guard, handlers: options.handlers, events: options.events, log: options.log });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!guard.hostAllowed(request)) return refuse(response, 403, 'This address is not served here.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Only pages can be read here.');
    if (!guard.carriesToken(request)) {
      return refuse(response, 403, 'This page needs the full link that "npm run preview" printed, including its token.');
    }
    const url = requestUrl(request);
    if (!url) return refuse(response, 400, 'That address could not be read.');
    const pathname = url.pathname;
    const isPage = pathname === '/' || pathname === '/index.html';
    const file = options.files.get(isPage ? '/index.html' : pathname);
    if (!file) return refuse(response, 404, 'There is no such page.');
    response.writeHead(200, {
      ...responseHeaders,
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      ...(isPage ? { 'Set-Cookie': accessCookie(port, options.token) } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => apiSocket.handleUpgrade(request, socket, head));

  return {
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    port,
    async close() {
      await apiSocket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortUnavailableError(`Port ${port} on 127.0.0.1 is already in use; choose another with --port.`));
      else if (error.code === 'EACCES') reject(new PortUnavailableError(`Port ${port} on 127.0.0.1 may not be used by this account; choose another with --port.`));
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function refuse(response: ServerResponse, status: number, sentence: string): void {
  const body = `<!doctype html><html lang="en"><title>Pause Guard preview</title><p>${sentence}</p></html>\n`;
  response.writeHead(status, { ...responseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}
