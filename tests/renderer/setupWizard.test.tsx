// The setup window in jsdom: the family PIN first once one is set, the steps and their progress, every field's plain
// message tied to its field and focused, the PIN typed twice, helper rows, the QR code as an image only, the main
// process's answers, and the test alert.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SetupInput, SetupLockedView, SetupResult, SetupUnlock, SetupView } from '../../shared/setup';
import { SetupPage } from '../../renderer/src/setup/SetupPage';
import { createFakeApi } from './fakeApi';

const QR_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path stroke="#000" d="M4 4.5h7"/></svg>';

function viewOf(overrides: Partial<SetupView> = {}): SetupView {
  return {
    locked: false,
    person: null,
    region: 'GB',
    contacts: [],
    trustedHelpers: [],
    startAtLogin: true,
    weeklySummary: { day: 0, hour: 18, minute: 0 },
    pinSet: false,
    setupComplete: false,
    ntfySuggestion: { server: 'https://ntfy.sh', topic: 'pg_Q2x9rT7vLm4', subscribeUrl: 'https://ntfy.sh/pg_Q2x9rT7vLm4', qrSvg: QR_SVG },
    trustableTools: [
      { toolId: 'anydesk', name: 'AnyDesk' },
      { toolId: 'teamviewer', name: 'TeamViewer' },
    ],
    ...overrides,
  };
}

const OK: SetupResult = { ok: true, fieldErrors: {}, message: null };

async function open(view = viewOf(), methods: Parameters<typeof createFakeApi>[0] = {}) {
  const user = userEvent.setup({ delay: null });
  const saved: SetupInput[] = [];
  const api = createFakeApi({
    getSetup: async () => view,
    saveSetup: async (input) => {
      saved.push(input);
      return OK;
    },
    ...methods,
  });
  render(<SetupPage api={api} />);
  await screen.findByRole('heading', { level: 1, name: 'Whose computer is this?' });
  return { user, saved, api };
}

const next = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Next' }));
const stepCount = () => screen.getByText(/^Step \d of 6$/).textContent;

/** Expects the field to carry exactly this message, linked for screen readers, and to have focus. */
function expectFieldError(label: string | RegExp, message: string, where: Pick<typeof screen, 'getByLabelText'> = screen) {
  const field = where.getByLabelText(label);
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
  expect(field).toHaveFocus();
}

async function fillToFinish(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
  await next(user);
  await user.type(screen.getByLabelText('Their name'), 'Dave');
  await user.type(screen.getByLabelText('Their phone number (optional)'), '+44 7700 900123');
  await next(user);
  await user.type(screen.getByLabelText('Family PIN (4 to 8 digits)'), '4826');
  await user.type(screen.getByLabelText('Type the same PIN again'), '4826');
  await next(user);
  await user.click(screen.getByLabelText('Ireland'));
  await next(user);
  await next(user);
}

