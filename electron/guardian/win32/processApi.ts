// The Win32 process calls, through koffi, kept thin: Toolhelp snapshots, opening a process, its path, start time and
// command line, and suspending, resuming and terminating it. Never decides anything: callers read the results.
import { loadKoffi, type Koffi } from './koffi';
import {
  PEB_PROCESS_PARAMETERS,
  PROCESS_BASIC_INFORMATION_SIZE,
  PROCESS_ENTRY_SIZE,
  PROCESS_PARAMETERS_COMMAND_LINE,
  UNICODE_STRING_SIZE,
  parseProcessEntry,
  parseUnicodeString,
  readCommandLineInformation,
  readPebAddress,
  readPointer,
  type ToolhelpEntry,
} from './processRecords';

/** An open process handle, opaque to everything but this file. */
export type ProcessHandle = { readonly __processHandle: unique symbol };

export type OpenResult = { readonly ok: true; readonly handle: ProcessHandle } | { readonly ok: false; readonly error: number };

export const PROCESS_TERMINATE = 0x0001;
export const PROCESS_VM_READ = 0x0010;
export const PROCESS_QUERY_INFORMATION = 0x0400;
export const PROCESS_SUSPEND_RESUME = 0x0800;
export const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
export const SYNCHRONIZE = 0x0010_0000;

export const ERROR_ACCESS_DENIED = 5;
export const ERROR_INVALID_PARAMETER = 87;
export const STATUS_SUCCESS = 0;
export const STATUS_ACCESS_DENIED = 0xc000_0022;
export const STATUS_PROCESS_IS_TERMINATING = 0xc000_010a;

export interface ProcessApi {
  /** Every process Toolhelp lists now; throws a plain sentence when no snapshot can be taken. */
  listProcesses(): ToolhelpEntry[];
  /** OpenProcess; on failure, GetLastError (ERROR_ACCESS_DENIED, or ERROR_INVALID_PARAMETER for a pid not running). */
  open(pid: number, access: number): OpenResult;
  close(handle: ProcessHandle): void;
  /** GetProcessTimes' creation time (FILETIME ticks), or null. */
  startTime(handle: ProcessHandle): bigint | null;
  /** QueryFullProcessImageNameW, or null. */
  imagePath(handle: ProcessHandle): string | null;
  /** The command line where it can be read (ProcessCommandLineInformation, else the PEB), or null. */
  commandLine(pid: number, handle: ProcessHandle): string | null;
  /** NtSuspendProcess / NtResumeProcess: the NTSTATUS, unsigned. */
  suspend(handle: ProcessHandle): number;
  resume(handle: ProcessHandle): number;
  /** TerminateProcess: 0 when it was done, else GetLastError. */
  terminate(handle: ProcessHandle): number;
  /** True once the process has ended (the handle needs SYNCHRONIZE); never waits. */
  hasExited(handle: ProcessHandle): boolean;
}

const TH32CS_SNAPPROCESS = 0x2;
const INVALID_HANDLE_VALUE = 0xffff_ffff_ffff_ffffn;
const PROCESS_BASIC_INFORMATION_CLASS = 0;
const PROCESS_COMMAND_LINE_INFORMATION_CLASS = 60;
const WAIT_OBJECT_0 = 0;
/** Longest path QueryFullProcessImageNameW can return, and longest command line Windows allows, in characters. */
const MAX_LONG_PATH_CHARS = 32_768;
const MAX_COMMAND_LINE_BYTES = 32_767 * 2;

function bind(koffi: Koffi) {
  const kernel32 = koffi.load('kernel32.dll');
  const ntdll = koffi.load('ntdll.dll');
  const api = (lib: typeof kernel32, name: string, result: string, args: string[]) => lib.func('__stdcall', name, result, args);
  return {
    CreateToolhelp32Snapshot: api(kernel32, 'CreateToolhelp32Snapshot', 'void *', ['uint32_t', 'uint32_t']),
    Process32FirstW: api(kernel32, 'Process32FirstW', 'int', ['void *', 'void *']),
    Process32NextW: api(kernel32, 'Process32NextW', 'int', ['void *', 'void *']),
    CloseHandle: api(kernel32, 'CloseHandle', 'int', ['void *']),
    OpenProcess: api(kernel32, 'OpenProcess', 'void *', ['uint32_t', 'int', 'uint32_t']),
    GetLastError: api(kernel32, 'GetLastError', 'uint32_t', []),
    QueryFullProcessImageNameW: api(kernel32, 'QueryFullProcessImageNameW', 'int', ['void *', 'uint32_t', 'void *', 'void *']),
    GetProcessTimes: api(kernel32, 'GetProcessTimes', 'int', ['void *', 'void *', 'void *', 'void *', 'void *']),
    ReadProcessMemory: api(kernel32, 'ReadProcessMemory', 'int', ['void *', 'uint64_t', 'void *', 'size_t', 'void *']),
    TerminateProcess: api(kernel32, 'TerminateProcess', 'int', ['void *', 'uint32_t']),
    WaitForSingleObject: api(kernel32, 'WaitForSingleObject', 'uint32_t', ['void *', 'uint32_t']),
    NtQueryInformationProcess: api(ntdll, 'NtQueryInformationProcess', 'uint32_t', ['void *', 'uint32_t', 'void *', 'uint32_t', 'void *']),
    NtSuspendProcess: api(ntdll, 'NtSuspendProcess', 'uint32_t', ['void *']),
    NtResumeProcess: api(ntdll, 'NtResumeProcess', 'uint32_t', ['void *']),
  };
}

