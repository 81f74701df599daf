// A minimal X11 protocol client over the display's local socket: read window properties and hear when they change, and
// carry an extension's requests and events (XInput 2, see ../input/xinput2.ts).
// It only reads; it never draws, grabs input or changes another program's window.
import net from 'node:net';
import { findXAuth } from './xauthority';

/** A window property's raw value. `format` is the size of each item in bits. */
export interface XProperty {
  readonly type: number;
  readonly format: number;
  readonly data: Buffer;
}

export interface X11Connection {
  readonly root: number;
  internAtom(name: string): Promise<number>;
  /** The property's value, or null when the window or the property does not exist. */
  getProperty(window: number, property: number, maxBytes: number): Promise<XProperty | null>;
  /** Asks the server to report changes to the window's properties (PropertyNotify). */
  watchProperties(window: number): void;
  /** Called for every PropertyNotify: which window, which property. */
  onPropertyChange: ((window: number, atom: number) => void) | null;
  /** The extension's opcode and first event number, or null when the display does not have it. */
  queryExtension(name: string): Promise<{ majorOpcode: number; firstEvent: number } | null>;
  /** Sends a request that has a reply (an extension's, encoded by the caller); the reply, or null for an error. */
  call(request: Buffer): Promise<Buffer | null>;
  /** Sends a request that has no reply. */
  post(request: Buffer): void;
  /** Resolves once the display has answered a round trip: every event it made before now has been handled. */
  sync(): Promise<void>;
  /** Called for every GenericEvent (XGE): the extension's major opcode and the whole event, valid only during the call. */
  onGenericEvent: ((extension: number, event: Buffer) => void) | null;
  /** Called once when the connection ends, with a plain sentence. */
  onClose: ((reason: string) => void) | null;
  close(): void;
}

const OP_CHANGE_WINDOW_ATTRIBUTES = 2;
const OP_INTERN_ATOM = 16;
const OP_GET_PROPERTY = 20;
const OP_GET_INPUT_FOCUS = 43;
const OP_QUERY_EXTENSION = 98;
const CW_EVENT_MASK = 0x800;
const PROPERTY_CHANGE_MASK = 0x400000;
const PROPERTY_NOTIFY = 28;
const GENERIC_EVENT = 35;
const ANY_PROPERTY_TYPE = 0;

type Pending = { resolve: (reply: Buffer | null) => void; reject: (error: Error) => void };

/** The local socket of a display such as ":0", ":1.0" or "unix:0"; null for displays on other machines. */
export function displaySocket(display: string): { path: string; number: number } | null {
  const found = /^(?:unix)?:(\d+)(?:\.\d+)?$/.exec(display);
  return found ? { path: `/tmp/.X11-unix/X${found[1]}`, number: Number(found[1]) } : null;
}

