// The preview host leaves no temporary folder behind however it stops: SIGTERM or SIGINT to its process group (a
// test's stop, Ctrl-C in a terminal), a second signal while it stops, SIGTERM to npm alone (npm forwards it), or a start
// that fails once its folders are made (a renderer build the disk refuses, a busy port). Each run gets a TMPDIR of its
// own, looked at once the preview has ended.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { groupEnded, signalGroup } from '../fixtures/processGroup';
import { needs } from '../prerequisites/needs';
import { runPreview, startPreview, type PreviewRun } from './previewHarness';

let tmp: string;
let downloads: string;
let preview: PreviewRun | null = null;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-preview-tmp-'));
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-preview-downloads-'));
});

afterEach(async () => {
  await preview?.stop();
  preview = null;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.rmSync(downloads, { recursive: true, force: true });
});

/** What is in the run's temporary folder, tsx's transform cache (tsx-UID, meant to outlive a run) aside. */
const leftInTmp = (): string[] => fs.readdirSync(tmp).filter((name) => !/^tsx-\d+$/.test(name)).sort();

/** The preview, started with TMPDIR pointing at the test's folder, once it has printed its address. */
async function startedPreview(): Promise<PreviewRun> {
  preview = await startPreview(['--downloads', downloads], { TMPDIR: tmp });
  expect(leftInTmp()).toEqual([
    expect.stringMatching(/^pauseguard-preview-data-/), expect.stringMatching(/^pauseguard-preview-renderer-/), expect.stringMatching(/^pauseguard-preview-seal-/),
  ]);
  return preview;
}

// No time budget: every wait is on what the preview reports (its address, its exit), however slow its start.
describe('the preview host removes its temporary folders', { timeout: 0 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s to its process group, exiting 0', async (signal) => {
    const running = await startedPreview();
    signalGroup(running.process, signal);
    await groupEnded(running.process);
    expect(await running.exited).toBe(0);
    expect(leftInTmp()).toEqual([]);
  });

  it('on a second signal while it is stopping (SIGTERM then SIGINT to the group, as npm forwards what it is sent)', async () => {
    const running = await startedPreview();
    signalGroup(running.process, 'SIGTERM');
    signalGroup(running.process, 'SIGINT');
    await groupEnded(running.process);
    expect(await running.exited).toBe(0);
    expect(leftInTmp()).toEqual([]);
  });

  it('on SIGTERM to npm alone, which forwards it', async () => {
    const running = await startedPreview();
    running.process.kill('SIGTERM');
    await groupEnded(running.process);
    expect(await running.exited).toBe(0);
    expect(leftInTmp()).toEqual([]);
  });

  // 100 kB: above every file tsx caches and the preview's data, below the renderer's bundle (React alone is larger).
  it('when the renderer build fails (the disk refuses the bundle, as a full one would), exiting 1', needs('prlimit'), async () => {
    const { code, stdout, stderr } = await runPreview(['--downloads', downloads], { env: { TMPDIR: tmp }, wrapper: ['prlimit', '--fsize=100000'] });
    expect(stdout).toBe('');
    expect(stderr).toContain('The preview stopped: Build failed');
    expect(stderr).toContain(path.join(tmp, 'pauseguard-preview-renderer-'));
    expect(code).toBe(1);
    expect(leftInTmp()).toEqual([]);
  });

  it('when the port is taken, after the build, exiting 1', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = await runPreview(['--port', String(port), '--downloads', downloads], { env: { TMPDIR: tmp } });
      expect(stderr).toBe(`The preview stopped: Port ${port} on 127.0.0.1 is already in use; choose another with --port.\n`);
      expect(code).toBe(1);
    } finally {
      busy.close();
    }
    expect(leftInTmp()).toEqual([]);
  });
});
