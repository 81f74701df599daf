// The caller guesses the family PIN on the command line (`setup --pin-current`), where no one at the screen sees it:
// each wrong try counts against the one lockout the app uses, is journalled, and the family is told.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAppServices } from '../../electron/guardian/appServices';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';
import { childPaced } from '../fixtures/childReports';
import { journalOf, ntfyTitles, pauseguard } from '../fixtures/hostile/callerCli';

let dataDir: string;
let ntfy: Receiver;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-hostile-cli-pin-'));
  ntfy = await startReceiver(() => 200);
});
afterEach(async () => {
  await ntfy.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

// Seven CLI runs one after another, each started through npm and tsx: every wait is on a run's exit, with no budget
// that would count their start-ups on a busy machine.
it('wrong --pin-current tries lock PIN entry for the app too, are journalled, and the family is told', childPaced, async () => {
  const first = await pauseguard(
    ['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--ntfy-url', `${ntfy.url}/pg-family`, '--pin', '2468'],
    dataDir,
  );
  expect(first.code).toBe(0);
  const before = await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8');

  const guess = (pin: string) =>
    pauseguard(['setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Eve', '--ntfy-url', 'https://ntfy.sh/callers-topic', '--pin-current', pin], dataDir);
  for (const pin of ['1234', '0000', '1111', '2580', '1357']) {
    const tried = await guess(pin);
    expect(tried.code).toBe(1);
    expect(tried.stderr).toMatch(/^That PIN is not right\./);
  }
  const locked = await guess('2468');
  expect(locked.code).toBe(1);
  expect(locked.stderr).toMatch(/^PIN entry is locked after too many wrong tries\. Try again in \d+ (seconds?|minute)\./);
  expect(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(before);

  const failed = (await journalOf(dataDir)).filter((r) => r.type === 'pin-failed');
  expect(failed).toHaveLength(5);
  expect(failed.at(-1)).toMatchObject({ action: 'change-settings', lockedUntil: expect.any(String) });
  expect(ntfyTitles(ntfy.received).filter((t) => t === "Margaret's PC: a wrong PIN was typed")).toHaveLength(5);

  // The setup window counts the same tries: the right PIN is refused there too while the lockout lasts.
  const services = await createAppServices({ dataDir, version: 'test', downloadFolders: [], quit: () => undefined, log: () => undefined, watchers: [] });
  const view = await services.setup.view({ pin: '2468' });
  expect(view).toMatchObject({ locked: true, message: expect.stringMatching(/^PIN entry is locked/) });
  await services.close();
});
