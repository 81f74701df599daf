import fs from 'node:fs';
import { CMDLINE_MAX_BYTES } from '../../../../../electron/guardian/watchers/processes/procFiles';
import { createProcSource } from '../../../../../electron/guardian/watchers/processes/procSource';
import { FakeProcTree } from './fakeProcTree';

describe('the /proc process source', () => {
  let tree: FakeProcTree;
  beforeEach(() => {
    tree = new FakeProcTree();
  });
  afterEach(() => tree.dispose());

  const byPid = async (source: ReturnType<typeof createProcSource>) => new Map((await source.list()).map((p) => [p.pid, p]));

  it('reads name, exe, ppid, command line and start time of every process', async () => {
    tree.add({ pid: 300, comm: 'ScreenConnect.W', ppid: 12, startTicks: 5000, argv: ['/opt/sc/ScreenConnect.WindowsClient.exe', '--e', 'Access'], exe: '/opt/sc/ScreenConnect.WindowsClient.exe' });
    const source = createProcSource({ procRoot: tree.root });
    expect(source.name).toBe('proc');
    expect(await source.list()).toEqual([
      {
        pid: 300,
        ppid: 12,
        name: 'ScreenConnect.W',
        exe: '/opt/sc/ScreenConnect.WindowsClient.exe',
        cmdline: '/opt/sc/ScreenConnect.WindowsClient.exe\0--e\0Access',
        start: '5000',
        startedAt: new Date(tree.btime * 1000 + 50_000).toISOString(),
      },
    ]);
  });

  it('leaves exe empty when its link cannot be read, keeping the command line and short name to match on', async () => {
    tree.add({ pid: 301, comm: 'AnyDesk.exe', argv: ['C:\\Program Files\\AnyDesk\\AnyDesk.exe', '--service'] });
    tree.add({ pid: 302, comm: 'zombie one' });
    const found = await byPid(createProcSource({ procRoot: tree.root }));
    expect(found.get(301)).toMatchObject({ name: 'AnyDesk.exe', exe: null, cmdline: 'C:\\Program Files\\AnyDesk\\AnyDesk.exe\0--service' });
    expect(found.get(302)).toMatchObject({ name: 'zombie one', exe: null, cmdline: '' });
  });

  it('strips the " (deleted)" the kernel adds to the exe of a replaced binary', async () => {
    tree.add({ pid: 303, comm: 'rustdesk', argv: ['rustdesk'], exe: '/usr/bin/rustdesk (deleted)' });
    expect((await byPid(createProcSource({ procRoot: tree.root }))).get(303)?.exe).toBe('/usr/bin/rustdesk');
  });

  it('keeps kernel threads out', async () => {
    tree.add({ pid: 2, comm: 'kthreadd', ppid: 0 });
    tree.add({ pid: 77, comm: 'kworker/0:1', ppid: 2 });
    tree.add({ pid: 78, comm: 'sh', ppid: 2, argv: ['sh'] });
    expect([...(await byPid(createProcSource({ procRoot: tree.root }))).keys()]).toEqual([78]);
  });

  it('caps a huge command line', async () => {
    tree.add({ pid: 304, comm: 'big', argv: ['big', 'x'.repeat(10 * 1024 * 1024)], exe: '/bin/big' });
    const cmdline = (await byPid(createProcSource({ procRoot: tree.root }))).get(304)?.cmdline ?? '';
    expect(cmdline.length).toBe(CMDLINE_MAX_BYTES);
    expect(cmdline.startsWith('big\0xxx')).toBe(true);
  });

  it('keeps a name with newlines, parentheses and unicode whole', async () => {
    const comm = 'a)\n(远程 ✓) S 9';
    tree.add({ pid: 305, comm, ppid: 4, argv: [comm] });
    expect((await byPid(createProcSource({ procRoot: tree.root }))).get(305)).toMatchObject({ name: comm, ppid: 4, exe: null, cmdline: comm });
  });

  it('skips a PID that vanishes mid-read without throwing, and reads it once it is whole', async () => {
    tree.add({ pid: 306, comm: 'half', argv: ['half'], exe: '/bin/half' });
    fs.rmSync(tree.file(306, 'cmdline'));
    fs.mkdirSync(`${tree.root}/307`);
    fs.writeFileSync(`${tree.root}/308`, 'not a directory');
    tree.add({ pid: 309, comm: 'garbled' });
    fs.writeFileSync(tree.file(309, 'stat'), '\u0000\u0001 binary');
    const source = createProcSource({ procRoot: tree.root });
    expect(await source.list()).toEqual([]);
    tree.add({ pid: 306, comm: 'half', argv: ['half'], exe: '/bin/half' });
    expect((await source.list()).map((p) => p.pid)).toEqual([306]);
  });

  it('reads an older process only once, and drops it when it goes', async () => {
    tree.add({ pid: 310, comm: 'old', startTicks: tree.ticksAgo(60_000), argv: ['old'], exe: '/bin/old' });
    const source = createProcSource({ procRoot: tree.root });
    await source.list();
    fs.writeFileSync(tree.file(310, 'cmdline'), 'changed\0');
    fs.writeFileSync(tree.file(310, 'stat'), 'unreadable now');
    expect((await source.list())[0]).toMatchObject({ pid: 310, cmdline: 'old' });
    tree.remove(310);
    expect(await source.list()).toEqual([]);
  });

  it('sees a young process exec() into another program, and a reused PID, as new processes', async () => {
    tree.add({ pid: 311, comm: 'node', startTicks: tree.ticksAgo(100), argv: ['node'], exe: '/usr/bin/node' });
    const source = createProcSource({ procRoot: tree.root });
    expect((await source.list())[0]).toMatchObject({ name: 'node' });

    tree.add({ pid: 311, comm: 'AnyDesk.exe', startTicks: tree.ticksAgo(100), argv: ['/tmp/AnyDesk.exe', '1000'], exe: '/tmp/AnyDesk.exe' });
    expect((await source.list())[0]).toMatchObject({ name: 'AnyDesk.exe', exe: '/tmp/AnyDesk.exe', cmdline: '/tmp/AnyDesk.exe\u00001000' });

    const reusedTicks = tree.ticksAgo(20);
    tree.add({ pid: 311, comm: 'AnyDesk.exe', startTicks: reusedTicks, argv: ['/tmp/AnyDesk.exe', '5'], exe: '/tmp/AnyDesk.exe' });
    expect((await source.list())[0]).toMatchObject({ start: String(reusedTicks), cmdline: '/tmp/AnyDesk.exe\u00005' });
  });

  it('keeps watching a fork still named like its parent well past a second, so a slow exec() is not missed', async () => {
    tree.add({ pid: 500, comm: 'node', ppid: 1, startTicks: tree.ticksAgo(60_000), argv: ['node', 'worker.js'], exe: '/usr/bin/node' });
    tree.add({ pid: 501, comm: 'node', ppid: 500, startTicks: tree.ticksAgo(3000), argv: ['node', 'worker.js'], exe: '/usr/bin/node' });
    tree.add({ pid: 502, comm: 'bash', ppid: 500, startTicks: tree.ticksAgo(3000), argv: ['bash'], exe: '/bin/bash' });
    const source = createProcSource({ procRoot: tree.root });
    await source.list();
    // Both started three seconds ago: the fork now exec()s into a tool; the other one, settled, is not re-read.
    tree.add({ pid: 501, comm: 'AnyDesk.exe', ppid: 500, startTicks: tree.ticksAgo(3000), argv: ['/tmp/AnyDesk.exe'], exe: '/tmp/AnyDesk.exe' });
    tree.add({ pid: 502, comm: 'changed', ppid: 500, startTicks: tree.ticksAgo(3000), argv: ['changed'], exe: '/bin/changed' });
    const listed = await byPid(source);
    expect(listed.get(501)).toMatchObject({ name: 'AnyDesk.exe', exe: '/tmp/AnyDesk.exe' });
    expect(listed.get(502)).toMatchObject({ name: 'bash' });
  });

  it('lists /proc again only when /proc/loadavg shows a task came or went, or a young process needs a look', async () => {
    const old = tree.ticksAgo(60_000);
    tree.loadavg(50, 1000);
    tree.add({ pid: 400, comm: 'old', startTicks: old, argv: ['old'], exe: '/bin/old' });
    const source = createProcSource({ procRoot: tree.root });
    const first = await source.list();
    tree.add({ pid: 401, comm: 'unseen', startTicks: old, argv: ['unseen'], exe: '/bin/unseen' });
    expect(await source.list()).toBe(first);

    tree.loadavg(51, 1001);
    expect((await source.list()).map((p) => p.pid).sort()).toEqual([400, 401]);
    tree.remove(400);
    tree.loadavg(50, 1001);
    expect((await source.list()).map((p) => p.pid)).toEqual([401]);

    const young = tree.ticksAgo(50);
    tree.add({ pid: 402, comm: 'node', startTicks: young, argv: ['node'], exe: '/usr/bin/node' });
    tree.loadavg(51, 1002);
    await source.list();
    tree.add({ pid: 402, comm: 'AnyDesk.exe', startTicks: young, argv: ['/tmp/AnyDesk.exe'], exe: '/tmp/AnyDesk.exe' });
    expect((await source.list()).find((p) => p.pid === 402)).toMatchObject({ name: 'AnyDesk.exe' });
  });

  it('rejects when /proc itself cannot be listed', async () => {
    await expect(createProcSource({ procRoot: `${tree.root}/missing` }).list()).rejects.toThrow(/ENOENT/);
  });

  it('finds this very test process in the real /proc', async () => {
    const me = (await byPid(createProcSource())).get(process.pid);
    expect(me).toMatchObject({ pid: process.pid, ppid: process.ppid, exe: fs.realpathSync(process.execPath) });
    expect(me?.startedAt && Math.abs(Date.parse(me.startedAt) - (Date.now() - process.uptime() * 1000))).toBeLessThan(5000);
  });
});
