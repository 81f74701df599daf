// The weekly safety summary for the person at the PC: the same words and seven-day chart as the family's email, in the
// same order (what happened, then protection), large, with the previous and next week a button away, and "Check this
// computer" a button away when a remote-access program was installed that week. It only shows what the main process computed from the journal.
import { useEffect, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import type { WeeklySummary } from '../../../shared/summary';
import { describeSummary } from '../../../shared/summaryWords';
import { neighbourWeek } from './weekSteps';
import { WeekChart } from './WeekChart';
import './summary.css';

type Loaded = { kind: 'loading' } | { kind: 'ready'; summary: WeeklySummary } | { kind: 'failed'; reason: string };

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function SummaryPage({ api, onDone, onOpenCheck }: { api: PauseGuardApi; onDone: () => void; onOpenCheck: () => void }) {
  const [week, setWeek] = useState<string | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  /** While another week is on its way, the one shown stays (and keeps the focus on the button pressed). */
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let current = true;
    api.getWeeklySummary(week === undefined ? {} : { week }).then(
      (summary) => current && setLoaded({ kind: 'ready', summary }),
      (error: unknown) => current && setLoaded({ kind: 'failed', reason: reasonOf(error) }),
    ).finally(() => current && setPending(false));
    return () => {
      current = false;
    };
  }, [api, week]);

  const showWeek = (next: string): void => {
    if (pending) return;
    setPending(true);
    setWeek(next);
  };

  const summary = loaded.kind === 'ready' ? loaded.summary : null;
  const report = summary ? describeSummary(summary) : null;
  const latest = summary !== null && summary.measuredUntil !== summary.to; // the week still running: no next one yet
  const look = report?.headline === 'All quiet this week' ? 'summary-quiet' : '';
  // One heading element in every state, so the focus the app gives it stays when the summary arrives.
  return (
    <main className={`page summary-page ${look}`} aria-labelledby="page-heading" aria-busy={loaded.kind === 'loading' || pending}>
      <div aria-live="polite">
        <p className="summary-kicker">Weekly summary{report ? ` · ${report.weekName}` : ''}</p>
        <h1 id="page-heading" tabIndex={-1}>
          {report?.headline ?? (loaded.kind === 'failed' ? 'The weekly summary cannot be shown right now.' : 'Getting the weekly summary…')}
        </h1>
        {report && <p className="summary-dates">{report.dates}</p>}
        {loaded.kind === 'failed' && <p>{loaded.reason}</p>}
      </div>
      {summary && report && (
        <>
          <nav className="summary-weeks" aria-label="Other weeks">
            <button type="button" className="button quiet" onClick={() => showWeek(neighbourWeek(summary.week, -1))}>
              <span aria-hidden="true">←</span> Week before
            </button>
            <button type="button" className="button quiet" disabled={latest} onClick={() => showWeek(neighbourWeek(summary.week, 1))}>
              Week after <span aria-hidden="true">→</span>
            </button>
          </nav>

          {report.quietLine && <p className="summary-quiet-line">{report.quietLine}</p>}

          {report.sections.map((section, index) => (
            <section key={section.heading} aria-labelledby={`summary-section-${index}`}>
              <h2 id={`summary-section-${index}`}>{section.heading}</h2>
              <ul>
                {section.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </section>
          ))}

          <section aria-labelledby="protection-heading">
            <h2 id="protection-heading">Protection</h2>
            <p>{report.protection}</p>
            <WeekChart days={report.days} />
            {report.gaps.length > 0 && (
              <>
                <h3>Times it was off</h3>
                <ul>
                  {report.gaps.map((gap) => (
                    <li key={gap}>{gap}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}

      <div className="page-actions">
        {summary !== null && summary.installed.length > 0 && (
          <button type="button" className="button primary" onClick={onOpenCheck}>
            Check this computer
          </button>
        )}
        <button type="button" className={summary !== null && summary.installed.length > 0 ? 'button quiet' : 'button primary'} onClick={onDone}>
          Close this page
        </button>
      </div>
    </main>
  );
}
