// Watches for people connected into a Mac through Screen Sharing or Remote Management, from `netstat` snapshots, and
// through AnyDesk or RustDesk, from their own logs under the home folder (~/.anydesk/anydesk.trace, ~/Library/Logs/RustDesk).
import type { Emit, Watcher } from '../watcher';
import { runCommand as defaultRunCommand, type CommandRunner } from './commandRunner';
import { inboundRemoteDesktopSessions, parseMacNetstat, type MacRemoteService } from './macNetstat';
import { createPolledSessions } from './polledSessions';
import { createHomeToolLogSessions, type ToolLookup } from './toolLogSessions';
import type { ToolProcessCheck } from './toolProcesses';

export interface MacSessionWatcherOptions {
  catalog: ToolLookup;
  /** Runs netstat (default: child_process.execFile). */
  runCommand?: CommandRunner;
  /** How often netstat runs, in milliseconds (default 2000). */
  pollMs?: number;
  /** Catalog ids naming the two services (defaults 'macos-screen-sharing' and 'apple-remote-desktop'). */
  toolIds?: Partial<Record<MacRemoteService, string>>;
  /** The home folder whose tool logs are read (default: the person's own). */
  home?: string;
  /** Whether a tool still runs and since when, for its log sessions (default: the platform's process source). */
  toolProcesses?: ToolProcessCheck;
  /** The last moment an earlier run recorded (its journal's last record): past sessions written by then are not reported again (default null: all are). */
  pastReportedUntil?: Date | null;
  now?: () => Date;
}

const FALLBACK_NAMES: Record<MacRemoteService, string> = {
  'screen-sharing': 'macOS Screen Sharing',
  'remote-management': 'Apple Remote Management',
};

export function createMacSessionWatcher(options: MacSessionWatcherOptions): Watcher {
  const run = options.runCommand ?? defaultRunCommand;
  const pollMs = options.pollMs ?? 2000;
  const now = options.now ?? (() => new Date());
  const sessions = createPolledSessions(now);
  const tools = {
    'screen-sharing': options.catalog.byId(options.toolIds?.['screen-sharing'] ?? 'macos-screen-sharing'),
    'remote-management': options.catalog.byId(options.toolIds?.['remote-management'] ?? 'apple-remote-desktop'),
  };
  let emit: Emit = () => {};
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;
  let failureSaid = false;
  const logs = createHomeToolLogSessions({
    catalog: options.catalog, home: options.home, toolProcesses: options.toolProcesses, pastReportedUntil: options.pastReportedUntil,
    tell: (message) => emit({ type: 'watcher-failed', watcher: 'sessions', message }),
    now,
  });

  /** `netstat -anv` adds the owning process on newer macOS; plain `-an` is the fallback. */
  async function snapshot(): Promise<string> {
    try {
      return await run('netstat', ['-anv', '-p', 'tcp']);
    } catch {
      return run('netstat', ['-an', '-p', 'tcp']);
    }
  }

  async function tick(initial: boolean): Promise<void> {
    await logs.poll(emit, initial);
    let output: string;
    try {
      output = await snapshot();
    } catch {
      if (!failureSaid) emit({ type: 'watcher-failed', watcher: 'sessions', message: 'Pause Guard could not run netstat, so Screen Sharing connections cannot be seen.' });
      failureSaid = true;
      return;
    }
    failureSaid = false;
    const live = inboundRemoteDesktopSessions(parseMacNetstat(output)).map(({ service, connection }) => {
      const tool = tools[service];
      return {
        key: `netstat:${connection.localPort}:${connection.remoteAddress}:${connection.remotePort ?? ''}`,
        kind: 'netstat' as const,
        toolId: tool?.id ?? null,
        name: tool?.name ?? FALLBACK_NAMES[service],
        pid: connection.pid,
        remoteAddress: connection.remoteAddress,
        remoteId: null,
      };
    });
    sessions.update(live, emit, initial);
  }

  return {
    name: 'sessions',
    async start(emitTo) {
      emit = emitTo;
      await tick(true);
      // Sessions found in the logs' recent history are reported once, as already there.
      for (const session of logs.open()) emit({ type: 'session-started', ...session, risk: 'high', initial: true });
      timer = setInterval(() => {
        if (ticking) return;
        ticking = tick(false).finally(() => {
          ticking = null;
        });
      }, pollMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
    },
  };
}
