// After "End it", once the tool was closed and stayed closed: say so, say to hang up, give the next steps in order, then
// let the page close; closing it opens "Check this computer" (the main process sends the page). No blame. Closing is the main process's decision too: it refuses unless the tool stayed gone.
import { useState, type ReactNode } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import { reassurance } from '../../../shared/advice';
import type { InterruptionView } from '../../../shared/interruption';
import { AdviceSection, NextSteps } from '../advice/AdviceSection';

export function EndedStage({ view, api, readAloud }: { view: InterruptionView; api: PauseGuardApi; readAloud: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const close = async () => {
    setMessage(null);
    try {
      const result = await api.closeInterruption({ id: view.id });
      if (!result.ok) setMessage(result.message ?? 'This page cannot be closed yet.');
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };
  const contactName = view.contact?.name ?? null;
  return (
    <>
      <header className="alert-header done">
        <h1 id="page-heading" tabIndex={-1}>
          Done. Now hang up the phone.
        </h1>
      </header>
      <div className="single-column after-choices">
        <p className="lead">Pause Guard has closed {view.tool.name}, and it has stayed closed.</p>
        <p>{reassurance}</p>
        <p>When you close this page, Pause Guard will check this computer for anything the caller left behind to come back later.</p>
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">What to do now</h2>
          <NextSteps region={view.region} contactName={contactName} />
        </section>
        <div className="page-actions">
          <button type="button" className="button primary" onClick={() => void close()}>
            Close this page
          </button>
          {readAloud}
        </div>
        {message !== null && (
          <p role="alert" className="choice-message">
            {message}
          </p>
        )}
        <AdviceSection region={view.region} contactName={contactName} withSteps={false} />
      </div>
    </>
  );
}
