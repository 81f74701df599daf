// "Check this computer" on macOS, on fixtures in the formats macOS writes: apps by name, bundle id or the program they
// run, LaunchAgents and LaunchDaemons with whether they start by themselves, a binary plist named as a problem.
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import { checkInstalled } from '../../../../electron/guardian/check/installedCheck';
import { macosPlaces } from '../../../../electron/guardian/check/macosPlaces';
import type { LinuxTree } from '../../../fixtures/check/linuxTree';
import { scammedMacTree } from '../../../fixtures/check/macosTree';

const catalog = loadCatalog();
let tree: LinuxTree | null = null;
afterEach(() => tree?.remove());

it('finds the apps and launch jobs a caller left, and says which start by themselves', async () => {
  tree = scammedMacTree();
  const t = tree;
  const { report } = await checkInstalled({
    catalog, platform: 'darwin', root: t.root, home: t.home, env: {}, places: () => macosPlaces(catalog, t),
    trustedHelpers: [], helperName: 'Dave', running: () => Promise.resolve(new Set<string>()),
  });
  expect(report.programs.map((p) => p.toolId)).toEqual(['anydesk', 'screenconnect', 'teamviewer']);
  expect(report.programs[0]?.places.map((p) => [p.kind, p.what, p.startsByItself])).toEqual([
    ['app', 'the app AnyDesk, version 8.1.0', null],
    // Disabled in its plist: found, but it does not start by itself.
    ['launch-agent', 'the login helper com.philandro.anydesk.Frontend', null],
    ['launch-daemon', 'the background service com.philandro.anydesk.service', 'starts with the computer, as a background service'],
  ]);
  expect(report.programs[0]?.steps.map((s) => s.words)).toEqual([
    'Please help me remove AnyDesk from this computer. Pause Guard says it is the app "AnyDesk" in the Applications folder. To remove it, quit it, then drag it from that folder to the Bin.',
    'Please help me remove AnyDesk from this computer. Pause Guard says it starts by itself from "com.philandro.anydesk.service". To switch it off, in Terminal run: sudo launchctl bootout system /Library/LaunchDaemons/com.philandro.anydesk.service.plist.',
  ]);
  expect(report.programs[1]?.places.map((p) => [p.kind, p.startsByItself])).toEqual([['launch-agent', 'starts when you log in']]);
  expect(report.programs[2]?.places.map((p) => p.what)).toEqual(['the app Printer Helper']);
  const binary = path.join(t.root, 'Library/LaunchDaemons/com.example.binary.plist');
  expect(report.problems).toEqual([{ where: binary, message: `${binary} could not be checked: it is in the binary property-list format, which Pause Guard does not read.` }]);
});
