// Follows a growing log file by byte offset and hands over complete new lines; survives rotation, truncation,
// half-written lines, huge lines, binary garbage, a missing or unreadable file. It must never throw after start.
import fsPromises from 'node:fs/promises';

/** The file calls the tailer makes; injectable so a permission error can be tested even when running as root. */
export interface TailerFileSystem {
  stat(path: string): Promise<{ size: number; ino: number; dev: number; birthtimeMs: number }>;
  open(path: string, flags: 'r'): Promise<{
    read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
    close(): Promise<void>;
  }>;
}

export interface LogTailerOptions {
  path: string;
  /** Receives each batch of complete new lines (line endings and a byte-order mark removed). */
  onLines(lines: string[]): void;
  /** A plain sentence about something worth knowing (unreadable file, dropped huge line); each kind said once. */
  onProblem(message: string): void;
  /** Read a file that exists at the first look from its beginning (true) or only what is added later (false, default). */
  fromStart?: boolean;
  /**
   * With fromStart false: also hand over the complete lines in the last this-many bytes of a file that exists at the
   * first look, so a session already under way is seen (default 0: only what is added later).
   */
  historyBytes?: number;
  /** How often the file is looked at, in milliseconds (default 1000). fs.watch is not used: it misses changes on network and antivirus-filtered paths. */
  pollMs?: number;
  /** A line longer than this many bytes is dropped with one warning (default 1 MiB). */
  maxLineBytes?: number;
  /** Most bytes read in one poll, so a flood is spread over several polls (default 8 MiB). */
  maxBytesPerPoll?: number;
  fileSystem?: TailerFileSystem;
}

export interface LogTailer {
  /** Takes the first look (sets the starting offset, reads when fromStart) and starts polling. */
  start(): Promise<void>;
  /** Reads whatever is new now. */
  poll(): Promise<void>;
  stop(): void;
}

type Encoding = 'utf-8' | 'utf-16le';

const CHUNK_BYTES = 64 * 1024;

interface FileIdentity {
  ino: number;
  dev: number;
  birthtimeMs: number;
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  // Some file systems report inode 0; the creation time then tells a replaced file apart.
  if (a.ino !== 0 && b.ino !== 0) return a.ino === b.ino && a.dev === b.dev;
  return a.birthtimeMs === b.birthtimeMs;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** Bytes read from a file's start to tell its encoding. */
const HEAD_BYTES = 4;

/**
 * Detects the encoding from the first bytes of the file: UTF-16LE has the BOM FF FE, or (written without one, as some
 * copies of AnyDesk's connection_trace.txt are) text with a zero byte after each of its first two characters;
 * everything else is read as UTF-8.
 */
function encodingFromHead(head: Buffer): { encoding: Encoding; bomBytes: number } {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) return { encoding: 'utf-16le', bomBytes: 0 };
  return { encoding: 'utf-8', bomBytes: 0 };
}

