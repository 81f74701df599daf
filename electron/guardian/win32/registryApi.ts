// The registry calls through koffi and advapi32, kept thin: open a key in one registry view (64- or 32-bit), list its
// subkeys and values, and its last write time, then close it; and write one binary value (how Windows marks a startup
// entry switched off). Never deletes a key or a value.
import { loadKoffi, type Koffi } from './koffi';
import { readWideString } from './wideString';

export type RegistryHive = 'HKLM' | 'HKCU';
/** Which registry view: 64 (KEY_WOW64_64KEY) or 32 (KEY_WOW64_32KEY, where 32-bit programs write on 64-bit Windows). */
export type RegistryView = 64 | 32;

export interface RegistryKey {
  subkeys: string[];
  /** Values by lower-cased name: strings (REG_SZ, REG_EXPAND_SZ unexpanded), numbers (REG_DWORD), bytes (REG_BINARY); null for other types. */
  values: Map<string, string | number | Buffer | null>;
  /** Each value's name as Windows spells it, by its lower-cased name. */
  names: Map<string, string>;
  lastWritten: Date | null;
}

/** A key that is there but could not be read (access denied, a damaged hive): `code` is the Win32 error. */
export class RegistryError extends Error {
  constructor(readonly code: number) {
    super(code === ERROR_ACCESS_DENIED ? 'Pause Guard is not allowed to read it' : `Windows could not read it (error ${code})`);
    this.name = 'RegistryError';
  }
}

export interface RegistryApi {
  /** The key, or null when it is not there. Throws a RegistryError when it is there and cannot be read. */
  readKey(hive: RegistryHive, path: string, view: RegistryView): RegistryKey | null;
  /** Sets a REG_BINARY value, making the key when it is not there. Throws a RegistryError when Windows refuses. */
  writeBinary(hive: RegistryHive, path: string, name: string, data: Buffer, view: RegistryView): void;
}

const HIVES: Record<RegistryHive, bigint> = {
  // Predefined keys are sign-extended 32-bit values on 64-bit Windows.
  HKCU: 0xffff_ffff_8000_0001n,
  HKLM: 0xffff_ffff_8000_0002n,
};
const KEY_READ = 0x2_0019;
const KEY_WOW64_64KEY = 0x0100;
const KEY_WOW64_32KEY = 0x0200;
const ERROR_SUCCESS = 0;
const ERROR_FILE_NOT_FOUND = 2;
const ERROR_ACCESS_DENIED = 5;
const ERROR_NO_MORE_ITEMS = 259;
const ERROR_MORE_DATA = 234;
const REG_SZ = 1;
const REG_EXPAND_SZ = 2;
const REG_BINARY = 3;
const REG_DWORD = 4;
const KEY_SET_VALUE = 0x0002;
/** FILETIME ticks (100 ns) between 1601-01-01 and 1970-01-01. */
const FILETIME_EPOCH = 116_444_736_000_000_000n;
/** No key holds more than this many subkeys or values worth reading; more is a damaged hive. */
const MAX_ENTRIES = 100_000;

