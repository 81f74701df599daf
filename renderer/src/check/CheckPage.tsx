// "Check this computer": every remote-access program installed here, in plain words, with the step that removes each one
// that is not trusted. It only shows what the main process found and sends back the person's choice with the PIN; the
// main process checks again, decides, journals and tells the family.
import { useEffect, useState } from 'react';
import type { PauseGuardApi } from '../../../shared/api';
import { dateWords } from '../../../shared/dateWords';
import type { CheckView, InstalledProgram } from '../../../shared/installedCheck';
import { CleanupStepBox } from './CleanupStepBox';
import './check.css';

type Loaded = { kind: 'loading' } | { kind: 'ready'; view: CheckView } | { kind: 'failed'; reason: string };

export function CheckPage({ api, onDone }: { api: PauseGuardApi; onDone: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    api.checkComputer(undefined).then(
      (view) => current && setLoaded({ kind: 'ready', view }),
      (error: unknown) => current && setLoaded({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, round]);

  const view = loaded.kind === 'ready' ? loaded.view : null;
  const untrusted = view?.report.programs.filter((p) => !p.trusted) ?? [];
  return (
    <main className="page check-page" aria-labelledby="page-heading" aria-busy={loaded.kind === 'loading'}>
      <div aria-live="polite">
        <p className="check-kicker">Check this computer</p>
        <h1 id="page-heading" tabIndex={-1}>
          {headline(loaded, untrusted.length)}
        </h1>
        {view && <p className="lead">{leadLine(view, untrusted.length)}</p>}
        {loaded.kind === 'failed' && <p>{loaded.reason}</p>}
      </div>

      {view?.report.programs.map((program) => (
        <ProgramCard key={program.toolId} program={program} view={view} api={api} onChanged={() => setRound((n) => n + 1)} />
      ))}

      {view && view.report.problems.length > 0 && (
        <section aria-labelledby="check-problems">
          <h2 id="check-problems">Places Pause Guard could not look at</h2>
          <p>Everything else was checked. A family helper may want to look at these.</p>
          <ul className="check-problems">
            {view.report.problems.map((problem) => (
              <li key={problem.where}>{problem.message}</li>
            ))}
          </ul>
        </section>
      )}

      <div className="page-actions">
        <button type="button" className="button primary" onClick={onDone}>
          Back to the status page
        </button>
        {view && (
          <button type="button" className="button quiet" onClick={() => setRound((n) => n + 1)}>
            Check again
          </button>
        )}
      </div>
    </main>
  );
}

function headline(loaded: Loaded, untrusted: number): string {
  if (loaded.kind === 'loading') return 'Looking at this computer…';
  if (loaded.kind === 'failed') return 'This computer could not be checked right now.';
  if (loaded.view.report.programs.length === 0 && loaded.view.report.problems.length > 0) return 'No remote-access programs were found in the places that could be checked.';
  if (loaded.view.report.programs.length === 0) return 'No remote-access programs are installed on this computer.';
  if (untrusted === 0) return 'Only programs your family trusts are installed.';
  return untrusted === 1 ? 'One program here lets someone control this computer.' : `${untrusted} programs here let someone control this computer.`;
}

function leadLine(view: CheckView, untrusted: number): string {
  if (view.report.programs.length === 0 && view.report.problems.length > 0) return 'Some places could not be looked at: they are listed below for a family helper.';
  if (view.report.programs.length === 0) return 'Nobody can use one to get back in. You do not need to do anything.';
  if (untrusted === 0) return 'Nothing needs to be removed.';
  return 'A caller who got in may have left one behind, to come back later. If you did not put it there yourself, remove it with the steps below. Your family is told about each step.';
}

function ProgramCard({ program, view, api, onChanged }: { program: InstalledProgram; view: CheckView; api: PauseGuardApi; onChanged: () => void }) {
  const headingId = `program-${program.toolId}`;
  const words = dateWords(view.region);
  const starts = program.places.flatMap((p) => (p.startsByItself ? [p.startsByItself] : []));
  return (
    <section className={`check-program${program.trusted ? ' check-trusted' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {program.name}
        {program.trusted && <span className="check-badge"> · trusted by your family</span>}
      </h2>
      <p>{program.description}</p>
      <dl className="check-facts">
        <dt>Installed</dt>
        <dd>{program.installedAt ? words.day(program.installedAt) : 'Not known'}</dd>
        <dt>Starts by itself</dt>
        <dd>{starts.length > 0 ? `Yes: it ${[...new Set(starts)].join('; it ')}.` : 'No'}</dd>
        {program.unattended !== null && (
          <>
            <dt>Can be used with nobody here</dt>
            <dd>{program.unattended ? 'Yes: it has a password that lets someone connect without you accepting.' : 'No'}</dd>
          </>
        )}
        <dt>Running now</dt>
        <dd>{program.running ? 'Yes' : 'No'}</dd>
      </dl>
      <details className="check-places">
        <summary>Where Pause Guard found it</summary>
        <ul>
          {program.places.map((place) => (
            <li key={`${place.kind}:${place.where}:${place.what}`}>
              {place.what}
              <br />
              <code>{place.where}</code>
            </li>
          ))}
        </ul>
      </details>
      {program.trusted ? (
        <p>Your family trusts this program, so Pause Guard does not offer to remove it.</p>
      ) : (
        program.steps.map((step) => <CleanupStepBox key={step.id} step={step} program={program} view={view} api={api} onChanged={onChanged} />)
      )}
    </section>
  );
}
