// The Win32 process structs read from byte buffers laid out as the Windows SDK headers declare them (x64).
import {
  fileTimeToUnixMs,
  parseProcessEntry,
  parseUnicodeString,
  readCommandLineInformation,
  readPebAddress,
  readPointer,
} from '../../../../electron/guardian/win32/processRecords';
import { readWideString } from '../../../../electron/guardian/win32/wideString';

/** PROCESSENTRY32W (tlhelp32.h) on x64: 568 bytes; szExeFile[MAX_PATH] of WCHAR at 44. */
function processEntry(pid: number, ppid: number, exeFile: string, dwSize = 568): Buffer {
  const entry = Buffer.alloc(568);
  entry.writeUInt32LE(dwSize, 0); // dwSize
  entry.writeUInt32LE(0, 4); // cntUsage
  entry.writeUInt32LE(pid, 8); // th32ProcessID
  entry.writeBigUInt64LE(0n, 16); // th32DefaultHeapID (ULONG_PTR, 8-aligned)
  entry.writeUInt32LE(0, 24); // th32ModuleID
  entry.writeUInt32LE(3, 28); // cntThreads
  entry.writeUInt32LE(ppid, 32); // th32ParentProcessID
  entry.writeInt32LE(8, 36); // pcPriClassBase
  entry.writeUInt32LE(0, 40); // dwFlags
  entry.write(exeFile, 44, 'utf16le'); // szExeFile
  return entry;
}

describe('Win32 process records', () => {
  it('reads pid, parent and file name from a PROCESSENTRY32W', () => {
    expect(parseProcessEntry(processEntry(7324, 612, 'AnyDesk.exe'))).toEqual({ pid: 7324, ppid: 612, exeFile: 'AnyDesk.exe' });
    expect(parseProcessEntry(processEntry(4, 0, 'System'))).toEqual({ pid: 4, ppid: 0, exeFile: 'System' });
  });

  it('keeps a file name that fills szExeFile without its NUL, and a non-Latin one', () => {
    const long = 'x'.repeat(260);
    expect(parseProcessEntry(processEntry(9, 1, long))?.exeFile).toBe(long);
    expect(parseProcessEntry(processEntry(9, 1, 'Удалённый помощник.exe'))?.exeFile).toBe('Удалённый помощник.exe');
  });

  it('refuses a short buffer or one whose dwSize is not the x64 size', () => {
    expect(parseProcessEntry(processEntry(9, 1, 'a.exe').subarray(0, 300))).toBeNull();
    expect(parseProcessEntry(processEntry(9, 1, 'a.exe', 556))).toBeNull();
    expect(parseProcessEntry(Buffer.alloc(0))).toBeNull();
  });

  it('turns a FILETIME into Unix milliseconds', () => {
    // 2024-03-01T09:30:00.123Z: (Unix ms + 11644473600000) * 10000 ticks of 100 ns since 1601.
    const ms = Date.parse('2024-03-01T09:30:00.123Z');
    expect(fileTimeToUnixMs((BigInt(ms) + 11_644_473_600_000n) * 10_000n + 4567n)).toBe(ms);
    expect(fileTimeToUnixMs(0n)).toBeNull();
  });

  it('reads the command line NtQueryInformationProcess(ProcessCommandLineInformation) wrote after its UNICODE_STRING', () => {
    const text = '"C:\\Program Files\\TeamViewer\\TeamViewer_Desktop.exe" --IPCport 5939 --Module 1';
    const buffer = Buffer.alloc(16 + text.length * 2 + 2);
    const at = 0x7ff6_1234_0000n; // where the output buffer sits in the caller's memory
    buffer.writeUInt16LE(text.length * 2, 0); // Length
    buffer.writeUInt16LE(text.length * 2 + 2, 2); // MaximumLength
    buffer.writeBigUInt64LE(at + 16n, 8); // Buffer: just after the header
    buffer.write(text, 16, 'utf16le');
    expect(readCommandLineInformation(buffer, at)).toBe(text);
  });

  it('refuses a command line pointing outside the buffer, an odd length, or a short header', () => {
    const buffer = Buffer.alloc(64);
    buffer.writeUInt16LE(40, 0);
    buffer.writeUInt16LE(42, 2);
    buffer.writeBigUInt64LE(0x1000n + 40n, 8);
    expect(readCommandLineInformation(buffer, 0x1000n)).toBeNull(); // 40 + 40 bytes runs past 64
    buffer.writeBigUInt64LE(0x0f00n, 8);
    expect(readCommandLineInformation(buffer, 0x1000n)).toBeNull(); // before the buffer
    buffer.writeUInt16LE(3, 0);
    expect(readCommandLineInformation(buffer, 0x1000n)).toBeNull();
    expect(readCommandLineInformation(Buffer.alloc(8), 0n)).toBeNull();
    expect(parseUnicodeString(Buffer.alloc(16))).toEqual({ byteLength: 0, address: 0n });
  });

  it('finds the PEB in PROCESS_BASIC_INFORMATION and reads a pointer from process memory', () => {
    const basic = Buffer.alloc(48);
    basic.writeUInt32LE(0x103, 0); // ExitStatus: STATUS_PENDING while running
    basic.writeBigUInt64LE(0x0000_00e1_2345_6000n, 8); // PebBaseAddress
    basic.writeBigUInt64LE(7324n, 32); // UniqueProcessId
    expect(readPebAddress(basic)).toBe(0x0000_00e1_2345_6000n);
    expect(readPebAddress(basic.subarray(0, 40))).toBeNull();
    expect(readPebAddress(Buffer.alloc(48))).toBeNull();
    const pointer = Buffer.alloc(8);
    pointer.writeBigUInt64LE(0x1f_0000_2000n, 0);
    expect(readPointer(pointer)).toBe(0x1f_0000_2000n);
    expect(readPointer(Buffer.alloc(8))).toBeNull();
    expect(readPointer(Buffer.alloc(4))).toBeNull();
  });

  it('stops a wide string at its NUL or at the end of the buffer', () => {
    expect(readWideString(Buffer.from('RDP-Tcp#3\0junk', 'utf16le'))).toBe('RDP-Tcp#3');
    expect(readWideString(Buffer.from('abc', 'utf16le').subarray(0, 5))).toBe('ab');
    expect(readWideString(Buffer.alloc(0))).toBe('');
  });
});
