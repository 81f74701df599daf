// WTSEnumerateSessionsW and WTSQuerySessionInformationW (wtsapi32) through koffi, kept thin: each answer is copied into
// a Buffer and the WTS memory freed at once. Never parses an answer (wtsSessions.ts does).
import { SESSION_INFO_SIZE } from '../watchers/sessions/wtsSessions';
import { loadKoffi, type Koffi } from './koffi';

export interface WtsApi {
  /** The WTS_SESSION_INFOW array's bytes and its count; throws a plain sentence when Windows refuses. */
  enumerate(): { bytes: Buffer; count: number };
  /** One WTS_INFO_CLASS answer's bytes, or null when the session has gone or the class has no answer. */
  query(sessionId: number, infoClass: number): Buffer | null;
}

/** WTS_CURRENT_SERVER_HANDLE is a null handle: this PC. */
const THIS_SERVER = null;
/** No answer is anywhere near this big; a larger count or size is not believed. */
const MAX_ANSWER_BYTES = 1024 * 1024;

function createWtsApi(koffi: Koffi): WtsApi {
  const wtsapi32 = koffi.load('wtsapi32.dll');
  const kernel32 = koffi.load('kernel32.dll');
  const outPointer = koffi.out(koffi.pointer('void *'));
  const outDword = koffi.out(koffi.pointer('uint32_t'));
  const WTSEnumerateSessionsW = wtsapi32.func('__stdcall', 'WTSEnumerateSessionsW', 'int', ['void *', 'uint32_t', 'uint32_t', outPointer, outDword]);
  const WTSQuerySessionInformationW = wtsapi32.func('__stdcall', 'WTSQuerySessionInformationW', 'int', ['void *', 'uint32_t', 'int', outPointer, outDword]);
  const WTSFreeMemory = wtsapi32.func('__stdcall', 'WTSFreeMemory', 'void', ['void *']);
  const RtlMoveMemory = kernel32.func('__stdcall', 'RtlMoveMemory', 'void', ['void *', 'void *', 'size_t']);
  const GetLastError = kernel32.func('__stdcall', 'GetLastError', 'uint32_t', []);

  /** Copies `length` bytes the WTS API allocated, and frees them. */
  function take(pointer: unknown, length: number): Buffer {
    try {
      const copy = Buffer.alloc(Math.min(length, MAX_ANSWER_BYTES));
      if (copy.length > 0) RtlMoveMemory(copy, pointer, copy.length);
      return copy;
    } finally {
      WTSFreeMemory(pointer);
    }
  }

  return {
    enumerate() {
      const pointer: unknown[] = [null];
      const count: number[] = [0];
      if (!WTSEnumerateSessionsW(THIS_SERVER, 0, 1, pointer, count)) {
        throw new Error(`Windows would not list its sessions (error ${GetLastError() as number}).`);
      }
      const sessions = Math.min(count[0] ?? 0, MAX_ANSWER_BYTES / SESSION_INFO_SIZE);
      return { bytes: take(pointer[0], sessions * SESSION_INFO_SIZE), count: sessions };
    },
    query(sessionId, infoClass) {
      const pointer: unknown[] = [null];
      const bytes: number[] = [0];
      if (!WTSQuerySessionInformationW(THIS_SERVER, sessionId, infoClass, pointer, bytes)) return null;
      return take(pointer[0], bytes[0] ?? 0);
    },
  };
}

let loaded: Promise<WtsApi> | null = null;

/** The WTS calls, bound once; rejects off Windows or when koffi cannot load. */
export function loadWtsApi(): Promise<WtsApi> {
  loaded ??= loadKoffi().then(createWtsApi);
  return loaded;
}