function createRegistryApi(koffi: Koffi): RegistryApi {
  const advapi32 = koffi.load('advapi32.dll');
  const api = (name: string, args: string[]) => advapi32.func('__stdcall', name, 'int32_t', args);
  const RegOpenKeyExW = api('RegOpenKeyExW', ['uintptr_t', 'str16', 'uint32_t', 'uint32_t', 'void *']);
  const RegCloseKey = api('RegCloseKey', ['uintptr_t']);
  const RegQueryInfoKeyW = api('RegQueryInfoKeyW', ['uintptr_t', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *']);
  const RegEnumKeyExW = api('RegEnumKeyExW', ['uintptr_t', 'uint32_t', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *']);
  const RegEnumValueW = api('RegEnumValueW', ['uintptr_t', 'uint32_t', 'void *', 'void *', 'void *', 'void *', 'void *', 'void *']);
  const RegCreateKeyExW = api('RegCreateKeyExW', ['uintptr_t', 'str16', 'uint32_t', 'void *', 'uint32_t', 'uint32_t', 'void *', 'void *', 'void *']);
  const RegSetValueExW = api('RegSetValueExW', ['uintptr_t', 'str16', 'uint32_t', 'uint32_t', 'void *', 'uint32_t']);

  const dword = (value = 0): Buffer => {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    return buffer;
  };

  function readOpen(key: bigint): RegistryKey {
    const subkeyCount = dword();
    const maxSubkey = dword();
    const valueCount = dword();
    const maxValueName = dword();
    const maxValue = dword();
    const written = Buffer.alloc(8);
    const info = RegQueryInfoKeyW(key, null, null, null, subkeyCount, maxSubkey, null, valueCount, maxValueName, maxValue, null, written) as number;
    if (info !== ERROR_SUCCESS) throw new RegistryError(info);
    const subkeys: string[] = [];
    const nameChars = Math.max(maxSubkey.readUInt32LE(), maxValueName.readUInt32LE()) + 1;
    for (let index = 0; index < Math.min(subkeyCount.readUInt32LE(), MAX_ENTRIES); index++) {
      const name = Buffer.alloc(nameChars * 2);
      const length = dword(nameChars);
      const status = RegEnumKeyExW(key, index, name, length, null, null, null, null) as number;
      if (status === ERROR_NO_MORE_ITEMS) break;
      if (status !== ERROR_SUCCESS) throw new RegistryError(status);
      subkeys.push(readWideString(name, 0, length.readUInt32LE()));
    }
    const values = new Map<string, string | number | Buffer | null>();
    const names = new Map<string, string>();
    const dataBytes = maxValue.readUInt32LE() + 2;
    for (let index = 0; index < Math.min(valueCount.readUInt32LE(), MAX_ENTRIES); index++) {
      const name = Buffer.alloc(nameChars * 2);
      const length = dword(nameChars);
      const type = dword();
      const data = Buffer.alloc(dataBytes);
      const size = dword(dataBytes);
      const status = RegEnumValueW(key, index, name, length, null, type, data, size) as number;
      if (status === ERROR_NO_MORE_ITEMS) break;
      // A value that grew since the key was measured is read on the next check.
      if (status === ERROR_MORE_DATA) continue;
      if (status !== ERROR_SUCCESS) throw new RegistryError(status);
      const valueName = readWideString(name, 0, length.readUInt32LE());
      values.set(valueName.toLowerCase(), valueOf(type.readUInt32LE(), data, size.readUInt32LE()));
      names.set(valueName.toLowerCase(), valueName);
    }
    const ticks = written.readBigUInt64LE();
    return { subkeys, values, names, lastWritten: ticks > FILETIME_EPOCH ? new Date(Number((ticks - FILETIME_EPOCH) / 10_000n)) : null };
  }

  return {
    readKey(hive, path, view) {
      const out = Buffer.alloc(8);
      const opened = RegOpenKeyExW(HIVES[hive], path, 0, KEY_READ | (view === 64 ? KEY_WOW64_64KEY : KEY_WOW64_32KEY), out) as number;
      if (opened === ERROR_FILE_NOT_FOUND) return null;
      if (opened !== ERROR_SUCCESS) throw new RegistryError(opened);
      const key = out.readBigUInt64LE();
      try {
        return readOpen(key);
      } finally {
        RegCloseKey(key);
      }
    },
    writeBinary(hive, path, name, data, view) {
      const out = Buffer.alloc(8);
      const created = RegCreateKeyExW(HIVES[hive], path, 0, null, 0, KEY_SET_VALUE | (view === 64 ? KEY_WOW64_64KEY : KEY_WOW64_32KEY), null, out, null) as number;
      if (created !== ERROR_SUCCESS) throw new RegistryError(created);
      const key = out.readBigUInt64LE();
      try {
        const set = RegSetValueExW(key, name, 0, REG_BINARY, data, data.length) as number;
        if (set !== ERROR_SUCCESS) throw new RegistryError(set);
      } finally {
        RegCloseKey(key);
      }
    },
  };
}

function valueOf(type: number, data: Buffer, size: number): string | number | Buffer | null {
  if (type === REG_SZ || type === REG_EXPAND_SZ) return readWideString(data, 0, size >> 1);
  if (type === REG_DWORD && size >= 4) return data.readUInt32LE(0);
  if (type === REG_BINARY) return Buffer.from(data.subarray(0, size));
  return null;
}

let loaded: Promise<RegistryApi> | null = null;

/** The registry calls, bound once; rejects off Windows or when koffi cannot load. */
export function loadRegistryApi(): Promise<RegistryApi> {
  loaded ??= loadKoffi().then(createRegistryApi);
  return loaded;
}
