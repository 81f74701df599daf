// The status page: what it shows for each state of the engine, and how it follows the live `status` event.
import { act, render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/src/App';
import { StatusPage } from '../../renderer/src/status/StatusPage';
import { createFakeApi, statusOf } from './fakeApi';

describe('StatusPage', () => {
  it('says "Checking" until the first status arrives, then shows the engine’s own sentence', async () => {
    let answer: (status: ReturnType<typeof statusOf>) => void = () => {};
    const api = createFakeApi({ getStatus: () => new Promise((resolve) => (answer = resolve)) });
    render(<StatusPage api={api} />);
    expect(screen.getByRole('status')).toHaveTextContent('Checking this computer');

    await act(async () => answer(statusOf()));

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pause Guard is protecting this computer.');
    expect(screen.getByText('All is well')).toBeInTheDocument();
    expect(screen.getByText('None are running.')).toBeInTheDocument();
    expect(screen.getByText('All 2 checks are working.')).toBeInTheDocument();
    expect(screen.getByText(/^Watching since .*2025/)).toBeInTheDocument();
  });

  it('names the remote-control programs that are running', async () => {
    const api = createFakeApi({
      getStatus: async () =>
        statusOf({
          state: 'warning',
          summary: 'A program that lets other people control this computer is running.',
          toolsRunning: [
            { toolId: 'anydesk', name: 'AnyDesk', pid: 4242, tier: 'interrupt' },
            { toolId: 'teamviewer', name: 'TeamViewer', pid: 4343, tier: 'interrupt' },
            { toolId: 'ngrok', name: 'ngrok', pid: 4444, tier: 'log' },
          ],
        }),
    });
    render(<StatusPage api={api} />);

    expect(await screen.findByText('Please take a look')).toBeInTheDocument();
    const tools = screen.getByRole('region', { name: 'Programs that let others control this computer' });
    expect(tools).toHaveTextContent('These are running now:');
    expect(within(tools).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['AnyDesk', 'TeamViewer']);
    const others = screen.getByRole('region', { name: 'Other programs Pause Guard keeps an eye on' });
    expect(within(others).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['ngrok']);
  });

  it('tells which check is not working, in plain words with the engine’s reason', async () => {
    const api = createFakeApi({
      getStatus: async () =>
        statusOf({
          state: 'problem',
          summary: 'Pause Guard is running, but part of it is not working. Please tell your family.',
          watchers: [
            { name: 'processes', ok: true, message: null },
            { name: 'downloads', ok: false, message: 'Pause Guard is not allowed to read the folder /home/ann/Downloads.' },
          ],
        }),
    });
    render(<StatusPage api={api} />);

    expect(await screen.findByText('Needs attention')).toBeInTheDocument();
    const checks = screen.getByRole('region', { name: 'Pause Guard’s checks' });
    expect(checks).toHaveTextContent(
      'The check of downloaded files is not working. Pause Guard is not allowed to read the folder /home/ann/Downloads.',
    );
    expect(checks).not.toHaveTextContent('remote-control programs');
  });

  it('follows every pushed status, and a slow first answer never overwrites a newer push', async () => {
    let answer: (status: ReturnType<typeof statusOf>) => void = () => {};
    const api = createFakeApi({ getStatus: () => new Promise((resolve) => (answer = resolve)) });
    render(<StatusPage api={api} />);

    act(() => api.push('status', statusOf({ state: 'warning', summary: 'Someone is connected to this computer from somewhere else.' })));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Someone is connected to this computer from somewhere else.');

    await act(async () => answer(statusOf()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Someone is connected');

    act(() => api.push('status', statusOf()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pause Guard is protecting this computer.');
    expect(screen.getByText('All is well')).toBeInTheDocument();
  });

  it('says plainly when the status cannot be read', async () => {
    const api = createFakeApi({ getStatus: () => Promise.reject(new Error('The connection to Pause Guard was lost. Please reload the page.')) });
    render(<StatusPage api={api} />);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Pause Guard cannot show its status right now.');
    expect(screen.getByText('The connection to Pause Guard was lost. Please reload the page.')).toBeInTheDocument();
  });

  it('says which version runs, how old the list of programs is and when it was checked, in the family\'s region', async () => {
    const updates = {
      appVersion: '0.3.0', catalogVersion: 4, catalogDate: '2026-12-02', checkedAt: new Date().toISOString(), catalogProblem: null,
      appUpdates: 'on' as const, appUpdateWaiting: null,
    };
    const api = createFakeApi({ getStatus: async () => statusOf({ updates, region: 'US' }) });
    render(<StatusPage api={api} />);
    const section = await screen.findByRole('region', { name: 'Keeping up to date' });
    expect(within(section).getAllByRole('paragraph', { hidden: true }).map((p) => p.textContent)).toEqual([
      'Pause Guard 0.3.0, list of remote-access programs from December 2, 2026, checked today.',
    ]);
  });

  it('says calmly that a refused list changed nothing, and that an unsigned copy does not update itself; the state stays green', async () => {
    const updates = {
      appVersion: '0.3.0', catalogVersion: 4, catalogDate: '2026-12-02', checkedAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
      catalogProblem: 'The list of remote-access programs offered (version 3) is older than the one in use (version 4).',
      appUpdates: 'unsigned' as const, appUpdateWaiting: null,
    };
    const api = createFakeApi({ getStatus: async () => statusOf({ updates }) });
    render(<StatusPage api={api} />);
    const section = await screen.findByRole('region', { name: 'Keeping up to date' });
    expect(section).toHaveTextContent('Pause Guard 0.3.0, list of remote-access programs from 2 December 2026, checked yesterday.');
    expect(section).toHaveTextContent('The last check kept the list in use: the list of remote-access programs offered (version 3) is older than the one in use (version 4).');
    expect(section).toHaveTextContent('This copy of Pause Guard is not signed, so it does not update itself.');
    expect(screen.getByText('All is well')).toBeInTheDocument();
  });

  it('stops listening when it goes away', async () => {
    const api = createFakeApi({ getStatus: async () => statusOf() });
    const { unmount } = render(<StatusPage api={api} />);
    await screen.findByText('All is well');
    expect(api.listenerCount('status')).toBe(1);
    unmount();
    expect(api.listenerCount('status')).toBe(0);
  });
});

describe('App', () => {
  it('says plainly that the window cannot reach Pause Guard when there is no bridge', () => {
    render(<App api={null} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('This window cannot reach Pause Guard.');
  });
});
