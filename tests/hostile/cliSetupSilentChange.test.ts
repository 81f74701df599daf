// The caller changes the settings from a terminal instead of the setup window (`setup --non-interactive`): the change
// must be journalled and the family told, exactly as when it is made in the window.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';
import { journalOf, ntfyTitles, pauseguard } from '../fixtures/hostile/callerCli';

let dataDir: string;
let ntfy: Receiver;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-hostile-cli-change-'));
  ntfy = await startReceiver(() => 200);
});
afterEach(async () => {
  await ntfy.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('a change made with the CLI is journalled and the family is told', async () => {
  const first = await pauseguard(
    ['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--ntfy-url', `${ntfy.url}/pg-family`, '--pin', '2468'],
    dataDir,
  );
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);

  // With the PIN (told to them, or watched over a shoulder), the caller switches off start at login and trusts their AnyDesk.
  const change = await pauseguard(
    ['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--pin-current', '2468',
      '--no-start-at-login', '--trust', 'anydesk:987654321'],
    dataDir,
  );
  expect(change.stderr).toBe('');
  expect(change.code).toBe(0);

  const changes = (await journalOf(dataDir)).filter((r) => r.type === 'settings-changed');
  expect(changes.at(-1)).toMatchObject({ type: 'settings-changed', fields: ['trustedHelpers', 'startAtLogin'] });
  expect(changes).toHaveLength(2);
  expect(ntfyTitles(ntfy.received)).toEqual(["Margaret's PC: settings were changed", "Margaret's PC: settings were changed"]);
});
