// The app's routing: the interruption overrides every page; the tray's events switch pages; focus and title follow.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/App';
import { createFakeApi, statusOf } from './fakeApi';
import { blamingWords, interruptionOf, warningOf } from './views';

function appApi(interruption: ReturnType<typeof interruptionOf> | null = null) {
  return createFakeApi({
    getStatus: async () => statusOf({ region: 'AU', contact: { name: 'Tom', phone: '0400 000 000' } }),
    getInterruption: async () => interruption,
  });
}

describe('App', () => {
  it('shows the interruption the main process already has on screen at load, over the status page', async () => {
    render(<App api={appApi(interruptionOf())} />);
    expect(await screen.findByRole('heading', { level: 1, name: /^Stop\./ })).toBeInTheDocument();
    expect(document.title).toBe('Stop and check – Pause Guard');
    expect(screen.getByRole('button', { name: /^End it/ })).toHaveFocus();
  });

  it('shows an interruption the moment it is pushed, whatever page is open, and goes back when it is over', async () => {
    const api = appApi();
    render(<App api={api} />);
    expect(await screen.findByText('All is well')).toBeInTheDocument();
    act(() => api.push('showPage', 'worried'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Worried about a call?');

    act(() => api.push('interruption', interruptionOf()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop. Someone may be about to control your computer.');
    // A tray page asked for while the interruption is up waits underneath it.
    act(() => api.push('showPage', 'status'));
    act(() => api.push('warning', warningOf()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop.');

    act(() => api.push('interruption', interruptionOf({ stage: 'ended' })));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Done. Now hang up the phone.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(document.title).toBe('Done – Pause Guard');

    act(() => api.push('interruption', null));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('An installer for TeamViewer was downloaded.');
  });

  it('keeps a pushed interruption over a slower first answer that says there is none', async () => {
    let answer: (view: null) => void = () => {};
    const api = createFakeApi({ getStatus: async () => statusOf(), getInterruption: () => new Promise((resolve) => (answer = resolve)) });
    render(<App api={api} />);
    act(() => api.push('interruption', interruptionOf()));
    await act(async () => answer(null));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop.');
  });

  it('opens the calm warning on a `warning` event; "I understand" only closes it and asks nothing of the engine', async () => {
    const user = userEvent.setup();
    const api = appApi();
    render(<App api={api} />);
    await screen.findByText('All is well');

    act(() => api.push('warning', warningOf()));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('An installer for TeamViewer was downloaded.');
    expect(heading).toHaveFocus();
    expect(document.title).toBe('What does this mean? – Pause Guard');

    // The fake rejects every method not given; the warning page must not call any (nor choose()).
    await user.click(screen.getByRole('button', { name: 'I understand' }));
    expect(await screen.findByText('All is well')).toBeInTheDocument();
    expect(document.title).toBe('Pause Guard');

    act(() => api.push('showPage', 'warning'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('An installer for TeamViewer was downloaded.');
  });

  it('opens "I’m on a call and I’m worried" with the status’s contact and region, and closes it', async () => {
    const user = userEvent.setup();
    const api = appApi();
    render(<App api={api} />);
    await screen.findByText('All is well');
    act(() => api.push('showPage', 'worried'));

    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(document.title).toBe('Worried about a call? – Pause Guard');
    expect(await screen.findByText('0400 000 000')).toHaveClass('contact-phone');
    expect(screen.getByRole('heading', { name: 'Call Tom' })).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    expect(text).toContain('Scamwatch');
    expect(text).toContain('1800 595 160');
    expect(text).not.toMatch(blamingWords);

    await user.click(screen.getByRole('button', { name: 'Close this page' }));
    expect(screen.getByText('All is well')).toBeInTheDocument();
  });

  it('stops listening when it goes away', async () => {
    const api = appApi();
    const { unmount } = render(<App api={api} />);
    await screen.findByText('All is well');
    unmount();
    for (const event of ['interruption', 'warning', 'showPage', 'status'] as const) expect(api.listenerCount(event)).toBe(0);
  });
});
