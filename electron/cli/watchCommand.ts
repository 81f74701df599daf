// `watch`: runs protection headless (engine, policy, journal, alerts) until SIGTERM or SIGINT, printing each event at once.
import type { WindowKind } from '../../shared/events';
import type { JournalRecord } from '../../shared/journal';
import { createAppServices, type AppServices } from '../guardian/appServices';
import { APP_VERSION } from '../guardian/appVersion';
import type { CliCommand } from './command';
import { downloadFoldersOf, processesInOf, WATCH_OPTIONS } from './engineFor';

export const watchCommand: CliCommand = {
  name: 'watch',
  usage: 'watch [--json] [--downloads DIR ...] [--processes-in DIR]',
  summary: 'Keep watching and print each event the moment it happens, until stopped (SIGTERM or SIGINT).',
  options: WATCH_OPTIONS,
  async run(context) {
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    const services = await createAppServices({
      dataDir: context.common.dataDir,
      version: APP_VERSION,
      downloadFolders: downloadFoldersOf(context),
      processesIn: processesInOf(context),
      // Headless there is no PIN page to ask from, so nothing here can ask to quit: SIGTERM is the way to stop.
      quit: () => undefined,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    await watch(services, stopped, (line) => context.write(line), context.common.json);
    return 0;
  },
};

/**
 * Prints every event until `stopped`. `ready` is the first line (the contract scripts rely on): what the app records
 * while its watchers take their first look (a gap since the last run, the start itself) is held and follows it, in order.
 */
export async function watch(services: AppServices, stopped: Promise<void>, write: (line: string) => void, json: boolean): Promise<void> {
  const print = (event: JournalRecord): void => write(json ? JSON.stringify(event) : describeEvent(event));
  let held: JournalRecord[] | null = [];
  services.onEvent((event) => {
    if (held === null) return print(event);
    if (event.type !== 'ready') return void held.push(event);
    const before = held;
    held = null;
    print(event);
    before.forEach(print);
  });
  // The watchers' timers are unref'd so a finished scan exits; this keeps watch alive until a signal.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    await services.start();
    await stopped;
  } finally {
    clearInterval(keepAlive);
    // Stopped before the watchers were ready (a failed start): nothing held is lost.
    held?.forEach(print);
    held = null;
    await services.stop('shutdown');
  }
}

/** What a window the windows watcher reports shows, in a few words. */
const WINDOW_WORDS: Record<WindowKind, string> = {
  bank: 'a bank or payment page',
  'tool-prompt': 'a request to connect',
  'screen-share': 'the screen being shared',
  'remote-control': 'remote control asked for or given in a call',
};

/** One plain line per event for a person reading the terminal; what the app itself records is named by its type. */
export function describeEvent(event: JournalRecord): string {
  const time = event.at.slice(11, 19);
  switch (event.type) {
    case 'ready': return `${time} Watching: ${event.watchers.join(', ')}.`;
    case 'tool-started': return `${time} ${event.name} ${event.initial ? 'is running' : 'started'} (process ${event.pid}).`;
    case 'tool-stopped': return `${time} ${event.name} stopped (process ${event.pid}).`;
    case 'installer-downloaded': return `${time} An installer for ${event.name} is in ${event.path}.`;
    case 'session-started': return `${time} Someone is connected in through ${event.name}${fromWhom(event)}.`;
    case 'session-ended': return `${time} The ${event.name} connection ended.`;
    case 'session-past': return `${time} ${event.name}'s log records an earlier connection${fromWhom({ remoteId: event.remoteId, remoteAddress: null })}.`;
    case 'session-risk-raised': return `${time} Highest risk: ${event.reason}`;
    case 'window-seen': return `${time} On screen: ${WINDOW_WORDS[event.kind]}${event.name ? ` (${event.name})` : ''}.`;
    case 'window-gone': return `${time} Gone from screen: ${WINDOW_WORDS[event.kind]}.`;
    case 'sharing-risk-raised': return `${time} Highest risk: a bank or payment page is open while ${event.name} shares the screen.`;
    case 'remote-input': return `${time} Someone else is moving the mouse (input made by ${event.device ?? (event.pid === null ? 'a program' : `process ${event.pid}`)}).`;
    case 'remote-input-ended': return `${time} The mouse is no longer being moved by someone else.`;
    case 'watcher-failed': return `${time} Problem (${event.watcher}): ${event.message}`;
    case 'watcher-recovered': return `${time} Working again: ${event.watcher}.`;
    case 'interruption-requested': return `${time} Pause-and-check page shown for ${event.name}.`;
    case 'alert-queued': return `${time} Alert ${event.alertId} queued for ${event.channels.join(', ') || 'no channel'}.`;
    case 'alert-delivered': return `${time} Alert ${event.alertId} delivered by ${event.channel}.`;
    case 'alert-failed': return `${time} Alert ${event.alertId} not delivered by ${event.channel}: ${event.reason}`;
    default: return `${time} Recorded: ${event.type}.`;
  }
}

function fromWhom(event: { remoteId: string | null; remoteAddress: string | null }): string {
  if (event.remoteId) return ` from ID ${event.remoteId}`;
  if (event.remoteAddress) return ` from ${event.remoteAddress}`;
  return '';
}
