// "Check this computer" on Linux, on a real temporary tree: packages, system and user units, autostart entries and
// AppImages of real catalog tools; each place read once, unreadable places named once, the trusted left alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import { checkInstalled } from '../../../../electron/guardian/check/installedCheck';
import { linuxPlaces } from '../../../../electron/guardian/check/linuxPlaces';
import type { TrustedHelper } from '../../../../shared/settings';
import { emptyLinuxTree, INSTALLED_AT, scammedLinuxTree, type LinuxTree } from '../../../fixtures/check/linuxTree';

const catalog = loadCatalog();
let tree: LinuxTree | null = null;
afterEach(() => tree?.remove());

function check(t: LinuxTree, options: { trusted?: TrustedHelper[]; running?: string[] } = {}) {
  return checkInstalled({
    catalog, platform: 'linux', root: t.root, home: t.home, env: {},
    places: () => linuxPlaces(catalog, t), trustedHelpers: options.trusted ?? [], helperName: 'Dave',
    running: () => Promise.resolve(new Set(options.running ?? [])),
  });
}

it('finds every remote-access program a caller left, in each place, and nothing else', async () => {
  tree = scammedLinuxTree();
  const { report } = await check(tree);
  expect(report.problems).toEqual([]);
  expect(report.programs.map((p) => p.toolId)).toEqual(['anydesk', 'rustdesk', 'teamviewer', 'x11vnc']);
  const anydesk = report.programs.find((p) => p.toolId === 'anydesk');
  expect(anydesk).toMatchObject({
    description: 'AnyDesk lets another person see and control this computer.',
    installedAt: INSTALLED_AT.toISOString(), startsByItself: true, unattended: true, trusted: false, running: false,
  });
  expect(anydesk?.places.map((p) => [p.kind, p.what, p.startsByItself])).toEqual([
    ['package', 'the package anydesk, version 6.3.0', null],
    // Read once though /lib and /usr/lib are one folder on a merged-/usr system.
    ['systemd-unit', 'the system service anydesk.service', 'starts with the computer, as a system service'],
    ['autostart', 'the startup file anydesk_global_tray.desktop', 'starts when you log in, from a startup file'],
  ]);
  expect(anydesk?.steps.map((s) => s.kind)).toEqual(['tell-helper', 'tell-helper', 'hide-autostart']);
  expect(anydesk?.steps[0]?.words).toBe('Please help me remove AnyDesk from this computer. Pause Guard says it is installed as the package "anydesk". To remove it, run: sudo apt remove anydesk.');
  expect(anydesk?.steps[1]?.words).toContain('sudo systemctl disable --now anydesk.service');
  expect(anydesk?.steps[0]?.says).toBe('This needs someone with the administrator password. Read the words below to Dave; the button lets Dave know you need help with it.');

  // TeamViewer: only TeamViewer Host is installed (the other package was removed), its service is not enabled.
  const teamviewer = report.programs.find((p) => p.toolId === 'teamviewer');
  expect(teamviewer?.places.map((p) => p.what)).toEqual(['the package teamviewer-host, version 15.48.4', 'the system service teamviewerd.service']);
  expect(teamviewer?.startsByItself).toBe(false);

  // RustDesk by its AppImage and by what a service of the person's own runs (the unit's name says nothing).
  const rustdesk = report.programs.find((p) => p.toolId === 'rustdesk');
  expect(rustdesk?.places.map((p) => [p.kind, p.what])).toEqual([
    ['systemd-unit', 'the service of your own support-helper.service'],
    ['appimage', 'the program file rustdesk-1.2.3-x86_64.AppImage'],
  ]);
  expect(rustdesk?.steps.map((s) => s.kind)).toEqual(['disable-user-unit', 'tell-helper']);
  expect(report.programs.find((p) => p.toolId === 'x11vnc')?.steps.map((s) => s.kind)).toEqual(['hide-autostart']);
});

