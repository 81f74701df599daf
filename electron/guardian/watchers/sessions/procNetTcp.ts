// Parses Linux /proc/net/tcp and tcp6 into socket entries, and the TCP counters of /proc/net/snmp; bad input is skipped, never thrown on.

/** TCP states as the kernel numbers them in the `st` column. */
export const TCP_ESTABLISHED = 0x01;
export const TCP_LISTEN = 0x0a;

export interface TcpSocketEntry {
  /** Dotted IPv4, or compressed IPv6; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is given as a.b.c.d. */
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** Kernel TCP state number: TCP_ESTABLISHED, TCP_LISTEN, others. */
  state: number;
  /** Socket inode, matched against /proc/<pid>/fd links `socket:[inode]`; 0 when no process holds it yet. */
  inode: number;
}

/** A real line is under 200 characters; anything far longer is not a socket line and is skipped unread. */
const MAX_LINE_LENGTH = 512;

const ADDRESS = '([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})';
/** sl, local, remote, st, tx:rx, tr:when, retrnsmt, uid, timeout, inode. */
const SOCKET_LINE = new RegExp(
  `^\\s*\\d+:\\s+${ADDRESS}\\s+${ADDRESS}\\s+([0-9A-Fa-f]{2})\\s+[0-9A-Fa-f]+:[0-9A-Fa-f]+\\s+[0-9A-Fa-f]+:[0-9A-Fa-f]+\\s+[0-9A-Fa-f]+\\s+\\d+\\s+\\d+\\s+(\\d+)(?:\\s|$)`,
);

/** Parses a whole tcp or tcp6 table (the header line and anything malformed are skipped). */
export function parseProcNetTcp(text: string): TcpSocketEntry[] {
  const entries: TcpSocketEntry[] = [];
  for (const line of text.split('\n')) {
    const entry = parseSocketLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

function parseSocketLine(line: string): TcpSocketEntry | null {
  if (line.length > MAX_LINE_LENGTH) return null;
  const match = SOCKET_LINE.exec(line);
  if (!match) return null;
  const [, localHex, localPortHex, remoteHex, remotePortHex, stateHex, inodeText] = match;
  if (!localHex || !localPortHex || !remoteHex || !remotePortHex || !stateHex || !inodeText) return null;
  if (localHex.length !== remoteHex.length) return null;
  const inode = Number(inodeText);
  if (!Number.isSafeInteger(inode)) return null;
  return {
    localAddress: decodeAddress(localHex),
    localPort: parseInt(localPortHex, 16),
    remoteAddress: decodeAddress(remoteHex),
    remotePort: parseInt(remotePortHex, 16),
    state: parseInt(stateHex, 16),
    inode,
  };
}

/** The kernel prints each 32-bit word of the address in host (little-endian) byte order. */
function decodeAddress(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < hex.length; word += 8) {
    for (let byte = 3; byte >= 0; byte -= 1) bytes.push(parseInt(hex.slice(word + byte * 2, word + byte * 2 + 2), 16));
  }
  return bytes.length === 4 ? bytes.join('.') : formatIpv6(bytes);
}

/** Sixteen address bytes as RFC 5952 text; an IPv4-mapped address (::ffff:a.b.c.d) as plain a.b.c.d. */
export function formatIpv6(bytes: readonly number[]): string {
  const isV4Mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isV4Mapped) return bytes.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  const zeros = longestZeroRun(groups);
  const hex = groups.map((g) => g.toString(16));
  if (zeros.length < 2) return hex.join(':');
  return `${hex.slice(0, zeros.start).join(':')}::${hex.slice(zeros.start + zeros.length).join(':')}`;
}

/** The first longest run of zero groups, which RFC 5952 shortens to `::`. */
function longestZeroRun(groups: number[]): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  groups.forEach((group, index) => {
    if (group === 0) {
      if (start < 0) start = index;
      const length = index - start + 1;
      if (length > best.length) best = { start, length };
    } else {
      start = -1;
    }
  });
  return best;
}

/** The TCP counters that move whenever a connection comes in or one ends (both IPv4 and IPv6). */
export interface TcpCounters {
  /** Connections accepted on a listening socket since boot. */
  passiveOpens: number;
  /** Connections established right now. */
  currentlyEstablished: number;
}

/** Reads the `Tcp:` header and value lines of /proc/net/snmp; null when they are missing or malformed. */
export function parseTcpCounters(snmp: string): TcpCounters | null {
  const [header, values] = snmp
    .split('\n')
    .filter((line) => line.startsWith('Tcp:') && line.length <= MAX_LINE_LENGTH)
    .map((line) => line.trim().split(/\s+/));
  if (!header || !values || header.length !== values.length) return null;
  const counter = (name: string): number => Number(values[header.indexOf(name)] ?? Number.NaN);
  const counters = { passiveOpens: counter('PassiveOpens'), currentlyEstablished: counter('CurrEstab') };
  return Number.isSafeInteger(counters.passiveOpens) && Number.isSafeInteger(counters.currentlyEstablished) ? counters : null;
}
