// While "End it" runs: the tool is being closed and Pause Guard checks that it stays closed. Nothing to choose here;
// the main process moves on to Done, or to "could not close", by itself in a few seconds.
import type { InterruptionView } from '../../../shared/interruption';

export function EndingStage({ view }: { view: InterruptionView }) {
  return (
    <>
      <header className="alert-header calm">
        <h1 id="page-heading" tabIndex={-1}>
          Closing {view.tool.name}…
        </h1>
      </header>
      <div className="single-column after-choices">
        <p className="lead" role="status">
          Pause Guard is closing {view.tool.name} and checking that it stays closed. This takes a few seconds.
        </p>
        <p>You can hang up the phone now. You do not need to explain anything to the caller.</p>
      </div>
    </>
  );
}
