// Finds what would put a debugger on Pause Guard in the way it was started: Chromium's remote debugging (a DevTools
// connection to the cover page) and Node's inspector (the main process itself), as switches or in NODE_OPTIONS.
// Pure: it reads only what it is given; trayApp.ts decides what to do (refuse, journal, tell the family, start clean).

/** Switch names, lower case, as Chromium and Node spell them. */
const DEBUGGER_SWITCH_NAMES = [
  'remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'remote-allow-origins',
  'inspect', 'inspect-brk', 'inspect-port', 'inspect-wait', 'inspect-publish-uid', 'debug', 'debug-brk', 'debug-port',
] as const;

export interface StartedWith {
  argv: readonly string[];
  /** Electron's app.commandLine: what Chromium itself will act on. */
  commandLine: { hasSwitch(name: string): boolean };
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** The switch an argument is ("--inspect=9229" is inspect), or null; Windows also takes "/switch", as Chromium does. */
function switchOf(argument: string, platform: NodeJS.Platform): string | null {
  const prefix = /^(--|-)/.exec(argument)?.[0] ?? (platform === 'win32' && argument.startsWith('/') ? '/' : null);
  if (prefix === null) return null;
  const name = argument.slice(prefix.length).split('=')[0]!.toLowerCase();
  return (DEBUGGER_SWITCH_NAMES as readonly string[]).includes(name) ? name : null;
}

/** Every debugger switch Pause Guard was started with (each name once); empty when it may run. */
export function debuggerSwitches(started: StartedWith): string[] {
  const found = new Set<string>();
  for (const argument of started.argv) {
    const name = switchOf(argument, started.platform);
    if (name !== null) found.add(name);
  }
  for (const argument of (started.env.NODE_OPTIONS ?? '').split(/\s+/)) {
    const name = switchOf(argument, started.platform);
    if (name !== null) found.add(name);
  }
  for (const name of DEBUGGER_SWITCH_NAMES) if (started.commandLine.hasSwitch(name)) found.add(name);
  return [...found];
}

/** The arguments with every debugger switch (and the value after a bare "--remote-debugging-port 9222") left out. */
export function withoutDebuggerSwitches(argv: readonly string[], platform: NodeJS.Platform): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (switchOf(argument, platform) === null) {
      kept.push(argument);
      continue;
    }
    const next = argv[i + 1];
    if (!argument.includes('=') && next !== undefined && /^\d+$/.test(next)) i += 1;
  }
  return kept;
}
