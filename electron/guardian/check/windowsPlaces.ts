// The places Windows keeps remote-access programs and what starts them: the Uninstall keys of HKLM and HKCU in both
// registry views, services and their start type, the Run and RunOnce keys, the Startup folders, and scheduled tasks
// (the XML files under System32\Tasks). The registry is read through registryApi.ts (koffi), never `reg` output.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RemoteTool } from '../../../shared/catalog';
import type { CheckProblem } from '../../../shared/installedCheck';
import type { Catalog } from '../catalog';
import { RegistryError, type RegistryApi, type RegistryHive, type RegistryKey, type RegistryView } from '../win32/registryApi';
import { placeProblem, wildcardMatcher, type Found, type PlaceScan } from './found';
import { expandWindowsPath } from '../watchers/sessions/windowsSessionWatcher';
import { folderNames, localWindowsPath, writtenAt } from './placeFiles';
import { isCheckedTool, toolOfCommand } from './toolMatch';

export interface WindowsSources {
  registry: RegistryApi;
  /** The environment: %APPDATA%, %ProgramData%, %SystemRoot%. */
  env: Record<string, string | undefined>;
}

const HIVE_NAMES: Record<RegistryHive, string> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };
const VIEWS: RegistryView[] = [64, 32];
const UNINSTALL = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const RUN_KEYS = ['SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce'];
const SERVICES = 'SYSTEM\\CurrentControlSet\\Services';
const STARTUP_FOLDERS = ['%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup', '%ProgramData%\\Microsoft\\Windows\\Start Menu\\Programs\\StartUp'];
const TASKS = '%SystemRoot%\\System32\\Tasks';
const TASK_MANAGER = 'To switch it off, open Task Manager (Ctrl+Shift+Esc), choose Startup apps, and disable it';

export async function windowsPlaces(catalog: Catalog, sources: WindowsSources): Promise<PlaceScan> {
  const scans = [uninstallEntries(catalog, sources), services(catalog, sources), runEntries(catalog, sources), await startupFolders(catalog, sources), await scheduledTasks(catalog, sources)];
  return { found: scans.flatMap((s) => s.found), problems: scans.flatMap((s) => s.problems) };
}

/** The key's name as Windows shows it; the 32-bit view of HKLM\SOFTWARE is its WOW6432Node. */
export function keyName(hive: RegistryHive, key: string, view: RegistryView): string {
  const viewed = hive === 'HKLM' && view === 32 && /^SOFTWARE\\/i.test(key) ? key.replace(/^SOFTWARE\\/i, 'SOFTWARE\\WOW6432Node\\') : key;
  return `${HIVE_NAMES[hive]}\\${viewed}`;
}

function readKey(sources: WindowsSources, hive: RegistryHive, key: string, view: RegistryView, problems: CheckProblem[]): RegistryKey | null {
  try {
    return sources.registry.readKey(hive, key, view);
  } catch (error) {
    const where = keyName(hive, key, view);
    problems.push(error instanceof RegistryError ? { where, message: `${where} could not be checked: ${error.message}.` } : placeProblem(where, error));
    return null;
  }
}

const text = (key: RegistryKey, name: string): string | null => {
  const value = key.values.get(name.toLowerCase());
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};

/** Programs in Add or remove programs: HKLM and HKCU, both registry views. */
export function uninstallEntries(catalog: Catalog, sources: WindowsSources): PlaceScan {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  for (const hive of ['HKLM', 'HKCU'] as const) {
    for (const view of VIEWS) {
      const list = readKey(sources, hive, UNINSTALL, view, problems);
      for (const subkey of list?.subkeys ?? []) {
        const entry = readKey(sources, hive, `${UNINSTALL}\\${subkey}`, view, problems);
        if (!entry) continue;
        const displayName = text(entry, 'DisplayName');
        const uninstall = text(entry, 'UninstallString');
        const tool = (displayName ? catalog.tools.find((t) => isCheckedTool(t) && wildcardMatcher(t.installs?.windows.displayNames ?? [])(displayName)) : undefined) ??
          [uninstall, text(entry, 'DisplayIcon')].map((command) => (command ? toolOfCommand(catalog, command) : null)).find(Boolean);
        if (!tool) continue;
        const version = text(entry, 'DisplayVersion');
        const where = keyName(hive, `${UNINSTALL}\\${subkey}`, view);
        found.push({
          toolId: tool.id,
          place: {
            kind: 'uninstall-entry', where,
            what: `the installed program "${displayName ?? subkey}"${version ? `, version ${version}` : ''}${text(entry, 'InstallLocation') ? ` in ${text(entry, 'InstallLocation')}` : ''}`,
            installedAt: installDate(entry), startsByItself: null,
          },
          removal: uninstall && uninstallerLooksRight(uninstall, tool, sources.env)
            ? { kind: 'open-uninstaller', command: uninstall }
            : { kind: 'tell-helper', detail: `it is listed as "${displayName ?? subkey}" in Settings, Apps, Installed apps${uninstall ? `, and its uninstall command looks unusual: ${uninstall}. Do not run that command; remove the program from Settings, Apps, Installed apps, or look at it together` : ', with no uninstaller of its own. Remove it from there'}` },
        });
      }
    }
  }
  return { found, problems };
}

