// The durable outbox: every alert is on disk (atomic write, fsync) before any send is tried, and stays there until
// each of its channels has delivered it or given up; retried with backoff; picked up again after a crash.
//
// A channel that fails for good because of the settings (no sender, a refused login, an address refused, the channel
// taken out) is not given up: the alert waits, and is sent again once that kind of channel is set up anew (an outbox
// started with a channel of that kind at another destination, or the same one back after it was taken out).
//
// Delivery is at least once. Before each send the try is recorded (attempts + lastAttemptAt); the result is recorded
// after. A kill -9 between the far end accepting an alert and the outbox writing "delivered" leaves the channel
// pending, so the next start sends it again, with the same alert id: the same email Message-ID, the same webhook
// Idempotency-Key / X-Pause-Guard-Alert-Id, the same ntfy sequence_id. Mail clients and servers that dedupe on
// Message-ID and receivers that dedupe on the id show it once; ntfy's apps (2.16+) replace the first notification
// with the second; anything else shows it twice. Twice is the price of never losing one.
// It must never crash the engine: unreadable files are moved to outbox/corrupt/ and reported in plain words.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AlertKind, GuardianEvent } from '../../../shared/events';
import { writeFileAtomic } from '../store/atomicFile';
import type { AlertContent } from './alertMessage';
import { asDeliveryError, type Alert, type ChannelSender, type DeliveryError } from './channels/channel';
import { OutboxRecordSchema, retryDelayMs, type ChannelState, type OutboxRecord } from './outboxRecord';

export type AlertEvent = Extract<GuardianEvent, { type: 'alert-queued' | 'alert-delivered' | 'alert-failed' }>;

export interface OutboxOptions {
  /** The outbox lives in <dataDir>/outbox/, with sent/, failed/ and corrupt/ inside. */
  dataDir: string;
  channels: ChannelSender[];
  now?: () => Date;
  onEvent?: (event: AlertEvent) => void;
  /** A plain sentence about something the family should know (an unreadable outbox file, a full disk). */
  onProblem?: (message: string) => void;
  /** How long to wait after `failedAttempts` failed tries; retryDelayMs unless given. */
  retryDelay?: (failedAttempts: number) => number;
  /** A channel still failing this long after the alert was made is given up on. Three days unless given. */
  giveUpAfterMs?: number;
}

export interface Outbox {
  /** Writes the alert to disk, emits alert-queued, and (once started) sends it. Resolves with its id. */
  enqueue(alert: { kind: AlertKind; content: AlertContent }): Promise<string>;
  /** Loads what a previous run left (after a crash, restart or reboot) and delivers it. */
  start(): Promise<void>;
  /** Tries at once whatever is due now, then resolves when no send and no outbox write is in flight. */
  flush(): Promise<void>;
  /** Stops scheduling tries and waits for the sends in flight. What is left is sent at the next start. */
  stop(): Promise<void>;
  /** How many alerts are waiting for a channel to be set up anew. */
  waitingCount(): number;
}

const SENT_KEPT_MS = 30 * 24 * 3600_000;
const GIVE_UP_AFTER_MS = 3 * 24 * 3600_000;
const LABELS = { ntfy: 'ntfy', email: 'Email', webhook: 'Webhook' } as const;

