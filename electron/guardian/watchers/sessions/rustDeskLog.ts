// Reads RustDesk's logs (flexi_logger files under RustDesk's log folder, `server` for the service) for incoming
// connections: `#{id} Connection opened from {addr}.` (debug) and `#{id} Connection closed: {reason}` (info), from
// src/server/connection.rs. Lines look like `[2025-08-20 11:58:25.433123 +02:00] DEBUG [src/server/connection.rs:1093] ...`.
import { MAX_PARSED_LINE_LENGTH, type LogLineReader } from './logSessionChange';

// flexi_logger's opt_format: "[%Y-%m-%d %H:%M:%S%.6f %:z] LEVEL [file:line] message".
const LINE = /^\[(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? ([+-]\d{2}:\d{2})\] [A-Z]+ \[[^\]]*\] (.*)$/;
const OPENED = /^#(\d+) Connection opened from \[?([0-9A-Fa-f.:]+?)\]?:\d+\.?$/;
const CLOSED = /^#(\d+) Connection closed: /;

function lineTime(date: string, time: string, fraction: string | undefined, offset: string): string | null {
  const ms = fraction ? fraction.slice(0, 4).padEnd(4, '0') : '';
  const parsed = new Date(`${date}T${time}${ms}${offset}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** A reader with memory: RustDesk numbers each connection, and the session lasts while any of them is open. */
export function createRustDeskLogReader(): LogLineReader {
  const open = new Set<string>();
  return (line) => {
    if (line.length > MAX_PARSED_LINE_LENGTH) return null;
    const match = LINE.exec(line);
    if (!match) return null;
    const at = lineTime(match[1]!, match[2]!, match[3], match[4]!);
    const message = match[5]!;
    let found = OPENED.exec(message);
    if (found) {
      const first = open.size === 0;
      open.add(found[1]!);
      const address = found[2]!.replace(/^::ffff:/i, '');
      return { type: first ? 'start' : 'detail', at, remoteId: null, remoteName: null, remoteAddress: address, otherRemoteIds: [] };
    }
    if ((found = CLOSED.exec(message))) {
      if (!open.delete(found[1]!) || open.size > 0) return null;
      return { type: 'end', at, remoteId: null };
    }
    return null;
  };
}
