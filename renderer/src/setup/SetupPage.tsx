// The setup window's page: asks the main process what to show; asks for the family PIN first once one is set, then runs
// the steps; says plainly when it cannot.
import { useEffect, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { SetupLockedView, SetupView } from '../../../shared/setup';
import { SetupPinPage } from './SetupPinPage';
import { SetupWizard } from './SetupWizard';
import './setup.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'locked'; locked: SetupLockedView }
  | { kind: 'ready'; view: SetupView; pin: string }
  | { kind: 'unavailable'; reason: string };

const problem = (error: unknown): Loaded => ({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) });

export function SetupPage({ api, onDone }: { api: PauseGuardApi; onDone?: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api.getSetup(undefined).then(
      (view) => live && setLoaded(view.locked ? { kind: 'locked', locked: view } : { kind: 'ready', view, pin: '' }),
      (error: unknown) => live && setLoaded(problem(error)),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (loaded.kind === 'loading') {
    return (
      <main className="page">
        <p role="status" className="loading">
          Opening the setup…
        </p>
      </main>
    );
  }
  if (loaded.kind === 'unavailable') {
    return (
      <main className="page">
        <h1>The setup cannot open right now.</h1>
        <p>{loaded.reason}</p>
      </main>
    );
  }
  if (loaded.kind === 'locked') {
    const open = async (pin: string) => {
      try {
        const view = await api.getSetup({ pin });
        setLoaded(view.locked ? { kind: 'locked', locked: view } : { kind: 'ready', view, pin });
      } catch (error) {
        setLoaded(problem(error));
      }
    };
    return <SetupPinPage locked={loaded.locked} onPin={open} />;
  }
  return <SetupWizard api={api} initialView={loaded.view} pin={loaded.pin} {...(onDone ? { onDone } : {})} />;
}
