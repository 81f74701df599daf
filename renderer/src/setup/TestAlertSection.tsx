// The test alert: sends one on every saved channel and shows, channel by channel, whether it went and why not.
import { useRef, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { AlertChannel } from '../../../shared/events';
import type { TestAlertResult } from '../../../shared/setup';

const CHANNEL_NAMES: Record<AlertChannel, string> = { ntfy: 'Phone app (ntfy)', email: 'Email', webhook: 'Webhook' };

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; results: TestAlertResult['results'] }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string };

export function TestAlertSection({ api, contactName }: { api: PauseGuardApi; contactName: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const results = useRef<HTMLDivElement>(null);
  const send = async () => {
    setState({ kind: 'sending' });
    try {
      const answer = await api.sendTestAlert(undefined);
      setState(answer.refused ? { kind: 'refused', message: answer.refused } : { kind: 'done', results: answer.results });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
    results.current?.focus();
  };
  return (
    <section aria-labelledby="test-alert-heading" className="test-alert">
      <h2 id="test-alert-heading">Test alert</h2>
      <p>Sends a test message to {contactName} on every way you chose, to check that it arrives.</p>
      <button type="button" onClick={() => void send()} disabled={state.kind === 'sending'}>
        {state.kind === 'sending' ? 'Sending…' : 'Send a test alert'}
      </button>
      <div ref={results} tabIndex={-1} role="status" className="test-results">
        {state.kind === 'failed' && <p>The test alert could not be sent: {state.message}</p>}
        {state.kind === 'refused' && <p>{state.message}</p>}
        {state.kind === 'done' && state.results.length === 0 && <p>No way to reach {contactName} is saved yet.</p>}
        {state.kind === 'done' && state.results.length > 0 && (
          <ul>
            {state.results.map((result) => (
              <li key={`${result.channel}-${result.message}`} className={result.ok ? 'sent' : 'not-sent'}>
                <span aria-hidden="true" className="mark">
                  {result.ok ? '✓' : '✗'}
                </span>{' '}
                <strong>{CHANNEL_NAMES[result.channel]}:</strong> {result.ok ? 'sent. Check that it arrived.' : `not sent. ${reasonOnly(result.message)}`}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The reason without the channel's own name in front ("Email: the server refused…" -> "The server refused…"): the name is already shown. */
function reasonOnly(message: string): string {
  const reason = message.replace(/^[^:]{1,40}:\s+/, '');
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
