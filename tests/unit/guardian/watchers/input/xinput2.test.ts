// XInput 2 as Xvfb and x11vnc really sent it (tests/fixtures/input/x11vnc-viewer.json, recorded on this kind of machine:
// the XIQueryDevice reply, then every raw event while rfb-client.mjs moved for 1.2 s, clicked, moved 0.8 s, typed
// "pin 1234", moved 0.6 s and clicked; then, after a pause, a burst of 0.4 s with a click). The device list, the events'
// source devices, and the classifier on the whole stream: the person's own devices cannot be driven under Xvfb, so
// the same stream from "Xvfb mouse" stands for the person's hands.
import { describe, expect, it } from 'vitest';
import recorded from '../../../../fixtures/input/x11vnc-viewer.json';
import type { InputSample } from '../../../../../electron/guardian/watchers/input/inputSource';
import { isRemoteControl } from '../../../../../electron/guardian/watchers/input/remoteInputClassifier';
import { isXTestDevice } from '../../../../../electron/guardian/watchers/input/x11InputSource';
import { parseDevices, parseGenericEvent, type XIRawEvent } from '../../../../../electron/guardian/watchers/input/xinput2';

const devices = parseDevices(Buffer.from(recorded.queryDeviceReply, 'hex'));
const raw = recorded.events.map((event) => ({ atMs: event.atMs, event: parseGenericEvent(Buffer.from(event.hex, 'hex')) }));

/** The recorded stream as the X11 source hands it on, each event named by `deviceName`. */
function samples(deviceName: (event: XIRawEvent) => string): InputSample[] {
  return raw.flatMap(({ atMs, event }) => {
    if (event === null || event === 'hierarchy') return [];
    const device = deviceName(event);
    return [{ kind: event.kind, injected: isXTestDevice(device), device, pid: null, atMs }];
  });
}

describe('XInput 2 from Xvfb and x11vnc', () => {
  it('lists the devices by id, XTEST\'s own among them', () => {
    expect([...devices.values()]).toEqual([
      { id: 2, name: 'Virtual core pointer' },
      { id: 3, name: 'Virtual core keyboard' },
      { id: 4, name: 'Virtual core XTEST pointer' },
      { id: 5, name: 'Virtual core XTEST keyboard' },
      { id: 6, name: 'Xvfb mouse' },
      { id: 7, name: 'Xvfb keyboard' },
    ]);
    expect([...devices.values()].filter((d) => isXTestDevice(d.name)).map((d) => d.id)).toEqual([4, 5]);
  });

  it('reads every raw event the viewer made as XTEST\'s: moves, three clicks, eight keys', () => {
    const kinds = raw.map(({ event }) => (event === null || event === 'hierarchy' ? String(event) : `${event.kind} from ${devices.get(event.sourceId)?.name}`));
    expect(new Set(kinds)).toEqual(new Set(['motion from Virtual core XTEST pointer', 'button from Virtual core XTEST pointer', 'key from Virtual core XTEST keyboard']));
    expect(kinds.filter((k) => k.startsWith('button'))).toHaveLength(3);
    expect(kinds.filter((k) => k.startsWith('key'))).toHaveLength(8);
    expect(kinds.filter((k) => k.startsWith('motion')).length).toBeGreaterThan(150);
  });

  it('ignores an event it did not ask for and a short one', () => {
    const other = Buffer.from(recorded.events[0]!.hex, 'hex');
    other.writeUInt16LE(2, 8); // XI_KeyPress (not raw)
    expect(parseGenericEvent(other)).toBeNull();
    expect(parseGenericEvent(Buffer.alloc(16))).toBeNull();
  });

  it('classifies the recorded session as remote control once it has gone on long enough, and the final burst not', () => {
    const stream = samples((event) => devices.get(event.sourceId)?.name ?? '');
    const firstAt = stream[0]!.atMs;
    const control = stream.filter((s, n) => isRemoteControl(stream.slice(0, n + 1), s.atMs, null));
    expect(control.length).toBeGreaterThan(0);
    expect(control[0]!.atMs - firstAt).toBeGreaterThanOrEqual(1500);
    expect(control[0]!.atMs - firstAt).toBeLessThan(2500);
    // The burst after the pause: not control once the session's last input is more than maxGapMs behind it.
    const burstStart = stream.findIndex((s, n) => n > 0 && s.atMs - stream[n - 1]!.atMs > 1000);
    const burst = stream.slice(burstStart);
    expect(burst.length).toBeGreaterThan(10);
    expect(burst.some((s, n) => isRemoteControl(stream.slice(0, burstStart + n + 1), s.atMs, null))).toBe(false);
  });

  it('never classifies the same stream from the person\'s own devices as remote control', () => {
    const own = samples((event) => (event.kind === 'key' ? 'Xvfb keyboard' : 'Xvfb mouse'));
    expect(own.every((s) => !s.injected)).toBe(true);
    expect(own.some((s, n) => isRemoteControl(own.slice(0, n + 1), s.atMs, null))).toBe(false);
  });
});
