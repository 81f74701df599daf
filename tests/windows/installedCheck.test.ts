// "Check this computer" under Wine, for real: Uninstall entries (both registry views, HKLM and HKCU), Run keys, services
// made with `sc create`, a scheduled task file and a Startup shortcut written into the prefix are read through koffi and
// advapi32 by `pauseguard check`; and `clean-up` runs an entry's uninstall command for real behind the family PIN.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bedPaths } from '../../scripts/windows/windowsBed';
import type { CheckReport } from '../../shared/installedCheck';
import { startReceiver, type Receiver } from '../integration/alerts/receiver';
import { startWineBed, type WineBed } from './wineHarness';

let bed: WineBed;
let webhook: Receiver;
const dataDir = () => `${bed.folders.appData}\\Pause Guard test`;
const UNINSTALL = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const X86 = 'C:\\Program Files (x86)';

/** Runs Windows commands inside the prefix (reg, sc) from Node for Windows, to set the "PC" up. */
async function inWindows(commands: string[][]): Promise<void> {
  const script = `const { execFileSync } = require('child_process'); for (const [file, ...args] of ${JSON.stringify(commands)}) execFileSync(file, args, { stdio: 'ignore' });`;
  const { code, stderr } = await bed.runNode(['-e', script]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
}

const regSz = (key: string, name: string, value: string, view: '32' | '64' = '64') => ['reg', 'add', key, '/v', name, '/t', 'REG_SZ', '/d', value, '/f', `/reg:${view}`];

async function checkReport(): Promise<CheckReport> {
  const { code, stdout, stderr } = await bed.runCli(['check', '--json', '--data-dir', dataDir()]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as CheckReport;
}

beforeAll(async () => {
  webhook = await startReceiver(() => 200);
  bed = await startWineBed();
  // AnyDesk's own uninstall command ("AnyDesk.exe" --remove in its folder), played by a copy of Node for Windows there
  // running a script that leaves a marker.
  const anydeskExe = bed.toLinux(`${X86}\\AnyDesk\\AnyDesk.exe`);
  fs.mkdirSync(path.dirname(anydeskExe), { recursive: true });
  fs.copyFileSync(bedPaths.nodeExe, anydeskExe, fs.constants.COPYFILE_FICLONE);
  const uninstaller = `${bed.folders.programData}\\AnyDesk\\uninstall.js`;
  await bed.writeFile(uninstaller, "require('fs').writeFileSync(process.argv[2], 'uninstalled ' + process.argv.slice(3).join(' '))");
  const marker = `${bed.folders.programData}\\AnyDesk\\uninstalled.txt`;
  const command = `"${X86}\\AnyDesk\\AnyDesk.exe" "${uninstaller}" "${marker}" --remove`;
  await inWindows([
    regSz(`HKLM\\${UNINSTALL}\\AnyDesk`, 'DisplayName', 'AnyDesk', '32'),
    regSz(`HKLM\\${UNINSTALL}\\AnyDesk`, 'DisplayVersion', 'ad 8.0.8', '32'),
    regSz(`HKLM\\${UNINSTALL}\\AnyDesk`, 'InstallLocation', `${X86}\\AnyDesk`, '32'),
    regSz(`HKLM\\${UNINSTALL}\\AnyDesk`, 'InstallDate', '20261130', '32'),
    regSz(`HKLM\\${UNINSTALL}\\AnyDesk`, 'UninstallString', command, '32'),
    regSz(`HKCU\\${UNINSTALL}\\RustDesk`, 'DisplayName', 'RustDesk'),
    regSz(`HKCU\\${UNINSTALL}\\RustDesk`, 'UninstallString', `"${bed.folders.localAppData}\\rustdesk\\rustdesk.exe" --uninstall`),
    regSz(`HKLM\\${UNINSTALL}\\Notepad++`, 'DisplayName', 'Notepad++ (64-bit x64)'),
    regSz('HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', 'AnyDesk', `"${X86}\\AnyDesk\\AnyDesk.exe" --tray`),
    ['sc', 'create', 'AnyDesk', 'binPath=', `"${X86}\\AnyDesk\\AnyDesk.exe" --service`, 'start=', 'auto'],
    ['sc', 'create', 'ScreenConnect Client (1a2b3c4d5e6f7a8b)', 'binPath=', `"${X86}\\ScreenConnect Client (1a2b3c4d5e6f7a8b)\\ScreenConnect.ClientService.exe" "?e=Access&y=Guest&h=instance-abc.screenconnect.com"`, 'start=', 'demand'],
  ]);
  await bed.writeFile(`${bed.folders.programData}\\AnyDesk\\service.conf`, 'ad.anynet.id=123456789\nad.anynet.pwd_hash=967adedce518105664c46e21fd4edb02270506a307ea7242fa78c1cf80baec9d\nad.anynet.pwd_salt=351535afd2d98b9a3a0e14905a60a345\n');
  const task = `<?xml version="1.0" encoding="UTF-16"?>\r\n<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\r\n  <RegistrationInfo>\r\n    <Date>2026-11-30T10:20:00</Date>\r\n    <Author>SYSTEM</Author>\r\n  </RegistrationInfo>\r\n  <Triggers>\r\n    <LogonTrigger>\r\n      <Enabled>true</Enabled>\r\n    </LogonTrigger>\r\n  </Triggers>\r\n  <Settings>\r\n    <Enabled>true</Enabled>\r\n  </Settings>\r\n  <Actions Context="Author">\r\n    <Exec>\r\n      <Command>"C:\\Program Files\\ATERA Networks\\AteraAgent\\AteraAgent.exe"</Command>\r\n      <Arguments>/heartbeat</Arguments>\r\n    </Exec>\r\n  </Actions>\r\n</Task>\r\n`;
  await bed.writeFile('C:\\windows\\system32\\Tasks\\Atera\\AteraAgentHeartbeat', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(task, 'utf16le')]));
}, 180_000);
afterAll(async () => {
  await bed?.stop();
  await webhook?.close();
});

