// The names of the renderer contract's methods and events as plain data, with no schemas: the preload imports only
// this (and types), so it stays a few kilobytes. shared/api.ts checks at compile time that the lists match its schemas.

export const methodNames = [
  'getStatus',
  'openExternalLink',
  'getInterruption',
  'choose',
  'closeInterruption',
  'confirmProtectedAction',
  'getSetup',
  'saveSetup',
  'sendTestAlert',
  'getWeeklySummary',
  'checkComputer',
  'cleanUpStep',
] as const;

export const eventNames = ['status', 'interruption', 'warning', 'showPage', 'protectedAction'] as const;

/** The IPC channel of a method or event: one prefix, so a handler never answers a channel it does not own. */
export const channelOf = (name: (typeof methodNames)[number] | (typeof eventNames)[number]): string => `pause-guard:${name}`;
