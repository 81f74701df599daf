// `watch`: runs the engine until SIGTERM or SIGINT, printing each event the moment it happens.
import type { GuardianEvent } from '../../shared/events';
import type { Engine } from '../guardian/engine';
import type { CliCommand } from './command';
import { engineFor, WATCH_OPTIONS } from './engineFor';

export const watchCommand: CliCommand = {
  name: 'watch',
  usage: 'watch [--json] [--downloads DIR ...]',
  summary: 'Keep watching and print each event the moment it happens, until stopped (SIGTERM or SIGINT).',
  options: WATCH_OPTIONS,
  async run(context) {
    await watch(engineFor(context), (line) => context.write(line), context.common.json);
    return 0;
  },
};

export async function watch(engine: Engine, write: (line: string) => void, json: boolean): Promise<void> {
  engine.onEvent((event) => write(json ? JSON.stringify(event) : describeEvent(event)));
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  // The watchers' timers are unref'd so a finished scan exits; this keeps watch alive until a signal.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    await engine.start();
    await stopped;
  } finally {
    clearInterval(keepAlive);
    await engine.stop();
  }
}

/** One plain line per event for a person reading the terminal. */
export function describeEvent(event: GuardianEvent): string {
  const time = event.at.slice(11, 19);
  switch (event.type) {
    case 'ready': return `${time} Watching: ${event.watchers.join(', ')}.`;
    case 'tool-started': return `${time} ${event.name} ${event.initial ? 'is running' : 'started'} (process ${event.pid}).`;
    case 'tool-stopped': return `${time} ${event.name} stopped (process ${event.pid}).`;
    case 'installer-downloaded': return `${time} An installer for ${event.name} is in ${event.path}.`;
    case 'session-started': return `${time} Someone is connected in through ${event.name}${fromWhom(event)}.`;
    case 'session-ended': return `${time} The ${event.name} connection ended.`;
    case 'session-risk-raised': return `${time} Highest risk: ${event.reason}`;
    case 'window-seen': return `${time} On screen: ${event.kind === 'bank' ? 'a bank page' : 'a request to connect'}.`;
    case 'window-gone': return `${time} Gone from screen: ${event.kind === 'bank' ? 'a bank page' : 'a request to connect'}.`;
    case 'watcher-failed': return `${time} Problem (${event.watcher}): ${event.message}`;
    case 'watcher-recovered': return `${time} Working again: ${event.watcher}.`;
    case 'alert-queued': return `${time} Alert ${event.alertId} queued for ${event.channels.join(', ') || 'no channel'}.`;
    case 'alert-delivered': return `${time} Alert ${event.alertId} delivered by ${event.channel}.`;
    case 'alert-failed': return `${time} Alert ${event.alertId} not delivered by ${event.channel}: ${event.reason}`;
  }
}

function fromWhom(event: { remoteId: string | null; remoteAddress: string | null }): string {
  if (event.remoteId) return ` from ID ${event.remoteId}`;
  if (event.remoteAddress) return ` from ${event.remoteAddress}`;
  return '';
}
