// Under Wine: tools' logs written line by line where the catalog says Windows keeps them (%APPDATA%, %LOCALAPPDATA%,
// %ProgramData%, Program Files) are read by the Windows CLI as a session starting and ending (watch --json), while
// the tool's process runs. Lines are dated now, in each tool's own line shape (reference/windows.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../electron/guardian/catalog';
import { expandWindowsPath } from '../../electron/guardian/watchers/sessions/windowsSessionWatcher';
import { startWineBed, type WineBed, type WineCli, type WineTool } from './wineHarness';

const CALLER_ID = '442226597';
const CALLER_NAME = 'AMAZON CUSTOMER SERVICES';
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** AnyDesk's trace line: `LEVEL YYYY-MM-DD HH:MM:SS.mmm  source  pid  tid  [n]  component - text`, in UTC. */
function anyDeskLine(text: string, at = new Date()): string {
  const stamp = at.toISOString().replace('T', ' ').slice(0, 23);
  return `   info ${stamp}       back   3668   3660                   app.backend_session - ${text}\n`;
}

/** TeamViewer's line: `YYYY/MM/DD HH:MM:SS.mmm  PID  TID  TAG  text`, in local time; D3 is the desktop process. */
function teamViewerLine(text: string, at = new Date()): string {
  const stamp = `${at.getFullYear()}/${pad(at.getMonth() + 1)}/${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
  return `${stamp}  5716       5840 D3   ${text}\r\n`;
}

/** For each log format the suite writes: the tool's process, the lines of one incoming session, and its end. */
const FORMATS = {
  'anydesk-trace': {
    toolId: 'anydesk',
    exe: 'AnyDesk\\AnyDesk.exe',
    start: () => [
      anyDeskLine(`Incoming session request: ${CALLER_NAME} (${CALLER_ID})`),
      anyDeskLine('Remote OS: Windows, Connection flags: direct'),
      anyDeskLine('Authenticated by local user.'),
    ],
    end: () => [anyDeskLine('Session closed.')],
  },
  'teamviewer-log': {
    toolId: 'teamviewer',
    exe: 'TeamViewer\\TeamViewer.exe',
    start: () => [
      teamViewerLine('SessionManagerDesktop::IncomingConnection: Connection incoming, sessionID = -2102926010'),
      teamViewerLine('CParticipantManagerBase::SetMyParticipantIdentifier(): pid=[1764218403,-2102926010]'),
      teamViewerLine(`CParticipantManagerBase participant ${CALLER_NAME} (ID [${CALLER_ID},-207968498]) was added with the role 6`),
    ],
    end: () => [
      teamViewerLine('CStreamManager[2]::ReceivedEndSession(): reason=1'),
      teamViewerLine(`CPersistentParticipantManager::RemoveParticipant: [${CALLER_ID},-207968498]`),
    ],
  },
} as const;
type Format = keyof typeof FORMATS;

/** Every Windows path the catalog reads a log of these formats from; a file-name pattern gets a real name. */
const LOGS = loadCatalog().tools.flatMap((tool) =>
  tool.sessionLogs.flatMap((log) =>
    log.format in FORMATS
      ? log.paths.filter((template) => template.includes('%') && !template.startsWith('~')).map((template) => ({ format: log.format as Format, template }))
      : [],
  ),
);

let bed: WineBed;
let watch: WineCli;
const tools: WineTool[] = [];

beforeAll(async () => {
  bed = await startWineBed();
  // A session in a log counts only while the tool runs: its process is up before the log is written.
  for (const { exe } of Object.values(FORMATS)) tools.push(await bed.startTool(`${bed.folders.programFiles}\\${exe}`));
  watch = bed.cli(['watch', '--json', '--data-dir', `${bed.folders.appData}\\Pause Guard test`]);
  await watch.output.next((e) => e.type === 'ready', 60_000);
});
afterAll(async () => {
  if (watch) expect(await watch.stop()).toBe(0);
  await Promise.all(tools.map((tool) => tool.stop()));
  await bed?.stop();
});

describe('tool logs under Wine', () => {
  it('covers %APPDATA%, %ProgramData% and Program Files', () => {
    const roots = new Set(LOGS.map(({ template }) => /^%([^%]+)%/.exec(template)?.[1]?.toLowerCase()));
    expect([...roots]).toEqual(expect.arrayContaining(['appdata', 'programdata', 'programfiles']));
  });

  it.each(LOGS)('reads a $format session written line by line to $template', async ({ format, template }) => {
    const { toolId, start, end } = FORMATS[format];
    const file = expandWindowsPath(template, bed.windowsEnv)?.replace(/\*/g, '15');
    expect(file, `${template} names a variable Node for Windows does not have here`).toBeTruthy();
    const seenBefore = watch.output.lines.length;
    const after = (test: (e: Record<string, unknown>) => boolean) => (e: Record<string, unknown>) => watch.output.lines.indexOf(e) >= seenBefore && test(e);

    for (const line of start()) {
      await bed.appendFile(file!, line);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const started = await watch.output.next(after((e) => e.type === 'session-started' && e.toolId === toolId), 30_000);
    expect(started).toMatchObject({ kind: 'log', remoteId: CALLER_ID, initial: false });

    for (const line of end()) await bed.appendFile(file!, line);
    const ended = await watch.output.next(after((e) => e.type === 'session-ended' && e.toolId === toolId), 30_000);
    expect(ended).toMatchObject({ key: started.key });
  });
});
