// One choice on the interruption ("End it", "Call <contact> first"): sends it to the main process, which does it,
// and shows the main process's plain sentence when it could not be done.
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { InterruptionView } from '../../../shared/interruption';
import type { Choice } from '../../../shared/journal';

export interface ChoiceButtonProps {
  view: InterruptionView;
  api: PauseGuardApi;
  choice: Exclude<Choice, 'started-it-myself'>;
  label: string;
  busyLabel: string;
  /** A short line under the button saying what it does. */
  help: string;
  className: string;
  /** Takes the keyboard focus when the page (or a new interruption) appears. */
  focusFirst?: boolean;
}

export function ChoiceButton({ view, api, choice, label, busyLabel, help, className, focusFirst = false }: ChoiceButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const helpId = useId();

  useLayoutEffect(() => {
    // In the same commit as the page, before App's heading focus looks for it. No scrolling: at 200% zoom the headline must stay in view above the button.
    if (focusFirst) button.current?.focus({ preventScroll: true });
  }, [focusFirst, view.id, view.stage]);

  const choose = async () => {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await api.choose({ id: view.id, choice });
      if (!result.ok) setMessage(result.message ?? 'That did not work. Please try again.');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="choice">
      <button ref={button} type="button" className={`button ${className}`} onClick={() => void choose()} aria-describedby={helpId} aria-busy={busy}>
        {busy ? busyLabel : label}
      </button>
      <p id={helpId} className="button-help">
        {help}
      </p>
      {message !== null && (
        <p role="alert" className="choice-message">
          {message}
        </p>
      )}
    </div>
  );
}

export function EndItButton({ view, api }: { view: InterruptionView; api: PauseGuardApi }) {
  return (
    <ChoiceButton
      view={view}
      api={api}
      choice="end-it"
      label="End it"
      busyLabel="Ending it…"
      help={`Closes ${view.tool.name} now.`}
      className="primary end-it"
      focusFirst
    />
  );
}
