// node-window-manager's windows (Windows and macOS only, so mocked here) mapped to what the windows watcher reads.
import { createNodeWindowManagerSource } from '../../../../../electron/guardian/watchers/screen/nodeWindowManagerSource';

const getWindows = vi.fn();

vi.mock('node-window-manager', () => ({ windowManager: { getWindows: () => getWindows() } }));

const window = (id: number, processId: number, path: string, title: string | (() => string)) => ({
  id,
  processId,
  path,
  getTitle: typeof title === 'function' ? title : () => title,
});

describe('node-window-manager source', () => {
  beforeEach(() => getWindows.mockReset());

  it('maps id, process, title and executable for Windows and macOS paths', async () => {
    getWindows.mockReturnValue([
      window(65794, 4120, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'Barclays - Google Chrome'),
      window(7, 88, '/Applications/AnyDesk.app/Contents/MacOS/AnyDesk', 'AnyDesk - Accept'),
      window(9, 0, '', ''),
    ]);
    await expect(createNodeWindowManagerSource().list()).resolves.toEqual([
      {
        id: '65794',
        pid: 4120,
        title: 'Barclays - Google Chrome',
        processName: 'chrome.exe',
        exe: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      },
      { id: '7', pid: 88, title: 'AnyDesk - Accept', processName: 'AnyDesk', exe: '/Applications/AnyDesk.app/Contents/MacOS/AnyDesk' },
      { id: '9', pid: null, title: '', processName: undefined, exe: undefined },
    ]);
  });

  it('skips a window that closes while the list is read', async () => {
    getWindows.mockReturnValue([
      window(1, 10, 'C:\\x\\gone.exe', () => {
        throw new Error('invalid window handle');
      }),
      window(2, 20, 'C:\\x\\here.exe', 'Here'),
    ]);
    await expect(createNodeWindowManagerSource().list()).resolves.toEqual([
      { id: '2', pid: 20, title: 'Here', processName: 'here.exe', exe: 'C:\\x\\here.exe' },
    ]);
  });

  it('says plainly when the component cannot be loaded, and tries again next time', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('Cannot find module')).mockResolvedValueOnce(await import('node-window-manager'));
    getWindows.mockReturnValue([]);
    const source = createNodeWindowManagerSource(load);
    await expect(source.list()).rejects.toThrow('Pause Guard cannot see the windows on screen: its window component could not be loaded.');
    await expect(source.list()).resolves.toEqual([]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
