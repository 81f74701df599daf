// "I started this myself": offered only once the main process says the countdown is over; asks for the family PIN,
// or the typed confirmation word when no PIN is set, and shows the main process's answer (wrong PIN, locked until).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { ChoiceResult, InterruptionView } from '../../../shared/interruption';
import { dateWords } from '../../../shared/dateWords';

export function CarryOnForm({ view, api }: { view: InterruptionView; api: PauseGuardApi }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ChoiceResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const messageId = useId();

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  if (!view.canCarryOn) return null;
  if (!open) {
    return (
      <button type="button" className="button quiet" onClick={() => setOpen(true)}>
        I started this myself
      </button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      setResult(await api.choose({ id: view.id, choice: 'started-it-myself', secret }));
    } catch (error) {
      setResult({ ok: false, message: error instanceof Error ? error.message : String(error), lockedUntil: null });
    } finally {
      setBusy(false);
      setSecret('');
    }
  };

  const label = view.pinRequired ? 'Family PIN' : `Type the word “${view.confirmationWord}” to carry on`;
  const failed = result !== null && !result.ok;
  return (
    <form className="carry-on" onSubmit={submit} aria-labelledby={`${inputId}-heading`} data-unread>
      <h2 id={`${inputId}-heading`}>I started this myself</h2>
      <p>
        {view.pinRequired
          ? 'Only carry on if you, or your family, started this. Please type the family PIN.'
          : 'Only carry on if you, or your family, started this.'}
      </p>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={input}
        type={view.pinRequired ? 'password' : 'text'}
        inputMode={view.pinRequired ? 'numeric' : 'text'}
        autoComplete="off"
        spellCheck={false}
        maxLength={32}
        value={secret}
        onChange={(event) => setSecret(event.target.value)}
        aria-invalid={failed}
        aria-describedby={failed ? messageId : undefined}
      />
      {failed && (
        <p id={messageId} role="alert" className="choice-message">
          {result.message ?? 'That did not work. Please try again.'}
          {result.lockedUntil !== null && ` You can try again at ${dateWords(view.region).clock(result.lockedUntil)}.`}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="button" disabled={busy || secret.trim() === ''}>
          Carry on
        </button>
        <button type="button" className="button quiet" onClick={() => setOpen(false)}>
          Go back
        </button>
      </div>
    </form>
  );
}
