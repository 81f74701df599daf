// The icons: a PNG encoder that writes valid files, committed icons identical to what the script makes,
// and tray states that differ in shape (not only colour), with macOS templates in black and transparency only.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { encodePng } from '../../../scripts/icons/pngFile';
import { renderIconFiles, trayStates, trayTemplate } from '../../../scripts/icons/designs';

const iconsDir = path.resolve(import.meta.dirname, '../../../resources/icons');

interface Chunk {
  type: string;
  data: Buffer;
}

/** Splits a PNG into chunks, checking the signature and every chunk's CRC on the way. */
function readChunks(png: Buffer): Chunk[] {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.push({ type: typeAndData.subarray(0, 4).toString('latin1'), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  return chunks;
}

describe('encodePng', () => {
  it('writes a PNG whose header, checksums and pixel rows read back exactly', () => {
    const width = 3;
    const height = 2;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const chunks = readChunks(encodePng(width, height, rgba));

    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = chunks[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), ...header.subarray(8)]).toEqual([3, 2, 8, 6, 0, 0, 0]);
    const rows = inflateSync(chunks[1]!.data);
    expect([...rows]).toEqual([0, ...rgba.subarray(0, 12), 0, ...rgba.subarray(12)]);
  });

  it('refuses pixel data of the wrong length with a plain message', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow('A 2x2 RGBA image has 16 bytes, not 15.');
    expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow('A PNG needs a whole, positive width and height, not 0x2.');
  });
});

describe('resources/icons', () => {
  it('holds exactly what scripts/make-icons.ts makes, byte for byte (run it after changing a design)', async () => {
    const rendered = renderIconFiles();
    expect((await readdir(iconsDir)).sort()).toEqual([...rendered.keys()].sort());
    for (const [name, bytes] of rendered) {
      expect((await readFile(path.join(iconsDir, name))).equals(bytes), `${name} is out of date`).toBe(true);
    }
  });

  it('has each tray state at 16x16 and 32x32 (@2x), in colour and as a macOS template', async () => {
    for (const state of trayStates) {
      for (const [suffix, size] of [['', 16], ['@2x', 32], ['Template', 16], ['Template@2x', 32]] as const) {
        const header = readChunks(await readFile(path.join(iconsDir, `tray-${state}${suffix}.png`)))[0]!.data;
        expect([header.readUInt32BE(0), header.readUInt32BE(4)], `tray-${state}${suffix}.png`).toEqual([size, size]);
      }
    }
  });

  it('tells every tray state from every other by shape alone, at 16 pixels', () => {
    const masks = new Map(trayStates.map((state) => [state, trayTemplate(state, 16).pixels]));
    for (const a of trayStates) {
      for (const b of trayStates) {
        if (a >= b) continue;
        const left = masks.get(a)!;
        const right = masks.get(b)!;
        let differing = 0;
        for (let i = 3; i < left.length; i += 4) if (Math.abs(left[i]! - right[i]!) > 128) differing++;
        expect(differing, `${a} and ${b} differ in only ${differing} pixels`).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('draws the macOS templates in black and transparency only', () => {
    for (const state of trayStates) {
      const pixels = trayTemplate(state, 32).pixels;
      for (let i = 0; i < pixels.length; i += 4) {
        expect([pixels[i], pixels[i + 1], pixels[i + 2]], `tray-${state}Template@2x.png`).toEqual([0, 0, 0]);
      }
    }
  });
});
