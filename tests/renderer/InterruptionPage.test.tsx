// The pause-and-check page: what it says, which choices it offers when, what it sends, and what it never allows.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dateWords } from '../../shared/dateWords';
import type { ChoiceResult } from '../../shared/interruption';
import type { MethodInput } from '../../shared/api';
import { App } from '../../renderer/src/App';
import { InterruptionPage } from '../../renderer/src/interruption/InterruptionPage';
import { createFakeApi, statusOf } from './fakeApi';
import { blamingWords, interruptionOf } from './views';

const ok: ChoiceResult = { ok: true, message: null, lockedUntil: null };

function choosingApi(answer: (request: MethodInput<'choose'>) => ChoiceResult = () => ok) {
  const chosen: MethodInput<'choose'>[] = [];
  const api = createFakeApi({
    choose: async (request) => {
      chosen.push(request);
      return answer(request);
    },
  });
  return { api, chosen };
}

/** jsdom has no speech synthesis: a stand-in that records what it was asked to say. */
function installSpeech() {
  const spoken: string[] = [];
  const synth = { speak: vi.fn((utterance: { text: string }) => spoken.push(utterance.text)), cancel: vi.fn() };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      rate = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    },
  );
  return { spoken, synth };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('InterruptionPage, pause stage', () => {
  it('says stop, names the tool in plain words, says it is paused, and gives the UK advice', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf()} api={api} />);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop. Someone may be about to control your computer.');
    const happened = screen.getByRole('region', { name: 'What happened' });
    expect(happened).toHaveTextContent('AnyDesk has just started on this computer.');
    expect(happened).toHaveTextContent('AnyDesk lets another person see and control this computer.');
    expect(happened).toHaveTextContent('AnyDesk is paused while you read this.');
    expect(happened).toHaveTextContent('Scammers are very convincing. Stopping now is the right thing to do.');
    const page = document.body.textContent ?? '';
    expect(page).toContain('Action Fraud');
    expect(page).toContain('0300 123 2040');
    expect(page).toContain('call your bank on 159');
    expect(page).toContain('never call out of the blue and ask you to install a program');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)[0]).toBe('Hang up the phone.');
  });

  it('says someone has connected, with their ID, and that the tool could not be frozen here', () => {
    const { api } = choosingApi();
    render(
      <InterruptionPage
        view={interruptionOf({ cause: 'session-started', remoteId: '123 456 789', suspension: 'not-possible' })}
        api={api}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop. Someone may be trying to control your computer.');
    const happened = screen.getByRole('region', { name: 'What happened' });
    expect(happened).toHaveTextContent('Someone has connected to this computer with AnyDesk.');
    expect(happened).toHaveTextContent('The other person’s AnyDesk number is 123 456 789.');
    expect(happened).toHaveTextContent('Pause Guard could not freeze AnyDesk on this computer');
    expect(happened).not.toHaveTextContent('paused while you read');
  });

  it('says in its own words that someone else is moving the mouse, and names no program', () => {
    const { api } = choosingApi();
    render(
      <InterruptionPage
        view={interruptionOf({ cause: 'remote-input', tool: { toolId: null, name: 'the program moving the mouse', description: 'A program that lets someone else see and control this computer.' }, suspension: 'not-needed' })}
        api={api}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop. Someone else is moving the mouse on this computer right now.');
    const happened = screen.getByRole('region', { name: 'What happened' });
    expect(happened).toHaveTextContent('not by your hands: another program is doing it.');
    expect(happened).not.toHaveTextContent('the program moving the mouse');
    expect(document.body.textContent).not.toMatch(blamingWords);
  });

  it('shows the refusal of a choice made by someone else\'s hand in plain words', async () => {
    const user = userEvent.setup();
    const { api } = choosingApi(() => ({ ok: false, message: 'This has to be done by the person sitting at this computer.', lockedUntil: null }));
    render(<InterruptionPage view={interruptionOf({ cause: 'remote-input', canCarryOn: true })} api={api} />);
    await user.click(screen.getByRole('button', { name: 'I started this myself' }));
    await user.type(screen.getByLabelText('Family PIN'), '482193{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('This has to be done by the person sitting at this computer.');
  });

  it('warns not to log in when a bank is open during a session', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ cause: 'bank-during-session', level: 'highest', remoteAddress: '198.51.100.7' })} api={api} />);
    const happened = screen.getByRole('region', { name: 'What happened' });
    expect(happened).toHaveTextContent('They are connecting from the address 198.51.100.7.');
    expect(happened).toHaveTextContent('A bank or payment page is open on the screen while they are connected. Do not log in, and do not buy, send or pay anything.');
  });

  it('says plainly that someone in a call asks for control, whatever name they show', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ cause: 'meeting-control', tool: { toolId: 'zoom', name: 'Zoom', description: 'Zoom is a program for video calls.' } })} api={api} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop. Someone may be trying to control your computer.');
    const happened = screen.getByRole('region', { name: 'What happened' });
    expect(happened).toHaveTextContent('Someone in a Zoom call is asking to control this computer, or is already controlling it.');
    expect(happened).toHaveTextContent('The name they show can be anything, even the name of a company.');
    expect(happened).not.toHaveTextContent('connected to this computer with');
  });

  it('says that the screen is being shown while a bank or payment page is open', () => {
    const { api } = choosingApi();
    render(
      <InterruptionPage
        view={interruptionOf({ cause: 'bank-during-sharing', level: 'highest', tool: { toolId: null, name: 'Google Chrome', description: 'x' } })}
        api={api}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop. Someone may be watching your screen.');
    const happened = screen.getByRole('region', { name: 'What happened' });
    expect(happened).toHaveTextContent('Google Chrome is showing your screen to someone else.');
    expect(happened).toHaveTextContent('A bank or payment page is open, so they can see it. Do not log in, and do not buy, send or pay anything.');
  });

  it('gives the US advice for a US computer: the FTC, IC3 and the number on the back of the card', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ region: 'US' })} api={api} />);
    const page = document.body.textContent ?? '';
    expect(page).toContain('ReportFraud.ftc.gov');
    expect(page).toContain('1-877-382-4357');
    expect(page).toContain('ic3.gov');
    expect(page).toContain('call your bank on the number on the back of your card');
    expect(page).not.toContain('Action Fraud');
    expect(page).not.toContain('159');
  });

  it('puts "End it" first: focused at once, first in tab order, then the contact, then reading aloud', async () => {
    installSpeech();
    const user = userEvent.setup();
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf()} api={api} />);

    expect(screen.getByRole('button', { name: /^End it/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: /^Call Sarah first/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Read this to me' })).toHaveFocus();
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: /^End it/ })).toHaveFocus();
  });

  it('sends "End it" and "Call Sarah first" to the main process, and shows its answer when it could not', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi((request) =>
      request.choice === 'end-it' ? { ok: false, message: 'Pause Guard could not close AnyDesk.', lockedUntil: null } : ok,
    );
    render(<InterruptionPage view={interruptionOf()} api={api} />);

    await user.click(screen.getByRole('button', { name: /^End it/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Pause Guard could not close AnyDesk.');
    await user.click(screen.getByRole('button', { name: /^Call Sarah first/ }));
    expect(chosen).toEqual([
      { id: 'int-1', choice: 'end-it' },
      { id: 'int-1', choice: 'call-contact' },
    ]);
  });

  it('offers no way to carry on during the countdown, and clicking where it would be does nothing', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi();
    render(<InterruptionPage view={interruptionOf()} api={api} />);

    expect(screen.queryByRole('button', { name: /started this myself/i })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.querySelector('input')).toBeNull();
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAccessibleName(/^More choices in (29|30) seconds\.$/);
    await user.click(timer);
    await user.click(screen.getByRole('region', { name: 'Your choices' }));
    expect(chosen).toEqual([]);
    expect(screen.queryByRole('button', { name: /started this myself/i })).toBeNull();
  });

  it('still offers nothing when its own clock runs out before the main process says so', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ countdownEndsAt: new Date(Date.now() - 1000).toISOString() })} api={api} />);
    expect(screen.getByRole('timer')).toHaveAccessibleName('More choices in a moment.');
    expect(screen.queryByRole('button', { name: /started this myself/i })).toBeNull();
  });

  it('swallows Escape: nothing closes, nothing is chosen, nothing else hears it', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi();
    const heard = vi.fn();
    document.addEventListener('keydown', heard);
    try {
      render(<InterruptionPage view={interruptionOf({ canCarryOn: true })} api={api} />);
      await user.click(screen.getByRole('button', { name: 'I started this myself' }));
      await user.type(screen.getByLabelText('Family PIN'), '12');
      await user.keyboard('{Escape}');
      expect(screen.getByLabelText('Family PIN')).toHaveValue('12');
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Stop.');
      expect(chosen).toEqual([]);
      expect(heard.mock.calls.map(([event]) => (event as KeyboardEvent).key)).not.toContain('Escape');
    } finally {
      document.removeEventListener('keydown', heard);
    }
  });
});

