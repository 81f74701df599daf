// The PIN page the tray opens for pausing protection or quitting: the safe choice first, the PIN or the shown word, the
// main process's answer read out, and an interruption still over it. Through App, as the tray's event opens it.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dateWords } from '../../shared/dateWords';
import type { ChoiceResult, ProtectedActionPrompt } from '../../shared/interruption';
import { App } from '../../renderer/src/App';
import { createFakeApi, statusOf, type FakeApi } from './fakeApi';
import { interruptionOf } from './views';

const pausePrompt: ProtectedActionPrompt = { request: { action: 'pause', hours: 2 }, pinRequired: true, confirmationWord: 'PAUSE', region: 'GB' };
const quitPrompt: ProtectedActionPrompt = { request: { action: 'quit' }, pinRequired: false, confirmationWord: 'QUIT', region: 'GB' };
const clock = (at: Date) => dateWords('GB').clock(at);

function pinApi(answers: ChoiceResult[] = []) {
  const confirmProtectedAction = vi.fn(async () => answers.shift() ?? { ok: true, message: null, lockedUntil: null });
  const api = createFakeApi({ getStatus: async () => statusOf(), getInterruption: async () => null, confirmProtectedAction });
  return { api, confirmProtectedAction };
}

async function openPrompt(api: FakeApi, prompt: ProtectedActionPrompt) {
  render(<App api={api} />);
  await screen.findByText('All is well');
  act(() => api.push('protectedAction', prompt));
}

describe('the PIN page for pausing and quitting', () => {
  it('says when protection comes back, and puts "Cancel — keep protection on" first and focused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 4, 6, 13, 30));
    try {
      const { api, confirmProtectedAction } = pinApi();
      const user = userEvent.setup();
      await openPrompt(api, pausePrompt);
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pause protection for 2 hours?');
      expect(screen.getByText(`Pause Guard will stop protecting this computer until ${clock(new Date(2025, 4, 6, 15, 30))}.`, { exact: false })).toBeInTheDocument();
      expect(document.title).toBe('Pause protection – Pause Guard');
      const cancel = screen.getByRole('button', { name: 'Cancel — keep protection on' });
      expect(cancel).toHaveFocus();
      expect(screen.getAllByRole('button')[0]).toBe(cancel);
      // Enter on the focused choice keeps protection on: nothing is asked of the main process.
      await user.keyboard('{Enter}');
      expect(await screen.findByText('All is well')).toBeInTheDocument();
      expect(confirmProtectedAction).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for the family PIN in a masked number field and sends the exact request with it', async () => {
    const { api, confirmProtectedAction } = pinApi();
    const user = userEvent.setup();
    await openPrompt(api, pausePrompt);
    expect(screen.getByText(/needs the family PIN/)).toBeInTheDocument();
    const pin = screen.getByLabelText('Family PIN');
    expect(pin).toHaveAttribute('type', 'password');
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    expect(pin).toHaveAttribute('autocomplete', 'off');
    expect(screen.getByRole('button', { name: 'Pause for 2 hours' })).toBeDisabled();
    await user.type(pin, '2468');
    await user.click(screen.getByRole('button', { name: 'Pause for 2 hours' }));
    expect(confirmProtectedAction).toHaveBeenCalledExactlyOnceWith({ request: { action: 'pause', hours: 2 }, secret: '2468' });
  });

  it('asks for the shown word when no PIN is set, says why, and quits with it', async () => {
    const { api, confirmProtectedAction } = pinApi();
    const user = userEvent.setup();
    await openPrompt(api, quitPrompt);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Quit Pause Guard?');
    expect(screen.getByText('Pause Guard will close and stop protecting this computer.')).toBeInTheDocument();
    expect(screen.getByText(/cannot do this with a single click/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Family PIN')).toBeNull();
    const word = screen.getByLabelText('Type the word “QUIT”');
    expect(word).toHaveAttribute('type', 'text');
    expect(word).toHaveAttribute('autocomplete', 'off');
    await user.type(word, 'QUIT{Enter}');
    expect(confirmProtectedAction).toHaveBeenCalledExactlyOnceWith({ request: { action: 'quit' }, secret: 'QUIT' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Pause Guard is closing.' })).toBeInTheDocument();
  });

  it('reads out a wrong PIN, clears the field and puts the cursor back in it', async () => {
    const { api } = pinApi([{ ok: false, message: 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.', lockedUntil: null }]);
    const user = userEvent.setup();
    await openPrompt(api, pausePrompt);
    await user.type(screen.getByLabelText('Family PIN'), '1111{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.');
    const pin = screen.getByLabelText('Family PIN');
    expect(pin).toHaveValue('');
    expect(pin).toHaveFocus();
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(pin).toHaveAccessibleDescription(/That PIN is not right/);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pause protection for 2 hours?');
  });

  it('says until when PIN entry is locked', async () => {
    const lockedUntil = new Date(Date.now() + 60_000);
    const { api } = pinApi([{ ok: false, message: 'PIN entry is locked after too many wrong tries. Try again in 1 minute.', lockedUntil: lockedUntil.toISOString() }]);
    const user = userEvent.setup();
    await openPrompt(api, pausePrompt);
    await user.type(screen.getByLabelText('Family PIN'), '1111{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `PIN entry is locked after too many wrong tries. Try again in 1 minute. You can try again at ${clock(lockedUntil)}.`,
    );
  });

  it('says protection is paused until when, and that it comes back by itself, then goes back to the status page', async () => {
    const { api } = pinApi();
    const user = userEvent.setup();
    await openPrompt(api, { ...pausePrompt, request: { action: 'pause', hours: 1 } });
    await user.type(screen.getByLabelText('Family PIN'), '2468{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: /^Protection is paused until / });
    expect(heading).toHaveFocus();
    expect(screen.getByText('It comes back on by itself.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back to the status page' }));
    expect(await screen.findByText('All is well')).toBeInTheDocument();
  });

  it('gives way to an interruption, and is there again with Cancel focused when it is over', async () => {
    const { api } = pinApi();
    await openPrompt(api, quitPrompt);
    act(() => api.push('interruption', interruptionOf()));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop.');
    act(() => api.push('protectedAction', pausePrompt));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop.');
    act(() => api.push('interruption', null));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Pause protection for 2 hours?');
    expect(screen.getByRole('button', { name: 'Cancel — keep protection on' })).toHaveFocus();
  });
});