let loaded: Promise<ProcessApi> | null = null;

/** The process calls, bound once; rejects off Windows or when koffi cannot load. */
export function loadProcessApi(): Promise<ProcessApi> {
  loaded ??= loadKoffi().then(createProcessApi);
  return loaded;
}

function createProcessApi(koffi: Koffi): ProcessApi {
  const w = bind(koffi);
  const entry = Buffer.alloc(PROCESS_ENTRY_SIZE);
  const pathBuffer = Buffer.alloc(MAX_LONG_PATH_CHARS * 2);
  const size = Buffer.alloc(8);
  const times = Buffer.alloc(32);
  const basicInformation = Buffer.alloc(PROCESS_BASIC_INFORMATION_SIZE);
  const commandLineBuffer = Buffer.alloc(UNICODE_STRING_SIZE + MAX_COMMAND_LINE_BYTES + 2);
  const pointer = Buffer.alloc(8);
  const unicodeString = Buffer.alloc(UNICODE_STRING_SIZE);

  const raw = (handle: ProcessHandle): unknown => handle;

  function readMemory(handle: ProcessHandle, address: bigint, into: Buffer): boolean {
    return w.ReadProcessMemory(raw(handle), address, into, into.length, null) !== 0;
  }

  /** Windows 8.1 and later hand the command line over directly; Wine 8 does not (STATUS_INVALID_INFO_CLASS). */
  function commandLineInformation(handle: ProcessHandle): string | null {
    const status = w.NtQueryInformationProcess(raw(handle), PROCESS_COMMAND_LINE_INFORMATION_CLASS, commandLineBuffer, commandLineBuffer.length, size);
    if (status !== STATUS_SUCCESS) return null;
    return readCommandLineInformation(commandLineBuffer, koffi.address(commandLineBuffer));
  }

  /** The PEB route: PEB -> ProcessParameters -> CommandLine, each read from the process's memory (needs PROCESS_VM_READ). */
  function commandLineFromPeb(pid: number): string | null {
    const opened = open(pid, PROCESS_QUERY_LIMITED_INFORMATION | PROCESS_VM_READ);
    if (!opened.ok) return null;
    try {
      const status = w.NtQueryInformationProcess(raw(opened.handle), PROCESS_BASIC_INFORMATION_CLASS, basicInformation, basicInformation.length, size);
      const peb = status === STATUS_SUCCESS ? readPebAddress(basicInformation) : null;
      if (peb === null || !readMemory(opened.handle, peb + BigInt(PEB_PROCESS_PARAMETERS), pointer)) return null;
      const parameters = readPointer(pointer);
      if (parameters === null || !readMemory(opened.handle, parameters + BigInt(PROCESS_PARAMETERS_COMMAND_LINE), unicodeString)) return null;
      const header = parseUnicodeString(unicodeString);
      if (!header || header.byteLength > MAX_COMMAND_LINE_BYTES) return null;
      if (header.byteLength === 0) return '';
      const text = commandLineBuffer.subarray(0, header.byteLength);
      return readMemory(opened.handle, header.address, text) ? text.toString('utf16le') : null;
    } finally {
      w.CloseHandle(raw(opened.handle));
    }
  }

  function open(pid: number, access: number): OpenResult {
    const handle: unknown = w.OpenProcess(access, 0, pid);
    if (handle === null) return { ok: false, error: w.GetLastError() as number };
    return { ok: true, handle: handle as ProcessHandle };
  }

  return {
    listProcesses() {
      const snapshot: unknown = w.CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
      if (snapshot === null || koffi.address(snapshot) === INVALID_HANDLE_VALUE) {
        throw new Error(`Windows would not give the list of running programs (error ${w.GetLastError() as number}).`);
      }
      try {
        const entries: ToolhelpEntry[] = [];
        entry.fill(0);
        entry.writeUInt32LE(PROCESS_ENTRY_SIZE, 0);
        for (let more = w.Process32FirstW(snapshot, entry) !== 0; more; more = w.Process32NextW(snapshot, entry) !== 0) {
          const parsed = parseProcessEntry(entry);
          if (parsed) entries.push(parsed);
        }
        return entries;
      } finally {
        w.CloseHandle(snapshot);
      }
    },
    open,
    close: (handle) => void w.CloseHandle(raw(handle)),
    startTime(handle) {
      if (w.GetProcessTimes(raw(handle), times.subarray(0, 8), times.subarray(8, 16), times.subarray(16, 24), times.subarray(24, 32)) === 0) return null;
      return times.readBigUInt64LE(0);
    },
    imagePath(handle) {
      size.writeUInt32LE(MAX_LONG_PATH_CHARS, 0);
      if (w.QueryFullProcessImageNameW(raw(handle), 0, pathBuffer, size) === 0) return null;
      return pathBuffer.toString('utf16le', 0, size.readUInt32LE(0) * 2);
    },
    commandLine: (pid, handle) => commandLineInformation(handle) ?? commandLineFromPeb(pid),
    suspend: (handle) => w.NtSuspendProcess(raw(handle)) as number,
    resume: (handle) => w.NtResumeProcess(raw(handle)) as number,
    terminate: (handle) => (w.TerminateProcess(raw(handle), 1) !== 0 ? 0 : (w.GetLastError() as number)),
    hasExited: (handle) => w.WaitForSingleObject(raw(handle), 0) === WAIT_OBJECT_0,
  };
}
