// The app's pages: an interruption on screen overrides every other page; the tray's `showPage` and `warning` events
// switch between the others, `protectedAction` opens the PIN page; otherwise the status page. Focus moves to each new
// page's heading (or the page's own first choice), and the title follows.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PauseGuardApi } from '../../shared/api';
import type { InterruptionView, ProtectedActionPrompt, WarningView } from '../../shared/interruption';
import { CheckPage } from './check/CheckPage';
import { InterruptionPage } from './interruption/InterruptionPage';
import { useInterruption } from './interruption/useInterruption';
import { ProtectedActionPage } from './protectedAction/ProtectedActionPage';
import { wordsFor } from './protectedAction/protectedActionWords';
import { SetupPage } from './setup/SetupPage';
import { StatusPage } from './status/StatusPage';
import { SummaryPage } from './summary/SummaryPage';
import { WarningPage } from './warning/WarningPage';
import { WorriedPage } from './worried/WorriedPage';

type Shown =
  | { page: 'status' }
  | { page: 'warning'; view: WarningView }
  | { page: 'worried' }
  | { page: 'setup' }
  | { page: 'summary' }
  | { page: 'check' }
  | { page: 'protectedAction'; prompt: ProtectedActionPrompt };

/** Each page's title (null: the app's name alone); the PIN page's title names the action it asks about. */
const pageTitles: Record<Exclude<Shown['page'], 'protectedAction'>, string | null> = {
  status: null,
  warning: 'What does this mean?',
  worried: 'Worried about a call?',
  setup: 'Set up',
  summary: 'Weekly summary',
  check: 'Check this computer',
};

const stageTitles: Record<InterruptionView['stage'], string> = {
  pause: 'Stop and check',
  ending: 'Closing the program',
  ended: 'Done',
  'not-ended': 'Could not close the program',
  calling: 'Call for help',
};

export function App({ api }: { api: PauseGuardApi | null }) {
  if (!api) {
    return (
      <main className="page">
        <h1>This window cannot reach Pause Guard.</h1>
        <p>Please close it and open Pause Guard again.</p>
      </main>
    );
  }
  return <Pages api={api} />;
}

function Pages({ api }: { api: PauseGuardApi }) {
  const interruption = useInterruption(api);
  const shown = useShownPage(api);
  const title = interruption
    ? stageTitles[interruption.stage]
    : shown.page === 'protectedAction'
      ? wordsFor(shown.prompt.request, new Date(), shown.prompt.region).title
      : pageTitles[shown.page];
  const pageKey = interruption
    ? `interruption:${interruption.id}:${interruption.stage}`
    : shown.page === 'protectedAction'
      ? `protectedAction:${JSON.stringify(shown.prompt.request)}`
      : shown.page;

  // Layout effects: the title and the focus change in the same commit as the page, so nothing reads a stale pair.
  useLayoutEffect(() => {
    document.title = title === null ? 'Pause Guard' : `${title} – Pause Guard`;
  }, [title]);

  useLayoutEffect(() => {
    // A page that chose its own first focus ("End it") keeps it; otherwise a screen reader starts at the heading.
    const heading = document.getElementById('page-heading');
    const active = document.activeElement;
    const pageHasFocus = active !== null && active !== document.body && heading?.closest('main')?.contains(active) === true;
    if (heading && !pageHasFocus) heading.focus();
  }, [pageKey]);

  if (interruption) return <InterruptionPage view={interruption} api={api} />;
  if (shown.page === 'warning') return <WarningPage view={shown.view} api={api} onDone={shown.close} />;
  if (shown.page === 'worried') return <WorriedPage api={api} onDone={shown.close} />;
  if (shown.page === 'setup') return <SetupPage api={api} onDone={shown.close} />;
  if (shown.page === 'summary') return <SummaryPage api={api} onDone={shown.close} onOpenCheck={shown.openCheck} />;
  if (shown.page === 'check') return <CheckPage api={api} onDone={shown.close} />;
  if (shown.page === 'protectedAction') {
    return <ProtectedActionPage key={pageKey} prompt={shown.prompt} api={api} onDone={shown.close} />;
  }
  return <StatusPage api={api} onOpenSetup={shown.openSetup} />;
}

const START_PAGES: Readonly<Record<string, Shown>> = { '#summary': { page: 'summary' }, '#setup': { page: 'setup' }, '#check': { page: 'check' } };

/** The page the tray asked for. "What does this mean?" (showPage 'warning') shows the last warning received. */
function useShownPage(api: PauseGuardApi): Shown & { close: () => void; openSetup: () => void; openCheck: () => void } {
  // A window opened on the summary or the settings alone (the address ends in #summary or #setup) starts there.
  const [shown, setShown] = useState<Shown>(() => START_PAGES[window.location.hash] ?? { page: 'status' });
  const lastWarning = useRef<WarningView | null>(null);
  useEffect(() => {
    const offWarning = api.on('warning', (view) => {
      lastWarning.current = view;
      setShown({ page: 'warning', view });
    });
    const offPage = api.on('showPage', (page) => {
      if (page === 'worried') setShown({ page: 'worried' });
      else if (page === 'setup') setShown({ page: 'setup' });
      else if (page === 'summary') setShown({ page: 'summary' });
      else if (page === 'check') setShown({ page: 'check' });
      else if (page === 'warning' && lastWarning.current) setShown({ page: 'warning', view: lastWarning.current });
      else if (page !== 'interruption') setShown({ page: 'status' });
    });
    const offProtected = api.on('protectedAction', (prompt) => setShown({ page: 'protectedAction', prompt }));
    return () => {
      offWarning();
      offPage();
      offProtected();
    };
  }, [api]);
  return { ...shown, close: () => setShown({ page: 'status' }), openSetup: () => setShown({ page: 'setup' }), openCheck: () => setShown({ page: 'check' }) };
}
