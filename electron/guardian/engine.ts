// The engine: starts the watchers, stamps and orders their events, folds them into state, and tells listeners.
// Plain Node: it never imports electron, so the CLI, the preview host and the tray app all run the same engine.
import fs from 'node:fs/promises';
import type { Status } from '../../shared/api';
import type { DetectionEvent, GuardianEvent } from '../../shared/events';
import { EngineState } from './engineState';
import type { Watcher } from './watchers/watcher';

export interface EngineOptions {
  /** Where settings, journal and outbox live; created if missing. */
  dataDir: string;
  /** The watchers to run (see watchers/defaultWatchers.ts for the platform's set). */
  watchers: Watcher[];
  now?: () => Date;
}

export interface Engine {
  /** Starts every watcher; resolves after each has made its first pass and `ready` has been emitted. */
  start(): Promise<void>;
  /** Stops every watcher; resolves when nothing of the engine is left running. */
  stop(): Promise<void>;
  status(): Status;
  onEvent(listener: (event: GuardianEvent) => void): () => void;
  onStatus(listener: (status: Status) => void): () => void;
}

export class EngineStartError extends Error {}

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? (() => new Date());
  const state = new EngineState(
    options.watchers.map((w) => w.name),
    now().toISOString(),
  );
  const eventListeners = new Set<(event: GuardianEvent) => void>();
  const statusListeners = new Set<(status: Status) => void>();
  let started = false;

  const publish = (event: GuardianEvent): void => {
    const followUps = state.apply(event);
    for (const listener of eventListeners) listener(event);
    for (const followUp of followUps) publish(followUp);
    const status = state.status();
    for (const listener of statusListeners) listener(status);
  };

  const emitFrom = (detection: DetectionEvent): void => {
    const stamped = { ...detection, at: detection.at ?? now().toISOString() } as GuardianEvent;
    publish(state.withRisk(stamped));
  };

  const startWatcher = async (watcher: Watcher): Promise<void> => {
    try {
      await watcher.start(emitFrom);
    } catch (error) {
      emitFrom({ type: 'watcher-failed', watcher: watcher.name, message: plainMessage(error) });
    }
  };

  return {
    async start() {
      if (started) return;
      await ensureDataDir(options.dataDir);
      started = true;
      await Promise.all(options.watchers.map(startWatcher));
      emitFrom({ type: 'ready', watchers: options.watchers.map((w) => w.name) });
    },
    async stop() {
      if (!started) return;
      started = false;
      await Promise.allSettled(options.watchers.map((w) => w.stop()));
    },
    status: () => state.status(),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}

async function ensureDataDir(dataDir: string): Promise<void> {
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.access(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new EngineStartError(`Pause Guard cannot use the data folder ${dataDir}: ${plainMessage(error)}`);
  }
}

function plainMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission was refused.';
    if (code === 'ENOTDIR') return 'part of the path is a file, not a folder.';
    if (code === 'EROFS') return 'the disk is read-only.';
    return error.message;
  }
  return String(error);
}