/** Names an uninstaller of its own usually has (Inno Setup, NSIS and the like). */
const UNINSTALLER_NAMES = /^(unins\d*|uninst(all)?(er)?|uninstall[-_ ]?\w*|setup|install(er)?|update)\.exe$/i;

/** Windows Installer removing (or repairing) one product by its code, and at most a quiet switch: nothing else. */
const MSI_REMOVAL = /^\/[xi]\s*\{[0-9a-f-]{36}\}(\s+\/q[nbr]?)?$/i;

/**
 * Whether an entry's uninstall command runs what an uninstaller of this tool would: Windows Installer (msiexec /X or /I
 * with a product code) from Windows' own folder, or an uninstaller or one of the tool's own programs inside one of the
 * tool's install folders under Program Files (which only an administrator can write), with nothing chained after it.
 * The entry's own InstallLocation is not believed: a caller can write an entry in HKCU naming any folder. Anything else
 * is never run by the app: the family helper is told instead.
 */
export function uninstallerLooksRight(command: string, tool: RemoteTool, env: Record<string, string | undefined>): boolean {
  // Chaining, redirection and variables (& | < > ^ %, a new line) are never run, though the app runs no command processor.
  if (/[&|<>^%\r\n]/.test(command)) return false;
  const parts = uninstallCommandParts(command, env);
  if (parts === null) return false;
  const { program, args } = parts;
  const base = program.slice(program.lastIndexOf('\\') + 1).toLowerCase();
  if (base === 'msiexec.exe') return program.toLowerCase() === systemMsiexec(env).toLowerCase() && MSI_REMOVAL.test(args.join(' '));
  const folder = program.slice(0, program.lastIndexOf('\\')).toLowerCase();
  const adminOnly = [env.ProgramFiles, env['ProgramFiles(x86)']].filter((f): f is string => Boolean(f)).map((f) => `${f.toLowerCase()}\\`);
  const toolFolders = (tool.installs?.windows.paths ?? [])
    .map((p) => expandWindowsPath(p, env)?.toLowerCase() ?? null)
    .filter((f): f is string => f !== null && adminOnly.some((root) => f.startsWith(root)));
  return toolFolders.some((f) => wildcardMatcher([f])(folder)) && (UNINSTALLER_NAMES.test(base) || tool.executables.windows.some((exe) => exe.toLowerCase() === base));
}

/**
 * The program an uninstall command runs and its arguments, as the app starts them (no command processor): the quoted
 * first part, or up to ".exe"; a bare `msiexec` is Windows' own, in System32. Null when no program can be read.
 */
export function uninstallCommandParts(command: string, env: Record<string, string | undefined>): { program: string; args: string[] } | null {
  const text = command.trim();
  let program: string | null;
  let rest: string;
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    program = end > 1 ? text.slice(1, end) : null;
    rest = end > 1 ? text.slice(end + 1) : '';
  } else {
    const exe = /^(.+?\.exe)(?=\s|$)/i.exec(text) ?? /^(\S+)/.exec(text);
    program = exe?.[1] ?? null;
    rest = program === null ? '' : text.slice(program.length);
  }
  if (program === null || program === '') return null;
  if (/^msiexec(\.exe)?$/i.test(program)) program = systemMsiexec(env);
  const args = [...rest.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return { program, args };
}

function systemMsiexec(env: Record<string, string | undefined>): string {
  return `${env.SystemRoot ?? env.windir ?? 'C:\\Windows'}\\System32\\msiexec.exe`;
}

/** InstallDate (YYYYMMDD) when the entry has one, else when its key was last written. */
function installDate(entry: RegistryKey): string | null {
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(text(entry, 'InstallDate') ?? '');
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))).toISOString();
  return entry.lastWritten?.toISOString() ?? null;
}

