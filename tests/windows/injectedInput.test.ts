// Under Wine with Xvfb as its screen: the Windows CLI's watch hears mouse input another program makes with SendInput
// (as remote-control tools do) through its low-level hooks, says remote-input for sustained moving plus a click and
// remote-input-ended once it stops, and says nothing for a short burst.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXvfb, type Xvfb } from '../fixtures/xvfb';
import { bundleWin32Probe, runWin32Probe } from './win32Probe';
import { startWineBed, type WineBed, type WineCli } from './wineHarness';

let xvfb: Xvfb;
let bed: WineBed;
let watch: WineCli;

beforeAll(async () => {
  xvfb = await startXvfb();
  bed = await startWineBed({ env: { DISPLAY: xvfb.display } });
  await bundleWin32Probe();
  watch = bed.cli(['watch', '--json', '--data-dir', `${bed.folders.appData}\\Pause Guard test`]);
  await watch.output.next((e) => e.type === 'ready', 60_000);
}, 180_000);
afterAll(async () => {
  if (watch) expect(await watch.stop()).toBe(0);
  await bed?.stop();
  await xvfb?.stop();
});

const inject = (durationMs: number, press: 'click' | 'key') => runWin32Probe<{ sent: number }>(bed, 'inject', String(durationMs), press);
const remoteInput = () => watch.output.lines.filter((e) => e.type === 'remote-input');

describe('injected input on Windows under Wine', () => {
  it('the input watcher starts without a problem', () => {
    expect(watch.output.lines.find((e) => e.type === 'ready')?.watchers).toContain('input');
    expect(watch.output.lines.filter((e) => e.type === 'watcher-failed' && e.watcher === 'input')).toEqual([]);
  });

  it('a short burst of SendInput moves and a click is not reported', async () => {
    const { sent } = await inject(600, 'click');
    expect(sent).toBeGreaterThan(10);
    // The classifier needs 1.5 s of moving: well past it, nothing was said.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(remoteInput()).toEqual([]);
  });

  it.each(['click', 'key'] as const)('sustained SendInput moves with a %s are reported as remote-input, and remote-input-ended after it stops', async (press) => {
    const before = remoteInput().length;
    const { sent } = await inject(3000, press);
    expect(sent).toBeGreaterThan(60);
    const event = await watch.output.next((e) => e.type === 'remote-input' && remoteInput().indexOf(e) >= before, 15_000);
    expect(event).toMatchObject({ source: 'injected', device: null, pid: null });
    // Said at the press that completes the run (after the 3 s of moving); the hook thread's batches add little to that.
    const detectedMs = Date.parse(String(event.at)) - Date.parse(String(event.since));
    expect(detectedMs).toBeGreaterThanOrEqual(1500);
    expect(detectedMs).toBeLessThan(3600);
    console.log(`remote-input ${detectedMs} ms after the run began (${sent} inputs sent)`);
    const ended = await watch.output.next((e) => e.type === 'remote-input-ended' && Date.parse(String(e.at)) > Date.parse(String(event.at)), 30_000);
    expect(ended).toMatchObject({ source: 'injected' });
    expect(remoteInput()).toHaveLength(before + 1);
  }, 90_000);

  it('asked for the pause-and-check page for it', () => {
    expect(watch.output.lines).toContainEqual(expect.objectContaining({ type: 'interruption-requested', cause: 'remote-input' }));
  });
});