describe('InterruptionPage, carrying on', () => {
  it('offers "I started this myself" once an interruption event says the countdown is over', async () => {
    const view = interruptionOf();
    const api = createFakeApi({ getInterruption: async () => view, getStatus: async () => statusOf() });
    render(<App api={api} />);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Stop.');
    expect(screen.queryByRole('button', { name: 'I started this myself' })).toBeNull();

    act(() => api.push('interruption', { ...view, canCarryOn: true }));
    expect(screen.getByRole('button', { name: 'I started this myself' })).toBeEnabled();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('asks for the family PIN when one is set, sends it, and shows a wrong PIN plainly', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi(() => ({ ok: false, message: 'That PIN is not right.', lockedUntil: null }));
    render(<InterruptionPage view={interruptionOf({ canCarryOn: true })} api={api} />);

    await user.click(screen.getByRole('button', { name: 'I started this myself' }));
    const pin = screen.getByLabelText('Family PIN');
    expect(pin).toHaveFocus();
    expect(pin).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Carry on' })).toBeDisabled();
    await user.type(pin, '4821{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent('That PIN is not right.');
    expect(chosen).toEqual([{ id: 'int-1', choice: 'started-it-myself', secret: '4821' }]);
    expect(pin).toHaveValue('');
    expect(pin).toHaveAttribute('aria-invalid', 'true');
    expect(pin).toHaveAccessibleDescription('That PIN is not right.');
  });

  it('says when the PIN is locked, and until when', async () => {
    const user = userEvent.setup();
    const until = new Date(2026, 0, 5, 14, 35).toISOString();
    const { api } = choosingApi(() => ({ ok: false, message: 'Too many wrong tries.', lockedUntil: until }));
    render(<InterruptionPage view={interruptionOf({ canCarryOn: true })} api={api} />);
    await user.click(screen.getByRole('button', { name: 'I started this myself' }));
    await user.type(screen.getByLabelText('Family PIN'), '0000{Enter}');
    const time = dateWords('GB').clock(until);
    expect(await screen.findByRole('alert')).toHaveTextContent(`Too many wrong tries. You can try again at ${time}.`);
  });

  it('asks for the confirmation word when no PIN is set', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ canCarryOn: true, pinRequired: false, confirmationWord: 'myself' })} api={api} />);
    await user.click(screen.getByRole('button', { name: 'I started this myself' }));
    expect(screen.queryByLabelText('Family PIN')).toBeNull();
    const word = screen.getByLabelText('Type the word “myself” to carry on');
    expect(word).toHaveAttribute('type', 'text');
    await user.type(word, 'myself');
    await user.click(screen.getByRole('button', { name: 'Carry on' }));
    expect(chosen).toEqual([{ id: 'int-1', choice: 'started-it-myself', secret: 'myself' }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes back from the PIN form without sending anything', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ canCarryOn: true })} api={api} />);
    await user.click(screen.getByRole('button', { name: 'I started this myself' }));
    await user.click(screen.getByRole('button', { name: 'Go back' }));
    expect(screen.queryByLabelText('Family PIN')).toBeNull();
    expect(chosen).toEqual([]);
  });
});

