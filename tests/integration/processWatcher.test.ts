// Real processes named like remote tools (copies of /bin/sleep and /bin/sh) seen starting and stopping through both sources.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fakeTool as fakeToolIn, runTracked } from '../fixtures/toolProcesses';
import type { DetectionEvent } from '../../shared/events';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createProcSource } from '../../electron/guardian/watchers/processes/procSource';
import { createPsListSource } from '../../electron/guardian/watchers/processes/psListSource';
import { createProcessWatcher } from '../../electron/guardian/watchers/processes/processWatcher';
import type { ProcessSource } from '../../electron/guardian/watchers/processes/processSource';
import { needs } from '../prerequisites/needs';

const catalog = loadCatalog();
let dir: string;
const children = new Set<ChildProcess>();

const fakeTool = (name: string, from?: string): string => fakeToolIn(dir, name, from);
const run = (exe: string, args: string[]) => runTracked(children, exe, args);

async function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pauseguard-tools-'));
});

afterAll(async () => {
  await Promise.all([...children].map(end));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each<[string, () => ProcessSource]>([
  ['proc', () => createProcSource()],
  ['ps-list', () => createPsListSource()],
])('the process watcher on the %s source', needs('Linux'), (sourceName, makeSource) => {
  it('sees tools already running, then tools starting and stopping, with the session a session process means', async () => {
    const events: DetectionEvent[] = [];
    const forPid = (pid: number) => events.filter((e) => 'pid' in e && e.pid === pid);
    const early = run(fakeTool(`AnyDesk.exe`), ['1000']);
    const watcher = createProcessWatcher({ source: makeSource(), catalog });
    try {
      // Let the early one exec() its copy before the first pass.
      await vi.waitFor(() => expect(fs.readlinkSync(`/proc/${early.pid}/exe`)).toBe(path.join(dir, 'AnyDesk.exe')));
      await watcher.start((e) => events.push(e));
      expect(forPid(early.pid)).toEqual([
        { type: 'tool-started', toolId: 'anydesk', name: 'AnyDesk', tier: 'interrupt', pid: early.pid, exe: path.join(dir, 'AnyDesk.exe'), initial: true },
      ]);

      const tools = [
        { child: run(fakeTool('ScreenConnect.WindowsClient.exe'), ['1000']), toolId: 'screenconnect', session: true },
        { child: run(fakeTool(`AnyDesk-9f2c-${sourceName}.exe`), ['1000']), toolId: 'anydesk', session: false },
        { child: run(fakeTool('TEAMVIEWER.EXE'), ['1000']), toolId: 'teamviewer', session: false },
        {
          child: run(fakeTool('TeamViewer_Desktop.exe', '/bin/sh'), ['-c', 'read line', 'TeamViewer_Desktop.exe', '--IPCport', '5939', '--Module', '1']),
          toolId: 'teamviewer',
          session: true,
        },
      ];
      const ordinary = run('/bin/sleep', ['1000']);

      for (const { child, toolId, session } of tools) {
        await vi.waitFor(() => expect(forPid(child.pid).map((e) => e.type)).toEqual(session ? ['tool-started', 'session-started'] : ['tool-started']), {
          timeout: 10_000,
          interval: 50,
        });
        expect(forPid(child.pid)[0]).toMatchObject({ toolId, initial: false, exe: expect.stringContaining(dir) });
        if (session) {
          expect(forPid(child.pid)[1]).toMatchObject({ kind: 'process', toolId, key: expect.stringMatching(new RegExp(`^process:${child.pid}:\\d+$`)), initial: false });
        }
      }

      for (const { child, session } of [...tools, { child: early, session: false }]) {
        await end(child);
        await vi.waitFor(() => expect(forPid(child.pid).map((e) => e.type).slice(-(session ? 2 : 1))).toEqual(session ? ['session-ended', 'tool-stopped'] : ['tool-stopped']), {
          timeout: 10_000,
          interval: 50,
        });
      }
      expect(forPid(ordinary.pid)).toEqual([]);
      await end(ordinary);
    } finally {
      await watcher.stop();
    }
  });
});
