// The X cookie is found in a real Xauthority file written the way xauth writes it; damaged files give no cookie.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findXAuth } from '../../../../../electron/guardian/watchers/screen/xauthority';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-xauth-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function entry(family: number, address: string, number: string, name: string, data: Buffer): Buffer {
  const field = (value: Buffer) => Buffer.concat([Buffer.from([value.length >> 8, value.length & 0xff]), value]);
  return Buffer.concat([
    Buffer.from([family >> 8, family & 0xff]),
    field(Buffer.from(address)),
    field(Buffer.from(number)),
    field(Buffer.from(name)),
    field(data),
  ]);
}

const cookie = (byte: number) => Buffer.alloc(16, byte);

describe('findXAuth', () => {
  it('picks the cookie for this host and display', () => {
    const file = path.join(dir, 'Xauthority');
    fs.writeFileSync(
      file,
      Buffer.concat([
        entry(256, 'otherhost', '0', 'MIT-MAGIC-COOKIE-1', cookie(1)),
        entry(256, 'myhost', '1', 'MIT-MAGIC-COOKIE-1', cookie(2)),
        entry(256, 'myhost', '0', 'XDM-AUTHORIZATION-1', cookie(3)),
        entry(256, 'myhost', '0', 'MIT-MAGIC-COOKIE-1', cookie(4)),
      ]),
    );
    expect(findXAuth(0, { XAUTHORITY: file }, 'myhost')).toEqual({ name: 'MIT-MAGIC-COOKIE-1', data: cookie(4) });
    expect(findXAuth(1, { XAUTHORITY: file }, 'myhost')?.data).toEqual(cookie(2));
    expect(findXAuth(2, { XAUTHORITY: file }, 'myhost')).toBeNull();
  });

  it('accepts a wildcard entry and falls back to ~/.Xauthority', () => {
    fs.writeFileSync(path.join(dir, '.Xauthority'), entry(65535, '', '5', 'MIT-MAGIC-COOKIE-1', cookie(9)));
    expect(findXAuth(5, { HOME: dir }, 'anyhost')?.data).toEqual(cookie(9));
  });

  it('gives no cookie for a missing, truncated or garbage file', () => {
    expect(findXAuth(0, { XAUTHORITY: path.join(dir, 'missing') }, 'h')).toBeNull();
    const whole = entry(256, 'h', '0', 'MIT-MAGIC-COOKIE-1', cookie(1));
    fs.writeFileSync(path.join(dir, 'cut'), whole.subarray(0, whole.length - 3));
    expect(findXAuth(0, { XAUTHORITY: path.join(dir, 'cut') }, 'h')).toBeNull();
    fs.writeFileSync(path.join(dir, 'noise'), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]));
    expect(findXAuth(0, { XAUTHORITY: path.join(dir, 'noise') }, 'h')).toBeNull();
    expect(findXAuth(0, {}, 'h')).toBeNull();
  });
});
