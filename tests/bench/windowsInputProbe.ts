// Child for windowsInput.bench.ts, bundled for Windows and run by Node for Windows under Wine: the injected-input
// watcher alone with its low-level hooks, in a window with the mouse still and one while another program moves it
// (the bench starts it once the file `<report>.go-moving` exists), each marked with files beside the report (argv[2]).
import fs from 'node:fs';
import { createInjectedInputWatcher } from '../../electron/guardian/watchers/input/injectedInputWatcher';
import type { InputSource } from '../../electron/guardian/watchers/input/inputSource';
import { isWin32HookThread, runWin32HookThread } from '../../electron/guardian/watchers/input/win32HookThread';
import { createWin32InputSource } from '../../electron/guardian/watchers/input/win32InputSource';

export interface WindowsInputProbeReport {
  readonly problem: string | null;
  /** Inputs heard a second in each window. */
  readonly stillPerSecond: number;
  readonly movingPerSecond: number;
}

const WINDOW_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(report: string): Promise<WindowsInputProbeReport> {
  const hooks = createWin32InputSource();
  let heard = 0;
  const counted: InputSource = {
    get onLost() {
      return hooks.onLost;
    },
    set onLost(listener) {
      hooks.onLost = listener;
    },
    start: (onInput) => hooks.start((sample) => {
      heard += 1;
      onInput(sample);
    }),
    sync: () => hooks.sync(),
    stop: () => hooks.stop(),
  };
  const watcher = createInjectedInputWatcher({ source: counted });
  let problem: string | null = null;
  await watcher.start((event) => {
    if (event.type === 'watcher-failed') problem = event.message;
  });
  const window = async (name: string): Promise<number> => {
    const before = heard;
    fs.writeFileSync(`${report}.${name}-start`, '');
    await sleep(WINDOW_MS);
    fs.writeFileSync(`${report}.${name}-end`, '');
    return (heard - before) / (WINDOW_MS / 1000);
  };
  try {
    const stillPerSecond = await window('still');
    while (!fs.existsSync(`${report}.go-moving`)) await sleep(50);
    const movingPerSecond = await window('moving');
    return { problem, stillPerSecond, movingPerSecond };
  } finally {
    await watcher.stop();
  }
}

if (isWin32HookThread()) {
  // The hooks' own thread runs this same bundle (see win32HookThread.ts).
  void runWin32HookThread();
} else {
  const [report = 'report.json'] = process.argv.slice(2);
  const result = await measure(report).catch((error: unknown) => ({ problem: String(error), stillPerSecond: 0, movingPerSecond: 0 }));
  fs.writeFileSync(report, JSON.stringify(result));
  process.exit(0);
}