export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const retryDelay = options.retryDelay ?? ((n: number) => retryDelayMs(n));
  const giveUpAfterMs = options.giveUpAfterMs ?? GIVE_UP_AFTER_MS;
  const emit = options.onEvent ?? (() => undefined);
  const problem = options.onProblem ?? (() => undefined);
  const folder = path.join(options.dataDir, 'outbox');
  const senders = new Map(options.channels.map((c) => [c.key, c]));
  const records = new Map<string, OutboxRecord>();
  const timers = new Map<string, { timer: NodeJS.Timeout; due: number; run: () => void }>();
  /** Channels of alerts being sent right now ("id|key"): never two sends of one alert on one channel at once. */
  const sending = new Set<string>();
  const writes = new Map<string, Promise<boolean>>();
  const inFlight = new Set<Promise<void>>();
  let running = false;

  const fileOf = (id: string, sub = ''): string => path.join(folder, sub, `${id}.json`);
  const stamp = (): string => now().toISOString();

  /** Writes the record's current state after any write already queued for it. False when the disk refused. */
  const persist = (record: OutboxRecord): Promise<boolean> => {
    const previous = writes.get(record.id) ?? Promise.resolve(true);
    const next = previous.then(() =>
      writeFileAtomic(fileOf(record.id), JSON.stringify(record)).then(
        () => true,
        (error: unknown) => {
          problem(`Pause Guard could not save an alert in its outbox (${diskProblem(error)}); it keeps trying to send it while it runs.`);
          return false;
        },
      ),
    );
    writes.set(record.id, next);
    return next;
  };

  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const schedule = (record: OutboxRecord, key: string): void => {
    const state = record.channels[key];
    if (!running || !state || state.status !== 'pending') return;
    const timerKey = `${record.id}|${key}`;
    if (timers.has(timerKey) || sending.has(timerKey)) return;
    const due = Date.parse(state.nextAttemptAt);
    const run = (): void => {
      clearTimeout(timers.get(timerKey)?.timer);
      timers.delete(timerKey);
      if (!running) return;
      sending.add(timerKey);
      track(
        attempt(record, key).finally(() => {
          sending.delete(timerKey);
          schedule(record, key);
        }),
      );
    };
    const timer = setTimeout(run, Math.max(0, due - now().getTime()));
    timer.unref();
    timers.set(timerKey, { timer, due, run });
  };

  const attempt = async (record: OutboxRecord, key: string): Promise<void> => {
    const state = record.channels[key];
    if (!state || state.status !== 'pending') return;
    const sender = senders.get(key);
    state.attempts += 1;
    state.lastAttemptAt = stamp();
    if (!sender) {
      settleFailure(record, state, { reason: `${LABELS[state.channel]}: this way of sending was taken out of the settings.`, permanent: true });
      state.takenOut = true;
    } else {
      await persist(record);
      try {
        await sender.send(alertOf(record));
        state.status = 'delivered';
        state.deliveredAt = stamp();
        state.lastError = null;
      } catch (error) {
        settleFailure(record, state, asDeliveryError(error, sender.label));
      }
    }
    await persist(record);
    const status = state.status as ChannelState['status']; // settleFailure may have changed it
    if (status === 'delivered') {
      emit({ type: 'alert-delivered', at: stamp(), alertId: record.id, channel: state.channel, attempts: state.attempts });
    } else {
      emit({
        type: 'alert-failed', at: stamp(), alertId: record.id, channel: state.channel,
        attempts: state.attempts, permanent: status !== 'pending', reason: state.lastError ?? '',
      });
    }
    if (status !== 'pending') await finishIfDone(record);
  };

  const settleFailure = (record: OutboxRecord, state: ChannelState, failure: Pick<DeliveryError, 'reason' | 'permanent'>): void => {
    const tooOld = now().getTime() - Date.parse(record.createdAt) >= giveUpAfterMs;
    state.lastError = failure.permanent || !tooOld ? failure.reason : `${failure.reason} Pause Guard stopped trying after three days.`;
    if (failure.permanent) {
      state.status = 'waiting';
      return;
    }
    if (tooOld) {
      state.status = 'failed';
      return;
    }
    state.nextAttemptAt = new Date(now().getTime() + retryDelay(state.attempts)).toISOString();
  };

  /** Once no channel is pending or waiting: delivered everywhere -> sent/, otherwise -> failed/ (kept for the summary). */
  const finishIfDone = async (record: OutboxRecord): Promise<void> => {
    const states = Object.values(record.channels);
    if (states.some((s) => s.status === 'pending' || s.status === 'waiting') || !records.has(record.id)) return;
    records.delete(record.id);
    await writes.get(record.id);
    writes.delete(record.id);
    const target = states.length > 0 && states.every((s) => s.status === 'delivered') ? 'sent' : 'failed';
    try {
      await fs.mkdir(path.join(folder, target), { recursive: true });
      await writeFileAtomic(fileOf(record.id, target), JSON.stringify(record));
      await fs.rm(fileOf(record.id), { force: true });
    } catch (error) {
      problem(`Pause Guard could not file away a finished alert (${diskProblem(error)}).`);
    }
  };

  const load = async (name: string): Promise<void> => {
    const file = path.join(folder, name);
    const id = name.slice(0, -'.json'.length);
    if (records.has(id)) return;
    let record: OutboxRecord;
    try {
      const parsed = OutboxRecordSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      if (!parsed.success || parsed.data.id !== id) throw new Error('it does not hold an alert');
      record = parsed.data;
    } catch (error) {
      await keepAside(name, error);
      return;
    }
    if (await finishedElsewhere(id)) {
      await fs.rm(file, { force: true });
      return;
    }
    records.set(id, record);
    if (adopt(record)) await persist(record);
    await finishIfDone(record);
  };

  /** A copy already in sent/ or failed/ means the crash came between filing it away and removing it here. */
  const finishedElsewhere = async (id: string): Promise<boolean> => {
    for (const sub of ['sent', 'failed']) {
      if (await exists(fileOf(id, sub))) return true;
    }
    return false;
  };

  const keepAside = async (name: string, error: unknown): Promise<void> => {
    const why = error instanceof SyntaxError ? 'it is not valid JSON' : error instanceof Error ? error.message : String(error);
    const target = path.join(folder, 'corrupt', `${stamp().replace(/[:.]/g, '-')}-${name}`);
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(path.join(folder, name), target);
      problem(`An alert in the outbox could not be read (${why}); the file was kept aside as ${target}.`);
    } catch (moveError) {
      problem(`An alert in the outbox could not be read (${why}) nor moved aside (${diskProblem(moveError)}).`);
    }
  };

  const pruneSent = async (): Promise<void> => {
    const sent = path.join(folder, 'sent');
    const names = await fs.readdir(sent).catch(() => [] as string[]);
    const cutoff = now().getTime() - SENT_KEPT_MS;
    for (const name of names) {
      const file = path.join(sent, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat?.isFile() && stat.mtimeMs < cutoff) await fs.rm(file, { force: true });
    }
  };

  /**
   * Points each channel of `record` that waits for new settings, or whose destination is no longer set up, at the
   * channel of the same kind set up now; a waiting channel whose destination is back after being taken out goes again.
   */
  const adopt = (record: OutboxRecord): boolean => {
    let changed = false;
    for (const [key, state] of Object.entries(record.channels)) {
      const stuck = state.status === 'waiting' || (state.status === 'pending' && !senders.has(key));
      if (!stuck) continue;
      if (state.status === 'waiting' && state.takenOut && senders.has(key)) {
        record.channels[key] = { ...state, status: 'pending', nextAttemptAt: stamp(), takenOut: false };
        changed = true;
        continue;
      }
      const anew = [...senders.values()].find((sender) => sender.channel === state.channel && sender.key !== key);
      if (!anew) continue;
      delete record.channels[key];
      if (!record.channels[anew.key]) record.channels[anew.key] = { ...state, status: 'pending', nextAttemptAt: stamp(), takenOut: false };
      changed = true;
    }
    return changed;
  };

  const flush = async (): Promise<void> => {
    for (const { due, run } of [...timers.values()]) if (due <= now().getTime()) run();
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    await Promise.allSettled([...writes.values()]);
  };

  return {
    async enqueue({ kind, content }) {
      const id = randomUUID();
      const createdAt = stamp();
      const channels: Record<string, ChannelState> = {};
      for (const sender of senders.values()) {
        channels[sender.key] = {
          channel: sender.channel, status: 'pending', attempts: 0, nextAttemptAt: createdAt,
          lastAttemptAt: null, lastError: null, deliveredAt: null,
        };
      }
      const record: OutboxRecord = { version: 1, id, kind, createdAt, content, channels };
      records.set(id, record);
      await fs.mkdir(folder, { recursive: true }).catch(() => undefined);
      await persist(record);
      emit({ type: 'alert-queued', at: stamp(), alertId: id, kind, channels: [...new Set(Object.values(channels).map((c) => c.channel))] });
      for (const key of Object.keys(channels)) schedule(record, key);
      await finishIfDone(record);
      return id;
    },
    async start() {
      if (running) return;
      running = true;
      try {
        await fs.mkdir(folder, { recursive: true });
        const names = await fs.readdir(folder);
        for (const name of names) {
          if (name.startsWith('.') && name.endsWith('.tmp')) await fs.rm(path.join(folder, name), { force: true });
          else if (name.endsWith('.json')) await load(name);
        }
        await pruneSent();
      } catch (error) {
        problem(`Pause Guard could not open its outbox (${diskProblem(error)}); new alerts are still sent.`);
      }
      for (const record of records.values()) for (const key of Object.keys(record.channels)) schedule(record, key);
    },
    flush,
    waitingCount: () => [...records.values()].filter((r) => Object.values(r.channels).some((s) => s.status === 'waiting')).length,
    async stop() {
      running = false;
      for (const { timer } of timers.values()) clearTimeout(timer);
      timers.clear();
      await flush();
    },
  };
}

function alertOf(record: OutboxRecord): Alert {
  return { id: record.id, kind: record.kind, createdAt: record.createdAt, content: record.content };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

function diskProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission was refused';
  if (code === 'EROFS') return 'the disk is read-only';
  return error instanceof Error ? error.message : String(error);
}
