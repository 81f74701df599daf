// The pause-and-check stage: the headline, what happened, the countdown and the three choices. "End it" comes first.
import type { PauseGuardApi } from '../../../shared/api';
import { hangingUpIsFine, neverTheCallersNumber, reassurance } from '../../../shared/advice';
import type { InterruptionView } from '../../../shared/interruption';
import { AdviceSection } from '../advice/AdviceSection';
import { CarryOnForm } from './CarryOnForm';
import { ChoiceButton, EndItButton } from './ChoiceButton';
import { Countdown } from './Countdown';
import { headlineOf, suspensionSentence, whatHappened } from './whatHappened';

export function PauseStage({ view, api }: { view: InterruptionView; api: PauseGuardApi }) {
  const suspension = suspensionSentence(view);
  return (
    <>
      <header className="alert-header">
        <h1 id="page-heading" tabIndex={-1}>
          {headlineOf(view)}
        </h1>
      </header>
      <div className="alert-body">
        <section className="what-happened" aria-label="What happened">
          {whatHappened(view).map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {suspension !== null && <p className={`suspension suspension-${view.suspension}`}>{suspension}</p>}
          <p className="reassurance">{reassurance}</p>
          <p>{hangingUpIsFine}</p>
        </section>

        <section className="choices" aria-label="Your choices">
          <EndItButton view={view} api={api} />
          {view.contact !== null ? (
            <ChoiceButton
              view={view}
              api={api}
              choice="call-contact"
              label={`Call ${view.contact.name} first`}
              busyLabel="Just a moment…"
              help={`Shows ${view.contact.name}’s number and lets them know you need help.`}
              className="secondary"
            />
          ) : (
            <p className="no-contact">{neverTheCallersNumber}</p>
          )}
          <Countdown view={view} />
          <CarryOnForm view={view} api={api} />
        </section>
      </div>
      <div className="after-choices">
        <AdviceSection region={view.region} contactName={view.contact?.name ?? null} />
      </div>
    </>
  );
}
