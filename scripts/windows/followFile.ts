// Streams a file another process is writing to a stream here, as it grows (like `tail -f`), until told to finish.
import fs from 'node:fs';

const POLL_MS = 50;

export interface FileFollower {
  /** Copies what is left and stops following. */
  finish(): Promise<void>;
}

/** Copies each new byte of `file` to `out` as soon as the file grows: inotify first, a short poll as the safety net. */
export function followFile(file: string, out: NodeJS.WritableStream): FileFollower {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  let offset = 0;
  let pending = Promise.resolve();
  const copy = () => {
    pending = pending.then(async () => {
      for (;;) {
        const read = fs.readSync(fd, buffer, 0, buffer.length, offset);
        if (read === 0) return;
        offset += read;
        const chunk = Buffer.from(buffer.subarray(0, read));
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    });
  };
  const watcher = fs.watch(file, copy);
  const timer = setInterval(copy, POLL_MS);
  copy();
  return {
    async finish() {
      watcher.close();
      clearInterval(timer);
      copy();
      await pending;
      fs.closeSync(fd);
    },
  };
}
