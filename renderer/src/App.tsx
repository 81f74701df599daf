// The app's one screen for now: the status page, or a plain sentence when the page has no way to reach Pause Guard.
import type { PauseGuardApi } from '../../shared/api';
import { StatusPage } from './status/StatusPage';

export function App({ api }: { api: PauseGuardApi | null }) {
  if (!api) {
    return (
      <main className="page">
        <h1>This window cannot reach Pause Guard.</h1>
        <p>Please close it and open Pause Guard again.</p>
      </main>
    );
  }
  return <StatusPage api={api} />;
}
