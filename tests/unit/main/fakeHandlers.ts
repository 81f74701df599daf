// Recording handlers for every method of the contract, for the transport tests (dispatch, IPC): what each answers is
// the smallest valid output, so a test only states what it checks.
import { vi } from 'vitest';
import { protectedStatus } from './fakeStatus';

const allowed = { ok: true, message: null, lockedUntil: null };

export function fakeHandlers() {
  return {
    getStatus: vi.fn(async () => protectedStatus),
    openExternalLink: vi.fn(async ({ url }: { url: string }) => ({ opened: url.startsWith('https://') })),
    getInterruption: vi.fn(async () => null),
    choose: vi.fn(async () => allowed),
    closeInterruption: vi.fn(async () => allowed),
    confirmProtectedAction: vi.fn(async () => allowed),
    getSetup: vi.fn(async (): Promise<never> => { throw new Error('not used here'); }),
    saveSetup: vi.fn(async () => ({ ok: true, fieldErrors: {}, message: null })),
    sendTestAlert: vi.fn(async () => ({ results: [] })),
    getWeeklySummary: vi.fn(async (): Promise<never> => { throw new Error('not used here'); }),
    checkComputer: vi.fn(async () => ({ report: { at: '2026-12-01T10:00:00.000Z', programs: [], problems: [] }, pinRequired: true, confirmationWord: 'REMOVE', region: 'GB' as const })),
    cleanUpStep: vi.fn(async () => ({ status: 'refused' as const, message: 'not used here' })),
  };
}
