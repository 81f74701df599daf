// `test-alert`: sends a test alert on every channel in the settings and prints one line per channel, OK or why not;
// at most one a minute (a refusal is one plain line), each try left for the running app to journal.
import os from 'node:os';
import { openNtfyBudget } from '../guardian/alerts/ntfyBudget';
import { runTestAlert } from '../guardian/alerts/testAlert';
import { leaveForJournal } from '../guardian/store/journalInbox';
import { openSettings } from '../guardian/store/settingsStore';
import type { CliCommand } from './command';

export const NO_CHANNELS = 'No alert channels are set up yet. Run setup first.';

export const testAlertCommand: CliCommand = {
  name: 'test-alert',
  usage: 'test-alert [--json]',
  summary: 'Send a test alert to the trusted contact on every channel set up, and say whether each one worked.',
  options: {},
  async run(context) {
    const { settings, reset } = await openSettings({ dataDir: context.common.dataDir });
    if (reset) context.write(`The settings could not be used: ${reset.reason}`);
    const { dataDir } = context.common;
    const ntfyBudget = await openNtfyBudget(dataDir);
    const { results, refused } = await runTestAlert({
      dataDir, settings, pcName: os.hostname(), channels: { ntfyBudget }, journal: (record) => leaveForJournal(dataDir, record),
    });
    if (context.common.json) context.write(JSON.stringify(refused ? { results, refused } : { results }));
    else if (refused) context.write(refused);
    else if (results.length === 0) context.write(NO_CHANNELS);
    else for (const result of results) context.write(result.message);
    return results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
  },
};
