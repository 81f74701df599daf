// The calm tray warning, opened by "What does this mean?": which program started or arrived, what that means, and the
// same advice as the interruption. Its one button only closes this page; it asks nothing of the engine.
import { useRef } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import { hangingUpIsFine } from '../../../shared/advice';
import type { WarningView } from '../../../shared/interruption';
import { AdviceSection } from '../advice/AdviceSection';
import { ReadAloudButton } from '../advice/ReadAloudButton';
import { ContactCard } from '../advice/ContactCard';

function headlineOf(view: WarningView): string {
  if (view.cause === 'installer-downloaded') return `An installer for ${view.tool.name} was downloaded.`;
  if (view.cause === 'trusted-session') return `Someone your family trusts is connected with ${view.tool.name}.`;
  if (view.cause === 'screen-sharing') return 'Your screen is being shared.';
  return `${view.tool.name} has started on this computer.`;
}

function meaningOf(view: WarningView): string[] {
  const { name, description } = view.tool;
  if (view.cause === 'trusted-session') {
    return [description, 'Your family told Pause Guard that this helper is someone they trust, so all is well.'];
  }
  if (view.cause === 'screen-sharing') {
    return [
      `${name} is showing your screen to the other people in a call.`,
      'If you are in a call with people you know, all is well.',
      'If someone who called you asked you to share your screen, it may be a scam. Stop sharing, and hang up.',
      'Never open your bank while your screen is being shared.',
    ];
  }
  const what = view.cause === 'installer-downloaded' ? `The installer puts ${name} on this computer.` : description;
  return [
    what,
    'If you or your family wanted it, all is well.',
    `If someone on the phone asked you to get ${name}, it may be a scam. Hang up, and do not open it.`,
  ];
}

export function WarningPage({ view, api, onDone }: { view: WarningView; api: PauseGuardApi; onDone: () => void }) {
  const main = useRef<HTMLElement>(null);
  const scamPossible = view.cause !== 'trusted-session';
  return (
    <main ref={main} className="page calm-page" aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>
        {headlineOf(view)}
      </h1>
      <section aria-labelledby="meaning-heading">
        <h2 id="meaning-heading">What does this mean?</h2>
        {meaningOf(view).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        {scamPossible && <p>{hangingUpIsFine}</p>}
      </section>
      <div className="page-actions">
        <button type="button" className="button primary" onClick={onDone}>
          I understand
        </button>
        <ReadAloudButton source={main} />
      </div>
      {scamPossible && (
        <>
          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{view.contact ? `Call ${view.contact.name}` : 'Want to check with someone?'}</h2>
            <ContactCard contact={view.contact} />
          </section>
          <AdviceSection
            region={view.region}
            contactName={view.contact?.name ?? null}
            openLink={(url) => void api.openExternalLink({ url })}
            stepsHeading="If a caller asked you to do this"
          />
        </>
      )}
    </main>
  );
}