// Typing every field takes a while on a busy machine; the steps themselves wait for nothing.
describe('setup window', { timeout: 20_000 }, () => {
  it('shows where you are, starts reading at the heading, and will not go on without a name', async () => {
    const { user } = await open();
    expect(stepCount()).toBe('Step 1 of 6');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    const steps = within(screen.getByRole('navigation', { name: 'Setup steps' })).getAllByRole('listitem');
    expect(steps).toHaveLength(6);
    expect(steps[0]).toHaveAttribute('aria-current', 'step');

    await next(user);
    expect(stepCount()).toBe('Step 1 of 6');
    expectFieldError('The name of the person who uses this computer', 'Please write the name of the person who uses this computer.');

    await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
    expect(screen.queryByText('Please write the name of the person who uses this computer.')).toBeNull();
    await next(user);
    expect(stepCount()).toBe('Step 2 of 6');
    expect(screen.getByRole('heading', { level: 1, name: 'The trusted contact' })).toHaveFocus();
    expect(within(screen.getByRole('navigation', { name: 'Setup steps' })).getAllByRole('listitem')[0]).toHaveTextContent('Done: Whose computer is this?');
  });

  it('explains the phone app in plain steps and shows the QR code only as an image, never as markup in the page', async () => {
    const { user } = await open();
    await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
    await next(user);
    await user.type(screen.getByLabelText('Their name'), 'Dave');

    expect(screen.getByLabelText(/A message on their phone/)).toBeChecked();
    expect(screen.getByText(/install the free app called/)).toHaveTextContent('On Dave’s phone, install the free app called ntfy from the App Store or Google Play.');
    expect(screen.getByText('pg_Q2x9rT7vLm4')).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: 'QR code that opens the alert page https://ntfy.sh/pg_Q2x9rT7vLm4' });
    const src = qr.getAttribute('src')!;
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(atob(src.slice('data:image/svg+xml;base64,'.length))).toBe(QR_SVG);
    expect(document.querySelector('svg path[d="M4 4.5h7"]')).toBeNull();

    // A different server or topic is not what the code shows: the code goes away rather than mislead.
    await user.click(screen.getByRole('button', { name: 'Use your own ntfy server (optional)' }));
    await user.clear(screen.getByLabelText('ntfy server address'));
    await user.type(screen.getByLabelText('ntfy server address'), 'https://ntfy.family.example');
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
    expect(screen.getByText(/Use another server/).closest('li')).toHaveTextContent('Tick Use another server and type https://ntfy.family.example');
  });

  it('marks each contact field that needs fixing, and asks for at least one way to reach them', async () => {
    const { user } = await open();
    await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
    await next(user);

    await user.type(screen.getByLabelText('Their phone number (optional)'), 'ring me');
    await next(user);
    expectFieldError('Their name', 'Please give the contact a name.');
    expect(screen.getByLabelText('Their phone number (optional)')).toHaveAccessibleDescription(expect.stringContaining('A phone number uses digits, spaces and + ( ) - only.'));

    await user.type(screen.getByLabelText('Their name'), 'Dave');
    await user.clear(screen.getByLabelText('Their phone number (optional)'));
    await user.click(screen.getByLabelText(/A message on their phone/));
    await next(user);
    expectFieldError(/A message on their phone/, 'Please choose at least one way for Pause Guard to reach this person');

    await user.click(screen.getByLabelText('An email'));
    await user.type(screen.getByLabelText('Their email address'), 'dave.example.com');
    expect(document.querySelector('.channel .note')).toHaveTextContent('Use an app password, not the usual email password.');
    await next(user);
    expectFieldError('Their email address', 'That does not look like an email address.');
    expect(screen.getByLabelText('Mail server to send from')).toHaveAccessibleDescription(
      expect.stringContaining('Please write the mail server address. It starts with smtp:// or smtps://.'),
    );

    await user.clear(screen.getByLabelText('Their email address'));
    await user.type(screen.getByLabelText('Their email address'), 'dave@example.com');
    await user.type(screen.getByLabelText('Mail server to send from'), 'smtps://dave@example.com:app-pass@smtp.example.com:465');
    await user.click(screen.getByLabelText('A webhook (for Home Assistant and similar)'));
    await user.type(screen.getByLabelText('Webhook address'), 'https://home.example.org/hook');
    await user.type(screen.getByLabelText('Secret for signing (optional)'), 'too-short');
    await next(user);
    expectFieldError('Secret for signing (optional)', 'This needs at least 16 characters.');
    await user.clear(screen.getByLabelText('Secret for signing (optional)'));
    await next(user);
    expect(stepCount()).toBe('Step 3 of 6');
  });

  it('asks for the PIN twice, hidden and with a number keypad, and says when the two differ', async () => {
    const { user } = await open();
    await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
    await next(user);
    await user.type(screen.getByLabelText('Their name'), 'Dave');
    await next(user);

    const pin = screen.getByLabelText('Family PIN (4 to 8 digits)');
    const again = screen.getByLabelText('Type the same PIN again');
    for (const box of [pin, again]) {
      expect(box).toHaveAttribute('type', 'password');
      expect(box).toHaveAttribute('inputmode', 'numeric');
      expect(box).toHaveAttribute('maxlength', '8');
    }
    await next(user);
    expectFieldError('Family PIN (4 to 8 digits)', 'Please choose a family PIN of 4 to 8 digits.');
    await user.type(pin, '12');
    await next(user);
    expectFieldError('Family PIN (4 to 8 digits)', 'A PIN is 4 to 8 digits.');
    await user.type(pin, '34');
    await user.type(again, '1243');
    await next(user);
    expectFieldError('Type the same PIN again', 'The two PINs are not the same. Please type the PIN again.');
    await user.clear(again);
    await user.type(again, '1234');
    await next(user);
    expect(stepCount()).toBe('Step 4 of 6');
  });

  it('adds and removes trusted helpers, keeping each row’s answers with its row', async () => {
    const { user, saved } = await open();
    await fillToFinish(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(stepCount()).toBe('Step 5 of 6');
    expect(screen.getByText('No trusted helpers yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a helper' }));
    expect(screen.getByRole('combobox', { name: 'Program they use' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add a helper' }));
    const [first, second] = screen.getAllByRole('group', { name: /^Helper \d$/ });
    await user.selectOptions(within(first!).getByLabelText('Program they use'), 'teamviewer');
    await user.type(within(first!).getByLabelText('Their ID in that program'), '1 111 111 111');
    await user.selectOptions(within(second!).getByLabelText('Program they use'), 'anydesk');
    await next(user);
    expectFieldError('Their ID in that program', 'Please write the helper’s ID, as their program shows it.', within(second!));

    await user.type(within(second!).getByLabelText('Their ID in that program'), '123 456 789');
    await user.type(within(second!).getByLabelText('A name for this helper (optional)'), 'Dave’s AnyDesk');
    await user.click(screen.getByRole('button', { name: 'Remove helper 1' }));
    expect(screen.getByRole('button', { name: 'Add a helper' })).toHaveFocus();
    const [only] = screen.getAllByRole('group', { name: /^Helper \d$/ });
    expect(within(only!).getByLabelText('Program they use')).toHaveValue('anydesk');
    expect(within(only!).getByLabelText('Their ID in that program')).toHaveValue('123 456 789');

    await next(user);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(saved[0]?.trustedHelpers).toEqual([{ toolId: 'anydesk', remoteId: '123 456 789', label: 'Dave’s AnyDesk' }]);
  });

  it('saves exactly what was typed, then offers the test alert and shows each channel’s result', async () => {
    let view = viewOf();
    const unlocks: (SetupUnlock | undefined)[] = [];
    const { user, saved } = await open(view, {
      getSetup: async (unlock) => {
        unlocks.push(unlock);
        return view;
      },
      saveSetup: async (input) => {
        saved.push(input);
        view = viewOf({ person: 'Margaret', contacts: [{ name: 'Dave', phone: '+44 7700 900123', ntfy: { server: 'https://ntfy.sh', topic: 'pg_Q2x9rT7vLm4', hasToken: false }, email: null, webhook: null }], pinSet: true, setupComplete: true });
        return OK;
      },
      sendTestAlert: async () => ({
        results: [
          { channel: 'ntfy', ok: true, message: 'ntfy: OK' },
          { channel: 'email', ok: false, message: 'Email: the server refused the password.' },
        ],
      }),
    });
    await fillToFinish(user);
    expect(stepCount()).toBe('Step 6 of 6');
    expect(document.querySelector('.summary')).toHaveTextContent(
      'Computer ofMargaretTrusted contactDave, +44 7700 900123, told by the phone appFamily PINA new PIN is chosen.CountryIrelandTrusted helpersNoneWeekly summarySunday at 18:00',
    );
    expect(screen.getByLabelText('Start Pause Guard when this computer starts (recommended)')).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Send a test alert' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByText('Saved. Pause Guard will tell Dave if something looks like a scam.')).parentElement).toHaveFocus();
    expect(saved).toEqual([
      {
        person: 'Margaret',
        region: 'IE',
        contact: { name: 'Dave', phone: '+44 7700 900123', ntfy: { server: 'https://ntfy.sh', topic: 'pg_Q2x9rT7vLm4', token: '' }, email: null, webhook: null },
        newPin: '4826',
        newPinAgain: '4826',
        trustedHelpers: [],
        startAtLogin: true,
        weeklySummary: { day: 0, hour: 18, minute: 0 },
        currentPin: '',
        pingUrl: '',
        catalogUrl: '',
      },
    ]);

    await user.click(screen.getByRole('button', { name: 'Send a test alert' }));
    const results = within((await screen.findByText(/sent\. Check that it arrived/)).closest('ul')!);
    expect(results.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '✓ Phone app (ntfy): sent. Check that it arrived.',
      '✗ Email: not sent. The server refused the password.',
    ]);
    // The settings are read again with the PIN just chosen; going back to change something saves with it, unasked.
    expect(unlocks).toEqual([undefined, { pin: '4826' }]);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await next(user);
    expect(screen.queryByRole('button', { name: 'Send a test alert' })).toBeNull();
    expect(screen.queryByLabelText('The family PIN now in use')).toBeNull();
    expect(document.querySelector('.summary')).toHaveTextContent('Family PINStays as it is.');
  });

  it('asks on the contact step for a ping address, will not go on with one that is no web address, and sends it', async () => {
    const ping = 'https://hc-ping.com/0f3c9a1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f';
    const { user, saved } = await open();
    await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
    await next(user);
    await user.type(screen.getByLabelText('Their name'), 'Dave');
    const field = screen.getByLabelText('Ping address from healthchecks.io (optional)');
    await user.type(field, 'hc-ping.com/abc');
    await next(user);
    expect(stepCount()).toBe('Step 2 of 6');
    expectFieldError('Ping address from healthchecks.io (optional)', 'A ping address is the whole web address your Healthchecks check shows');
    await user.clear(field);
    await user.type(field, ping);
    await next(user);
    await user.type(screen.getByLabelText('Family PIN (4 to 8 digits)'), '4826');
    await user.type(screen.getByLabelText('Type the same PIN again'), '4826');
    await next(user);
    await next(user);
    await next(user);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(saved[0]?.pingUrl).toBe(ping);
  });

  it('offers an own copy of the list of remote-access programs on the last step, refusing an address not over https', async () => {
    const { user, saved } = await open();
    await fillToFinish(user);
    const field = screen.getByLabelText('Your own copy of the list of remote-access programs (optional)');
    await user.type(field, 'http://lists.example.org/remote-tools.signed.json');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expectFieldError('Your own copy of the list of remote-access programs (optional)', 'must be a whole web address starting with https://');
    expect(saved).toEqual([]);
    await user.clear(field);
    await user.type(field, 'https://lists.example.org/remote-tools.signed.json');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(saved[0]?.catalogUrl).toBe('https://lists.example.org/remote-tools.signed.json');
  });

  it('asks when the contact gets the weekly summary, Sunday 18:00 unless chosen, and sends the day and time chosen', async () => {
    const { user, saved } = await open(viewOf({ weeklySummary: { day: 3, hour: 7, minute: 5 } }));
    await fillToFinish(user);
    const group = screen.getByRole('group', { name: 'When should Dave get the weekly summary?' });
    const day = within(group).getByLabelText('Day');
    const time = within(group).getByLabelText('Time');
    expect(day).toHaveDisplayValue('Wednesday');
    expect(time).toHaveValue('07:05');
    expect(within(day).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
    ]);
    expect(document.querySelector('.summary')).toHaveTextContent('Weekly summaryWednesday at 07:05');

    await user.selectOptions(day, 'Monday');
    await user.clear(time);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expectFieldError('Time', 'Please choose a time for the weekly summary, like 18:00.');
    expect(saved).toEqual([]);

    await user.type(time, '08:30');
    expect(document.querySelector('.summary')).toHaveTextContent('Weekly summaryMonday at 08:30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(saved[0]?.weeklySummary).toEqual({ day: 1, hour: 8, minute: 30 });
  });

  it('offers Sunday at 18:00 when nothing else was chosen', async () => {
    const { user } = await open();
    await fillToFinish(user);
    expect(screen.getByLabelText('Day')).toHaveDisplayValue('Sunday');
    expect(screen.getByLabelText('Time')).toHaveValue('18:00');
  });

  it('shows the main process’s answer at the field it names, on that field’s step', async () => {
    const { user } = await open(viewOf(), {
      saveSetup: async () => ({ ok: false, fieldErrors: { 'contact.ntfy.topic': 'An ntfy topic uses only letters, digits, - and _.' }, message: 'Some answers need a change before they can be saved. Each one is marked.' }),
    });
    await fillToFinish(user);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('An ntfy topic uses only letters, digits, - and _.');
    expect(stepCount()).toBe('Step 2 of 6');
    expectFieldError('Topic name', 'An ntfy topic uses only letters, digits, - and _.');
    expect(screen.getByRole('alert')).toHaveTextContent('Some answers need a change before they can be saved. Each one is marked.');
  });

  it('asks for the family PIN before showing any setting once one is set, and only whom to call before it', async () => {
    const view = viewOf({
      person: 'Margaret',
      region: 'IE',
      pinSet: true,
      setupComplete: true,
      contacts: [{ name: 'Dave', phone: '07700 900123', ntfy: null, email: { to: 'dave@example.com', smtpHost: 'smtp.example.com', hasPassword: true, from: null, sendsFromLogin: true }, webhook: null }],
    });
    const locked = (message: string | null): SetupLockedView => ({ locked: true, person: 'Margaret', contact: { name: 'Dave', phone: '07700 900123' }, message });
    const user = userEvent.setup({ delay: null });
    const saved: SetupInput[] = [];
    const api = createFakeApi({
      getSetup: async (unlock) => (unlock?.pin === '4826' ? view : locked(unlock ? 'That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.' : null)),
      saveSetup: async (input) => {
        saved.push(input);
        return { ok: false, fieldErrors: { currentPin: 'PIN entry is locked after too many wrong tries. Try again in 1 minute.' }, message: 'Nothing was saved.' };
      },
    });
    render(<SetupPage api={api} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'The family PIN, please' })).toHaveFocus();
    expect(screen.getByText('Not sure? Call Dave on 07700 900123.')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('dave@example.com');

    await user.type(screen.getByLabelText('Family PIN'), '1111{Enter}');
    await screen.findByText('That PIN is not right. 4 more wrong tries lock PIN entry for 1 minute.');
    expectFieldError('Family PIN', 'That PIN is not right.');
    await user.type(screen.getByLabelText('Family PIN'), '4826{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Whose computer is this?' })).toHaveFocus();

    expect(screen.getByLabelText('The name of the person who uses this computer')).toHaveValue('Margaret');
    await next(user);
    expect(screen.getByLabelText('An email')).toBeChecked();
    expect(screen.getByLabelText('Mail server to send from')).toHaveValue('');
    expect(screen.getByLabelText('Mail server to send from')).toHaveAccessibleDescription('Saved: the mail server smtp.example.com, with its password. Leave this empty to keep it.');
    await next(user);
    expect(screen.getByText('A PIN is already set. Leave both boxes empty to keep it.')).toBeInTheDocument();
    await next(user);
    await next(user);
    await next(user);

    // Saved with the PIN the window was opened with; asked again only when the main process did not take it.
    expect(screen.queryByLabelText('The family PIN now in use')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('PIN entry is locked after too many wrong tries. Try again in 1 minute.');
    expectFieldError('The family PIN now in use', 'PIN entry is locked');
    expect(saved[0]).toMatchObject({ currentPin: '4826', newPin: '', contact: { email: { to: 'dave@example.com', smtpUrl: '', from: '' } } });
  });

  it('asks for a sender address when the mail server takes no login, and sends it', async () => {
    const { user, saved } = await open();
    await user.type(screen.getByLabelText('The name of the person who uses this computer'), 'Margaret');
    await next(user);
    await user.type(screen.getByLabelText('Their name'), 'Sam');
    await user.click(screen.getByLabelText('An email'));
    await user.type(screen.getByLabelText('Their email address'), 'sam@example.test');
    await user.type(screen.getByLabelText('Mail server to send from'), 'smtp://127.0.0.1:2525/?tls=off');
    await next(user);
    expectFieldError(/^Send from this address/, 'This mail server address has no email login to send from, so please write the address the alerts are sent from.');
    await user.type(screen.getByLabelText(/^Send from this address/), 'margaret-pc@example.test');
    await next(user);
    await user.type(screen.getByLabelText('Family PIN (4 to 8 digits)'), '4826');
    await user.type(screen.getByLabelText('Type the same PIN again'), '4826');
    for (let step = 3; step < 6; step += 1) await next(user);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/^Saved\./);
    expect(saved[0]?.contact.email).toEqual({ to: 'sam@example.test', smtpUrl: 'smtp://127.0.0.1:2525/?tls=off', from: 'margaret-pc@example.test' });
  });

  it('says plainly when the setup cannot be read', async () => {
    const api = createFakeApi({ getSetup: () => Promise.reject(new Error('The connection to Pause Guard was lost. Please reload the page.')) });
    render(<SetupPage api={api} />);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('The setup cannot open right now.');
    expect(screen.getByText('The connection to Pause Guard was lost. Please reload the page.')).toBeInTheDocument();
  });

  it('can be driven from the keyboard alone: Enter moves on', async () => {
    const { user } = await open();
    await user.tab();
    expect(screen.getByLabelText('The name of the person who uses this computer')).toHaveFocus();
    await user.keyboard('Margaret{Enter}');
    expect(stepCount()).toBe('Step 2 of 6');
  });
});
