// The weekly summary page: opened by the tray's showPage('summary'), the chart as a table a screen reader can read,
// plain words for a busy week, the week before and after, and a plain message when the summary cannot be had.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/App';
import type { WeeklySummary } from '../../shared/summary';
import { quietWeek, weekDays } from '../fixtures/summary/quietWeek';
import { createFakeApi, statusOf } from './fakeApi';

const busyWeek: WeeklySummary = {
  ...quietWeek,
  week: '2026-W48',
  from: '2026-11-23T00:00:00.000Z',
  to: '2026-11-30T00:00:00.000Z',
  measuredUntil: '2026-11-26T10:00:00.000Z',
  uptimePercent: 88.5,
  gaps: [{ from: '2026-11-24T22:00:00.000Z', to: '2026-11-25T07:10:00.000Z', cause: 'shutdown' }],
  toolsSeen: [{ toolId: 'anydesk', name: 'AnyDesk', count: 2 }],
  sessions: {
    trusted: 1, unknown: 1,
    remoteIds: [
      { toolId: 'anydesk', name: 'AnyDesk', remoteId: '987654321', remoteAddress: null, trusted: false, count: 1 },
      { toolId: 'anydesk', name: 'AnyDesk', remoteId: '123456789', remoteAddress: null, trusted: true, count: 1 },
    ],
    past: [],
  },
  interruptions: { shown: 1, choices: { 'end-it': 1, 'call-contact': 0, 'started-it-myself': 0 } },
  couldNotClose: [],
  alerts: { delivered: 3, failed: 1 },
  remoteInput: 0,
  pinFailures: 2,
  days: weekDays([100, 91.2, 70.3, 40.5, null, null, null]).map((day, i) => ({ ...day, date: `2026-11-${23 + i}` })),
  allQuiet: false,
};

describe('the weekly summary page', { timeout: 20_000 }, () => {
  it('opens on showPage("summary") with the last full week: all quiet, and a table of the seven days', async () => {
    const asked: unknown[] = [];
    const api = createFakeApi({
      getStatus: async () => statusOf(),
      getInterruption: async () => null,
      getWeeklySummary: async (input) => {
        asked.push(input);
        return quietWeek;
      },
    });
    render(<App api={api} />);
    await screen.findByText('All is well');
    act(() => api.push('showPage', 'summary'));

    expect(await screen.findByRole('heading', { level: 1, name: 'All quiet this week' })).toHaveFocus();
    expect(document.title).toBe('Weekly summary – Pause Guard');
    expect(asked).toEqual([{}]);
    expect(screen.getByText('Monday 16 November to Sunday 22 November 2026')).toBeInTheDocument();
    expect(screen.getByText('Protection was on the whole time.')).toBeInTheDocument();
    expect(screen.getByText(/^No remote-access programs, no connections/)).toBeInTheDocument();

    const chart = screen.getByRole('table', { name: 'Protection each day, Monday to Sunday' });
    const rows = within(chart).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Monday 16 November100%', 'Tuesday 17 November100%', 'Wednesday 18 November100%', 'Thursday 19 November100%',
      'Friday 20 November100%', 'Saturday 21 November100%', 'Sunday 22 November100%',
    ]);
    expect(within(chart).getByRole('rowheader', { name: 'Monday 16 November' })).toBeInTheDocument();
  });

  it('steps to the week after and back, says what happened in plain words, and shows days to come as "not yet"', async () => {
    const user = userEvent.setup({ delay: null });
    const asked: unknown[] = [];
    const api = createFakeApi({
      getStatus: async () => statusOf(),
      getInterruption: async () => null,
      getWeeklySummary: async (input) => {
        asked.push(input);
        return input.week === '2026-W48' ? busyWeek : quietWeek;
      },
    });
    render(<App api={api} />);
    await screen.findByText('All is well');
    act(() => api.push('showPage', 'summary'));
    await screen.findByRole('heading', { level: 1, name: 'All quiet this week' });

    await user.click(screen.getByRole('button', { name: 'Week after' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Some things to look at this week' })).toBeInTheDocument();
    expect(asked).toEqual([{}, { week: '2026-W48' }]);
    expect(screen.getByRole('button', { name: 'Week after' })).toBeDisabled();
    expect(screen.getByText('Protection was on 88.5% of the time.')).toBeInTheDocument();
    expect(screen.getByText('10:00 pm on Tuesday 24 November to 7:10 am on Wednesday 25 November (the computer was shut down).')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Remote-access programs seen' })).toBeInTheDocument();
    expect(screen.getByText('AnyDesk: started twice.')).toBeInTheDocument();
    expect(screen.getByText('1 from someone unknown, 1 from a trusted helper.')).toBeInTheDocument();
    expect(screen.getByText('AnyDesk from ID 987654321 (someone unknown): once.')).toBeInTheDocument();
    expect(screen.getByText('The person chose “End it” once.')).toBeInTheDocument();
    expect(screen.getByText('3 delivered, 1 could not be delivered.')).toBeInTheDocument();
    expect(screen.getByText('The family PIN was typed wrongly twice.')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.lastChild?.textContent)).toEqual(['100%', '91.2%', '70.3%', '40.5%', 'not yet', 'not yet', 'not yet']);

    await user.click(screen.getByRole('button', { name: 'Week before' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'All quiet this week' })).toBeInTheDocument();
    expect(asked.at(-1)).toEqual({ week: '2026-W47' });

    await user.click(screen.getByRole('button', { name: 'Close this page' }));
    expect(await screen.findByText('All is well')).toBeInTheDocument();
  });

  it('says plainly when the summary cannot be had, and can still be closed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = createFakeApi({
      getStatus: async () => statusOf(),
      getInterruption: async () => null,
      getWeeklySummary: () => Promise.reject(new Error('The connection to Pause Guard was lost. Please reload the page.')),
    });
    render(<App api={api} />);
    await screen.findByText('All is well');
    act(() => api.push('showPage', 'summary'));
    expect(await screen.findByRole('heading', { level: 1, name: 'The weekly summary cannot be shown right now.' })).toBeInTheDocument();
    expect(screen.getByText('The connection to Pause Guard was lost. Please reload the page.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close this page' }));
    expect(await screen.findByText('All is well')).toBeInTheDocument();
  });
});
