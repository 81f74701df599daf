// Finds the cookie that lets a program talk to the local X display, in the Xauthority file (as Xlib does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface XAuth {
  readonly name: string;
  readonly data: Buffer;
}

const FAMILY_LOCAL = 256;
const FAMILY_WILD = 65535;

/** The MIT-MAGIC-COOKIE-1 for display number `display` on this host, or null (the server may need none). */
export function findXAuth(display: number, env: NodeJS.ProcessEnv, hostname = os.hostname()): XAuth | null {
  const file = env.XAUTHORITY || (env.HOME ? path.join(env.HOME, '.Xauthority') : null);
  if (!file) return null;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  for (const entry of readEntries(bytes)) {
    const hostMatches = entry.family === FAMILY_WILD || (entry.family === FAMILY_LOCAL && entry.address === hostname);
    const displayMatches = entry.number === '' || entry.number === String(display);
    if (hostMatches && displayMatches && entry.name === 'MIT-MAGIC-COOKIE-1') return { name: entry.name, data: entry.data };
  }
  return null;
}

interface Entry {
  family: number;
  address: string;
  number: string;
  name: string;
  data: Buffer;
}

/** Each entry: family (u16), then address, display number, auth name and auth data, each a u16 length and bytes. */
function* readEntries(bytes: Buffer): Generator<Entry> {
  let at = 0;
  const field = (): Buffer | null => {
    if (at + 2 > bytes.length) return null;
    const length = bytes.readUInt16BE(at);
    if (at + 2 + length > bytes.length) return null;
    const value = bytes.subarray(at + 2, at + 2 + length);
    at += 2 + length;
    return value;
  };
  while (at + 2 <= bytes.length) {
    const family = bytes.readUInt16BE(at);
    at += 2;
    const [address, number, name, data] = [field(), field(), field(), field()];
    if (!address || !number || !name || !data) return;
    yield { family, address: address.toString('latin1'), number: number.toString('latin1'), name: name.toString('latin1'), data };
  }
}
