// Reads the process structs Win32 hands back (64-bit layouts, the only Windows build shipped): PROCESSENTRY32W,
// FILETIME, UNICODE_STRING, PROCESS_BASIC_INFORMATION and the PEB fields leading to the command line.
// Pure: bytes in, values out; a short or malformed buffer gives null, never a throw.
import { readWideString } from './wideString';

/** sizeof(PROCESSENTRY32W) on x64: dwSize, cntUsage, th32ProcessID, th32DefaultHeapID (8, aligned), ..., szExeFile[260]. */
export const PROCESS_ENTRY_SIZE = 568;
const ENTRY_PID = 8;
const ENTRY_PARENT_PID = 32;
const ENTRY_EXE_FILE = 44;
const MAX_PATH_CHARS = 260;

/** What Toolhelp says of one process: its pid, its parent's pid and its executable's file name (no folder). */
export interface ToolhelpEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly exeFile: string;
}

export function parseProcessEntry(entry: Buffer): ToolhelpEntry | null {
  if (entry.length < PROCESS_ENTRY_SIZE || entry.readUInt32LE(0) !== PROCESS_ENTRY_SIZE) return null;
  return {
    pid: entry.readUInt32LE(ENTRY_PID),
    ppid: entry.readUInt32LE(ENTRY_PARENT_PID),
    exeFile: readWideString(entry, ENTRY_EXE_FILE, MAX_PATH_CHARS),
  };
}

/** 100-ns intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01. */
const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n;

/** A FILETIME (100-ns ticks since 1601, UTC) as Unix milliseconds; null for zero or a time before 1970. */
export function fileTimeToUnixMs(ticks: bigint): number | null {
  if (ticks <= FILETIME_UNIX_EPOCH) return null;
  return Number((ticks - FILETIME_UNIX_EPOCH) / 10_000n);
}

/** sizeof(UNICODE_STRING) on x64: Length and MaximumLength in bytes, padding, then the Buffer pointer. */
export const UNICODE_STRING_SIZE = 16;

export interface UnicodeStringHeader {
  /** Bytes of text, without a terminating NUL. */
  readonly byteLength: number;
  readonly address: bigint;
}

export function parseUnicodeString(bytes: Buffer, offset = 0): UnicodeStringHeader | null {
  if (bytes.length < offset + UNICODE_STRING_SIZE) return null;
  const byteLength = bytes.readUInt16LE(offset);
  const maximumLength = bytes.readUInt16LE(offset + 2);
  if (byteLength % 2 !== 0 || byteLength > maximumLength) return null;
  return { byteLength, address: bytes.readBigUInt64LE(offset + 8) };
}

/**
 * The text of what NtQueryInformationProcess(ProcessCommandLineInformation) wrote: a UNICODE_STRING whose Buffer
 * points into the same output buffer, just after it. `bufferAddress` is where that output buffer sits in memory.
 */
export function readCommandLineInformation(bytes: Buffer, bufferAddress: bigint): string | null {
  const header = parseUnicodeString(bytes);
  if (!header) return null;
  if (header.byteLength === 0) return '';
  const start = header.address - bufferAddress;
  if (start < BigInt(UNICODE_STRING_SIZE) || start + BigInt(header.byteLength) > BigInt(bytes.length)) return null;
  return bytes.toString('utf16le', Number(start), Number(start) + header.byteLength);
}

/** sizeof(PROCESS_BASIC_INFORMATION) on x64; PebBaseAddress follows ExitStatus and its padding. */
export const PROCESS_BASIC_INFORMATION_SIZE = 48;
const PBI_PEB_BASE_ADDRESS = 8;
/** Offset of PEB.ProcessParameters on x64. */
export const PEB_PROCESS_PARAMETERS = 0x20;
/** Offset of RTL_USER_PROCESS_PARAMETERS.CommandLine (a UNICODE_STRING) on x64. */
export const PROCESS_PARAMETERS_COMMAND_LINE = 0x70;

export function readPebAddress(basicInformation: Buffer): bigint | null {
  if (basicInformation.length < PROCESS_BASIC_INFORMATION_SIZE) return null;
  const address = basicInformation.readBigUInt64LE(PBI_PEB_BASE_ADDRESS);
  return address === 0n ? null : address;
}

/** A pointer read from another process's memory; null for a null pointer or a short read. */
export function readPointer(bytes: Buffer): bigint | null {
  if (bytes.length < 8) return null;
  const address = bytes.readBigUInt64LE(0);
  return address === 0n ? null : address;
}
