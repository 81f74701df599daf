// Tests for the remote-tools catalog: its contents against the LOLRMM reference, matching of processes, installers and ports, and rejection of bad catalogs.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatalogError, GENERIC_EXECUTABLE_NAMES, loadCatalog, type ProcessInfo } from '../../../electron/guardian/catalog';
import bundled from '../../../resources/remote-tools.json';
import { needs } from '../../prerequisites/needs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// The LOLRMM extract of scam-relevant tools, kept with its licence beside the tests so a checkout anywhere can run them.
const referenceDir = path.join(repoRoot, 'tests/fixtures/catalog/lolrmm');
const fixtures = path.resolve(repoRoot, 'tests/fixtures/catalog');

const catalog = loadCatalog();

function proc(fields: Partial<ProcessInfo>): ProcessInfo {
  return { pid: 4242, ppid: 1, name: '', exe: null, cmdline: null, ...fields };
}

const byExe = (exe: string) => catalog.matchProcess(proc({ exe, name: path.basename(exe).slice(0, 15) }))?.id ?? null;
const byName = (name: string) => catalog.matchProcess(proc({ name }))?.id ?? null;
const byCmdline = (cmdline: string) => catalog.matchProcess(proc({ cmdline }))?.id ?? null;

function fixtureLines(file: string): string[] {
  return readFileSync(path.join(fixtures, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** A catalog file with one well-formed tool, to break one field at a time. */
function validTool(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Tool ${id}`,
    description: `Tool ${id} lets another person control this computer.`,
    tier: 'warn',
    executables: { windows: [`${id}.exe`], macos: [], linux: [] },
    ...overrides,
  };
}
const catalogOf = (...tools: Record<string, unknown>[]) => ({ version: 1, source: 'test', tools });

function rejection(raw: unknown): string {
  try {
    loadCatalog(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as Error).message;
  }
  throw new Error('the catalog was accepted');
}

describe('the bundled catalog', () => {
  it('loads and holds at least 60 tools with unique ids and every tier', () => {
    expect(catalog.tools.length).toBeGreaterThanOrEqual(60);
    const ids = catalog.tools.map((tool) => tool.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const tier of ['interrupt', 'warn', 'log'] as const) {
      expect(catalog.tools.filter((tool) => tool.tier === tier).length).toBeGreaterThan(0);
    }
    expect(catalog.byId('anydesk')?.name).toBe('AnyDesk');
    expect(catalog.byId('no-such-tool')).toBeUndefined();
  });

  it('credits LOLRMM as its source', () => {
    expect(bundled.source).toContain('LOLRMM');
    expect(bundled.source).toContain('https://github.com/magicsword-io/LOLRMM');
    const notice = readFileSync(path.join(repoRoot, 'NOTICE'), 'utf8');
    expect(notice).toContain('https://github.com/magicsword-io/LOLRMM');
    expect(notice).toContain('Apache License, Version 2.0');
  });

  it('describes every tool in one short plain sentence', () => {
    for (const tool of catalog.tools) {
      expect(tool.description, tool.id).toMatch(/^[^\n]+\.$/);
      expect(tool.description.slice(0, -1), tool.id).not.toMatch(/[.!?]\s/);
      expect(tool.description.length, tool.id).toBeLessThanOrEqual(120);
    }
  });

  it('puts the remote-control programs scammers ask for in the interrupt tier', () => {
    const interrupt = [
      'anydesk', 'teamviewer', 'ultraviewer', 'screenconnect', 'quick-assist', 'rustdesk', 'logmein', 'logmein-rescue',
      'supremo', 'aeroadmin', 'splashtop', 'zoho-assist', 'goto-resolve', 'chrome-remote-desktop',
    ];
    for (const id of interrupt) expect(catalog.byId(id)?.tier, id).toBe('interrupt');
    for (const id of ['atera', 'ninjaone', 'x11vnc', 'windows-remote-desktop']) expect(catalog.byId(id)?.tier, id).toBe('warn');
    for (const id of ['ngrok', 'cloudflared', 'psexec']) expect(catalog.byId(id)?.tier, id).toBe('log');
  });

  it('names the Linux remote-desktop servers and tools by their executables', () => {
    const linux: Record<string, string> = {
      '/usr/bin/x11vnc': 'x11vnc',
      '/usr/bin/Xvnc': 'tigervnc',
      '/usr/bin/x0vncserver': 'tigervnc',
      '/usr/lib/vino/vino-server': 'vino',
      '/usr/libexec/gnome-remote-desktop-daemon': 'gnome-remote-desktop',
      '/usr/bin/krfb': 'krfb',
      '/usr/bin/anydesk': 'anydesk',
      '/opt/teamviewer/tv_bin/teamviewerd': 'teamviewer',
      '/usr/bin/teamviewer': 'teamviewer',
      '/usr/bin/rustdesk': 'rustdesk',
      '/opt/google/chrome-remote-desktop/chrome-remote-desktop-host': 'chrome-remote-desktop',
      '/usr/sbin/xrdp': 'xrdp',
      '/usr/bin/remmina': 'remmina',
      '/usr/local/bin/ngrok': 'ngrok',
      '/System/Library/CoreServices/RemoteManagement/ARDAgent.app/Contents/MacOS/ARDAgent': 'apple-remote-desktop',
      '/usr/libexec/screensharingd': 'macos-screen-sharing',
    };
    for (const [exe, id] of Object.entries(linux)) expect(byExe(exe), exe).toBe(id);
  });
});

describe('the LOLRMM scam-relevant tools', () => {
  interface ReferenceTool {
    tool: string;
    executables: string[];
    executable_patterns: string[];
  }
  const reference = JSON.parse(readFileSync(path.join(referenceDir, 'scam_relevant_tools.json'), 'utf8')) as ReferenceTool[];
  const genericClaims = new Map(
    catalog.tools.flatMap((tool) => tool.genericExecutables.map((g) => [g.name.toLowerCase(), { tool, g }] as const)),
  );
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

  it('reads the reference list', () => {
    expect(reference.length).toBeGreaterThanOrEqual(40);
  });

  it.each(reference.map((entry) => [entry.tool, entry] as const))('%s is in the catalog', (_name, entry) => {
    const lead = squash(entry.tool.split(/ \/ | \(/)[0] ?? entry.tool);
    expect(catalog.tools.some((tool) => squash(tool.name).includes(lead)), `no catalog tool named like ${entry.tool}`).toBe(true);

    for (const exe of entry.executables) {
      const bare = `C:\\Users\\margaret\\Downloads\\${exe}`;
      const claim = genericClaims.get(exe);
      if (claim) {
        expect(byExe(bare), `${exe} alone`).toBeNull();
        const fragment = (claim.g.pathContains[0] ?? '').replaceAll('/', '\\');
        expect(byExe(`C:\\Program Files${fragment}${exe}`), `${exe} in its vendor folder`).toBe(claim.tool.id);
      } else if (GENERIC_EXECUTABLE_NAMES.has(exe)) {
        expect(byExe(bare), `${exe} is too generic to flag`).toBeNull();
      } else {
        expect(byExe(bare), exe).not.toBeNull();
      }
    }

    for (const pattern of entry.executable_patterns) {
      if (/^[*?]/.test(pattern)) {
        // A pattern with no vendor name in front would flag unrelated programs: the loader refuses it.
        expect(rejection(catalogOf(validTool('broad', { executablePatterns: [pattern] })))).toContain(pattern);
      } else {
        const sample = pattern.replaceAll('*', 'x1').replaceAll('?', 'x');
        expect(byExe(`C:\\Program Files\\Vendor\\${sample}`), pattern).not.toBeNull();
      }
    }
  });
});

describe('matchProcess', () => {
  it('matches the full base name from the executable path, in any case and with either separator', () => {
    expect(byExe('C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe')).toBe('anydesk');
    expect(byExe('c:/program files/anydesk/ANYDESK.EXE')).toBe('anydesk');
    expect(byExe('C:\\Program Files\\TeamViewer\\teamviewer_SERVICE.exe')).toBe('teamviewer');
    expect(byExe('/Applications/AnyDesk.app/Contents/MacOS/AnyDesk')).toBe('anydesk');
  });

  it('matches Windows names on other systems: a Linux path to AnyDesk.exe is AnyDesk', () => {
    expect(byExe('/tmp/pg-test-1/AnyDesk.exe')).toBe('anydesk');
    expect(byExe('/home/margaret/.wine/drive_c/UltraViewer/UltraViewer_Desktop.exe')).toBe('ultraviewer');
    expect(byExe('/tmp/pg-test-1/QuickAssist.exe')).toBe('quick-assist');
  });

  it('matches long names and custom builds', () => {
    expect(byExe('/tmp/x/ScreenConnect.WindowsClient.exe')).toBe('screenconnect');
    expect(byExe('C:\\Program Files (x86)\\ScreenConnect Client (6a1f)\\ScreenConnect.ClientService.exe')).toBe('screenconnect');
    expect(byExe('C:\\x\\GoToResolveUnattendedRemover.exe')).toBe('goto-resolve');
    expect(byExe('C:\\Users\\m\\Downloads\\AnyDesk-7f3a9c01_msi.exe')).toBe('anydesk');
    expect(byExe('/tmp/x/AnyDesk_CompanyBuild.exe')).toBe('anydesk');
    expect(byExe('/tmp/x/rustdesk-1.3.2-x86_64.exe')).toBe('rustdesk');
    expect(byExe('/tmp/x/Support-LogMeInRescue-123456.exe')).toBe('logmein-rescue');
    expect(byExe('/tmp/x/TeamViewerQS_x64.exe')).toBe('teamviewer-quicksupport');
  });

  it('tells TeamViewer QuickSupport (a separate product) from TeamViewer, and names the Windows support hosts', () => {
    expect(byExe('C:\\Users\\m\\Downloads\\TeamViewerQS.exe')).toBe('teamviewer-quicksupport');
    expect(byExe('C:\\Users\\m\\Downloads\\TeamViewerQS_en-idcjq7x2f.exe')).toBe('teamviewer-quicksupport');
    expect(byExe('C:\\Program Files\\TeamViewer\\TeamViewer.exe')).toBe('teamviewer');
    expect(byExe('C:\\Users\\m\\Downloads\\TeamViewer_Setup_x64.exe')).toBe('teamviewer');
    expect(catalog.matchInstaller('TeamViewerQS (1).exe')?.id).toBe('teamviewer-quicksupport');
    expect(byExe('C:\\Program Files (x86)\\Google\\Chrome Remote Desktop\\CurrentVersion\\remote_assistance_host.exe')).toBe('chrome-remote-desktop');
    expect(byExe('C:\\Windows\\System32\\msra.exe')).toBe('windows-remote-assistance');
    for (const id of ['teamviewer-quicksupport', 'windows-remote-assistance', 'chrome-remote-desktop']) expect(catalog.byId(id)?.tier, id).toBe('interrupt');
    expect(catalog.isSessionProcess(catalog.byId('windows-remote-assistance')!, { pid: 1, ppid: null, name: 'msra.exe', exe: null, cmdline: null })).toBe(true);
    expect(catalog.byId('quick-assist')?.domains).toContain('remoteassistance.support.services.microsoft.com');
  });

  it('refuses a session log said to be written also by a tool that is not in the catalog, or by its own tool', () => {
    const log = (writtenAlsoBy: string[]) => ({ sessionLogs: [{ format: 'rustdesk', paths: ['%APPDATA%\\x.log'], writtenAlsoBy }] });
    expect(rejection(catalogOf(validTool('one', log(['nobody']))))).toContain('written also by "nobody"');
    expect(rejection(catalogOf(validTool('one', log(['one']))))).toContain('written also by "one"');
    expect(() => loadCatalog(catalogOf(validTool('one', log(['two'])), validTool('two')))).not.toThrow();
  });

  it('reads a deleted executable the way Linux reports it', () => {
    expect(byExe('/tmp/pg-test-1/AnyDesk.exe (deleted)')).toBe('anydesk');
  });

  it('uses the command line when the executable path is unknown', () => {
    expect(byCmdline('"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe" --control')).toBe('anydesk');
    expect(byCmdline('C:\\Program Files (x86)\\ScreenConnect Client (ab12)\\ScreenConnect.WindowsClient.exe -e Access -y Guest')).toBe(
      'screenconnect',
    );
    expect(byCmdline('/tmp/x/AnyDesk.exe\0--service\0')).toBe('anydesk');
    expect(byCmdline('/usr/bin/x11vnc -display :99 -forever')).toBe('x11vnc');
    expect(byCmdline('C:\\Windows\\System32\\TeamViewer_Desktop.exe --IPCport 5939 --Module 1')).toBe('teamviewer');
  });

  it('does not take an argument for the program', () => {
    expect(byCmdline('/usr/bin/python3 /tmp/AnyDesk.exe')).toBeNull();
    expect(byCmdline('notepad.exe C:\\Users\\m\\AnyDesk.exe')).toBeNull();
    expect(byCmdline('C:\\Windows\\notepad.exe C:\\Users\\m\\AnyDesk.exe')).toBeNull();
    expect(byCmdline('/usr/bin/less -R anydesk')).toBeNull();
  });

  it('never relies on the short name when the executable or command line is known', () => {
    expect(catalog.matchProcess(proc({ name: 'AnyDesk', exe: '/usr/bin/sleep' }))).toBeNull();
    expect(catalog.matchProcess(proc({ name: 'AnyDesk', cmdline: 'sleep 30' }))).toBeNull();
    expect(catalog.matchProcess(proc({ name: 'sleep', exe: '/tmp/x/AnyDesk.exe' }))?.id).toBe('anydesk');
  });

  it('matches a short name alone, exactly or as a Linux name cut to 15 characters', () => {
    expect(byName('AnyDesk.exe')).toBe('anydesk');
    expect(byName('x11vnc')).toBe('x11vnc');
    expect(byName('ScreenConnect.W')).toBe('screenconnect');
    expect(byName('gnome-remote-de')).toBe('gnome-remote-desktop');
    expect(byName('GoToResolveServ')).toBe('goto-resolve');
    expect(byName('AnyDesk-ab1.exe')).toBe('anydesk');
    expect(byName('gnome-remote-d')).toBeNull();
    expect(byName('gnome-session-b')).toBeNull();
  });

  it('does not guess when a cut-short name could be either of two tools', () => {
    const twoTools = loadCatalog(
      catalogOf(
        validTool('first', { executables: { linux: ['longsharedprefix-one'] } }),
        validTool('second', { executables: { linux: ['longsharedprefix-two'] } }),
      ),
    );
    expect(twoTools.matchProcess(proc({ name: 'longsharedprefi' }))).toBeNull();
    expect(twoTools.matchProcess(proc({ exe: '/usr/bin/longsharedprefix-two' }))?.id).toBe('second');
  });

  it('flags generic names only inside the vendor folder', () => {
    expect(byExe('C:\\Program Files\\ATERA Networks\\AteraAgent\\Agent.exe')).toBe('atera');
    expect(byExe('C:/Program Files/Atera Networks/AteraAgent/agent.exe')).toBe('atera');
    expect(byExe('C:\\Program Files\\Printer Co\\agent.exe')).toBeNull();
    expect(byName('agent.exe')).toBeNull();
    expect(byExe('C:\\Program Files\\Parsec\\teams.exe')).toBe('parsec');
    // The same generic name in Microsoft's folder is classic Teams, a meeting app, never Parsec.
    expect(byExe('C:\\Users\\m\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe')).toBe('microsoft-teams-classic');
    expect(byExe('C:\\Program Files\\Other\\Teams.exe')).toBeNull();
    expect(byExe('C:\\Program Files (x86)\\Zoho Assist\\Connect.exe')).toBe('zoho-assist');
    expect(byExe('C:\\Program Files\\Adobe\\Connect.exe')).toBeNull();
    expect(byCmdline('"C:\\ProgramData\\JWrapper-Remote Access\\JWAppsSharedConfig\\Remote Access.exe" -x')).toBe('simplehelp');
    expect(byCmdline('"C:\\Tools\\Remote Access.exe" -x')).toBeNull();
  });

  it.each([
    ['ms-teams.exe', null, 'microsoft-teams'],
    ['Teams.exe', 'C:\\Users\\margaret\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe', 'microsoft-teams-classic'],
    ['Zoom.exe', 'C:\\Users\\margaret\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe', 'zoom'],
    ['zoom', '/opt/zoom/zoom', 'zoom'],
    ['zoom.us', '/Applications/zoom.us.app/Contents/MacOS/zoom.us', 'zoom'],
    ['Skype.exe', null, 'skype'],
    ['WhatsApp.exe', null, 'whatsapp'],
  ])('knows the meeting app %s, at the log tier only: running it is normal', (name, exe, id) => {
    const tool = catalog.matchProcess(proc({ name, exe }));
    expect(tool).toMatchObject({ id, tier: 'log' });
  });

  it('never flags ordinary software', () => {
    const ordinary = fixtureLines('ordinary-processes.txt');
    expect(ordinary.length).toBeGreaterThanOrEqual(80);
    for (const line of ordinary) {
      const base = line.split(/[\\/]/).pop() ?? line;
      expect(catalog.matchProcess(proc({ exe: line, name: base.slice(0, 15) })), `exe ${line}`).toBeNull();
      expect(catalog.matchProcess(proc({ cmdline: `${line} --flag` })), `cmdline ${line}`).toBeNull();
      expect(catalog.matchProcess(proc({ name: base })), `name ${line}`).toBeNull();
      expect(catalog.matchProcess(proc({ name: base.slice(0, 15) })), `short name ${line}`).toBeNull();
    }
  });

  it('never throws on hostile input', () => {
    const long = 'A'.repeat(10_000);
    const hostile: ProcessInfo[] = [
      proc({ name: 'Any\nDesk', exe: '/tmp/Any\nDesk.exe', cmdline: 'Any\nDesk.exe\n--x' }),
      proc({ name: 'AnyDésk™ 😀', exe: '/tmp/😀/AnyDésk.exe', cmdline: '"/tmp/😀/AnyDésk.exe' }),
      proc({ name: long, exe: `/tmp/${long}.exe`, cmdline: `${long} `.repeat(10) }),
      proc({ name: `AnyDesk-${long}.exe`, exe: `/tmp/AnyDesk-${long}.exe` }),
      proc({ name: '', exe: '', cmdline: '' }),
      proc({ name: '   ', exe: '/', cmdline: '\0\0\0' }),
      proc({ name: 'x', exe: '\\\\?\\', cmdline: '"' }),
      { pid: 1 } as unknown as ProcessInfo,
      { pid: 1, name: 7, exe: 8, cmdline: 9 } as unknown as ProcessInfo,
    ];
    for (const p of hostile) {
      expect(() => catalog.matchProcess(p)).not.toThrow();
      expect(() => catalog.isSessionProcess(catalog.byId('teamviewer')!, p)).not.toThrow();
    }
    expect(catalog.matchProcess(hostile[3]!)).toBeNull();
  });

  it('names real processes whose executable is called like a tool', needs('Linux'), async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pg-catalog-'));
    const children: ChildProcess[] = [];
    try {
      const names = { 'ScreenConnect.WindowsClient.exe': 'screenconnect', 'AnyDesk-Custom42.exe': 'anydesk', 'ordinary-sleep': null };
      for (const [file, id] of Object.entries(names)) {
        const exe = path.join(dir, file);
        await copyFile('/bin/sleep', exe);
        await chmod(exe, 0o755);
        const child = spawn(exe, ['30'], { stdio: 'ignore' });
        children.push(child);
        const pid = child.pid!;
        await new Promise((resolve) => child.once('spawn', resolve));
        const info = proc({
          pid,
          name: (await readFile(`/proc/${pid}/comm`, 'utf8')).trim(),
          exe: await readlink(`/proc/${pid}/exe`),
          cmdline: await readFile(`/proc/${pid}/cmdline`, 'utf8'),
        });
        expect(info.name.length).toBeLessThanOrEqual(15);
        expect(catalog.matchProcess(info)?.id ?? null, file).toBe(id);
        expect(catalog.matchProcess({ ...info, exe: null })?.id ?? null, `${file} by command line`).toBe(id);
        expect(catalog.matchProcess({ ...info, exe: null, cmdline: null })?.id ?? null, `${file} by short name`).toBe(id);
      }
    } finally {
      for (const child of children) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('isSessionProcess', () => {
  const tool = (id: string) => catalog.byId(id)!;

  it('sees TeamViewer_Desktop started for a partner, and not without --Module 1', () => {
    const desktop = { exe: 'C:\\Program Files\\TeamViewer\\TeamViewer_Desktop.exe' };
    expect(catalog.isSessionProcess(tool('teamviewer'), proc({ ...desktop, cmdline: '"C:\\Program Files\\TeamViewer\\TeamViewer_Desktop.exe" --IPCport 5939 --Module 1' }))).toBe(true);
    expect(catalog.isSessionProcess(tool('teamviewer'), proc({ ...desktop, cmdline: 'TeamViewer_Desktop.exe --IPCport 5939' }))).toBe(false);
    expect(catalog.isSessionProcess(tool('teamviewer'), proc({ exe: 'C:\\x\\TeamViewer.exe', cmdline: 'TeamViewer.exe --Module 1' }))).toBe(false);
  });

  it('sees a live ScreenConnect client and Quick Assist, but not the always-on service', () => {
    expect(catalog.isSessionProcess(tool('screenconnect'), proc({ exe: '/tmp/x/ScreenConnect.WindowsClient.exe' }))).toBe(true);
    expect(catalog.isSessionProcess(tool('screenconnect'), proc({ name: 'ScreenConnect.W' }))).toBe(true);
    expect(catalog.isSessionProcess(tool('screenconnect'), proc({ exe: '/tmp/x/ScreenConnect.ClientService.exe' }))).toBe(false);
    expect(catalog.isSessionProcess(tool('quick-assist'), proc({ name: 'QuickAssist.exe' }))).toBe(true);
  });

  it('is false for a tool with no session processes', () => {
    expect(catalog.isSessionProcess(tool('anydesk'), proc({ exe: '/tmp/x/AnyDesk.exe' }))).toBe(false);
  });
});

describe('matchInstaller', () => {
  it('names downloaded installers, whatever their case or browser duplicate suffix', () => {
    const installers: Record<string, string> = {
      'AnyDesk.exe': 'anydesk',
      'AnyDesk (1).exe': 'anydesk',
      'ANYDESK.DMG': 'anydesk',
      'anydesk_6.3.2-1_amd64.deb': 'anydesk',
      'TeamViewer_Setup_x64.exe': 'teamviewer',
      'TeamViewerQS.exe': 'teamviewer-quicksupport',
      'TeamViewerQS (2).exe': 'teamviewer-quicksupport',
      'UltraViewer_setup_6.6_en.exe': 'ultraviewer',
      'Supremo.exe': 'supremo',
      'rustdesk-1.3.2-x86_64.exe': 'rustdesk',
      'rustdesk-1.3.2-x86_64.msi': 'rustdesk',
      'rustdesk-1.3.2-aarch64.dmg': 'rustdesk',
      'ScreenConnect.ClientSetup.exe': 'screenconnect',
      'ScreenConnect.ClientSetup.msi': 'screenconnect',
      'ConnectWiseControl.ClientSetup.exe': 'screenconnect',
      'AeroAdmin.exe': 'aeroadmin',
      'Splashtop_SOS.exe': 'splashtop',
      'ZA_Connect.exe': 'zoho-assist',
      'Support-LogMeInRescue.exe': 'logmein-rescue',
      'C:\\Users\\margaret\\Downloads\\AnyDesk.exe': 'anydesk',
      '/home/margaret/Downloads/TeamViewer_Setup.exe': 'teamviewer',
    };
    for (const [file, id] of Object.entries(installers)) expect(catalog.matchInstaller(file)?.id ?? null, file).toBe(id);
  });

  it('never names ordinary downloads, partial downloads or documents', () => {
    for (const file of fixtureLines('ordinary-downloads.txt')) expect(catalog.matchInstaller(file), file).toBeNull();
  });

  it('never throws on hostile file names', () => {
    expect(catalog.matchInstaller(`teamviewer${'setup'.repeat(3000)}.ex`)).toBeNull();
    expect(catalog.matchInstaller(`AnyDesk${'A'.repeat(10_000)}.exe`)).toBeNull();
    expect(catalog.matchInstaller('')).toBeNull();
    expect(catalog.matchInstaller('AnyDesk\n.exe')?.id).toBe('anydesk');
    expect(catalog.matchInstaller('😀AnyDesk.exe')).toBeNull();
    expect(catalog.matchInstaller(42 as unknown as string)).toBeNull();
  });
});

describe('toolForPort', () => {
  it('names the tool listening on a known remote-access port', () => {
    const ports: Record<number, string> = {
      7070: 'anydesk', 6568: 'anydesk', 5938: 'teamviewer', 5900: 'vnc', 5909: 'vnc', 3389: 'windows-remote-desktop',
      21116: 'rustdesk', 21118: 'rustdesk', 21119: 'rustdesk', 8041: 'screenconnect',
    };
    for (const [port, id] of Object.entries(ports)) expect(catalog.toolForPort(Number(port))?.id, port).toBe(id);
  });

  it('names nothing on other ports or impossible numbers', () => {
    for (const port of [22, 80, 443, 5910, 5939, 0, -1, 70_000, Number.NaN, 5900.5]) expect(catalog.toolForPort(port), String(port)).toBeNull();
  });
});

describe('loadCatalog on a bad catalog', () => {
  it('accepts a small valid catalog', () => {
    expect(loadCatalog(catalogOf(validTool('one'), validTool('two'))).tools).toHaveLength(2);
  });

  it.each([
    ['a missing field', catalogOf(validTool('good'), validTool('bad-one', { description: undefined })), ['entry 2 ("bad-one")', 'description']],
    ['a wrong tier', catalogOf(validTool('bad-one', { tier: 'panic' })), ['entry 1 ("bad-one")', 'tier']],
    ['a port out of range', catalogOf(validTool('bad-one', { ports: [70_000] })), ['entry 1 ("bad-one")', 'ports']],
    ['no tools', catalogOf(), ['tools']],
    ['a reused id', catalogOf(validTool('twin'), validTool('twin', { executables: { windows: ['other.exe'] } })), ['entry 2 ("twin")', 'reuses the id']],
    [
      'an executable claimed twice',
      catalogOf(validTool('first'), validTool('second', { executables: { linux: ['FIRST.EXE'] } })),
      ['entry 2 ("second")', 'FIRST.EXE', '"first" already claims'],
    ],
    ['a generic name as a plain executable', catalogOf(validTool('bad-one', { executables: { windows: ['Agent.exe'] } })), ['entry 1 ("bad-one")', 'Agent.exe', 'too generic']],
    ['a generic name without .exe', catalogOf(validTool('bad-one', { executables: { linux: ['launcher'] } })), ['launcher', 'too generic']],
    ['a folder in an executable name', catalogOf(validTool('bad-one', { executables: { linux: ['bin/anydesk'] } })), ['bin/anydesk', 'plain file name']],
    ['a wildcard in an executable name', catalogOf(validTool('bad-one', { executables: { windows: ['any*.exe'] } })), ['any*.exe', 'plain file name']],
    ['a pattern with no vendor in front', catalogOf(validTool('bad-one', { executablePatterns: ['*-elevate.exe'] })), ['entry 1 ("bad-one")', '*-elevate.exe', 'plain characters']],
    ['a pattern with odd characters', catalogOf(validTool('bad-one', { executablePatterns: ['any[d]esk*.exe'] })), ['any[d]esk*.exe', 'may only use']],
    ['a pattern matching a generic name', catalogOf(validTool('bad-one', { executablePatterns: ['setu*.exe'] })), ['setu*.exe', 'too broad', 'setup.exe']],
    [
      "a pattern matching another tool's executable",
      catalogOf(validTool('alpha'), validTool('bad-one', { executablePatterns: ['alph*.exe'] })),
      ['entry 2 ("bad-one")', 'alpha.exe', '"alpha"'],
    ],
    ['an installer pattern without an installer extension', catalogOf(validTool('bad-one', { installerPatterns: ['anydesk*'] })), ['anydesk*', 'must end with']],
    ['an installer pattern with a wild extension', catalogOf(validTool('bad-one', { installerPatterns: ['anydesk.ex*'] })), ['anydesk.ex*', 'must end with']],
    ['a port claimed twice', catalogOf(validTool('first', { ports: [7070] }), validTool('bad-one', { ports: [7070] })), ['entry 2 ("bad-one")', 'port 7070']],
    [
      "a session process that is not the tool's own",
      catalogOf(validTool('bad-one', { sessionProcesses: [{ executable: 'other.exe' }] })),
      ['entry 1 ("bad-one")', 'other.exe'],
    ],
    [
      'a generic name another tool claims plainly',
      catalogOf(validTool('plain'), validTool('bad-one', { genericExecutables: [{ name: 'plain.exe', pathContains: ['/vendor/'] }] })),
      ['entry 2 ("bad-one")', 'plain.exe', '"plain"'],
    ],
    ['two sentences', catalogOf(validTool('bad-one', { description: 'It shares the screen. It is risky.' })), ['entry 1 ("bad-one")', 'one sentence']],
    ['a description with no full stop', catalogOf(validTool('bad-one', { description: 'It shares the screen' })), ['entry 1 ("bad-one")', 'one sentence']],
  ])('rejects %s, naming the entry', (_case, raw, fragments) => {
    const message = rejection(raw);
    for (const fragment of fragments) expect(message).toContain(fragment);
  });

  it('rejects data that is not a catalog at all', () => {
    for (const raw of [null, 'remote-tools', 42, [], {}, { version: 1, source: 'x', tools: 'anydesk' }]) {
      expect(rejection(raw)).toMatch(/^The remote-tools catalog is not valid/);
    }
  });
});
