// The full-screen pause-and-check page, in whichever stage the main process says it is in. There is no way to dismiss
// it from here but the choices: Escape does nothing, and the renderer never decides when carrying on is allowed.
import { useEffect, useRef } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { InterruptionView } from '../../../shared/interruption';
import { ReadAloudButton } from '../advice/ReadAloudButton';
import { CallingStage } from './CallingStage';
import { EndedStage } from './EndedStage';
import { EndingStage } from './EndingStage';
import { NotEndedStage } from './NotEndedStage';
import { PauseStage } from './PauseStage';
import './interruption.css';

export function InterruptionPage({ view, api }: { view: InterruptionView; api: PauseGuardApi }) {
  const main = useRef<HTMLElement>(null);
  const readAloud = <ReadAloudButton source={main} />;

  useEffect(() => {
    const swallowEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', swallowEscape, { capture: true });
    return () => window.removeEventListener('keydown', swallowEscape, { capture: true });
  }, []);

  return (
    <main ref={main} className={`interruption page-wide level-${view.level} stage-${view.stage}`} aria-labelledby="page-heading">
      {view.stage === 'pause' && <PauseStage view={view} api={api} />}
      {view.stage === 'ending' && <EndingStage view={view} />}
      {view.stage === 'ended' && <EndedStage view={view} api={api} readAloud={readAloud} />}
      {view.stage === 'not-ended' && <NotEndedStage view={view} api={api} />}
      {view.stage === 'calling' && <CallingStage view={view} api={api} />}
      {/* On the Done page it sits beside "Close this page", so both fit on a 1366x768 screen. */}
      {view.stage !== 'ended' && <div className="read-aloud-row">{readAloud}</div>}
    </main>
  );
}
