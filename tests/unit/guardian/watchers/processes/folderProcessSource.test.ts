// The process source limited to one folder: only programs run from inside it, and the same list back when nothing changed.
import { createFolderProcessSource } from '../../../../../electron/guardian/watchers/processes/folderProcessSource';
import type { ProcessSource, RunningProcess } from '../../../../../electron/guardian/watchers/processes/processSource';

const proc = (pid: number, exe: string | null): RunningProcess => ({ pid, ppid: 1, name: 'x', exe, cmdline: null, start: '1', startedAt: null });

describe('createFolderProcessSource', () => {
  it('keeps only the programs under the folder, and hands back the same list while the source does', async () => {
    let list = [proc(1, '/tmp/test-a/AnyDesk.exe'), proc(2, '/tmp/test-ab/AnyDesk.exe'), proc(3, null), proc(4, '/usr/lib/wine/wine64-preloader')];
    const source: ProcessSource = { name: 'proc', list: async () => list };
    const folder = createFolderProcessSource(source, '/tmp/test-a');
    const first = await folder.list();
    expect(first.map((p) => p.pid)).toEqual([1]);
    expect(await folder.list()).toBe(first);
    list = [...list, proc(5, '/tmp/test-a/sub/TeamViewer')];
    expect((await folder.list()).map((p) => p.pid)).toEqual([1, 5]);
  });
});
