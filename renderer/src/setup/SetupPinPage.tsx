// The setup window's first page once a family PIN is set: the PIN, before any setting is shown. Whom to call is shown
// to anyone, since the person at the PC may need it; the main process checks the PIN and decides what is shown.
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { SetupLockedView } from '../../../shared/setup';
import { fieldId } from './setupForm';
import { TextField } from './TextField';

const UNLOCK_FIELD = 'unlockPin';

interface SetupPinPageProps {
  locked: SetupLockedView;
  /** Asks the main process to open the settings with this PIN; resolves once it has answered. */
  onPin: (pin: string) => Promise<void>;
}

export function SetupPinPage({ locked, onPin }: SetupPinPageProps) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const contact = locked.contact;

  useLayoutEffect(() => {
    if (locked.message === null) heading.current?.focus();
    else document.getElementById(fieldId(UNLOCK_FIELD))?.focus();
  }, [locked]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || pin === '') return;
    setBusy(true);
    await onPin(pin);
    setBusy(false);
    setPin('');
  };

  return (
    <main className="page setup">
      <h1 id="page-heading" ref={heading} tabIndex={-1}>
        The family PIN, please
      </h1>
      <p className="lead">These settings are for the family who set up Pause Guard{locked.person ? ` for ${locked.person}` : ''}.</p>
      <p>If someone on the phone asked you to open them, it may be a scam. Close this window and hang up.</p>
      {contact && (
        <p>
          Not sure? Call {contact.name}
          {contact.phone ? ` on ${contact.phone}` : ''}.
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          field={UNLOCK_FIELD}
          label="Family PIN"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={8}
          value={pin}
          onChange={setPin}
          error={locked.message ?? undefined}
        />
        <div className="wizard-buttons">
          <button type="submit" disabled={busy || pin === ''} aria-busy={busy}>
            {busy ? 'Checking…' : 'Open the settings'}
          </button>
        </div>
      </form>
    </main>
  );
}
