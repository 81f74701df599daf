// `watch` on the real app services over a temp data folder: ready is the first line, and what the app records before
// its watchers have looked (a gap since the last run, the start itself) follows it in order; the clean stop ends it.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { watch } from '../../../electron/cli/watchCommand';
import { createAppServices } from '../../../electron/guardian/appServices';
import { createJournal } from '../../../electron/guardian/store/journal';

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-watch-'));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('prints ready first, then the gap and the start recorded before it, and the clean stop last', async () => {
  // The last run ended without a clean stop an hour ago: this start records a gap.
  const earlier = await createJournal({ dir: path.join(dataDir, 'journal') });
  await earlier.append({ type: 'heartbeat', at: new Date(Date.now() - 3_600_000).toISOString() });
  await earlier.close();

  const services = await createAppServices({ dataDir, version: 'test', downloadFolders: [], watchers: [], quit: () => undefined, log: () => undefined });
  const lines: { type: string }[] = [];
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  services.onEvent((event) => {
    if (event.type === 'ready') setImmediate(stop);
  });
  await watch(services, stopped, (line) => lines.push(JSON.parse(line) as { type: string }), true);

  const types = lines.map((line) => line.type);
  expect(types[0]).toBe('ready');
  expect(types.indexOf('protection-gap')).toBeGreaterThan(0);
  expect(types.indexOf('app-started')).toBeGreaterThan(types.indexOf('protection-gap'));
  expect(types.at(-1)).toBe('clean-stop');
});
