// `test-alert`: sends a test alert on every channel in the settings and prints one line per channel, OK or why not;
// at most one a minute (a refusal is one plain line), each try journalled through the app's own services.
import type { CliCommand } from './command';
import { withCommandServices } from './commandServices';

export const NO_CHANNELS = 'No alert channels are set up yet. Run setup first.';

export const testAlertCommand: CliCommand = {
  name: 'test-alert',
  usage: 'test-alert [--json]',
  summary: 'Send a test alert to the trusted contact on every channel set up, and say whether each one worked.',
  options: {},
  async run(context) {
    const run = await withCommandServices(context.common.dataDir, (services) => services.setup.testAlert());
    if (!run.ok) {
      context.write(run.problem);
      return 1;
    }
    const { results, refused } = run.value;
    if (context.common.json) context.write(JSON.stringify(refused ? { results, refused } : { results }));
    else if (refused) context.write(refused);
    else if (results.length === 0) context.write(NO_CHANNELS);
    else for (const result of results) context.write(result.message);
    return results.length > 0 && results.every((r) => r.ok) ? 0 : 1;
  },
};
