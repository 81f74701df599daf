// Under Wine: renamed copies of node.exe in Program Files, %APPDATA% and Downloads are real Windows processes that
// the Windows CLI sees start and stop (watch --json) and lists while they run (scan --json).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWineBed, type WineBed, type WineCli } from './wineHarness';

let bed: WineBed;
let watch: WineCli;
const dataDir = () => `${bed.folders.appData}\\Pause Guard test`;

beforeAll(async () => {
  bed = await startWineBed();
  watch = bed.cli(['watch', '--json', '--data-dir', dataDir()]);
  await watch.output.next((e) => e.type === 'ready', 60_000);
});
afterAll(async () => {
  if (watch) expect(await watch.stop()).toBe(0);
  await bed?.stop();
});

/** Where scammers' tools run from: an installed copy, a per-user copy, and the download itself. */
const TOOLS = [
  { where: 'Program Files', toolId: 'teamviewer', exe: () => `${bed.folders.programFiles}\\TeamViewer\\TeamViewer.exe` },
  { where: '%APPDATA%', toolId: 'screenconnect', exe: () => `${bed.folders.appData}\\ScreenConnect Client (5f8a2b)\\ScreenConnect.WindowsClient.exe` },
  { where: 'Downloads', toolId: 'anydesk', exe: () => `${bed.folders.downloads}\\AnyDesk.exe` },
];

describe('Windows processes under Wine', () => {
  it.each(TOOLS)('sees a tool started from $where start and stop', async ({ toolId, exe }) => {
    const tool = await bed.startTool(exe());
    const started = await watch.output.next((e) => e.type === 'tool-started' && e.pid === tool.pid, 30_000);
    expect(started).toMatchObject({ toolId, tier: 'interrupt', initial: false });
    await tool.stop();
    const stopped = await watch.output.next((e) => e.type === 'tool-stopped' && e.pid === tool.pid, 30_000);
    expect(stopped).toMatchObject({ toolId });
  });

  it('asked for the pause-and-check page when the first of them started (one page at a time)', () => {
    const first = watch.output.lines.find((e) => e.type === 'tool-started');
    expect(watch.output.lines).toContainEqual(expect.objectContaining({ type: 'interruption-requested', cause: 'tool-started', toolId: first?.toolId }));
  });

  it('scan --json lists every tool running, with its Windows process id', async () => {
    const tools = await Promise.all(TOOLS.map(async ({ toolId, exe }) => ({ toolId, process: await bed.startTool(exe()) })));
    const { code, stdout, stderr } = await bed.runCli(['scan', '--json', '--data-dir', dataDir()]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const listed = (JSON.parse(stdout) as { tools: { toolId: string; pid: number; tier: string }[] }).tools;
    for (const { toolId, process } of tools) expect(listed).toContainEqual(expect.objectContaining({ toolId, pid: process.pid, tier: 'interrupt' }));
    await Promise.all(tools.map(({ process }) => process.stop()));
  });
});
