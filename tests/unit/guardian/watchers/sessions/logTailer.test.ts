import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogTailer, type LogTailerOptions, type TailerFileSystem } from '../../../../../electron/guardian/watchers/sessions/logTailer';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pauseguard-tail-'));
});
afterEach(async () => {
  await fs.chmod(dir, 0o700).catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

function tail(file: string, extra: Partial<LogTailerOptions> = {}) {
  const lines: string[] = [];
  const problems: string[] = [];
  const tailer = createLogTailer({ path: file, onLines: (batch) => lines.push(...batch), onProblem: (m) => problems.push(m), ...extra });
  return { tailer, lines, problems };
}

describe('log tailer', () => {
  it('starts at the end of an existing file and then reads only appended lines', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, 'old one\r\nold two\r\n');
    const { tailer, lines } = tail(file);
    await tailer.poll();
    expect(lines).toEqual([]);
    await fs.appendFile(file, 'new one\r\nnew two\n');
    await tailer.poll();
    await tailer.poll();
    expect(lines).toEqual(['new one', 'new two']);
  });

  it('reads an existing file from its start when asked, and hands over recent history when asked', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, 'first line\nsecond line\nthird line\n');
    const all = tail(file, { fromStart: true });
    await all.tailer.poll();
    expect(all.lines).toEqual(['first line', 'second line', 'third line']);
    const recent = tail(file, { historyBytes: 16 }); // the last 16 bytes: "d line\nthird line\n" cut mid-line
    await recent.tailer.poll();
    expect(recent.lines).toEqual(['third line']);
  });

  it('keeps a half-written line until its newline arrives', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, '');
    const { tailer, lines } = tail(file);
    await tailer.poll();
    await fs.appendFile(file, 'complete\r\nhalf-writ');
    await tailer.poll();
    expect(lines).toEqual(['complete']);
    await fs.appendFile(file, 'ten line\r\n');
    await tailer.poll();
    expect(lines).toEqual(['complete', 'half-written line']);
  });

  it('follows rotation: the old file renamed away and a new one created', async () => {
    const file = path.join(dir, 'TeamViewer15_Logfile.log');
    await fs.writeFile(file, 'before\n');
    const { tailer, lines } = tail(file);
    await tailer.poll();
    await fs.appendFile(file, 'last of old\n');
    await tailer.poll();
    await fs.rename(file, path.join(dir, 'TeamViewer15_Logfile_OLD.log'));
    await fs.writeFile(file, 'first of new\n');
    await tailer.poll();
    expect(lines).toEqual(['last of old', 'first of new']);
  });

  it('starts again from the beginning after truncation in place', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, 'a long first line that makes the file big\n');
    const { tailer, lines } = tail(file);
    await tailer.poll();
    await fs.truncate(file, 0);
    await fs.appendFile(file, 'after\n');
    await tailer.poll();
    expect(lines).toEqual(['after']);
  });

  it('waits quietly for a missing file, and reads a deleted-and-recreated file from its start', async () => {
    const file = path.join(dir, 'later.log');
    const { tailer, lines, problems } = tail(file);
    await tailer.poll();
    await fs.writeFile(file, 'appeared\n');
    await tailer.poll();
    await fs.rm(file);
    await tailer.poll();
    await fs.writeFile(file, 'recreated\n');
    await tailer.poll();
    expect(lines).toEqual(['appeared', 'recreated']);
    expect(problems).toEqual([]);
  });

  it('drops a 10 MB line with one warning, keeps memory bounded, and goes on with the next lines', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, '');
    const { tailer, lines, problems } = tail(file, { maxBytesPerPoll: 64 * 1024 * 1024 });
    await tailer.poll();
    await fs.appendFile(file, Buffer.alloc(10 * 1024 * 1024, 0x41));
    await tailer.poll(); // no newline yet: the line is already over the cap and is being thrown away
    await fs.appendFile(file, Buffer.alloc(1024 * 1024, 0x42));
    await fs.appendFile(file, '\nafter the blob\n');
    await tailer.poll();
    expect(lines).toEqual(['after the blob']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/longer than 1024 KB .* was skipped/);
  });

  it('turns binary garbage into replacement characters and still reads the lines around it', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, '');
    const { tailer, lines } = tail(file);
    await tailer.poll();
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 0x0a));
    await fs.appendFile(file, Buffer.concat([Buffer.from('before\n'), garbage, Buffer.from('\nafter\n')]));
    await tailer.poll();
    expect(lines[0]).toBe('before');
    expect(lines[1]).toContain('\uFFFD');
    expect(lines[2]).toBe('after');
  });

  it('reads UTF-16LE with a byte-order mark, from the start and as it grows', async () => {
    const file = path.join(dir, 'connection_trace.txt');
    const utf16 = (text: string) => Buffer.from(text, 'utf16le');
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), utf16('Incoming    2022-09-28, 12:39    User    442226597    442226597\r\n')]));
    const { tailer, lines } = tail(file, { fromStart: true });
    await tailer.poll();
    const next = utf16('Incoming    2022-09-29, 08:00    Passwd    support@ad    123456789\r\n');
    await fs.appendFile(file, next.subarray(0, 9)); // half a line, ending inside a character
    await tailer.poll();
    await fs.appendFile(file, next.subarray(9));
    await tailer.poll();
    expect(lines).toEqual(['Incoming    2022-09-28, 12:39    User    442226597    442226597', 'Incoming    2022-09-29, 08:00    Passwd    support@ad    123456789']);
  });

  it('reads UTF-16LE written without a byte-order mark, from the start and from the end', async () => {
    const file = path.join(dir, 'connection_trace.txt');
    const utf16 = (text: string) => Buffer.from(text, 'utf16le');
    await fs.writeFile(file, utf16('Incoming    2022-09-28, 12:39    User    442226597    442226597\r\n'));
    const fromStart = tail(file, { fromStart: true });
    const fromEnd = tail(file);
    await fromStart.tailer.poll();
    await fromEnd.tailer.poll();
    await fs.appendFile(file, utf16('Incoming    2022-09-29, 08:00    Passwd    support@ad    123456789\r\n'));
    await fromStart.tailer.poll();
    await fromEnd.tailer.poll();
    expect(fromStart.lines).toEqual(['Incoming    2022-09-28, 12:39    User    442226597    442226597', 'Incoming    2022-09-29, 08:00    Passwd    support@ad    123456789']);
    expect(fromEnd.lines).toEqual(['Incoming    2022-09-29, 08:00    Passwd    support@ad    123456789']);
  });

  it('reports an unreadable file once (a file system error, since root may read anything)', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, 'x\n');
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const fileSystem: TailerFileSystem = {
      stat: async () => {
        throw denied;
      },
      open: async () => {
        throw denied;
      },
    };
    const { tailer, problems } = tail(file, { fileSystem });
    await tailer.poll();
    await tailer.poll();
    expect(problems).toEqual([`Pause Guard is not allowed to read ${file}, so sessions it records cannot be seen.`]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a chmod 000 file once (skipped as root, which ignores permissions)', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, 'x\n');
    await fs.chmod(file, 0o000);
    const { tailer, problems } = tail(file, { fromStart: true });
    await tailer.poll();
    await tailer.poll();
    expect(problems).toHaveLength(1);
  });

  it('polls on its own timer once started and stops cleanly', async () => {
    const file = path.join(dir, 'a.log');
    await fs.writeFile(file, '');
    const { tailer, lines } = tail(file, { pollMs: 20 });
    await tailer.start();
    await fs.appendFile(file, 'timed\n');
    await vi.waitFor(() => expect(lines).toEqual(['timed']));
    tailer.stop();
  });
});
