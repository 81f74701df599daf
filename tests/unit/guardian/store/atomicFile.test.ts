// writeFileAtomic on real files: whole content or the old one, no temp file left, errors passed on with their code.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../electron/guardian/store/atomicFile';
import { needs } from '../../../prerequisites/needs';
import { childPaced } from '../../../fixtures/childReports';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../..');
let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-atomic-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a new file with the content, owner-only, and leaves no temp file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFileAtomic(file, '{"a":1}');
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  it('replaces an existing file and writes bytes as given', async () => {
    const file = path.join(dir, 'outbox.bin');
    await fs.writeFile(file, 'old content that is longer than the new one');
    await writeFileAtomic(file, new Uint8Array([0, 1, 2, 255]));
    expect([...(await fs.readFile(file))]).toEqual([0, 1, 2, 255]);
    expect(await fs.readdir(dir)).toEqual(['outbox.bin']);
  });

  it('keeps every concurrent write whole: the file ends as exactly one of them', async () => {
    const file = path.join(dir, 'settings.json');
    const contents = Array.from({ length: 8 }, (_, i) => String(i).repeat(50_000));
    await Promise.all(contents.map((c) => writeFileAtomic(file, c)));
    expect(contents).toContain(await fs.readFile(file, 'utf8'));
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });

  it('when the rename fails (a folder is in the way), rejects with the code, removes its temp file and leaves the folder alone', async () => {
    const target = path.join(dir, 'settings.json');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
    expect(await fs.readFile(path.join(target, 'inside'), 'utf8')).toBe('kept');
  });

  it('when the folder does not exist, rejects with ENOENT and creates nothing', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'settings.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('when the write fails part-way (file-size limit, like a full disk), the old file is intact and no temp file is left', { ...needs('prlimit'), ...childPaced }, async () => {
    const file = path.join(dir, 'settings.json');
    await fs.writeFile(file, 'the old settings');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'tests/fixtures/store/writeOverFileSizeLimit.ts'), file],
      { cwd: repoRoot },
    );
    expect(JSON.parse(stdout)).toEqual({ code: 'EFBIG' });
    expect(await fs.readFile(file, 'utf8')).toBe('the old settings');
    expect(await fs.readdir(dir)).toEqual(['settings.json']);
  });
});
