// Interruption and warning views as the main process sends them, for the renderer tests.
import type { InterruptionView, WarningView } from '../../shared/interruption';

export function interruptionOf(overrides: Partial<InterruptionView> = {}): InterruptionView {
  const shownAt = new Date();
  return {
    id: 'int-1',
    level: 'interrupt',
    cause: 'tool-started',
    tool: { toolId: 'anydesk', name: 'AnyDesk', description: 'AnyDesk lets another person see and control this computer.' },
    remoteId: null,
    remoteAddress: null,
    occurrences: 1,
    shownAt: shownAt.toISOString(),
    countdownEndsAt: new Date(shownAt.getTime() + 30_000).toISOString(),
    canCarryOn: false,
    suspension: 'suspended',
    stage: 'pause',
    notEnded: null,
    region: 'GB',
    personName: 'Ann',
    contact: { name: 'Sarah', phone: '07700 900123' },
    pinRequired: true,
    confirmationWord: 'myself',
    ...overrides,
  };
}

export function warningOf(overrides: Partial<WarningView> = {}): WarningView {
  return {
    id: 'warn-1',
    cause: 'installer-downloaded',
    tool: { toolId: 'teamviewer', name: 'TeamViewer', description: 'TeamViewer lets another person see and control this computer.' },
    at: new Date().toISOString(),
    region: 'GB',
    contact: null,
    ...overrides,
  };
}

/** Words that blame the person; none may ever be shown. */
export const blamingWords = /you should have|stupid|careless|fault|foolish/i;
