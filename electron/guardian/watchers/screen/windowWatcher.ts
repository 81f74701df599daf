// Watches the windows on screen for a money page in a browser, a remote tool asking to let someone in, the screen being
// shared (a browser's or a meeting app's own indicator) and remote control in a meeting app.
// It reports what kind of window, which tool and which process: never the title, which may hold private details.
import type { WindowKind } from '../../../../shared/events';
import type { RemoteTool } from '../../../../shared/catalog';
import type { Catalog } from '../../catalog';
import type { Emit, Watcher } from '../watcher';
import { browserNameOf } from './browsers';
import { moneyPageOf } from './moneyPageTitles';
import { MEETING_APPS, meetingStateOf } from './meetingTitles';
import { sharingIndicatorOf } from './sharingIndicators';
import { isToolPromptTitle } from './toolPrompts';
import { WindowsUnavailableError, type WindowInfo, type WindowSource } from './windowSource';

/** Catalog entries a browser's sharing indicator may name by their site: the meeting apps and Google Meet. */
const MEETING_APPS_AND_SITES: ReadonlySet<string> = new Set([...MEETING_APPS, 'google-meet']);

/** A catalog domain ("zoom.us", "*.zoom.us") against a host name. */
function domainMatches(domain: string, host: string): boolean {
  const plain = domain.toLowerCase();
  return plain.startsWith('*.') ? host.endsWith(plain.slice(1)) : host === plain;
}

export interface WindowWatcherOptions {
  source: WindowSource;
  catalog: Catalog;
  /** How often the window list is looked at. */
  intervalMs?: number;
}

/** What a window is, when it is worth telling: the same kind, tool and process count once however many windows show it. */
interface Finding {
  kind: WindowKind;
  toolId: string | null;
  pid: number | null;
  /** Who shares the screen or lets someone control it, for screen-share and remote-control. */
  name?: string;
}

export function createWindowWatcher(opts: WindowWatcherOptions): Watcher {
  const intervalMs = opts.intervalMs ?? 1000;
  let findings = new Map<string, Finding>();
  let failed = false;
  let timer: NodeJS.Timeout | null = null;
  let emit: Emit = () => {};
  let running = false;

  /** The catalog's meeting app or website whose domain is the site the browser's indicator names ("meet.google.com"). */
  function toolOfSite(site: string | null): RemoteTool | null {
    if (site === null) return null;
    const host = site.replace(/^[a-z]+:\/\//u, '').replace(/[:/].*$/u, '');
    return opts.catalog.tools.find((tool) => MEETING_APPS_AND_SITES.has(tool.id) && tool.domains.some((domain) => domainMatches(domain, host))) ?? null;
  }

  /** A window of the browser named `browser`: its sharing indicator (named by the meeting site it names, else by the
   *  browser), or a money page. */
  function browserFinding(window: WindowInfo, browser: string): Finding | null {
    const indicator = sharingIndicatorOf(window.title);
    if (indicator !== null) {
      const tool = toolOfSite(indicator.site);
      return { kind: 'screen-share', toolId: tool?.id ?? null, pid: window.pid, name: tool?.name ?? browser };
    }
    return moneyPageOf(window.title) !== null ? { kind: 'bank', toolId: null, pid: window.pid } : null;
  }

  function findingFor(window: WindowInfo): Finding | null {
    if (!window.processName) return null;
    const browser = browserNameOf(window.processName);
    if (browser !== null) return browserFinding(window, browser);
    const tool = opts.catalog.matchProcess({
      pid: window.pid ?? 0,
      ppid: null,
      name: window.processName,
      exe: window.exe ?? null,
      cmdline: null,
    });
    if (tool === null) return null;
    if (MEETING_APPS.has(tool.id)) {
      const state = meetingStateOf(window.title);
      return state === null ? null : { kind: state, toolId: tool.id, pid: window.pid, name: tool.name };
    }
    return isToolPromptTitle(window.title) ? { kind: 'tool-prompt', toolId: tool.id, pid: window.pid } : null;
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
    for (const [key, { kind, toolId, pid }] of findings) if (!now.has(key)) emit({ type: 'window-gone', kind, toolId, pid });
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
