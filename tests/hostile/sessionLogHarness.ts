// Drives the real path a caller meets on Windows: tool logs written in a temporary %APPDATA%/%ProgramData%, read by the
// Windows session watcher, published by the engine, decided by the policy with the family's trusted helpers.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../electron/guardian/catalog';
import { createEngine, type Engine } from '../../electron/guardian/engine';
import { decide, type Decision } from '../../electron/guardian/protection/policy';
import { createWindowsSessionWatcher } from '../../electron/guardian/watchers/sessions/windowsSessionWatcher';
import type { Watcher } from '../../electron/guardian/watchers/watcher';
import type { GuardianEvent, Session } from '../../shared/events';
import type { TrustedHelper } from '../../shared/settings';
import { CONSOLE_ONLY, fixtureWtsApi, tcpTableV4, tcpTableV6 } from '../fixtures/win32Structs';

export interface SessionLogHarness {
  /** The Windows folders the watcher reads, as environment variables. */
  env: Record<string, string>;
  /** Appends text to a file under one of the folders, creating it. */
  write(file: string, text: string | Buffer): Promise<void>;
  /** Starts the engine with the Windows session watcher (and any extra watchers). */
  start(extraWatchers?: Watcher[]): Promise<void>;
  /** Every engine event with the policy's decision for it, in order. */
  decided: { event: GuardianEvent; decision: Decision }[];
  stop(): Promise<void>;
}

const catalog = loadCatalog();

export async function createSessionLogHarness(trustedHelpers: TrustedHelper[], toolsRunning: readonly string[]): Promise<SessionLogHarness> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-hostile-'));
  const env = {
    ProgramData: path.join(root, 'ProgramData'),
    APPDATA: path.join(root, 'AppData', 'Roaming'),
    LOCALAPPDATA: path.join(root, 'AppData', 'Local'),
    ProgramFiles: path.join(root, 'Program Files'),
    'ProgramFiles(x86)': path.join(root, 'Program Files (x86)'),
  };
  const sessions = new Map<string, Session>();
  const decided: SessionLogHarness['decided'] = [];
  let engine: Engine | null = null;
  return {
    env,
    decided,
    async write(file, text) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.appendFile(file, text);
    },
    async start(extraWatchers = []) {
      const sessionWatcher = createWindowsSessionWatcher({
        catalog,
        env,
        pollMs: 30,
        // Margaret at the console and no one else: no Remote Desktop session, no inbound connection.
        win32: { wts: async () => fixtureWtsApi(() => CONSOLE_ONLY), tcpTables: async () => ({ readTable: (family) => (family === 'ipv4' ? tcpTableV4([]) : tcpTableV6([])) }) },
        toolProcesses: async (tool) => ({ running: toolsRunning.includes(tool.id), startedAt: null }),
      });
      engine = createEngine({ dataDir: path.join(root, 'data'), watchers: [sessionWatcher, ...extraWatchers] });
      engine.onEvent((event) => {
        if (event.type === 'session-started') sessions.set(event.key, event);
        decided.push({ event, decision: decide(event, { trustedHelpers, paused: false, session: (key) => sessions.get(key) }) });
      });
      await engine.start();
    },
    async stop() {
      await engine?.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
