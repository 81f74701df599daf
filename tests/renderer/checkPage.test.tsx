// The "Check this computer" page: reached from the weekly summary when a program was installed that week; each program in
// plain words; a step asks for the PIN, and once more when the program is running, sending the person's answers back.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/App';
import type { CheckView, CleanupRequest } from '../../shared/installedCheck';
import { quietWeek } from '../fixtures/summary/quietWeek';
import { createFakeApi, statusOf } from './fakeApi';

const view: CheckView = {
  pinRequired: true, confirmationWord: 'REMOVE', region: 'GB',
  report: {
    at: '2026-12-02T10:00:00.000Z', problems: [],
    programs: [{
      toolId: 'anydesk', name: 'AnyDesk', description: 'AnyDesk lets another person see and control this computer.',
      places: [{ kind: 'autostart', where: '/etc/xdg/autostart/anydesk.desktop', what: 'the startup file anydesk.desktop', installedAt: '2026-11-30T10:15:00.000Z', startsByItself: 'starts when you log in, from a startup file' }],
      installedAt: '2026-11-30T10:15:00.000Z', startsByItself: true, unattended: true, trusted: false, running: true,
      steps: [{ id: 'anydesk-hide-autostart-0123456789', kind: 'hide-autostart', says: 'Stop AnyDesk starting by itself when you log in. Nothing is deleted: its startup file is switched off.', command: null, words: null }],
    }],
  },
};

describe('the Check this computer page', { timeout: 20_000 }, () => {
  it('opens from the weekly summary, asks for the PIN, and once more because the program is running', async () => {
    const user = userEvent.setup();
    const requests: CleanupRequest[] = [];
    const api = createFakeApi({
      getStatus: async () => statusOf(),
      getInterruption: async () => null,
      getWeeklySummary: async () => ({ ...quietWeek, installed: [{ toolId: 'anydesk', name: 'AnyDesk', installedAt: '2026-11-30T10:15:00.000Z' }], allQuiet: false }),
      checkComputer: async () => view,
      cleanUpStep: async (request) => {
        requests.push({ runningConfirmed: false, ...request });
        return request.runningConfirmed
          ? { status: 'done', message: 'AnyDesk will no longer start by itself when you log in.' }
          : { status: 'confirm-running', message: 'AnyDesk is running right now. If someone is connected to this computer, they will be cut off. Are you sure?' };
      },
    });
    render(<App api={api} />);
    await screen.findByText('All is well');
    act(() => api.push('showPage', 'summary'));
    await user.click(await screen.findByRole('button', { name: 'Check this computer' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'One program here lets someone control this computer.' })).toHaveFocus();
    const card = screen.getByRole('region', { name: 'AnyDesk' });
    expect(within(card).getByText('Yes: it has a password that lets someone connect without you accepting.')).toBeInTheDocument();
    expect(within(card).getByText('Installed').nextElementSibling).toHaveTextContent('Monday 30 November');

    await user.click(within(card).getByRole('button', { name: 'Stop it starting by itself…' }));
    await user.type(within(card).getByLabelText('Family PIN'), '2468');
    await user.click(within(card).getByRole('button', { name: 'Go ahead' }));
    expect(await within(card).findByText(/^AnyDesk is running right now\./)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Yes, go ahead even though it is running' }));
    expect(await within(card).findByText('AnyDesk will no longer start by itself when you log in.')).toBeInTheDocument();
    expect(requests).toEqual([
      { stepId: 'anydesk-hide-autostart-0123456789', secret: '2468', runningConfirmed: false },
      { stepId: 'anydesk-hide-autostart-0123456789', secret: '2468', runningConfirmed: true },
    ]);
  });
});