describe('InterruptionPage, after a choice', () => {
  it('"ended": Done, hang up, the tool is closed, and the next steps in order', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ stage: 'ended', canCarryOn: true })} api={api} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Done. Now hang up the phone.');
    expect(screen.getByText('Pause Guard has closed AnyDesk, and it has stayed closed.')).toBeInTheDocument();
    const steps = within(screen.getByRole('region', { name: 'What to do now' })).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'Hang up the phone.',
      expect.stringMatching(/^Do not log in to your bank/),
      expect.stringContaining('call your bank on 159'),
      'Tell Sarah what happened.',
      'Report it to Action Fraud: 0300 123 2040 or actionfraud.police.uk.',
    ]);
    expect(screen.queryByRole('button', { name: /End it|started this myself|Call/ })).toBeNull();
  });

  it('"ended": "Close this page" asks the main process, and shows its plain refusal', async () => {
    const user = userEvent.setup();
    const asked: unknown[] = [];
    const api = createFakeApi({
      closeInterruption: async (request) => {
        asked.push(request);
        return { ok: false, message: 'This page closes once AnyDesk has been ended.', lockedUntil: null };
      },
    });
    render(<InterruptionPage view={interruptionOf({ stage: 'ended' })} api={api} />);
    await user.click(screen.getByRole('button', { name: 'Close this page' }));
    expect(asked).toEqual([{ id: 'int-1' }]);
    expect(await screen.findByRole('alert')).toHaveTextContent('This page closes once AnyDesk has been ended.');
  });

  it('"ending": says the program is being closed and checked, with nothing to press', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ stage: 'ending' })} api={api} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Closing AnyDesk…');
    expect(screen.getByRole('status')).toHaveTextContent('checking that it stays closed');
    expect(screen.queryByRole('button', { name: /End it|started this myself|Close/ })).toBeNull();
  });

  it.each([
    ['refused', 'This computer did not let Pause Guard close AnyDesk'],
    ['came-back', 'AnyDesk started again straight away'],
    ['nothing-to-end', 'There was no program Pause Guard could close for AnyDesk'],
  ] as const)('"not-ended" (%s): never says closed, gives the steps that cut the caller off, and keeps the cover', (notEnded, why) => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ stage: 'not-ended', notEnded })} api={api} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Hang up the phone now.');
    expect(screen.getByRole('heading', { level: 2, name: 'Pause Guard could not close AnyDesk' })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${why}`))).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((step) => step.textContent)).toEqual([
      'Hang up the phone.',
      'Switch off the Wi-Fi, or pull the internet cable out of the computer or the router.',
      'If you are not sure how, hold the computer’s power button down until it turns off. That is safe to do.',
      'Then call Sarah on 07700 900123.',
    ]);
    expect(screen.getByText('This page stays until the countdown has finished and the family PIN is typed.')).toBeInTheDocument();
    expect(screen.getByRole('timer')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Close this page|started this myself/ })).toBeNull();
    expect(document.body.textContent).not.toMatch(/has closed|Done\./);
  });

  it('"not-ended": once the countdown is over, only the family PIN takes it away', async () => {
    const user = userEvent.setup();
    const { api, chosen } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ stage: 'not-ended', notEnded: 'refused', canCarryOn: true })} api={api} />);
    await user.click(screen.getByRole('button', { name: 'I started this myself' }));
    await user.type(screen.getByLabelText('Family PIN'), '2468');
    await user.click(screen.getByRole('button', { name: 'Carry on' }));
    expect(chosen).toEqual([{ id: 'int-1', choice: 'started-it-myself', secret: '2468' }]);
  });

  it('"calling": the contact’s name and number large, the next steps, and "End it" still first', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ stage: 'calling' })} api={api} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Hang up, then call Sarah.');
    const card = screen.getByRole('region', { name: 'Call Sarah' });
    expect(within(card).getByText('Sarah')).toHaveClass('contact-name');
    expect(within(card).getByText('07700 900123')).toHaveClass('contact-phone');
    expect(screen.getByRole('region', { name: 'What to do now' })).toHaveTextContent('Hang up the phone.');
    expect(screen.getByRole('button', { name: /^End it/ })).toHaveFocus();
  });

  it('with no contact: no "Call" button, and the advice to call someone trusted on a number already known', () => {
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ contact: null })} api={api} />);
    expect(screen.queryByRole('button', { name: /^Call/ })).toBeNull();
    expect(screen.getByRole('region', { name: 'Your choices' })).toHaveTextContent(
      'Call someone you trust on a number you already know, from your address book or a letter. Never use a number the caller gives you.',
    );
    expect(screen.getByRole('region', { name: 'What to do now' })).toHaveTextContent('Tell someone you trust what happened.');
  });
});

describe('InterruptionPage, reading aloud', () => {
  it('reads the page’s words, not its buttons, and stops when asked', async () => {
    const { spoken, synth } = installSpeech();
    const user = userEvent.setup();
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf({ canCarryOn: true })} api={api} />);

    await user.click(screen.getByRole('button', { name: 'Read this to me' }));
    expect(synth.speak).toHaveBeenCalledTimes(1);
    const text = spoken[0]!;
    expect(text.split('\n')[0]).toBe('Stop. Someone may be about to control your computer.');
    expect(text).toContain('AnyDesk has just started on this computer.');
    expect(text).toContain('Action Fraud');
    expect(text).not.toContain('I started this myself');
    expect(screen.getByRole('button', { name: 'Stop reading' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Stop reading' }));
    expect(synth.speak).toHaveBeenCalledTimes(1);
    expect(synth.cancel).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Read this to me' })).toBeInTheDocument();
  });

  it('has no "Read this to me" button where there is no speech synthesis', () => {
    expect('speechSynthesis' in window).toBe(false);
    const { api } = choosingApi();
    render(<InterruptionPage view={interruptionOf()} api={api} />);
    expect(screen.queryByRole('button', { name: 'Read this to me' })).toBeNull();
    expect(screen.getByRole('button', { name: /^End it/ })).toBeInTheDocument();
  });
});

describe('InterruptionPage, never a word of blame', () => {
  it.each(['GB', 'US', 'CA', 'AU', 'IE'] as const)('%s: in every stage, with and without a contact', (region) => {
    const { api } = choosingApi();
    for (const stage of ['pause', 'ended', 'calling'] as const) {
      for (const contact of [null, { name: 'Sarah', phone: null }]) {
        const { unmount } = render(<InterruptionPage view={interruptionOf({ region, stage, contact, canCarryOn: true })} api={api} />);
        const text = document.body.textContent ?? '';
        expect(text.length).toBeGreaterThan(300);
        expect(text).not.toMatch(blamingWords);
        unmount();
      }
    }
  });
});
