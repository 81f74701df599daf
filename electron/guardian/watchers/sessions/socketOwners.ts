// Finds which process holds a socket inode by reading /proc/<pid>/fd links, scanning only for inodes not looked up before.
import { readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface SocketOwnerIndex {
  /**
   * The pid holding each inode, or null when no readable process holds it. Scans /proc only when one of the
   * inodes has never been looked up; answers (found or not) are remembered until forgotten.
   */
  ownersOf(inodes: readonly number[]): Promise<Map<number, number | null>>;
  /** Forgets every inode not in `live` (sockets that have closed), so a reused inode is looked up afresh. */
  retainOnly(live: ReadonlySet<number>): void;
}

const SOCKET_LINK = /^socket:\[(\d+)\]$/;

export function createSocketOwnerIndex(procRoot = '/proc'): SocketOwnerIndex {
  const known = new Map<number, number | null>();

  async function scan(wanted: Set<number>): Promise<void> {
    const pids = (await readdir(procRoot).catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
    for (const pid of pids) {
      if (wanted.size === 0) return;
      const fdDir = join(procRoot, pid, 'fd');
      const fds = await readdir(fdDir).catch(() => [] as string[]);
      for (const fd of fds) {
        const target = await readlink(join(fdDir, fd)).catch(() => '');
        const inode = Number(SOCKET_LINK.exec(target)?.[1]);
        if (wanted.delete(inode)) known.set(inode, Number(pid));
      }
    }
  }

  return {
    async ownersOf(inodes) {
      const wanted = new Set(inodes.filter((inode) => inode > 0 && !known.has(inode)));
      if (wanted.size > 0) {
        await scan(wanted);
        for (const inode of wanted) known.set(inode, null);
      }
      return new Map(inodes.map((inode) => [inode, known.get(inode) ?? null]));
    },
    retainOnly(live) {
      for (const inode of known.keys()) if (!live.has(inode)) known.delete(inode);
    },
  };
}
