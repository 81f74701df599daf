// The status page: is Pause Guard protecting this computer, what is running, and which checks have a problem.
// It only shows what the engine says; it never decides anything.
import type { PauseGuardApi, Status } from '../../../shared/api';
import { dateWords } from '../../../shared/dateWords';
import { RUNNING_TOOL_HEADINGS, STATE_HEADLINES, TIER_CONTROLS } from '../../../shared/statusWords';
import { UpdatesSection } from './UpdatesSection';
import { useLiveStatus } from './useLiveStatus';
import { describeWatcher } from './watcherNames';

export function StatusPage({ api, onOpenSetup }: { api: PauseGuardApi; onOpenSetup?: () => void }) {
  const live = useLiveStatus(api);
  if (live.kind === 'loading') {
    return (
      <main className="page">
        <p role="status" className="loading">
          Checking this computer…
        </p>
      </main>
    );
  }
  if (live.kind === 'unavailable') {
    return (
      <main className="page">
        <h1>Pause Guard cannot show its status right now.</h1>
        <p>{live.reason}</p>
      </main>
    );
  }
  const { status } = live;
  const failed = status.watchers.filter((w) => !w.ok);
  const others = status.toolsRunning.filter((tool) => !TIER_CONTROLS[tool.tier]);
  return (
    <main className="page">
      <section className={`status-card status-${status.state}`} role="status" aria-labelledby="page-heading">
        <StateIcon state={status.state} />
        <div>
          <p className="status-label">{STATE_HEADLINES[status.state]}</p>
          <h1 id="page-heading" tabIndex={-1}>
            {status.summary}
          </h1>
        </div>
      </section>

      {status.setupComplete === false && onOpenSetup && (
        <section aria-labelledby="setup-heading" className="setup-offer">
          <h2 id="setup-heading">Setup is not finished</h2>
          <p>Pause Guard is already protecting this computer. Finish the setup so it can tell the family when something looks wrong.</p>
          <button type="button" onClick={onOpenSetup}>
            Finish setting up
          </button>
        </section>
      )}

      <RunningTools id="tools-heading" heading={RUNNING_TOOL_HEADINGS.control} tools={status.toolsRunning.filter((tool) => TIER_CONTROLS[tool.tier])} />
      {others.length > 0 && <RunningTools id="other-tools-heading" heading={RUNNING_TOOL_HEADINGS.other} tools={others} />}

      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">Pause Guard’s checks</h2>
        {failed.length === 0 ? (
          <p>{status.watchers.length === 1 ? 'The check is working.' : `All ${status.watchers.length} checks are working.`}</p>
        ) : (
          <ul className="problems">
            {failed.map((watcher) => (
              <li key={watcher.name}>
                <strong>{describeWatcher(watcher.name)}</strong> is not working. {watcher.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      {status.updates && <UpdatesSection updates={status.updates} region={status.region} />}

      <p className="since">Watching since {dateWords(status.region).moment(status.since)}.</p>
    </main>
  );
}

function RunningTools({ id, heading, tools }: { id: string; heading: string; tools: Status['toolsRunning'] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {tools.length === 0 ? (
        <p>None are running.</p>
      ) : (
        <>
          <p>These are running now:</p>
          <ul>
            {tools.map((tool) => (
              <li key={tool.pid}>{tool.name}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function StateIcon({ state }: { state: Status['state'] }) {
  const mark =
    state === 'protected' ? <path d="M14 25 l7 7 l13 -15" /> : state === 'paused' ? <path d="M19 15 v18 M29 15 v18" /> : <path d="M24 13 v13 M24 33 v1" />;
  return (
    <svg className="status-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" />
      {mark}
    </svg>
  );
}
