// The PIN page the tray opens for pausing protection or quitting: what will happen, "Cancel — keep protection on" first
// and focused, then the family PIN (or the shown word when no PIN is set). The main process decides; this only asks.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { ChoiceResult, ProtectedActionPrompt } from '../../../shared/interruption';
import { dateWords } from '../../../shared/dateWords';
import type { Region } from '../../../shared/settings';
import { pauseEnd, wordsFor } from './protectedActionWords';
import './protectedAction.css';

type Done = { action: 'pause'; until: Date } | { action: 'quit' };

export function ProtectedActionPage({ prompt, api, onDone }: { prompt: ProtectedActionPrompt; api: PauseGuardApi; onDone: () => void }) {
  const [done, setDone] = useState<Done | null>(null);
  if (done?.action === 'pause') return <PausedNotice until={done.until} region={prompt.region} onDone={onDone} />;
  if (done?.action === 'quit') {
    return (
      <main className="page calm-page" aria-labelledby="page-heading">
        <h1 id="page-heading" tabIndex={-1}>
          Pause Guard is closing.
        </h1>
      </main>
    );
  }
  return <Asking prompt={prompt} api={api} onCancel={onDone} onAllowed={setDone} />;
}

interface AskingProps {
  prompt: ProtectedActionPrompt;
  api: PauseGuardApi;
  onCancel: () => void;
  onAllowed: (done: Done) => void;
}

function Asking({ prompt, api, onCancel, onAllowed }: AskingProps) {
  const { request, pinRequired, confirmationWord, region } = prompt;
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChoiceResult | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const whyId = useId();
  const messageId = useId();
  const words = wordsFor(request, new Date(), region);

  useEffect(() => {
    // The safe choice has the focus, so Enter or Space alone never switches protection off.
    cancel.current?.focus({ preventScroll: true });
  }, [request]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secret.trim() === '') return;
    setBusy(true);
    let answer: ChoiceResult;
    try {
      answer = await api.confirmProtectedAction({ request, secret });
    } catch (error) {
      answer = { ok: false, message: error instanceof Error ? error.message : String(error), lockedUntil: null };
    }
    setBusy(false);
    setSecret('');
    if (answer.ok) {
      onAllowed(request.action === 'pause' ? { action: 'pause', until: pauseEnd(request.hours, new Date()) } : { action: 'quit' });
      return;
    }
    setResult(answer);
    input.current?.focus();
  };

  const failed = result !== null && !result.ok;
  return (
    <main className="page calm-page" aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {words.question}
      </h1>
      <p className="lead">{words.outcome}</p>
      <p>If someone on the phone asked you to do this, it may be a scam. Choose “Cancel” and hang up.</p>
      <div className="page-actions">
        <button ref={cancel} type="button" className="button primary" onClick={onCancel}>
          Cancel — keep protection on
        </button>
      </div>
      <form className="go-ahead" onSubmit={(event) => void submit(event)} aria-labelledby={`${inputId}-heading`}>
        <h2 id={`${inputId}-heading`}>To go ahead</h2>
        <p id={whyId}>
          {pinRequired
            ? 'This needs the family PIN. Your family set it so that nobody else can switch protection off.'
            : `Type the word ${confirmationWord}. It is there so that someone controlling this computer from far away cannot do this with a single click.`}
        </p>
        <label htmlFor={inputId}>{pinRequired ? 'Family PIN' : `Type the word “${confirmationWord}”`}</label>
        <input
          id={inputId}
          ref={input}
          type={pinRequired ? 'password' : 'text'}
          inputMode={pinRequired ? 'numeric' : 'text'}
          autoComplete="off"
          autoCapitalize={pinRequired ? 'off' : 'characters'}
          spellCheck={false}
          maxLength={pinRequired ? 8 : 32}
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
          aria-invalid={failed}
          aria-describedby={failed ? `${whyId} ${messageId}` : whyId}
        />
        <div role="alert" id={messageId}>
          {failed && (
            <p className="choice-message">
              {result.message ?? 'That did not work. Please try again.'}
              {result.lockedUntil !== null && ` You can try again at ${dateWords(region).clock(result.lockedUntil)}.`}
            </p>
          )}
        </div>
        <button type="submit" className="button quiet" disabled={busy || secret.trim() === ''} aria-busy={busy}>
          {busy ? 'Checking…' : words.confirmLabel}
        </button>
      </form>
    </main>
  );
}

function PausedNotice({ until, region, onDone }: { until: Date; region: Region; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="page calm-page" aria-labelledby="page-heading">
      <h1 id="page-heading" ref={heading} tabIndex={-1}>
        Protection is paused until {dateWords(region).clock(until)}.
      </h1>
      <p>It comes back on by itself.</p>
      <div className="page-actions">
        <button type="button" className="button primary" onClick={onDone}>
          Back to the status page
        </button>
      </div>
    </main>
  );
}
