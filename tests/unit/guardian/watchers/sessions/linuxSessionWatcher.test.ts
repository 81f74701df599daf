// The Linux session watcher over a proc tree of fixtures: first pass, a session ending and starting, unreadable tables.
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardianEventSchema, type DetectionEvent } from '../../../../../shared/events';
import { loadCatalog } from '../../../../../electron/guardian/catalog';
import { createLinuxSessionWatcher } from '../../../../../electron/guardian/watchers/sessions/linuxSessionWatcher';
import type { Watcher } from '../../../../../electron/guardian/watchers/watcher';
import { anyDeskTraceLine } from '../../../../fixtures/sessionLines';

const fixtures = join(__dirname, '../../../../fixtures/proc-net');
const catalog = loadCatalog();
const VNC_KEY = 'tcp:5901:198.51.100.2:54321';
const RDP_KEY = 'tcp:3389:198.51.100.2:57345';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A proc tree: the fixture socket tables, x11vnc (pid 4100) holding the VNC listener and sshd (pid 4200) the ssh one. */
async function procTree(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pg-proc-'));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  await mkdir(join(root, 'net'));
  await copyFile(join(fixtures, 'tcp'), join(root, 'net', 'tcp'));
  await copyFile(join(fixtures, 'tcp6'), join(root, 'net', 'tcp6'));
  const processes = [
    { pid: 4100, exe: '/usr/bin/x11vnc', argv: ['x11vnc', '-display', ':0', '-forever'], socket: 51001 },
    { pid: 4200, exe: '/usr/sbin/sshd', argv: ['sshd: /usr/sbin/sshd -D [listener]'], socket: 61005 },
  ];
  for (const p of processes) {
    const dir = join(root, String(p.pid));
    await mkdir(join(dir, 'fd'), { recursive: true });
    await symlink(p.exe, join(dir, 'exe'));
    await symlink(`socket:[${p.socket}]`, join(dir, 'fd', '7'));
    await symlink('/dev/null', join(dir, 'fd', '0'));
    await writeFile(join(dir, 'cmdline'), `${p.argv.join('\0')}\0`);
    const comm = p.exe.slice(p.exe.lastIndexOf('/') + 1);
    await writeFile(join(dir, 'stat'), `${p.pid} (${comm}) S 1 ${p.pid} ${p.pid} 0 -1 4194560 99 0 0 0 1 2 0 0 20 0 1 0 70351 3133440 392\n`);
  }
  return root;
}

/** A home folder of its own, so the tool logs read are the test's. */
async function homeFolder(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'pg-home-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  return home;
}

function watch(procRoot: string, home = join(tmpdir(), 'pg-home-none')): { watcher: Watcher; events: DetectionEvent[]; start: () => Promise<void> } {
  const watcher = createLinuxSessionWatcher({ catalog, procRoot, intervalMs: 20, home, toolProcesses: async () => ({ running: true, startedAt: null }) });
  cleanups.unshift(() => watcher.stop());
  const events: DetectionEvent[] = [];
  return { watcher, events, start: () => watcher.start((event) => events.push(event)) };
}

const x11vnc = catalog.matchProcess({ pid: 4100, ppid: 1, name: 'x11vnc', exe: '/usr/bin/x11vnc', cmdline: 'x11vnc' });

