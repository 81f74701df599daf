// The preview bridge: window.pauseGuard over a real WebSocket to a real `ws` server on 127.0.0.1. The client socket is
// ws's browser-compatible WebSocket: jsdom's own cannot fire events here (its Event class is not Node's).
import type { AddressInfo } from 'node:net';
import { WebSocket as ClientSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { connectBridge } from '../../renderer/src/bridge/connectBridge';
import { CONNECTION_LOST, createPreviewClient } from '../../renderer/src/bridge/previewClient';
import type { WireCall } from '../../shared/previewWire';
import { createFakeApi, statusOf } from './fakeApi';

let server: WebSocketServer;
let url: string;
let received: WireCall[];
let peer: Promise<ServerSocket>;

beforeEach(async () => {
  received = [];
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  peer = new Promise((resolve) => server.once('connection', resolve));
});

/** A browser-style WebSocket to `address` (ws implements the same open/message/close events and send). */
const openSocket = (address: string): WebSocket => new ClientSocket(address) as unknown as WebSocket;

afterEach(async () => {
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

/** The server side answers every call with `answer(call)`. */
async function answerWith(answer: (call: WireCall) => object): Promise<ServerSocket> {
  const socket = await peer;
  socket.on('message', (data) => {
    const call = JSON.parse(data.toString()) as WireCall;
    received.push(call);
    socket.send(JSON.stringify(answer(call)));
  });
  return socket;
}

describe('createPreviewClient', () => {
  it('sends each call as {id, method, input} and resolves with the matching answer, whatever the order', async () => {
    const api = createPreviewClient(openSocket(url));
    const socket = await peer;
    const calls: WireCall[] = [];
    socket.on('message', (data) => {
      calls.push(JSON.parse(data.toString()) as WireCall);
      if (calls.length < 2) return;
      // Answer the second call first.
      socket.send(JSON.stringify({ id: calls[1]!.id, ok: true, output: { opened: false } }));
      socket.send(JSON.stringify({ id: calls[0]!.id, ok: true, output: statusOf() }));
    });

    const [status, link] = await Promise.all([api.getStatus(undefined), api.openExternalLink({ url: 'https://www.garda.ie/' })]);

    expect(status).toEqual(statusOf());
    expect(link).toEqual({ opened: false });
    expect(calls.map(({ method, input }) => ({ method, input }))).toEqual([
      { method: 'getStatus', input: undefined },
      { method: 'openExternalLink', input: { url: 'https://www.garda.ie/' } },
    ]);
    expect(calls[0]!.id).not.toBe(calls[1]!.id);
  });

  it('rejects with the host’s plain sentence when a call fails', async () => {
    const api = createPreviewClient(openSocket(url));
    await answerWith((call) => ({ id: call.id, ok: false, error: 'Pause Guard has no method called "x".' }));
    await expect(api.getStatus(undefined)).rejects.toThrow('Pause Guard has no method called "x".');
  });

  it('hands pushed events to the listeners of that event only, until they unsubscribe', async () => {
    const api = createPreviewClient(openSocket(url));
    const statuses: unknown[] = [];
    const pages: unknown[] = [];
    const stop = api.on('status', (status) => statuses.push(status));
    api.on('showPage', (page) => pages.push(page));
    const socket = await answerWith((call) => ({ id: call.id, ok: true, output: statusOf() }));
    await api.getStatus(undefined);

    socket.send(JSON.stringify({ event: 'status', payload: statusOf({ state: 'warning' }) }));
    socket.send('not json');
    socket.send(JSON.stringify({ event: 'showPage', payload: 'summary' }));
    await vi.waitFor(() => expect(pages).toHaveLength(1));
    stop();
    socket.send(JSON.stringify({ event: 'status', payload: statusOf() }));
    await api.getStatus(undefined);

    expect(statuses).toEqual([statusOf({ state: 'warning' })]);
    expect(pages).toEqual(['summary']);
  });

  it('rejects calls in flight and later calls in plain words once the connection is lost', async () => {
    const api = createPreviewClient(openSocket(url));
    const socket = await peer;
    socket.on('message', () => socket.close());

    await expect(api.getStatus(undefined)).rejects.toThrow(CONNECTION_LOST);
    await expect(api.getStatus(undefined)).rejects.toThrow(CONNECTION_LOST);
  });
});

describe('connectBridge', () => {
  afterEach(() => {
    delete (window as Partial<Window>).pauseGuard;
    window.history.replaceState(null, '', '/');
  });

  it('keeps the api the preload provided and opens no socket', () => {
    const provided = createFakeApi({ getStatus: async () => statusOf() });
    window.pauseGuard = provided;
    const opener = vi.fn(openSocket);
    expect(connectBridge(window, opener)).toBe(provided);
    expect(opener).not.toHaveBeenCalled();
  });

  it('without a preload and without a token there is no bridge', () => {
    const opener = vi.fn(openSocket);
    expect(connectBridge(window, opener)).toBeNull();
    expect(opener).not.toHaveBeenCalled();
    expect('pauseGuard' in window).toBe(false);
  });

  it('with ?token= it installs a client of the host’s socket on this page’s host, carrying the token', async () => {
    window.history.replaceState(null, '', '/?token=a+b/c');
    const opened: string[] = [];
    const api = connectBridge(window, (address) => {
      opened.push(address);
      return openSocket(url);
    });
    expect(window.pauseGuard).toBe(api);
    expect(opened).toEqual([`ws://${window.location.host}/api?token=a%20b%2Fc`]);
    await answerWith((call) => ({ id: call.id, ok: true, output: statusOf() }));
    await expect(window.pauseGuard.getStatus(undefined)).resolves.toEqual(statusOf());
  });
});
