// The preview host's server, for real on 127.0.0.1: the real app services (no watchers), real HTTP requests and WebSockets.
// Only the right token, Host and Origin get a page, a file or the API socket; everything else gets a plain 403.
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { productionCsp } from '../../electron/csp';
import { createApiHandlers } from '../../electron/apiHandlers';
import { createAppServices, type AppServices } from '../../electron/guardian/appServices';
import { createAccessToken } from '../../electron/preview/accessToken';
import { previewOpenExternalLink } from '../../electron/preview/previewHandlers';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/previewServer';
import { loadStaticFiles } from '../../electron/preview/staticFiles';
import type { WireEvent, WireReply } from '../../shared/previewWire';

let dir: string;
let services: AppServices;
let server: PreviewServer;
let token: string;
let logged: string[];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-preview-server-'));
  await fs.mkdir(path.join(dir, 'site', 'assets'), { recursive: true });
  await fs.writeFile(path.join(dir, 'site', 'index.html'), '<!doctype html><title>Pause Guard</title>');
  await fs.writeFile(path.join(dir, 'site', 'assets', 'app.js'), 'console.log("app")');
  token = createAccessToken();
  logged = [];
  const log = (line: string) => logged.push(line);
  services = await createAppServices({ dataDir: path.join(dir, 'data'), version: 'test', downloadFolders: [], watchers: [], quit: () => undefined, log });
  server = await startPreviewServer({
    port: 0,
    token,
    files: await loadStaticFiles(path.join(dir, 'site')),
    handlers: createApiHandlers({ guardian: services.guardian, setup: services.setup, summary: services, cleanup: services.cleanup, openExternalLink: previewOpenExternalLink(log) }),
    events: services.guardian,
    log,
  });
});

