// Reads a session fixture as the tools write it (UTF-8, or UTF-16LE with a byte-order mark; CRLF) into lines.
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../../../fixtures/sessions');

export function fixtureText(name: string): string {
  const bytes = fs.readFileSync(path.join(FIXTURES, name));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

export function fixtureLines(name: string): string[] {
  return fixtureText(name).split(/\r?\n/);
}