describe('createLinuxSessionWatcher', () => {
  it('reports the sessions already open in its first pass, named by the program serving them or by the port', async () => {
    const { watcher, events, start } = watch(await procTree());
    expect(watcher.name).toBe('sessions');
    await start();
    expect(x11vnc).not.toBeNull();
    expect(events).toEqual([
      expect.objectContaining({
        type: 'session-started', key: VNC_KEY, kind: 'tcp', toolId: x11vnc?.id, name: x11vnc?.name, pid: 4100,
        remoteAddress: '198.51.100.2', remoteId: null, risk: 'high', initial: true,
      }),
      expect.objectContaining({
        type: 'session-started', key: RDP_KEY, toolId: null, name: 'Remote Desktop (RDP)', pid: null, remoteAddress: '198.51.100.2', initial: true,
      }),
    ]);
    for (const event of events) expect(GuardianEventSchema.safeParse({ ...event, at: new Date().toISOString() }).success).toBe(true);
  });

  it('reports a session ending when its connection goes, and a new one when it comes', async () => {
    const root = await procTree();
    const { events, start } = watch(root);
    await start();
    const tcp = await readFile(join(root, 'net', 'tcp'), 'utf8');
    const vncLine = tcp.split('\n').find((line) => line.includes('026433C6:D431')) ?? '';
    await writeFile(join(root, 'net', 'tcp'), tcp.replace(`${vncLine}\n`, ''));
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-ended', key: VNC_KEY, pid: 4100 })));
    const started = events.find((e) => e.type === 'session-started' && e.key === VNC_KEY);
    const ended = events.find((e) => e.type === 'session-ended');
    expect(ended).toEqual({
      type: 'session-ended', key: VNC_KEY, kind: 'tcp', toolId: x11vnc?.id, name: x11vnc?.name, pid: 4100,
      remoteAddress: '198.51.100.2', remoteId: null, since: started?.type === 'session-started' ? started.since : 'missing',
    });

    await writeFile(join(root, 'net', 'tcp'), `${tcp}${vncLine.replace('026433C6:D431', '026433C6:D433')}\n`);
    await vi.waitFor(() =>
      expect(events).toContainEqual(expect.objectContaining({ type: 'session-started', key: 'tcp:5901:198.51.100.2:54323', pid: 4100, initial: false })),
    );
    expect(events.filter((e) => e.type === 'session-started' && e.key === RDP_KEY)).toHaveLength(1);
  });

  it('says once, in plain words, when the socket tables cannot be read, and recovers when they can', async () => {
    const root = await procTree();
    await rename(join(root, 'net'), join(root, 'net-away'));
    const { events, start } = watch(root);
    await expect(start()).resolves.toBeUndefined();
    expect(events).toEqual([
      { type: 'watcher-failed', watcher: 'sessions', message: 'Cannot read the list of network connections, so someone connecting in would not be noticed.' },
    ]);
    await rename(join(root, 'net-away'), join(root, 'net'));
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'watcher-recovered', watcher: 'sessions' }));
    expect(events.filter((e) => e.type === 'watcher-failed')).toHaveLength(1);
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-started', key: VNC_KEY, initial: false })));
  });

  it('works from the IPv4 table alone, as on a machine with IPv6 switched off', async () => {
    const root = await procTree();
    await rm(join(root, 'net', 'tcp6'));
    const { events, start } = watch(root);
    await start();
    expect(events.map((e) => e.type === 'session-started' && e.key)).toEqual([VNC_KEY]);
  });

  it('survives a hostile socket table and a serving process that vanished', async () => {
    const root = await procTree();
    const hostile = await readFile(join(fixtures, 'tcp-hostile'));
    await writeFile(join(root, 'net', 'tcp'), Buffer.concat([hostile, Buffer.from(`${'9'.repeat(10 * 1024 * 1024)}\n`)]));
    await symlink('socket:[71001]', join(root, '4100', 'fd', '8'));
    await rm(join(root, '4100', 'stat'));
    const { events, start } = watch(root);
    await start();
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'session-started', key: VNC_KEY, toolId: null, name: 'Remote desktop (VNC)', pid: 4100 }),
    );
    expect(events.filter((e) => e.type === 'watcher-failed')).toEqual([]);
  });

  it('reads the socket tables only when the TCP counters moved, or while a session is live', async () => {
    const root = await procTree();
    const tcp = await readFile(join(root, 'net', 'tcp'), 'utf8');
    const vncLine = tcp.split('\n').find((line) => line.includes('026433C6:D431')) ?? '';
    const snmp = await readFile(join(fixtures, 'snmp'), 'utf8');
    await writeFile(join(root, 'net', 'snmp'), snmp);
    await writeFile(join(root, 'net', 'tcp'), tcp.replace(`${vncLine}\n`, ''));
    await rm(join(root, 'net', 'tcp6'));
    const { events, start } = watch(root);
    await start();
    expect(events).toEqual([]);

    // A connection the counters do not show yet is not looked for: ten ticks go by without a read.
    await writeFile(join(root, 'net', 'tcp'), tcp);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);

    await writeFile(join(root, 'net', 'snmp'), snmp.replace(' 83 6 10 0 ', ' 84 6 10 1 '));
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-started', key: VNC_KEY })));

    // While it is live the tables are read every tick, so its end is seen even before the counters move.
    await writeFile(join(root, 'net', 'tcp'), tcp.replace(`${vncLine}\n`, ''));
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-ended', key: VNC_KEY })));
  });

  it('emits nothing more once stopped', async () => {
    const root = await procTree();
    const { watcher, events, start } = watch(root);
    await start();
    await watcher.stop();
    const count = events.length;
    await rm(join(root, 'net'), { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toHaveLength(count);
  });

  it('follows an AnyDesk session in ~/.anydesk/anydesk.trace, and takes an old one there for history', async () => {
    const home = await homeFolder();
    const trace = join(home, '.anydesk', 'anydesk.trace');
    await mkdir(join(home, '.anydesk'));
    const lastYear = new Date(Date.now() - 365 * 24 * 3600_000);
    await writeFile(trace, anyDeskTraceLine('Incoming session request: OLD CALLER (111222333)', lastYear) + anyDeskTraceLine('Accepting the connect request.', lastYear));
    const { events, start } = watch(await procTree(), home);
    await start();
    expect(events.filter((e) => e.type === 'session-past')).toEqual([
      { type: 'session-past', toolId: 'anydesk', name: 'AnyDesk', remoteId: '111222333', since: new Date(Math.floor(lastYear.getTime())).toISOString(), until: null },
    ]);
    expect(events.filter((e) => e.type === 'session-started' && e.toolId === 'anydesk')).toEqual([]);

    await writeFile(trace, anyDeskTraceLine('Incoming session request: AMAZON CUSTOMER SERVICES (442226597)') + anyDeskTraceLine('Accepting the connect request.'), { flag: 'a' });
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-started', kind: 'log', toolId: 'anydesk', remoteId: '442226597', initial: false })));
    await writeFile(trace, anyDeskTraceLine('Session closed.'), { flag: 'a' });
    await vi.waitFor(() => expect(events).toContainEqual(expect.objectContaining({ type: 'session-ended', toolId: 'anydesk', remoteId: '442226597' })));
    for (const event of events) expect(GuardianEventSchema.safeParse({ ...event, at: new Date().toISOString() }).success, event.type).toBe(true);
  });
});
