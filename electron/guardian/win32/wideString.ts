// Reads the NUL-terminated UTF-16LE strings Win32 writes into fixed-size fields and answer buffers. Pure; never throws.

/** A NUL-terminated UTF-16LE string from `bytes`, at most `maxChars` long. */
export function readWideString(bytes: Buffer, offset = 0, maxChars = (bytes.length - offset) >> 1): string {
  const end = Math.min(bytes.length, offset + maxChars * 2);
  let stop = offset;
  while (stop + 1 < end && (bytes[stop] !== 0 || bytes[stop + 1] !== 0)) stop += 2;
  return bytes.toString('utf16le', offset, stop);
}