export function connectX11(display: string, env: NodeJS.ProcessEnv): Promise<X11Connection> {
  const target = displaySocket(display);
  if (!target) {
    return Promise.reject(new Error(`Pause Guard can only see windows on this computer's own screen, not on display ${display}.`));
  }
  const auth = findXAuth(target.number, env);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(target.path);
    let buffer = Buffer.alloc(0);
    let connection: X11Connection | null = null;
    let sequence = 0;
    let closed = false;
    const pending = new Map<number, Pending>();

    const finish = (reason: string): void => {
      if (closed) return;
      closed = true;
      socket.destroy();
      for (const waiter of pending.values()) waiter.reject(new Error(reason));
      pending.clear();
      if (connection) connection.onClose?.(reason);
      else reject(new Error(reason));
    };

    const send = (request: Buffer, expectsReply: boolean): Promise<Buffer | null> => {
      if (closed) return Promise.reject(new Error('Pause Guard lost its view of the screen: the display connection closed.'));
      sequence = (sequence + 1) & 0xffff;
      if (expectsReply) socket.ref();
      const waiting = expectsReply
        ? new Promise<Buffer | null>((resolveReply, rejectReply) => pending.set(sequence, { resolve: resolveReply, reject: rejectReply }))
        : Promise.resolve(null);
      socket.write(request);
      return waiting;
    };

    /** Handles whole 32-byte (or longer reply) messages from the buffer; returns false until more bytes arrive. */
    const readMessage = (): boolean => {
      if (buffer.length < 32) return false;
      const kind = buffer[0]! & 0x7f;
      const length = kind === 1 || kind === GENERIC_EVENT ? 32 + 4 * buffer.readUInt32LE(4) : 32;
      if (buffer.length < length) return false;
      const message = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      const seq = message.readUInt16LE(2);
      if (kind === 0 || kind === 1) {
        // Errors answer a request: for reads, a window or atom that went away. The read resolves to nothing.
        const waiter = pending.get(seq);
        pending.delete(seq);
        if (pending.size === 0) socket.unref();
        waiter?.resolve(kind === 1 ? Buffer.from(message) : null);
      } else if (kind === PROPERTY_NOTIFY && connection) {
        connection.onPropertyChange?.(message.readUInt32LE(4), message.readUInt32LE(8));
      } else if (kind === GENERIC_EVENT && connection) {
        // Not copied (a mouse gives dozens a second): the listener reads it at once and must not keep it.
        connection.onGenericEvent?.(message[1]!, message);
      }
      return true;
    };

    /** The server's answer to the connection set-up: refused, or accepted with the screens' root windows. */
    const readSetup = (): boolean => {
      if (buffer.length < 8) return false;
      const length = 8 + 4 * buffer.readUInt16LE(6);
      if (buffer.length < length) return false;
      const setup = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (setup[0] !== 1) {
        const reasonLength = setup[0] === 0 ? setup[1]! : setup.length - 8;
        const said = setup.subarray(8, 8 + reasonLength).toString('latin1').trim();
        finish(`Pause Guard is not allowed to see the windows on screen (the display said: ${said || 'no'}).`);
        return false;
      }
      const vendorLength = setup.readUInt16LE(24);
      const formats = setup[29]!;
      const screens = 40 + pad(vendorLength) + 8 * formats;
      if (setup.length < screens + 4) {
        finish('Pause Guard cannot see the windows on screen: the display answered in a way it does not understand.');
        return false;
      }
      const root = setup.readUInt32LE(screens);
      // Like the watchers' timers, an idle display connection does not keep the program running; a read does.
      socket.unref();
      connection = createConnection(root);
      resolve(connection);
      return true;
    };

    const createConnection = (root: number): X11Connection => ({
      root,
      onPropertyChange: null,
      onGenericEvent: null,
      onClose: null,
      async internAtom(name) {
        const bytes = Buffer.from(name, 'latin1');
        const request = Buffer.alloc(8 + pad(bytes.length));
        request.writeUInt8(OP_INTERN_ATOM, 0);
        request.writeUInt16LE(request.length / 4, 2);
        request.writeUInt16LE(bytes.length, 4);
        bytes.copy(request, 8);
        const reply = await send(request, true);
        if (!reply) throw new Error(`Pause Guard cannot see the windows on screen: the display has no name for ${name}.`);
        return reply.readUInt32LE(8);
      },
      async getProperty(window, property, maxBytes) {
        const request = Buffer.alloc(24);
        request.writeUInt8(OP_GET_PROPERTY, 0);
        request.writeUInt16LE(6, 2);
        request.writeUInt32LE(window, 4);
        request.writeUInt32LE(property, 8);
        request.writeUInt32LE(ANY_PROPERTY_TYPE, 12);
        request.writeUInt32LE(0, 16);
        request.writeUInt32LE(Math.ceil(maxBytes / 4), 20);
        const reply = await send(request, true);
        if (!reply) return null;
        const type = reply.readUInt32LE(8);
        if (type === 0) return null;
        const format = reply[1]!;
        const items = reply.readUInt32LE(16);
        return { type, format, data: reply.subarray(32, 32 + items * (format / 8)) };
      },
      watchProperties(window) {
        const request = Buffer.alloc(16);
        request.writeUInt8(OP_CHANGE_WINDOW_ATTRIBUTES, 0);
        request.writeUInt16LE(4, 2);
        request.writeUInt32LE(window, 4);
        request.writeUInt32LE(CW_EVENT_MASK, 8);
        request.writeUInt32LE(PROPERTY_CHANGE_MASK, 12);
        void send(request, false).catch(() => {});
      },
      async queryExtension(name) {
        const bytes = Buffer.from(name, 'latin1');
        const request = Buffer.alloc(8 + pad(bytes.length));
        request.writeUInt8(OP_QUERY_EXTENSION, 0);
        request.writeUInt16LE(request.length / 4, 2);
        request.writeUInt16LE(bytes.length, 4);
        bytes.copy(request, 8);
        const reply = await send(request, true);
        if (!reply || reply[8] !== 1) return null;
        return { majorOpcode: reply[9]!, firstEvent: reply[10]! };
      },
      call: (request) => send(request, true),
      post(request) {
        void send(request, false).catch(() => {});
      },
      async sync() {
        const request = Buffer.alloc(4);
        request.writeUInt8(OP_GET_INPUT_FOCUS, 0);
        request.writeUInt16LE(1, 2);
        await send(request, true);
      },
      close() {
        finish('Pause Guard closed its view of the screen.');
      },
    });

    socket.on('data', (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      if (!connection && !readSetup()) return;
      while (!closed && readMessage());
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
          ? `Pause Guard cannot see the windows on screen: no display is running at ${display}.`
          : `Pause Guard cannot see the windows on screen: the display connection failed (${error.code ?? error.message}).`,
      );
    });
    socket.on('close', () => finish('Pause Guard lost its view of the screen: the display closed.'));
    socket.on('connect', () => socket.write(setupRequest(auth?.name ?? '', auth?.data ?? Buffer.alloc(0))));
  });
}

/** Connection set-up in little-endian byte order, protocol 11.0, with the cookie if there is one. */
function setupRequest(authName: string, authData: Buffer): Buffer {
  const name = Buffer.from(authName, 'latin1');
  const request = Buffer.alloc(12 + pad(name.length) + pad(authData.length));
  request.write('l', 0, 'latin1');
  request.writeUInt16LE(11, 2);
  request.writeUInt16LE(0, 4);
  request.writeUInt16LE(name.length, 6);
  request.writeUInt16LE(authData.length, 8);
  name.copy(request, 12);
  authData.copy(request, 12 + pad(name.length));
  return request;
}

function pad(length: number): number {
  return (length + 3) & ~3;
}