afterEach(async () => {
  await server.close();
  await services.stop('shutdown');
  await fs.rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: target, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => `pauseguard-preview-${server.port}=${token}`;
const origin = () => `http://127.0.0.1:${server.port}`;

function openSocket(target: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${target}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket, accept: (message: WireReply | WireEvent) => boolean): Promise<WireReply | WireEvent> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as WireReply | WireEvent;
      if (!accept(message)) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

async function call(socket: WebSocket, id: number, method: string, input?: unknown): Promise<WireReply> {
  const reply = nextMessage(socket, (m) => 'id' in m && m.id === id);
  socket.send(JSON.stringify({ id, method, input }));
  return (await reply) as WireReply;
}

describe('preview server over HTTP', () => {
  it('prints a loopback address with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('serves the page for the token and sets the HttpOnly, SameSite=Strict cookie, with the security headers', async () => {
    const page = await request(`/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Pause Guard</title>');
    expect(page.headers['set-cookie']).toEqual([`${cookie()}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(page.headers['content-security-policy']).toBe(productionCsp);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves an asset to the cookie, as JavaScript', async () => {
    const asset = await request('/assets/app.js', { cookie: cookie() });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log("app")');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['the page without a token', '/', {}],
    ['the page with a wrong token', '/?token=wrong', {}],
    ['the page with a token one character short', () => `/?token=${token.slice(0, -1)}`, {}],
    ['an asset without a cookie', '/assets/app.js', {}],
    ['an asset with a wrong cookie', '/assets/app.js', { cookie: `pauseguard-preview-PORT=wrong` }],
    ['an asset with the token under another port’s cookie', '/assets/app.js', { cookie: `pauseguard-preview-1=TOKEN` }],
  ])('refuses %s with a plain 403 page and no cookie', async (_what, target, headers: Record<string, string>) => {
    const fill = (text: string) => text.replace('PORT', String(server.port)).replace('TOKEN', token);
    const filled = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, fill(v)]));
    const answer = await request(typeof target === 'function' ? target() : target, filled);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('This page needs the full link that "npm run preview" printed, including its token.');
    expect(answer.body).not.toContain('console.log');
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['content-security-policy']).toBe(productionCsp);
  });

  it.each(['evil.example', 'evil.example:PORT', '127.0.0.1:1', '127.0.0.1', 'localhost.evil.example:PORT'])(
    'refuses the Host %s even with the token (DNS rebinding)',
    async (host) => {
      const answer = await request(`/?token=${token}`, { host: host.replace('PORT', String(server.port)) });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('This address is not served here.');
    },
  );

  it('accepts localhost:PORT as the Host', async () => {
    expect((await request(`/?token=${token}`, { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('answers only GET and HEAD, and only files it built', async () => {
    expect((await request(`/?token=${token}`, {}, 'POST')).status).toBe(405);
    const head = await request(`/?token=${token}`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await request('/../../etc/passwd', { cookie: cookie() })).status).toBe(404);
    expect((await request('/%2e%2e/%2e%2e/etc/passwd', { cookie: cookie() })).status).toBe(404);
    expect((await request('/assets/', { cookie: cookie() })).status).toBe(404);
  });
});

/** Sends raw bytes, so a test can send a request line no HTTP client would build; resolves with the status line. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) {
        resolve(answer.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

describe('preview server, given a request target no URL parser accepts', () => {
  it('answers it plainly and keeps serving', async () => {
    const host = `127.0.0.1:${server.port}`;
    expect(await rawRequest(`GET http://[ HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie()}\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawRequest(`GET http://[ HTTP/1.1\r\nHost: ${host}\r\n\r\n`)).toBe('HTTP/1.1 403 Forbidden');
    const upgrade = `GET http://[ HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin()}\r\nCookie: ${cookie()}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect(await rawRequest(upgrade)).toBe('HTTP/1.1 403 Forbidden');
    expect((await request(`/?token=${token}`)).status).toBe(200);
  });
});

describe('preview server API socket', () => {
  const goodHeaders = () => ({ origin: origin(), cookie: cookie() });

  it('answers getStatus with the guardian’s status and pushes its statuses', async () => {
    const socket = await openSocket(`/api?token=${token}`, { origin: origin() });
    const reply = await call(socket, 1, 'getStatus');
    expect(reply).toEqual({ id: 1, ok: true, output: services.guardian.status() });

    const status = nextMessage(socket, (m) => 'event' in m && m.event === 'status');
    await services.start();
    expect(await status).toEqual({ event: 'status', payload: services.guardian.status() });
    socket.close();
  });

  it('accepts the cookie instead of the query', async () => {
    const socket = await openSocket('/api', goodHeaders());
    expect((await call(socket, 7, 'getStatus')).ok).toBe(true);
    socket.close();
  });

  it('refuses bad calls in plain words and stays open', async () => {
    const socket = await openSocket('/api', goodHeaders());
    expect(await call(socket, 2, 'shutDown', {})).toEqual({ id: 2, ok: false, error: 'Pause Guard has no method called "shutDown".' });
    const badInput = await call(socket, 3, 'openExternalLink', { url: 'not a url' });
    expect(badInput).toMatchObject({ id: 3, ok: false, error: expect.stringContaining('"openExternalLink" was called with input Pause Guard cannot accept') });

    const malformed = nextMessage(socket, (m) => 'id' in m && m.id === -1);
    socket.send('{"id":"x"');
    expect(await malformed).toEqual({ id: -1, ok: false, error: 'A call must be a JSON object with an id, a method and an input.' });
    expect((await call(socket, 4, 'getStatus')).ok).toBe(true);
    socket.close();
  });

  it('never opens a link: allowed ones are printed, others are named as refused', async () => {
    const socket = await openSocket('/api', goodHeaders());
    expect(await call(socket, 5, 'openExternalLink', { url: 'https://www.garda.ie/en/' })).toEqual({ id: 5, ok: true, output: { opened: false } });
    expect(await call(socket, 6, 'openExternalLink', { url: 'https://anydesk.com/download' })).toEqual({ id: 6, ok: true, output: { opened: false } });
    expect(logged).toEqual([
      'The app would open this link in the browser: https://www.garda.ie/en/',
      'The page asked to open a link that is not on the allow-list: https://anydesk.com/download',
    ]);
    socket.close();
  });

  it.each([
    ['no token', '/api', () => ({ origin: origin() })],
    ['a wrong token', '/api?token=wrong', () => ({ origin: origin() })],
    ['no Origin', `/api`, () => ({ cookie: cookie() })],
    ['another site’s Origin', '/api', () => ({ origin: 'https://evil.example', cookie: cookie() })],
    ['another port’s Origin', '/api', () => ({ origin: 'http://127.0.0.1:1', cookie: cookie() })],
    ['a wrong Host', '/api', () => ({ origin: origin(), cookie: cookie(), host: `evil.example:${server.port}` })],
    ['another path', '/socket', () => ({ origin: origin(), cookie: cookie() })],
  ])('refuses a WebSocket with %s', async (_what, target, headers) => {
    await expect(openSocket(target, headers())).rejects.toThrow('refused with 403');
  });
});
