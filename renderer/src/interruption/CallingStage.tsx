// After "Call <contact> first": the contact's name and number very large, the next steps, and the choices again.
import type { PauseGuardApi } from '../../../shared/api';
import type { InterruptionView } from '../../../shared/interruption';
import { NextSteps } from '../advice/AdviceSection';
import { CarryOnForm } from './CarryOnForm';
import { ContactCard } from '../advice/ContactCard';
import { Countdown } from './Countdown';
import { EndItButton } from './ChoiceButton';

export function CallingStage({ view, api }: { view: InterruptionView; api: PauseGuardApi }) {
  const name = view.contact?.name ?? 'someone you trust';
  return (
    <>
      <header className="alert-header calm">
        <h1 id="page-heading" tabIndex={-1}>
          Hang up, then call {name}.
        </h1>
      </header>
      <div className="alert-body">
        <section aria-label={`Call ${name}`}>
          <ContactCard contact={view.contact} />
          <p>Hang up the call you are on first. Scammers can stay on the line, so use a different phone if you have one.</p>
        </section>
        <section className="choices" aria-label="Your choices">
          <EndItButton view={view} api={api} />
          <Countdown view={view} />
          <CarryOnForm view={view} api={api} />
        </section>
      </div>
      <section className="single-column after-choices" aria-labelledby="steps-heading">
        <h2 id="steps-heading">What to do now</h2>
        <NextSteps region={view.region} contactName={view.contact?.name ?? null} />
      </section>
    </>
  );
}
