// Watches the windows on screen for a bank's page in a browser and for a remote tool asking to let someone in.
// It reports what kind of window, which tool and which process: never the title, which may hold private details.
import type { Catalog } from '../../catalog';
import type { Emit, Watcher } from '../watcher';
import { isBankTitle } from './bankTitles';
import { isBrowser } from './browsers';
import { isToolPromptTitle } from './toolPrompts';
import { WindowsUnavailableError, type WindowInfo, type WindowSource } from './windowSource';

export interface WindowWatcherOptions {
  source: WindowSource;
  catalog: Catalog;
  /** How often the window list is looked at. */
  intervalMs?: number;
}

/** What a window is, when it is worth telling: the same kind, tool and process count once however many windows show it. */
interface Finding {
  kind: 'bank' | 'tool-prompt';
  toolId: string | null;
  pid: number | null;
}

export function createWindowWatcher(opts: WindowWatcherOptions): Watcher {
  const intervalMs = opts.intervalMs ?? 1000;
  let findings = new Map<string, Finding>();
  let failed = false;
  let timer: NodeJS.Timeout | null = null;
  let emit: Emit = () => {};
  let running = false;

  function findingFor(window: WindowInfo): Finding | null {
    if (window.processName && isBrowser(window.processName)) {
      return isBankTitle(window.title) ? { kind: 'bank', toolId: null, pid: window.pid } : null;
    }
    if (!window.processName || !isToolPromptTitle(window.title)) return null;
    const tool = opts.catalog.matchProcess({
      pid: window.pid ?? 0,
      ppid: null,
      name: window.processName,
      exe: window.exe ?? null,
      cmdline: null,
    });
    return tool ? { kind: 'tool-prompt', toolId: tool.id, pid: window.pid } : null;
  }

  async function look(): Promise<void> {
    let windows: WindowInfo[];
    try {
      windows = await opts.source.list();
    } catch (error) {
      if (running && !failed) {
        failed = true;
        const message = error instanceof Error ? error.message : String(error);
        emit({ type: 'watcher-failed', watcher: 'windows', message, ...(error instanceof WindowsUnavailableError ? { lasting: true } : {}) });
      }
      return;
    }
    if (!running) return;
    if (failed) {
      failed = false;
      emit({ type: 'watcher-recovered', watcher: 'windows' });
    }
    const now = new Map<string, Finding>();
    for (const window of windows) {
      const finding = findingFor(window);
      if (finding) now.set(`${finding.kind}:${finding.pid ?? '?'}:${finding.toolId ?? ''}`, finding);
    }
    for (const [key, finding] of now) if (!findings.has(key)) emit({ type: 'window-seen', ...finding });
    for (const [key, finding] of findings) if (!now.has(key)) emit({ type: 'window-gone', ...finding });
    findings = now;
  }

  /** One look at a time: the next is planned when this one ends, so a slow display never piles looks up. */
  function plan(): void {
    timer = setTimeout(() => {
      void look().then(() => {
        if (running) plan();
      });
    }, intervalMs);
    timer.unref();
  }

  return {
    name: 'windows',
    async start(emitEvent) {
      emit = emitEvent;
      running = true;
      await look();
      if (running) plan();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      findings = new Map();
      await opts.source.close();
    },
  };
}
