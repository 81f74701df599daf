// One clean-up step on "Check this computer": what it will do in one sentence, the uninstall command or the words for the
// family helper shown first, then the family PIN (or the shown word) to go ahead, and one more yes when the program is
// running right now. The main process checks and decides; this only asks and shows the answer.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { CheckView, CleanupOutcome, CleanupStep, InstalledProgram } from '../../../shared/installedCheck';

interface Props {
  step: CleanupStep;
  program: InstalledProgram;
  view: CheckView;
  api: PauseGuardApi;
  onChanged: () => void;
}

const ACTION_LABELS: Record<CleanupStep['kind'], string> = {
  'open-uninstaller': 'Open the uninstaller',
  'hide-autostart': 'Stop it starting by itself',
  'disable-user-unit': 'Stop it starting by itself',
  'disable-startup-entry': 'Stop it starting by itself',
  'tell-helper': 'Tell your family you need help with this',
};

export function CleanupStepBox({ step, program, view, api, onChanged }: Props) {
  const [asking, setAsking] = useState(false);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CleanupOutcome | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const messageId = useId();

  const send = async (runningConfirmed: boolean) => {
    if (busy || secret.trim() === '') return;
    setBusy(true);
    let answer: CleanupOutcome;
    try {
      answer = await api.cleanUpStep({ stepId: step.id, secret, runningConfirmed });
    } catch (error) {
      answer = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    setBusy(false);
    setOutcome(answer);
    if (answer.status === 'done' || answer.status === 'failed') {
      setSecret('');
      setAsking(false);
    } else if (answer.status === 'refused') {
      setSecret('');
      input.current?.focus();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <div className="check-step">
      <p className="check-step-says">{step.says}</p>
      {step.command && (
        <p>
          It runs: <code className="check-command">{step.command}</code>
        </p>
      )}
      {step.words && <blockquote className="check-words">{step.words}</blockquote>}
      {!asking && outcome?.status !== 'done' && (
        <button type="button" className="button quiet" onClick={() => setAsking(true)}>
          {ACTION_LABELS[step.kind]}…
        </button>
      )}
      {asking && (
        <form className="go-ahead" onSubmit={submit} aria-label={`${ACTION_LABELS[step.kind]}: ${program.name}`}>
          <label htmlFor={inputId}>{view.pinRequired ? 'Family PIN' : `Type the word “${view.confirmationWord}”`}</label>
          <input
            id={inputId}
            ref={input}
            autoFocus
            type={view.pinRequired ? 'password' : 'text'}
            inputMode={view.pinRequired ? 'numeric' : 'text'}
            autoComplete="off"
            spellCheck={false}
            maxLength={view.pinRequired ? 8 : 32}
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            aria-invalid={outcome?.status === 'refused'}
            aria-describedby={outcome ? messageId : undefined}
          />
          <div className="page-actions">
            <button type="submit" className="button primary" disabled={busy || secret.trim() === ''} aria-busy={busy}>
              {busy ? 'Checking…' : 'Go ahead'}
            </button>
            <button type="button" className="button quiet" onClick={() => { setAsking(false); setSecret(''); setOutcome(null); }}>
              Cancel
            </button>
          </div>
          {outcome?.status === 'confirm-running' && (
            <button type="button" className="button quiet" onClick={() => void send(true)} disabled={busy}>
              Yes, go ahead even though it is running
            </button>
          )}
        </form>
      )}
      <div role="status" id={messageId}>
        {outcome && <p className={`check-outcome check-${outcome.status}`}>{outcome.message}</p>}
      </div>
      {outcome?.status === 'done' && (
        <button type="button" className="button quiet" onClick={onChanged}>
          Check this computer again
        </button>
      )}
    </div>
  );
}