it('never offers to switch off Pause Guard\'s own startup file, even when a caller made it start AnyDesk', async () => {
  tree = emptyLinuxTree();
  tree.write('home/margaret/.config/autostart/pause-guard.desktop', '[Desktop Entry]\nType=Application\nName=Pause Guard\nExec=/usr/bin/anydesk --tray\n');
  const anydesk = (await check(tree)).report.programs.find((p) => p.toolId === 'anydesk');
  expect(anydesk?.steps.map((s) => s.kind)).toEqual(['tell-helper']);
  expect(anydesk?.steps[0]?.words).toContain("Pause Guard's own startup file");
});

it('says nothing is installed on a computer without any, and finds no problem there', async () => {
  tree = emptyLinuxTree();
  expect((await check(tree)).report).toMatchObject({ programs: [], problems: [] });
});

it('a trusted program is shown as trusted and offered no step', async () => {
  tree = scammedLinuxTree();
  const { report, steps } = await check(tree, { trusted: [{ toolId: 'anydesk', remoteId: '987654321', label: 'Dave' } as TrustedHelper] });
  const anydesk = report.programs.find((p) => p.toolId === 'anydesk');
  expect(anydesk).toMatchObject({ trusted: true, steps: [] });
  expect([...steps.values()].some((s) => s.program.toolId === 'anydesk')).toBe(false);
  expect(report.programs.at(-1)?.toolId).toBe('anydesk');
});

it('a startup file the person switched off (Hidden=true in their own copy) is not counted', async () => {
  tree = scammedLinuxTree();
  tree.write('home/margaret/.config/autostart/anydesk_global_tray.desktop', '[Desktop Entry]\nType=Application\nName=AnyDesk\nExec=/usr/bin/anydesk --tray\nHidden=true\n');
  const anydesk = (await check(tree)).report.programs.find((p) => p.toolId === 'anydesk');
  expect(anydesk?.places.map((p) => p.kind)).toEqual(['package', 'systemd-unit']);
});

it('an unreadable place is named once and the check goes on', async () => {
  tree = scammedLinuxTree();
  // A broken link among the startup files, the dpkg status file replaced by a folder, a units folder that is a file.
  tree.link('home/margaret/.config/autostart/anydesk.desktop', '/nowhere/anydesk.desktop');
  fs.rmSync(path.join(tree.root, 'var/lib/dpkg/status'));
  fs.mkdirSync(path.join(tree.root, 'var/lib/dpkg/status'));
  fs.mkdirSync(path.join(tree.root, 'etc/systemd'), { recursive: true });
  tree.write('etc/systemd/user', 'not a folder');
  const { report } = await check(tree);
  expect(report.problems).toEqual([
    { where: path.join(tree.root, 'var/lib/dpkg/status'), message: `${path.join(tree.root, 'var/lib/dpkg/status')} could not be checked: it is a folder where a file should be.` },
    { where: path.join(tree.root, 'etc/systemd/user'), message: `${path.join(tree.root, 'etc/systemd/user')} could not be checked: it is a file where a folder should be.` },
    { where: path.join(tree.home, '.config/autostart/anydesk.desktop'), message: `${path.join(tree.home, '.config/autostart/anydesk.desktop')} could not be checked: it points to something that is not there (a broken link).` },
  ]);
  // Everything else was still found.
  expect(report.programs.map((p) => p.toolId)).toEqual(['anydesk', 'rustdesk', 'teamviewer', 'x11vnc']);
});

it('a folder with two names (/lib is /usr/lib) that cannot be read is named once, by its first name', async () => {
  tree = scammedLinuxTree();
  fs.rmSync(path.join(tree.root, 'usr/lib/systemd/system'), { recursive: true });
  tree.link('usr/lib/systemd/system', '/nowhere/systemd/system');
  const { report } = await check(tree);
  const where = path.join(tree.root, 'usr/lib/systemd/system');
  expect(report.problems).toEqual([{ where, message: `${where} could not be checked: it points to something that is not there (a broken link).` }]);
  expect(report.programs.find((p) => p.toolId === 'anydesk')?.places.map((p) => p.kind)).toEqual(['package', 'autostart']);
});
