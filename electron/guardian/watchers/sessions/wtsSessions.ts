// Remote Desktop sessions from the WTS API's buffers (wtsapi32.h, x64 layouts): WTS_SESSION_INFOW arrays, a session's
// connect state, names and WTS_CLIENT_ADDRESS. Unlike qwinsta's text, none of it is translated on non-English Windows.
// Pure apart from readWtsSessions, which asks a WtsApi; a short or malformed buffer gives null or nothing, never a throw.
import type { WtsApi } from '../../win32/wtsApi';
import { readWideString } from '../../win32/wideString';
import { formatIpv6 } from './procNetTcp';

/** WTS_INFO_CLASS values this file asks for. */
export const WTS_INFO = { userName: 5, winStationName: 6, connectState: 8, clientName: 10, clientAddress: 14 } as const;

/** WTS_CONNECTSTATE_CLASS: Active 0, Connected 1, ConnectQuery 2, Shadow 3, Disconnected 4, Idle 5, Listen 6, Reset 7, Down 8, Init 9. */
const CLIENT_ATTACHED_STATES: ReadonlySet<number> = new Set([0, 1, 2, 3]);
/** Session ids from 65536 up are listeners, never a person's session. */
const FIRST_LISTENER_ID = 65536;
const RDP_STATION = /^rdp-tcp#\d+$/i;

/** sizeof(WTS_SESSION_INFOW) on x64: SessionId, padding, pWinStationName, State, padding. */
export const SESSION_INFO_SIZE = 24;
const SESSION_INFO_STATE = 16;

const AF_INET = 2;
const AF_INET6 = 23;
/** WTS_CLIENT_ADDRESS: DWORD AddressFamily, then BYTE Address[20]; IPv4 sits two bytes into Address, IPv6 at its start. */
const CLIENT_ADDRESS_SIZE = 24;
const ADDRESS_START = 4;

export interface WtsSessionInfo {
  id: number;
  state: number;
}

export interface WtsSession extends WtsSessionInfo {
  stationName: string;
  userName: string;
  clientName: string;
  clientAddress: string | null;
}

/** The ids and states of a WTS_SESSION_INFOW array of `count` entries (the station name pointer is not followed). */
export function parseSessionInfoArray(bytes: Buffer, count: number): WtsSessionInfo[] {
  const whole = Math.min(count, Math.floor(bytes.length / SESSION_INFO_SIZE));
  const sessions: WtsSessionInfo[] = [];
  for (let index = 0; index < whole; index++) {
    const at = index * SESSION_INFO_SIZE;
    sessions.push({ id: bytes.readUInt32LE(at), state: bytes.readUInt32LE(at + SESSION_INFO_STATE) });
  }
  return sessions;
}

/** A DWORD answer (WTSConnectState), or null. */
export function parseDword(bytes: Buffer | null): number | null {
  return bytes && bytes.length >= 4 ? bytes.readUInt32LE(0) : null;
}

/** The client's address as text, or null for none (AF_UNSPEC: the console) or a family that has no IP address. */
export function parseClientAddress(bytes: Buffer | null): string | null {
  if (!bytes || bytes.length < CLIENT_ADDRESS_SIZE) return null;
  const family = bytes.readUInt32LE(0);
  if (family === AF_INET) return [...bytes.subarray(ADDRESS_START + 2, ADDRESS_START + 6)].join('.');
  if (family === AF_INET6) return formatIpv6([...bytes.subarray(ADDRESS_START, ADDRESS_START + 16)]);
  return null;
}

/** Sessions a Remote Desktop client is attached to right now: a live state and a client (the console has none). */
export function remoteDesktopSessions(sessions: readonly WtsSession[]): WtsSession[] {
  return sessions.filter(
    (s) => s.id < FIRST_LISTENER_ID && CLIENT_ATTACHED_STATES.has(s.state) && (RDP_STATION.test(s.stationName) || s.clientName !== '' || s.clientAddress !== null),
  );
}

/** Every session with what the WTS API says of it; a session that ends between the calls is left out. */
export function readWtsSessions(api: WtsApi): WtsSession[] {
  const { bytes, count } = api.enumerate();
  const text = (id: number, infoClass: number): string => {
    const answer = api.query(id, infoClass);
    return answer ? readWideString(answer) : '';
  };
  return parseSessionInfoArray(bytes, count).flatMap(({ id }) => {
    const state = parseDword(api.query(id, WTS_INFO.connectState));
    if (state === null) return [];
    return [
      {
        id,
        state,
        stationName: text(id, WTS_INFO.winStationName),
        userName: text(id, WTS_INFO.userName),
        clientName: text(id, WTS_INFO.clientName),
        clientAddress: parseClientAddress(api.query(id, WTS_INFO.clientAddress)),
      },
    ];
  });
}
