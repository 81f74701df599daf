// After "End it": the tool is closed; say so, say to hang up, and give the next steps in order. No blame.
import { reassurance } from '../../../shared/advice';
import type { InterruptionView } from '../../../shared/interruption';
import { AdviceSection } from '../advice/AdviceSection';

export function EndedStage({ view }: { view: InterruptionView }) {
  return (
    <>
      <header className="alert-header done">
        <h1 id="page-heading" tabIndex={-1}>
          Done. Now hang up the phone.
        </h1>
      </header>
      <div className="single-column after-choices">
        <p className="lead">Pause Guard has closed {view.tool.name}.</p>
        <p>{reassurance}</p>
        <AdviceSection region={view.region} contactName={view.contact?.name ?? null} />
      </div>
    </>
  );
}