describe('check this computer under Wine', () => {
  it('finds each program in its registry keys, services, tasks and settings, each place once', async () => {
    const report = await checkReport();
    const anydesk = report.programs.find((p) => p.toolId === 'anydesk');
    expect(anydesk?.places.map((p) => [p.kind, p.where, p.startsByItself])).toEqual([
      ['uninstall-entry', `HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\${UNINSTALL.slice('SOFTWARE\\'.length)}\\AnyDesk`, null],
      ['service', 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\AnyDesk', 'starts with the computer, as a service'],
      ['run-entry', 'HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', 'starts when you log in, from a startup entry'],
    ]);
    expect(anydesk).toMatchObject({ installedAt: '2026-11-30T00:00:00.000Z', startsByItself: true, unattended: true, trusted: false });
    expect(anydesk?.places[0]?.what).toBe(`the installed program "AnyDesk", version ad 8.0.8 in ${X86}\\AnyDesk`);
    expect(anydesk?.steps.map((s) => s.kind)).toEqual(['open-uninstaller', 'tell-helper', 'disable-startup-entry']);
    expect(anydesk?.steps[1]?.words).toContain('sc config "AnyDesk" start= disabled');

    // HKCU is one key in both registry views: RustDesk's entry is reported once.
    expect(report.programs.find((p) => p.toolId === 'rustdesk')?.places.map((p) => p.kind)).toEqual(['uninstall-entry']);
    const screenconnect = report.programs.find((p) => p.toolId === 'screenconnect');
    expect(screenconnect?.places.map((p) => [p.what, p.startsByItself])).toEqual([['the service "ScreenConnect Client (1a2b3c4d5e6f7a8b)" (starts when asked)', null]]);
    const atera = report.programs.find((p) => p.toolId === 'atera');
    expect(atera?.places.map((p) => [p.kind, p.what, p.startsByItself])).toEqual([
      ['scheduled-task', 'the scheduled task "\\Atera\\AteraAgentHeartbeat"', 'starts by itself from a scheduled task (at login)'],
    ]);
    expect(report.programs.map((p) => p.toolId)).not.toContain('notepad');
  });

  it('runs the entry\'s own uninstall command, shown first, only with the family PIN', async () => {
    const setup = await bed.runCli([
      'setup', '--non-interactive', '--person', 'Margaret', '--contact-name', 'Dave', '--webhook-url', `${webhook.url}/hook`, '--pin', '2468', '--data-dir', dataDir(),
    ]);
    expect(setup.code).toBe(0);
    const step = (await checkReport()).programs.find((p) => p.toolId === 'anydesk')?.steps.find((s) => s.kind === 'open-uninstaller');
    expect(step?.command).toMatch(/^"C:\\Program Files \(x86\)\\AnyDesk\\AnyDesk\.exe" ".*uninstall\.js" ".*uninstalled\.txt" --remove$/);
    const marker = bed.toLinux(`${bed.folders.programData}\\AnyDesk\\uninstalled.txt`);

    const wrong = await bed.runCli(['clean-up', '--step', step?.id ?? '', '--pin', '1111', '--data-dir', dataDir()]);
    expect(wrong.code).toBe(1);
    expect(fs.existsSync(marker)).toBe(false);

    const right = await bed.runCli(['clean-up', '--step', step?.id ?? '', '--pin', '2468', '--data-dir', dataDir()]);
    expect(right.stderr).toBe('');
    expect(right).toMatchObject({ code: 0, stdout: 'The uninstaller for AnyDesk ran and finished.\n' });
    expect(fs.readFileSync(marker, 'utf8')).toBe('uninstalled --remove');
    const journal = fs.readdirSync(bed.toLinux(`${dataDir()}\\journal`)).map((f) => fs.readFileSync(path.join(bed.toLinux(`${dataDir()}\\journal`), f), 'utf8')).join('');
    expect(journal).toContain('"type":"clean-up"');
    // The family heard of the wrong PIN and of the uninstaller (127.0.0.1 inside Wine is the Linux loopback).
    const bodies = webhook.received.map((r) => r.body).join('\n');
    expect(bodies).toContain('a wrong PIN was typed');
    expect(bodies).toContain('AnyDesk was cleaned up');
  });

  it('switches off the person\'s own startup entry as Task Manager does, leaving the entry itself', async () => {
    const step = (await checkReport()).programs.find((p) => p.toolId === 'anydesk')?.steps.find((s) => s.kind === 'disable-startup-entry');
    expect(step).toBeDefined();
    const run = await bed.runCli(['clean-up', '--step', step?.id ?? '', '--pin', '2468', '--data-dir', dataDir()]);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, stdout: 'AnyDesk will no longer start by itself when you log in.\n' });
    // Read back through koffi: the entry is marked switched off, so it no longer starts AnyDesk by itself.
    const anydesk = (await checkReport()).programs.find((p) => p.toolId === 'anydesk');
    expect(anydesk?.places.map((p) => p.kind)).toEqual(['uninstall-entry', 'service']);
    // The Run value itself is still there (reg query fails when it is not).
    await inWindows([['reg', 'query', 'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', '/v', 'AnyDesk']]);
  });
});
