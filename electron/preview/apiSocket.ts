// The preview's transport of the renderer contract: calls in over a loopback WebSocket, answers and events out.
// It only relays: every call goes through dispatch() (name checked, input and output parsed), every event through checkedEventPayload().
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/api';
import { WIRE_PATH, WireCallSchema, type WireReply } from '../../shared/previewWire';
import { checkedEventPayload, dispatch, type ApiHandlers } from '../apiDispatch';
import type { GuardianService } from '../guardian/protection/guardianService';
import { requestUrl, type RequestGuard } from './requestGuard';

const MAX_MESSAGE_BYTES = 64 * 1024;

export interface ApiSocket {
  /** Takes over an HTTP upgrade request: refused with 403 unless path, Host, Origin and token are all right. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export function createApiSocket(options: {
  guard: RequestGuard;
  handlers: ApiHandlers;
  /** Every event of the contract, as Electron sends them to the app's windows: the open page stands in for them all. */
  events: Pick<GuardianService, 'onApiEvent'>;
  log: (line: string) => void;
}): ApiSocket {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const { guard, handlers, log } = options;

  const push = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    let message: string;
    try {
      message = JSON.stringify({ event, payload: checkedEventPayload(event, payload) });
    } catch (error) {
      log(error instanceof Error ? error.message : String(error));
      return;
    }
    for (const client of server.clients) client.send(message);
  };
  const unsubscribe = [options.events.onApiEvent(push)];

  server.on('connection', (client: WebSocket) => {
    client.on('message', (data, isBinary) => {
      void answer(isBinary ? null : data.toString()).then((reply) => client.send(JSON.stringify(reply)));
    });
  });

  const answer = async (text: string | null): Promise<WireReply> => {
    let raw: unknown = null;
    try {
      raw = text === null ? null : JSON.parse(text);
    } catch {
      // Not JSON: answered below like any other malformed call.
    }
    const call = WireCallSchema.safeParse(raw);
    if (!call.success) return { id: -1, ok: false, error: 'A call must be a JSON object with an id, a method and an input.' };
    try {
      return { id: call.data.id, ok: true, output: await dispatch(handlers, call.data.method, call.data.input) };
    } catch (error) {
      return { id: call.data.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    handleUpgrade(request, socket, head) {
      const allowed =
        requestUrl(request)?.pathname === WIRE_PATH &&
        guard.hostAllowed(request) &&
        guard.originAllowed(request) &&
        guard.carriesToken(request);
      if (!allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client, request));
    },
    close() {
      for (const stop of unsubscribe) stop();
      for (const client of server.clients) client.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
