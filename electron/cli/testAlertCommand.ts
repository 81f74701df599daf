// `test-alert`: sends a test alert on every channel in the settings and prints one line per channel, OK or why not.
import os from 'node:os';
import { sendTestAlert } from '../guardian/alerts/testAlert';
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
    const { results } = await sendTestAlert(settings, os.hostname());
    if (context.common.json) context.write(JSON.stringify({ results }));
    else if (results.length === 0) context.write(NO_CHANNELS);
    else for (const result of results) context.write(result.message);
    return results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
  },
};
