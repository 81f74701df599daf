// The XInput 2 requests and raw events Pause Guard needs, encoded and decoded over its own X11 client: which input devices
// there are, and raw motion, button and key presses on the root window with the device each came from. It never grabs input.
import type { X11Connection } from '../screen/x11Connection';

const XI_SELECT_EVENTS = 46;
const XI_QUERY_VERSION = 47;
const XI_QUERY_DEVICE = 48;
const XI_ALL_DEVICES = 0;
const XI_ALL_MASTER_DEVICES = 1;

/** XI2 event types Pause Guard listens for. */
export const XI_HIERARCHY_CHANGED = 11;
export const XI_RAW_KEY_PRESS = 13;
export const XI_RAW_BUTTON_PRESS = 15;
export const XI_RAW_MOTION = 17;

export interface XIDevice {
  readonly id: number;
  readonly name: string;
}

export type RawInputKind = 'motion' | 'button' | 'key';

export interface XIRawEvent {
  readonly kind: RawInputKind;
  /** The device that made it (the slave device: XTEST's own for input made through XTEST). */
  readonly sourceId: number;
  /** The display's time of the event, in milliseconds. */
  readonly time: number;
}

/** The XInput extension's opcode once version 2.2 is agreed, or null when the display has no XInput 2. */
export async function openXInput2(connection: X11Connection): Promise<number | null> {
  const extension = await connection.queryExtension('XInputExtension');
  if (extension === null) return null;
  const request = Buffer.alloc(8);
  request.writeUInt8(extension.majorOpcode, 0);
  request.writeUInt8(XI_QUERY_VERSION, 1);
  request.writeUInt16LE(2, 2);
  request.writeUInt16LE(2, 4);
  request.writeUInt16LE(2, 6);
  const reply = await connection.call(request);
  if (reply === null || reply.readUInt16LE(8) < 2) return null;
  return extension.majorOpcode;
}

/** Every input device the display has, by id. */
export async function queryDevices(connection: X11Connection, opcode: number): Promise<Map<number, XIDevice>> {
  const request = Buffer.alloc(8);
  request.writeUInt8(opcode, 0);
  request.writeUInt8(XI_QUERY_DEVICE, 1);
  request.writeUInt16LE(2, 2);
  request.writeUInt16LE(XI_ALL_DEVICES, 4);
  const reply = await connection.call(request);
  if (reply === null) throw new Error('the display did not list its input devices');
  return parseDevices(reply);
}

/** Parses an XIQueryDevice reply (exported for its fixture test). */
export function parseDevices(reply: Buffer): Map<number, XIDevice> {
  const devices = new Map<number, XIDevice>();
  const count = reply.readUInt16LE(8);
  let at = 32;
  for (let n = 0; n < count && at + 12 <= reply.length; n += 1) {
    const id = reply.readUInt16LE(at);
    const classes = reply.readUInt16LE(at + 6);
    const nameLength = reply.readUInt16LE(at + 8);
    const name = reply.subarray(at + 12, at + 12 + nameLength).toString('utf8');
    at += 12 + pad(nameLength);
    for (let c = 0; c < classes && at + 4 <= reply.length; c += 1) at += 4 * reply.readUInt16LE(at + 2);
    devices.set(id, { id, name });
  }
  return devices;
}

/** Asks for raw motion, button and key presses of every master device, and device changes, on the root window. */
export function selectRawInput(connection: X11Connection, opcode: number): void {
  const raw = (1 << XI_RAW_KEY_PRESS) | (1 << XI_RAW_BUTTON_PRESS) | (1 << XI_RAW_MOTION);
  const masks: Array<[number, number]> = [[XI_ALL_MASTER_DEVICES, raw], [XI_ALL_DEVICES, 1 << XI_HIERARCHY_CHANGED]];
  const request = Buffer.alloc(12 + masks.length * 8);
  request.writeUInt8(opcode, 0);
  request.writeUInt8(XI_SELECT_EVENTS, 1);
  request.writeUInt16LE(request.length / 4, 2);
  request.writeUInt32LE(connection.root, 4);
  request.writeUInt16LE(masks.length, 8);
  masks.forEach(([device, mask], n) => {
    request.writeUInt16LE(device, 12 + n * 8);
    request.writeUInt16LE(1, 14 + n * 8);
    request.writeUInt32LE(mask >>> 0, 16 + n * 8);
  });
  connection.post(request);
}

/** A raw input event, 'hierarchy' when the devices changed, or null for an event Pause Guard did not ask for. */
export function parseGenericEvent(event: Buffer): XIRawEvent | 'hierarchy' | null {
  if (event.length < 32) return null;
  const type = event.readUInt16LE(8);
  if (type === XI_HIERARCHY_CHANGED) return 'hierarchy';
  const detail = event.readUInt32LE(16);
  // Buttons 4 to 7 are the scroll wheel: moving, not choosing.
  const kind: RawInputKind | null =
    type === XI_RAW_MOTION ? 'motion'
      : type === XI_RAW_BUTTON_PRESS ? (detail >= 4 && detail <= 7 ? 'motion' : 'button')
        : type === XI_RAW_KEY_PRESS ? 'key' : null;
  if (kind === null) return null;
  return { kind, time: event.readUInt32LE(12), sourceId: event.readUInt16LE(20) };
}

function pad(length: number): number {
  return (length + 3) & ~3;
}
