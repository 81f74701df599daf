// The setup page in the app: the tray's showPage('setup') opens it, an interruption still comes first, Finish goes back.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SetupView } from '../../shared/setup';
import { App } from '../../renderer/src/App';
import { createFakeApi, statusOf } from './fakeApi';
import { interruptionOf } from './views';

const view: SetupView = {
  locked: false,
  person: 'Margaret',
  region: 'GB',
  contacts: [{ name: 'Dave', phone: null, ntfy: { server: 'https://ntfy.sh', topic: 'pg_abc', hasToken: false }, email: null, webhook: null }],
  trustedHelpers: [],
  startAtLogin: true,
  weeklySummary: { day: 0, hour: 18, minute: 0 },
  pinSet: false,
  setupComplete: false,
  ntfySuggestion: { server: 'https://ntfy.sh', topic: 'pg_abc', subscribeUrl: 'https://ntfy.sh/pg_abc', qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>' },
  trustableTools: [{ toolId: 'anydesk', name: 'AnyDesk' }],
};

describe('App: the setup page', { timeout: 20_000 }, () => {
  it('opens on showPage("setup"), gives way to an interruption, and Finish goes back to the status page', async () => {
    const user = userEvent.setup({ delay: null });
    const api = createFakeApi({
      getStatus: async () => statusOf(),
      getInterruption: async () => null,
      getSetup: async () => view,
      saveSetup: async () => ({ ok: true, fieldErrors: {}, message: null }),
    });
    render(<App api={api} />);
    expect(await screen.findByText('All is well')).toBeInTheDocument();

    act(() => api.push('showPage', 'setup'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Whose computer is this?' })).toHaveFocus();
    expect(document.title).toBe('Set up – Pause Guard');

    act(() => api.push('interruption', interruptionOf()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Stop\./);
    act(() => api.push('interruption', null));
    expect(await screen.findByRole('heading', { level: 1, name: 'Whose computer is this?' })).toBeInTheDocument();

    for (let step = 1; step < 6; step += 1) {
      if (step === 3) {
        await user.type(screen.getByLabelText('Family PIN (4 to 8 digits)'), '4826');
        await user.type(screen.getByLabelText('Type the same PIN again'), '4826');
      }
      await user.click(screen.getByRole('button', { name: 'Next' }));
    }
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await user.click(await screen.findByRole('button', { name: 'Finish' }));
    expect(await screen.findByText('All is well')).toBeInTheDocument();
  });

  it('is offered on the status page until setup is finished', async () => {
    const user = userEvent.setup({ delay: null });
    let complete = false;
    const api = createFakeApi({
      getStatus: async () => statusOf({ setupComplete: complete }),
      getInterruption: async () => null,
      getSetup: async () => view,
    });
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Finish setting up' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Whose computer is this?' })).toBeInTheDocument();

    complete = true;
    act(() => api.push('showPage', 'status'));
    expect(await screen.findByText('All is well')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Finish setting up' })).toBeNull();
  });
});