/** Win32 services (not drivers) that are a catalog tool, with their start type. */
export function services(catalog: Catalog, sources: WindowsSources): PlaceScan {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  const list = readKey(sources, 'HKLM', SERVICES, 64, problems);
  for (const name of list?.subkeys ?? []) {
    const byName = catalog.tools.find((t) => isCheckedTool(t) && wildcardMatcher(t.installs?.windows.services ?? [])(name));
    const service = readKey(sources, 'HKLM', `${SERVICES}\\${name}`, 64, problems);
    if (!service) continue;
    const type = service.values.get('type');
    // Types 1, 2 and 8 are drivers and file systems; services are 0x10 and up.
    if (typeof type === 'number' && type < 0x10) continue;
    const image = text(service, 'ImagePath');
    const tool: RemoteTool | null = byName ?? (image ? toolOfCommand(catalog, image) : null);
    if (!tool) continue;
    const start = service.values.get('start');
    const automatic = start === 0 || start === 1 || start === 2;
    const startWords = start === 4 ? 'switched off' : automatic ? 'starts with the computer' : 'starts when asked';
    found.push({
      toolId: tool.id,
      place: {
        kind: 'service', where: keyName('HKLM', `${SERVICES}\\${name}`, 64),
        what: `the service "${name}" (${startWords})`, installedAt: service.lastWritten?.toISOString() ?? null,
        startsByItself: automatic ? 'starts with the computer, as a service' : null,
      },
      removal: start === 4 ? null : {
        kind: 'tell-helper',
        detail: `it is set up as the service "${name}"${automatic ? ', which starts with the computer' : ''}. To switch it off, in a Command Prompt opened as administrator, run: sc stop "${name}" and then: sc config "${name}" start= disabled`,
      },
    });
  }
  return { found, problems };
}

/** Where Task Manager marks startup entries switched on or off, per kind of entry. */
const APPROVED = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved';

/** The names StartupApproved marks switched off (the first byte odd: 03, 07), lower-cased. */
function switchedOff(sources: WindowsSources, hive: RegistryHive, kind: string, problems: CheckProblem[]): Set<string> {
  const marks = readKey(sources, hive, `${APPROVED}\\${kind}`, 64, problems);
  return new Set([...(marks?.values ?? [])].flatMap(([name, mark]) => (Buffer.isBuffer(mark) && ((mark[0] ?? 0) & 1) === 1 ? [name] : [])));
}

/** Commands in the Run and RunOnce keys of HKLM and HKCU, both views: started at every login, unless marked switched off. */
export function runEntries(catalog: Catalog, sources: WindowsSources): PlaceScan {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  for (const hive of ['HKLM', 'HKCU'] as const) {
    for (const view of VIEWS) {
      const approvedKind = hive === 'HKLM' && view === 32 ? 'Run32' : 'Run';
      const off = switchedOff(sources, hive, approvedKind, problems);
      for (const key of RUN_KEYS) {
        const run = readKey(sources, hive, key, view, problems);
        for (const [name, value] of run?.values ?? []) {
          if (typeof value !== 'string' || off.has(name)) continue;
          const tool = toolOfCommand(catalog, value);
          if (!tool) continue;
          const own = hive === 'HKCU' && key === RUN_KEYS[0];
          found.push({
            toolId: tool.id,
            place: { kind: 'run-entry', where: keyName(hive, key, view), what: `the startup entry "${originalName(run, name)}", which runs ${value}`, installedAt: run?.lastWritten?.toISOString() ?? null, startsByItself: 'starts when you log in, from a startup entry' },
            removal: own
              ? { kind: 'disable-startup-entry', approvedKey: `${APPROVED}\\Run`, valueName: originalName(run, name) }
              : { kind: 'tell-helper', detail: `it starts by itself from the startup entry "${originalName(run, name)}". ${TASK_MANAGER}` },
          });
        }
      }
    }
  }
  return { found, problems };
}

/** A value's name as Windows spells it (the reader keys values lower-cased). */
function originalName(key: RegistryKey | null, lower: string): string {
  return key?.names.get(lower) ?? lower;
}

/** Programs and shortcuts in the person's and everyone's Startup folders. */
export async function startupFolders(catalog: Catalog, sources: WindowsSources): Promise<PlaceScan> {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  for (const [index, template] of STARTUP_FOLDERS.entries()) {
    // The first is the person's own folder (HKCU marks its shortcuts on or off), the second everyone's (HKLM).
    const own = index === 0;
    const off = switchedOff(sources, own ? 'HKCU' : 'HKLM', 'StartupFolder', problems);
    const folder = localWindowsPath(template, sources.env);
    if (folder === null) continue;
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const name of names.sort()) {
      if (off.has(name.toLowerCase())) continue;
      const file = path.join(folder, name);
      let tool: RemoteTool | null = toolOfCommand(catalog, name);
      if (!tool && name.toLowerCase().endsWith('.lnk')) {
        try {
          tool = shortcutTargets(await fs.readFile(file)).map((target) => toolOfCommand(catalog, `"${target}"`)).find(Boolean) ?? null;
        } catch (error) {
          problems.push(placeProblem(file, error));
          continue;
        }
      }
      if (!tool) continue;
      found.push({
        toolId: tool.id,
        place: { kind: 'startup-folder', where: file, what: `the startup shortcut ${name}`, installedAt: await writtenAt(file), startsByItself: 'starts when you log in, from the Startup folder' },
        removal: own
          ? { kind: 'disable-startup-entry', approvedKey: `${APPROVED}\\StartupFolder`, valueName: name }
          : { kind: 'tell-helper', detail: `it starts by itself from the shortcut "${name}" in the Startup folder. ${TASK_MANAGER}` },
      });
    }
  }
  return { found, problems };
}

