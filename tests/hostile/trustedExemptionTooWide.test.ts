// The family trusts its own TeamViewer or AnyDesk ID. The caller has the person start TeamViewer QuickSupport (a
// separate product, the classic scam download), or connects through the trusted tool where the log names no ID or
// only the service's lines show the session: none of these may pass as the family's help.
import path from 'node:path';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createProcessWatcher } from '../../electron/guardian/watchers/processes/processWatcher';
import type { ProcessSource } from '../../electron/guardian/watchers/processes/processSource';
import { anyDeskTraceLine, teamViewerLogLine } from '../fixtures/sessionLines';
import { createSessionLogHarness, type SessionLogHarness } from '../fixtures/hostile/sessionLogHarness';

const FAMILY = '123456789';
let harness: SessionLogHarness;

afterEach(async () => {
  await harness.stop();
});

/** A Windows process list (name and pid only, as ps-list gives on Windows) with the given programs running. */
function processesNamed(...names: string[]): ProcessSource {
  return {
    name: 'ps-list',
    list: async () => names.map((name, index) => ({ pid: 4000 + index, ppid: 1, name, exe: null, cmdline: null, start: '', startedAt: null })),
  };
}

describe('the trusted helper\'s exemption', () => {
  it('does not cover TeamViewer QuickSupport starting when the family trusts TeamViewer', async () => {
    harness = await createSessionLogHarness([{ toolId: 'teamviewer', remoteId: FAMILY, label: 'Sam' }], []);
    const processes = createProcessWatcher({ source: processesNamed('TeamViewerQS.exe'), catalog: loadCatalog(), intervalMs: 50 });
    await harness.start([processes]);
    const started = harness.decided.find(({ event }) => event.type === 'tool-started');
    expect(started?.decision).toMatchObject({ action: 'interrupt', cause: 'tool-started' });
  });

  it('still covers the exact product the family trusts starting', async () => {
    harness = await createSessionLogHarness([{ toolId: 'teamviewer', remoteId: FAMILY, label: 'Sam' }], []);
    const processes = createProcessWatcher({ source: processesNamed('TeamViewer.exe'), catalog: loadCatalog(), intervalMs: 50 });
    await harness.start([processes]);
    const started = harness.decided.find(({ event }) => event.type === 'tool-started');
    expect(started?.decision).toEqual({ action: 'log' });
  });

  it('interrupts a caller on the trusted TeamViewer seen only in the service\'s lines', async () => {
    harness = await createSessionLogHarness([{ toolId: 'teamviewer', remoteId: FAMILY, label: 'Sam' }], ['teamviewer']);
    await harness.start();
    const log = path.join(harness.env.ProgramFiles!, 'TeamViewer', 'TeamViewer15_Logfile.log');
    await harness.write(log, teamViewerLogLine('S0', 'CPersistentParticipantManager::AddParticipant: [987654321,-207968498] type=6 name=Microsoft Support'));
    await vi.waitFor(() => expect(harness.decided.some(({ event }) => event.type === 'session-started')).toBe(true), { timeout: 3000 });
    const session = harness.decided.find(({ event }) => event.type === 'session-started')!;
    expect(session.event).toMatchObject({ toolId: 'teamviewer', remoteId: '987654321' });
    expect(session.decision).toMatchObject({ action: 'interrupt', cause: 'session-started' });
  });

  it('interrupts a session on the trusted AnyDesk accepted with no request line to name the caller', async () => {
    harness = await createSessionLogHarness([{ toolId: 'anydesk', remoteId: FAMILY, label: 'Sam' }], ['anydesk']);
    await harness.start();
    const trace = path.join(harness.env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    await harness.write(trace, anyDeskTraceLine('Authenticated by local user.'));
    await vi.waitFor(() => expect(harness.decided.some(({ event }) => event.type === 'session-started')).toBe(true), { timeout: 3000 });
    expect(harness.decided.find(({ event }) => event.type === 'session-started')!.decision).toMatchObject({ action: 'interrupt' });
  });
});
