// Reads a journal file line by line as a stream (memory bounded), saying for each line whether it ended with a newline.
import { createReadStream } from 'node:fs';

export interface JournalLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
  /** False only for a last line with no newline after it: an entry whose write was cut off. */
  complete: boolean;
}

const NEWLINE = 0x0a;

export async function* journalLines(filePath: string): AsyncGenerator<JournalLine> {
  let pending: Buffer[] = [];
  let number = 0;
  for await (const chunk of createReadStream(filePath, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    while (end !== -1) {
      const piece = chunk.subarray(start, end);
      const text = pending.length === 0 ? piece.toString('utf8') : Buffer.concat([...pending, piece]).toString('utf8');
      pending = [];
      number += 1;
      yield { number, text, complete: true };
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) {
    number += 1;
    yield { number, text: Buffer.concat(pending).toString('utf8'), complete: false };
  }
}