/** The .exe paths a shell link (.lnk) names, in its ANSI and UTF-16 strings. */
export function shortcutTargets(bytes: Buffer): string[] {
  const ansi = bytes.toString('latin1').match(/[\x20-\x7e]{4,}?\.exe/gi) ?? [];
  const wide = bytes.toString('utf16le').match(/[\x20-\x7e\u00a0-\uffef]{4,}?\.exe/gi) ?? [];
  const wideOdd = bytes.subarray(1).toString('utf16le').match(/[\x20-\x7e\u00a0-\uffef]{4,}?\.exe/gi) ?? [];
  return [...new Set([...ansi, ...wide, ...wideOdd].map((target) => target.replace(/^.*?([A-Za-z]:\\|%)/, '$1')))];
}

/** Scheduled tasks (their XML files under System32\Tasks, in subfolders too) whose action runs a catalog tool. */
export async function scheduledTasks(catalog: Catalog, { env }: WindowsSources): Promise<PlaceScan> {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  const top = localWindowsPath(TASKS, env);
  if (top === null) return { found, problems };
  const folders = [top];
  for (let folder = folders.shift(); folder !== undefined; folder = folders.shift()) {
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const name of names.sort()) {
      const file = path.join(folder, name);
      let xml: string | null;
      try {
        if ((await fs.stat(file)).isDirectory()) {
          folders.push(file);
          continue;
        }
        xml = decodeTask(await fs.readFile(file));
      } catch (error) {
        problems.push(placeProblem(file, error));
        continue;
      }
      const task = taskFacts(xml);
      const tool = task.commands.map((command) => toolOfCommand(catalog, `"${command}"`)).find(Boolean);
      if (!tool) continue;
      const taskName = `\\${path.relative(top, file).split(path.sep).join('\\')}`;
      const starts = task.enabled && task.triggers.length > 0;
      found.push({
        toolId: tool.id,
        place: {
          kind: 'scheduled-task', where: file, what: `the scheduled task "${taskName}"${task.enabled ? '' : ' (switched off)'}`,
          installedAt: task.date ?? (await writtenAt(file)), startsByItself: starts ? `starts by itself from a scheduled task (${task.triggers.join(', ')})` : null,
        },
        removal: starts ? { kind: 'tell-helper', detail: `it starts by itself from the scheduled task "${taskName}". To switch it off, in a Command Prompt opened as administrator, run: schtasks /Change /TN "${taskName}" /Disable` } : null,
      });
    }
  }
  return { found, problems };
}

/** Task files are UTF-16 with a byte-order mark when Windows writes them; UTF-8 otherwise. */
function decodeTask(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

const TRIGGER_WORDS: Record<string, string> = {
  LogonTrigger: 'at login', BootTrigger: 'when the computer starts', TimeTrigger: 'at a set time', CalendarTrigger: 'on a schedule',
  IdleTrigger: 'when the computer is idle', SessionStateChangeTrigger: 'when someone connects or unlocks', RegistrationTrigger: 'when it was set up',
  EventTrigger: 'on a system event',
};

/** What a task's XML says: the commands its Exec actions run, its triggers, whether it is enabled, and its registration date. */
export function taskFacts(xml: string): { commands: string[]; triggers: string[]; enabled: boolean; date: string | null } {
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
  const commands = [...xml.matchAll(/<Exec>[\s\S]*?<Command>([\s\S]*?)<\/Command>/g)].map((m) => unescape(m[1] ?? '').replace(/^"|"$/g, ''));
  const triggerBlock = /<Triggers>([\s\S]*?)<\/Triggers>/.exec(xml)?.[1] ?? '';
  const triggers = [...new Set([...triggerBlock.matchAll(/<(\w+Trigger)[\s>]/g)].map((m) => TRIGGER_WORDS[m[1] ?? ''] ?? 'on a trigger'))];
  const settings = /<Settings>([\s\S]*?)<\/Settings>/.exec(xml)?.[1] ?? '';
  const enabled = !/<Enabled>\s*false\s*<\/Enabled>/i.test(settings);
  const date = /<RegistrationInfo>[\s\S]*?<Date>([^<]+)<\/Date>/.exec(xml)?.[1] ?? null;
  const parsed = date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null;
  return { commands, triggers, enabled, date: parsed };
}
