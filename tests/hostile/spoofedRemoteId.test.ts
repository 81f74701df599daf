// The caller chooses their display name and puts the family helper's remote ID in it, hoping the log line reads as
// the helper's session: it must interrupt, naming the caller's real ID, the one the tool writes last.
import path from 'node:path';
import { anyDeskConnectionTraceLine, anyDeskTraceLine, teamViewerLogLine } from '../fixtures/sessionLines';
import { createSessionLogHarness, type SessionLogHarness } from '../fixtures/hostile/sessionLogHarness';

const FAMILY = '123456789';
const CALLER = '987654321';
let harness: SessionLogHarness;

afterEach(async () => {
  await harness.stop();
});

function sessionDecisions() {
  return harness.decided.filter(({ event }) => event.type === 'session-started');
}

describe('a display name posing as the trusted helper\'s remote ID', () => {
  it('AnyDesk: "Sam (123456789)" as the name still interrupts, for the caller\'s own ID', async () => {
    harness = await createSessionLogHarness([{ toolId: 'anydesk', remoteId: FAMILY, label: 'Sam' }], ['anydesk']);
    await harness.start();
    const trace = path.join(harness.env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    await harness.write(trace, anyDeskTraceLine(`Incoming session request: Sam (${FAMILY}) (${CALLER})`));
    await harness.write(trace, anyDeskTraceLine('Accepting the connect request.'));
    await vi.waitFor(() => expect(sessionDecisions()).toHaveLength(1), { timeout: 3000 });
    expect(sessionDecisions()[0]!.event).toMatchObject({ toolId: 'anydesk', remoteId: CALLER });
    expect(sessionDecisions()[0]!.decision).toMatchObject({ action: 'interrupt', cause: 'session-started', remoteId: CALLER });
  });

  it('AnyDesk: a line holding the helper\'s ID and another is not the helper, whichever comes last', async () => {
    harness = await createSessionLogHarness([{ toolId: 'anydesk', remoteId: FAMILY, label: 'Sam' }], ['anydesk']);
    await harness.start();
    const trace = path.join(harness.env.APPDATA!, 'AnyDesk', 'ad.trace');
    await harness.write(trace, anyDeskTraceLine(`Incoming session request: Sam ${CALLER} (${FAMILY})`));
    await harness.write(trace, anyDeskTraceLine('Accepting the connect request.'));
    await vi.waitFor(() => expect(sessionDecisions()).toHaveLength(1), { timeout: 3000 });
    expect(sessionDecisions()[0]!.decision).toMatchObject({ action: 'interrupt' });
  });

  it('TeamViewer: a participant named "Sam (ID [123456789,1])" still interrupts, for the caller\'s own ID', async () => {
    harness = await createSessionLogHarness([{ toolId: 'teamviewer', remoteId: FAMILY, label: 'Sam' }], ['teamviewer']);
    await harness.start();
    const log = path.join(harness.env.ProgramFiles!, 'TeamViewer', 'TeamViewer15_Logfile.log');
    await harness.write(log, teamViewerLogLine('D3', 'SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = -2102926010'));
    await harness.write(log, teamViewerLogLine('D3', `CParticipantManagerBase participant Sam (ID [${FAMILY},-1]) (ID [${CALLER},-207968498]) was added with the role 6`));
    await vi.waitFor(() => expect(sessionDecisions()).toHaveLength(1), { timeout: 3000 });
    expect(sessionDecisions()[0]!.event).toMatchObject({ toolId: 'teamviewer', remoteId: CALLER });
    expect(sessionDecisions()[0]!.decision).toMatchObject({ action: 'interrupt', remoteId: CALLER });
  });

  it('TeamViewer: a participant line holding another number beside the helper\'s ID is not the helper', async () => {
    harness = await createSessionLogHarness([{ toolId: 'teamviewer', remoteId: FAMILY, label: 'Sam' }], ['teamviewer']);
    await harness.start();
    const log = path.join(harness.env.ProgramFiles!, 'TeamViewer', 'TeamViewer15_Logfile.log');
    await harness.write(log, teamViewerLogLine('D3', 'SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = -2102926010'));
    await harness.write(log, teamViewerLogLine('D3', `CParticipantManagerBase participant Sam ${CALLER} (ID [${FAMILY},-1]) was added with the role 6`));
    await vi.waitFor(() => expect(sessionDecisions()).toHaveLength(1), { timeout: 3000 });
    expect(sessionDecisions()[0]!.decision).toMatchObject({ action: 'interrupt' });
  });

  it('AnyDesk: the helper\'s ID in one file and another ID in the other for the same session is not the helper', async () => {
    harness = await createSessionLogHarness([{ toolId: 'anydesk', remoteId: FAMILY, label: 'Sam' }], ['anydesk']);
    // Both written before Pause Guard (re)starts, so both are read in the one first pass.
    await harness.write(path.join(harness.env.ProgramData!, 'AnyDesk', 'connection_trace.txt'), anyDeskConnectionTraceLine('User', FAMILY, FAMILY));
    await harness.write(path.join(harness.env.ProgramData!, 'AnyDesk', 'ad_svc.trace'), anyDeskTraceLine(`Accepting from ${CALLER}.`));
    await harness.start();
    expect(sessionDecisions()).toHaveLength(1);
    expect(sessionDecisions()[0]!.decision).toMatchObject({ action: 'interrupt' });
  });

  it('the helper\'s own session, named plainly, is still a note', async () => {
    harness = await createSessionLogHarness([{ toolId: 'anydesk', remoteId: FAMILY, label: 'Sam' }], ['anydesk']);
    await harness.start();
    const trace = path.join(harness.env.ProgramData!, 'AnyDesk', 'ad_svc.trace');
    await harness.write(trace, anyDeskTraceLine(`Incoming session request: Sam (${FAMILY})`));
    await harness.write(trace, anyDeskTraceLine('Accepting the connect request.'));
    await vi.waitFor(() => expect(sessionDecisions()).toHaveLength(1), { timeout: 3000 });
    expect(sessionDecisions()[0]!.decision).toMatchObject({ action: 'note', helper: 'Sam' });
  });
});
