// GetExtendedTcpTable (iphlpapi) through koffi, kept thin: the raw table of every TCP socket with its owning pid, for
// IPv4 or IPv6. Never parses the table (win32TcpTable.ts does).
import type { TcpTableFamily } from '../watchers/sessions/win32TcpTable';
import { loadKoffi, type Koffi } from './koffi';

export interface TcpTableApi {
  /** The MIB_TCPTABLE_OWNER_PID (or MIB_TCP6TABLE_OWNER_PID) bytes; throws a plain sentence when Windows refuses. */
  readTable(family: TcpTableFamily): Buffer;
}

const AF_INET = 2;
const AF_INET6 = 23;
const TCP_TABLE_OWNER_PID_ALL = 5;
const NO_ERROR = 0;
const ERROR_INSUFFICIENT_BUFFER = 122;
/** Sockets come and go between the call that sizes the table and the one that fills it: a few tries, then give up. */
const TRIES = 4;

function createTcpTableApi(koffi: Koffi): TcpTableApi {
  const iphlpapi = koffi.load('iphlpapi.dll');
  const GetExtendedTcpTable = iphlpapi.func('__stdcall', 'GetExtendedTcpTable', 'uint32_t', ['void *', 'void *', 'int', 'uint32_t', 'int', 'uint32_t']);
  const size = Buffer.alloc(4);
  let table = Buffer.alloc(16 * 1024);
  return {
    readTable(family) {
      let result = 0;
      for (let attempt = 0; attempt < TRIES; attempt++) {
        size.writeUInt32LE(table.length, 0);
        result = GetExtendedTcpTable(table, size, 0, family === 'ipv4' ? AF_INET : AF_INET6, TCP_TABLE_OWNER_PID_ALL, 0) as number;
        if (result === NO_ERROR) return Buffer.from(table.subarray(0, size.readUInt32LE(0)));
        if (result !== ERROR_INSUFFICIENT_BUFFER) break;
        table = Buffer.alloc(size.readUInt32LE(0) + 4096);
      }
      throw new Error(`Windows would not give the list of network connections (error ${result}).`);
    },
  };
}

let loaded: Promise<TcpTableApi> | null = null;

/** The TCP table call, bound once; rejects off Windows or when koffi cannot load. */
export function loadTcpTableApi(): Promise<TcpTableApi> {
  loaded ??= loadKoffi().then(createTcpTableApi);
  return loaded;
}
