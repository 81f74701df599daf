// Socket inode -> pid lookups: found through fd links, remembered (found or not) until forgotten, and right on the real /proc.
import { mkdir, mkdtemp, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProcNetTcp, TCP_LISTEN } from '../../../../../electron/guardian/watchers/sessions/procNetTcp';
import { createSocketOwnerIndex } from '../../../../../electron/guardian/watchers/sessions/socketOwners';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function procTree(links: Record<string, Record<string, string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pg-proc-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  for (const [pid, fds] of Object.entries(links)) {
    await mkdir(join(root, pid, 'fd'), { recursive: true });
    for (const [fd, target] of Object.entries(fds)) await symlink(target, join(root, pid, 'fd', fd));
  }
  return root;
}

describe('createSocketOwnerIndex', () => {
  it('finds the pid holding each socket inode and gives null for inodes nobody readable holds', async () => {
    const root = await procTree({
      '100': { '0': '/dev/null', '3': 'socket:[51001]' },
      '200': { '4': 'socket:[51002]', '5': 'pipe:[51003]' },
      self: { '3': 'socket:[51003]' },
    });
    await mkdir(join(root, '300'));
    const owners = createSocketOwnerIndex(root);
    const found = await owners.ownersOf([51001, 51002, 51003, 0]);
    expect([...found]).toEqual([[51001, 100], [51002, 200], [51003, null], [0, null]]);
  });

  it('does not scan again for inodes it has already looked up, found or not, until they are forgotten', async () => {
    const root = await procTree({ '100': { '3': 'socket:[51001]' } });
    const owners = createSocketOwnerIndex(root);
    expect((await owners.ownersOf([51001, 61001])).get(61001)).toBeNull();

    await unlink(join(root, '100', 'fd', '3'));
    await mkdir(join(root, '300', 'fd'), { recursive: true });
    await symlink('socket:[61001]', join(root, '300', 'fd', '7'));
    // Both answers come from memory: no scan saw the changes.
    expect([...(await owners.ownersOf([51001, 61001]))]).toEqual([[51001, 100], [61001, null]]);

    owners.retainOnly(new Set());
    expect([...(await owners.ownersOf([51001, 61001]))]).toEqual([[51001, null], [61001, 300]]);
  });

  it('answers with nulls when the proc folder cannot be read', async () => {
    const owners = createSocketOwnerIndex(join(tmpdir(), 'pg-no-such-proc'));
    expect([...(await owners.ownersOf([51001]))]).toEqual([[51001, null]]);
  });

  it('finds this test process as the owner of its own listening socket in the real /proc', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const port = (server.address() as { port: number }).port;
    const listener = parseProcNetTcp(await readFile('/proc/net/tcp', 'latin1')).find(
      (e) => e.state === TCP_LISTEN && e.localPort === port,
    );
    expect(listener).toBeDefined();
    const owners = createSocketOwnerIndex();
    expect((await owners.ownersOf([listener?.inode ?? 0])).get(listener?.inode ?? 0)).toBe(process.pid);
  });
});
