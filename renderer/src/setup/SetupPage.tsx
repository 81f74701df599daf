// The setup window's page: asks the main process what to show, then runs the steps; says plainly when it cannot.
import { useEffect, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { SetupView } from '../../../shared/setup';
import { SetupWizard } from './SetupWizard';
import './setup.css';

type Loaded = { kind: 'loading' } | { kind: 'ready'; view: SetupView } | { kind: 'unavailable'; reason: string };

export function SetupPage({ api, onDone }: { api: PauseGuardApi; onDone?: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api.getSetup(undefined).then(
      (view) => live && setLoaded({ kind: 'ready', view }),
      (error: unknown) => live && setLoaded({ kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) }),
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
  return <SetupWizard api={api} initialView={loaded.view} {...(onDone ? { onDone } : {})} />;
}
