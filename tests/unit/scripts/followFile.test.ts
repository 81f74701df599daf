// followFile (how pauseguard:windows streams Node for Windows' output): every byte a writer appends arrives, in order,
// soon after it is written, and finish() delivers what was written last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followFile } from '../../../scripts/windows/followFile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-follow-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}

describe('followFile', () => {
  it('passes each line on while the writer is still writing', async () => {
    const file = path.join(dir, 'stdout');
    fs.writeFileSync(file, '');
    const out = new PassThrough();
    const received = collect(out);
    const follower = followFile(file, out);
    fs.appendFileSync(file, '{"type":"ready"}\n');
    await expect.poll(received, { timeout: 2_000 }).toBe('{"type":"ready"}\n');
    fs.appendFileSync(file, '{"type":"tool-started"}\n');
    await expect.poll(received, { timeout: 2_000 }).toBe('{"type":"ready"}\n{"type":"tool-started"}\n');
    await follower.finish();
  });

  it('delivers everything written before finish(), in order, even more than one read holds', async () => {
    const file = path.join(dir, 'stdout');
    fs.writeFileSync(file, '');
    const out = new PassThrough();
    const received = collect(out);
    const follower = followFile(file, out);
    const lines = Array.from({ length: 10_000 }, (_, i) => `{"line":${i}}\n`).join('');
    fs.appendFileSync(file, lines);
    await follower.finish();
    expect(received()).toBe(lines);
  });
});
