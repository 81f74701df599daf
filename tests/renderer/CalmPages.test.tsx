// The calm pages the tray opens: the warning ("What does this mean?") and "I'm on a call and I'm worried".
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WarningPage } from '../../renderer/src/warning/WarningPage';
import { WorriedPage } from '../../renderer/src/worried/WorriedPage';
import { createFakeApi, statusOf } from './fakeApi';
import { blamingWords, warningOf } from './views';

describe('WarningPage', () => {
  it('explains an installer download calmly, with the advice and the trusted-number advice when there is no contact', () => {
    render(<WarningPage view={warningOf()} api={createFakeApi({})} onDone={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('An installer for TeamViewer was downloaded.');
    const meaning = screen.getByRole('region', { name: 'What does this mean?' });
    expect(meaning).toHaveTextContent('The installer puts TeamViewer on this computer.');
    expect(meaning).toHaveTextContent('If someone on the phone asked you to get TeamViewer, it may be a scam.');
    const text = document.body.textContent ?? '';
    expect(text).toContain('Action Fraud');
    expect(text).toContain('Never use a number the caller gives you.');
    expect(text).not.toMatch(blamingWords);
  });

  it('names a started warn-tier tool with its description and shows the contact’s number', () => {
    render(
      <WarningPage
        view={warningOf({
          cause: 'tool-started',
          tool: { toolId: 'chrome-remote-desktop', name: 'Chrome Remote Desktop', description: 'Chrome Remote Desktop lets another person control this computer.' },
          contact: { name: 'Sarah', phone: '07700 900123' },
          region: 'CA',
        })}
        api={createFakeApi({})}
        onDone={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Chrome Remote Desktop has started on this computer.');
    expect(screen.getByText('Chrome Remote Desktop lets another person control this computer.')).toBeInTheDocument();
    expect(screen.getByText('07700 900123')).toHaveClass('contact-phone');
    expect(document.body.textContent).toContain('1-888-495-8501');
  });

  it('keeps a trusted helper’s session a short, calm note without scam advice', () => {
    render(<WarningPage view={warningOf({ cause: 'trusted-session' })} api={createFakeApi({})} onDone={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Someone your family trusts is connected with TeamViewer.');
    expect(document.body.textContent).not.toContain('scam');
    expect(document.body.textContent).not.toContain('Action Fraud');
  });

  it('notes a shared screen calmly, with what to do if a caller asked for it', () => {
    render(
      <WarningPage
        view={warningOf({ cause: 'screen-sharing', tool: { toolId: 'google-meet', name: 'Google Meet', description: 'Google Meet is a website for video calls.' } })}
        api={createFakeApi({})}
        onDone={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Your screen is being shared.');
    expect(document.body.textContent).toContain('Google Meet is showing your screen to the other people in a call.');
    expect(document.body.textContent).toContain('If someone who called you asked you to share your screen, it may be a scam.');
    expect(document.body.textContent).toContain('Never open your bank while your screen is being shared.');
  });

  it('opens a reporting site only through openExternalLink, with the allow-listed address', async () => {
    const user = userEvent.setup();
    const opened: string[] = [];
    const api = createFakeApi({
      openExternalLink: async ({ url }) => {
        opened.push(url);
        return { opened: true };
      },
    });
    render(<WarningPage view={warningOf()} api={api} onDone={() => {}} />);
    await user.click(screen.getByRole('link', { name: 'actionfraud.police.uk' }));
    expect(opened).toEqual(['https://www.actionfraud.police.uk/']);
    expect(window.location.href).not.toContain('actionfraud');
  });

  it('"I understand" calls only onDone', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(<WarningPage view={warningOf()} api={createFakeApi({})} onDone={onDone} />);
    await user.click(screen.getByRole('button', { name: 'I understand' }));
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});

describe('WorriedPage', () => {
  it('shows the UK advice and the trusted-number advice before setup (no region, no contact yet)', async () => {
    render(<WorriedPage api={createFakeApi({ getStatus: async () => statusOf() })} onDone={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Worried about a call?');
    expect(await screen.findByRole('heading', { name: 'Want to check with someone?' })).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    expect(text).toContain('It is fine to hang up.');
    expect(text).toContain('0300 123 2040');
    expect(text).toContain('Never use a number the caller gives you.');
    expect(text).not.toMatch(blamingWords);
  });

  it('still shows the advice when the status cannot be read', async () => {
    render(<WorriedPage api={createFakeApi({ getStatus: () => Promise.reject(new Error('lost')) })} onDone={() => {}} />);
    await act(async () => {});
    expect(screen.getByText('0300 123 2040')).toHaveClass('phone');
    expect(screen.getByRole('heading', { name: 'Want to check with someone?' })).toBeInTheDocument();
  });
});
