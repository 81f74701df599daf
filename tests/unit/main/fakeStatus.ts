// A valid Status for the main-process tests, built once so each test changes only what it is about.
import type { Status } from '../../../shared/api';

export const protectedStatus: Status = {
  state: 'protected',
  summary: 'Pause Guard is watching this computer.',
  watchers: [{ name: 'processes', ok: true, message: null }],
  toolsRunning: [],
  since: '2025-01-06T09:00:00.000Z',
};
