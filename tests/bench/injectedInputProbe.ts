// Child process for injectedInput.bench.ts, run bundled by plain node: the injected-input watcher alone on the display
// in DISPLAY, for a window of time while the bench keeps the mouse still or has a VNC viewer move it; prints one JSON
// line: CPU in % of one core, and how many moves and presses it heard a second.
import type { InputSource } from '../../electron/guardian/watchers/input/inputSource';

export interface InjectedInputProbeReport {
  readonly ok: boolean;
  readonly message: string | null;
  readonly cpuPercent: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
}

const PROBE_MS = 15_000;

const { cpuPercentOver } = await import('./probeMeasures');
const { createInjectedInputWatcher } = await import('../../electron/guardian/watchers/input/injectedInputWatcher');
const { createX11InputSource } = await import('../../electron/guardian/watchers/input/x11InputSource');

const x11 = createX11InputSource({ env: process.env });
let samples = 0;
const counted: InputSource = {
  get onLost() {
    return x11.onLost;
  },
  set onLost(listener) {
    x11.onLost = listener;
  },
  start: (onInput) => x11.start((sample) => {
    samples += 1;
    onInput(sample);
  }),
  sync: () => x11.sync(),
  stop: () => x11.stop(),
};
const watcher = createInjectedInputWatcher({ source: counted });
let problem: string | null = null;
await watcher.start((event) => {
  if (event.type === 'watcher-failed') problem = event.message;
});
try {
  const before = samples;
  const measured = await cpuPercentOver(PROBE_MS);
  const report: InjectedInputProbeReport = {
    ok: problem === null,
    message: problem,
    cpuPercent: measured.percent,
    seconds: measured.seconds,
    samplesPerSecond: (samples - before) / measured.seconds,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await watcher.stop();
}
