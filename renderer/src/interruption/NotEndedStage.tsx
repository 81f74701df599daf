// After "End it" when the program could not be closed (it was refused, came straight back, or there was nothing to
// close): say so plainly, give the steps that cut the other person off whatever the program, and keep the cover.
// It never says the program was closed; only the countdown and the family PIN take this page away.
import type { PauseGuardApi } from '../../../shared/api';
import type { InterruptionView } from '../../../shared/interruption';
import { ContactCard } from '../advice/ContactCard';
import { CarryOnForm } from './CarryOnForm';
import { Countdown } from './Countdown';
import { cutOffSteps, stayingSentence, whyNotEnded } from './notEndedWords';

export function NotEndedStage({ view, api }: { view: InterruptionView; api: PauseGuardApi }) {
  return (
    <>
      <header className="alert-header">
        <h1 id="page-heading" tabIndex={-1}>
          Hang up the phone now.
        </h1>
      </header>
      <div className="alert-body">
        <section aria-labelledby="not-ended-heading">
          <h2 id="not-ended-heading">Pause Guard could not close {view.tool.name}</h2>
          <p className="lead">{whyNotEnded(view)}</p>
          <ol className="steps">
            {cutOffSteps(view).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
        <section className="choices after-steps" aria-label="Who to call">
          <ContactCard contact={view.contact} />
          <p>{stayingSentence(view)}</p>
          <Countdown view={view} />
          <CarryOnForm view={view} api={api} />
        </section>
      </div>
    </>
  );
}