export function createLogTailer(options: LogTailerOptions): LogTailer {
  const fileSystem: TailerFileSystem = options.fileSystem ?? (fsPromises as unknown as TailerFileSystem);
  const pollMs = options.pollMs ?? 1000;
  const maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
  const maxBytesPerPoll = options.maxBytesPerPoll ?? 8 * 1024 * 1024;

  let identity: FileIdentity | null = null;
  let offset = 0;
  let encoding: Encoding = 'utf-8';
  /** Bytes of a line whose end has not arrived yet; never more than maxLineBytes. */
  let pending: Buffer = Buffer.alloc(0);
  /** True while the rest of an over-long line is being thrown away. */
  let skippingLongLine = false;
  let firstLook = true;
  let timer: NodeJS.Timeout | null = null;
  let polling: Promise<void> | null = null;
  const problemsSaid = new Set<string>();

  function sayOnce(kind: string, message: string): void {
    if (problemsSaid.has(kind)) return;
    problemsSaid.add(kind);
    options.onProblem(message);
  }

  function restartAt(newOffset: number): void {
    offset = newOffset;
    pending = Buffer.alloc(0);
    skippingLongLine = false;
  }

  /** Splits buffered bytes into lines; keeps an unfinished tail, drops over-long lines. */
  function takeLines(bytes: Buffer): string[] {
    const lines: string[] = [];
    let data = pending.length > 0 ? Buffer.concat([pending, bytes]) : bytes;
    const unit = encoding === 'utf-16le' ? 2 : 1;
    let lineStart = 0;
    for (let i = 0; i + unit - 1 < data.length; i += unit) {
      if (data[i] !== 0x0a || (unit === 2 && data[i + 1] !== 0x00)) continue;
      if (skippingLongLine) skippingLongLine = false;
      else lines.push(decode(data.subarray(lineStart, i)));
      lineStart = i + unit;
    }
    data = data.subarray(lineStart);
    // While a long line is thrown away, an odd last byte of UTF-16 is kept so the next read stays aligned.
    const strayBytes = data.length % unit;
    if (skippingLongLine) {
      pending = Buffer.from(data.subarray(data.length - strayBytes));
    } else if (data.length > maxLineBytes) {
      skippingLongLine = true;
      pending = Buffer.from(data.subarray(data.length - strayBytes));
      sayOnce('long-line', `A line longer than ${Math.round(maxLineBytes / 1024)} KB in ${options.path} was skipped.`);
    } else {
      pending = Buffer.from(data);
    }
    return lines;
  }

  function decode(bytes: Buffer): string {
    const text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  }

  async function readNew(size: number): Promise<void> {
    const handle = await fileSystem.open(options.path, 'r');
    try {
      if (offset === 0 && size > 0) {
        const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
        await handle.read(head, 0, head.length, 0);
        const detected = encodingFromHead(head);
        encoding = detected.encoding;
        offset = detected.bomBytes;
      }
      const end = Math.min(size, offset + maxBytesPerPoll);
      const lines: string[] = [];
      const chunk = Buffer.alloc(CHUNK_BYTES);
      while (offset < end) {
        const { bytesRead } = await handle.read(chunk, 0, Math.min(CHUNK_BYTES, end - offset), offset);
        if (bytesRead <= 0) break;
        offset += bytesRead;
        lines.push(...takeLines(chunk.subarray(0, bytesRead)));
      }
      if (lines.length > 0) options.onLines(lines);
    } finally {
      await handle.close();
    }
  }

  async function pollOnce(): Promise<void> {
    let stat;
    try {
      stat = await fileSystem.stat(options.path);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        // Not there (yet): whatever appears later is new, so it is read from its start.
        if (identity !== null) identity = null;
        firstLook = false;
        restartAt(0);
        return;
      }
      reportReadProblem(code);
      return;
    }
    const current: FileIdentity = { ino: stat.ino, dev: stat.dev, birthtimeMs: stat.birthtimeMs };
    if (firstLook) {
      firstLook = false;
      identity = current;
      if (options.fromStart) restartAt(0);
      else {
        await detectEncodingAtEnd(stat.size);
        const historyStart = Math.max(0, stat.size - (options.historyBytes ?? 0));
        // Start on an even byte so UTF-16 stays aligned; the partial first line is thrown away.
        restartAt(historyStart - (historyStart % 2));
        skippingLongLine = offset > 0 && offset < stat.size;
      }
    } else if (identity === null || !sameFile(identity, current)) {
      identity = current; // rotated or recreated: the new file is all new
      restartAt(0);
    } else if (stat.size < offset) {
      restartAt(0); // truncated in place
    }
    if (stat.size <= offset) return;
    try {
      await readNew(stat.size);
      problemsSaid.delete('unreadable');
    } catch (error) {
      reportReadProblem(errorCode(error));
    }
  }

  /** Starting at the end of an existing file still needs its encoding, read from its first bytes. */
  async function detectEncodingAtEnd(size: number): Promise<void> {
    if (size === 0) return;
    try {
      const handle = await fileSystem.open(options.path, 'r');
      try {
        const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
        await handle.read(head, 0, head.length, 0);
        encoding = encodingFromHead(head).encoding;
      } finally {
        await handle.close();
      }
    } catch (error) {
      reportReadProblem(errorCode(error));
    }
  }

  function reportReadProblem(code: string): void {
    if (code === 'EACCES' || code === 'EPERM') {
      sayOnce('unreadable', `Pause Guard is not allowed to read ${options.path}, so sessions it records cannot be seen.`);
    } else {
      sayOnce('unreadable', `Pause Guard could not read ${options.path} (${code || 'unknown error'}).`);
    }
  }

  async function poll(): Promise<void> {
    // One poll at a time: a slow disk must not make two reads race for the same offset.
    if (polling) return polling;
    polling = pollOnce()
      .catch((error: unknown) => reportReadProblem(errorCode(error)))
      .finally(() => {
        polling = null;
      });
    return polling;
  }

  return {
    async start() {
      await poll();
      timer = setInterval(() => void poll(), pollMs);
      timer.unref();
    },
    poll,
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
