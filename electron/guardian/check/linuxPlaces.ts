// The places Linux keeps remote-access programs and what starts them: installed packages (the dpkg status file), systemd
// units (system and user), XDG autostart entries and AppImages in the home folder. Every path is under `root` and `home`,
// so tests read a temporary tree. Only reads; never changes anything.
import path from 'node:path';
import type { Catalog } from '../catalog';
import { AUTOSTART_FILE } from '../store/autostart';
import type { CheckProblem } from '../../../shared/installedCheck';
import { placeProblem, wildcardMatcher, type Found, type PlaceScan } from './found';
import { folderNames, placeText, realFolder, writtenAt } from './placeFiles';
import { isCheckedTool, toolOfCommand } from './toolMatch';

export interface LinuxRoots {
  /** The system's root folder: "/" on a real computer. */
  root: string;
  /** The person's home folder. */
  home: string;
}

export async function linuxPlaces(catalog: Catalog, roots: LinuxRoots): Promise<PlaceScan> {
  const scans = await Promise.all([dpkgPackages(catalog, roots), systemdUnits(catalog, roots), xdgAutostart(catalog, roots), homeAppImages(catalog, roots)]);
  return { found: scans.flatMap((s) => s.found), problems: scans.flatMap((s) => s.problems) };
}

/** Packages dpkg lists as installed whose name a catalog tool gives. */
export async function dpkgPackages(catalog: Catalog, { root }: LinuxRoots): Promise<PlaceScan> {
  const status = path.join(root, 'var/lib/dpkg/status');
  let text: string | null;
  try {
    text = await placeText(status);
  } catch (error) {
    return { found: [], problems: [placeProblem(status, error)] };
  }
  const found: Found[] = [];
  for (const stanza of (text ?? '').split(/\n\s*\n/)) {
    const fields = controlFields(stanza);
    const name = fields.get('package');
    if (!name || !/\sinstalled$/.test(fields.get('status') ?? '')) continue;
    const tool = catalog.tools.find((t) => isCheckedTool(t) && (t.installs?.linux.packages ?? []).includes(name));
    if (!tool) continue;
    const version = fields.get('version');
    const list = path.join(root, 'var/lib/dpkg/info');
    const installedAt = (await writtenAt(path.join(list, `${name}.list`))) ?? (await writtenAt(path.join(list, `${name}:${fields.get('architecture') ?? ''}.list`)));
    found.push({
      toolId: tool.id,
      place: { kind: 'package', where: status, what: `the package ${name}${version ? `, version ${version}` : ''}`, installedAt, startsByItself: null },
      removal: { kind: 'tell-helper', detail: `it is installed as the package "${name}". To remove it, run: sudo apt remove ${name}` },
    });
  }
  return { found, problems: [] };
}

type UnitScope = 'system' | 'user';

/** systemd service units that run a catalog tool or carry one of its unit names, with whether they are enabled. */
export async function systemdUnits(catalog: Catalog, { root, home }: LinuxRoots): Promise<PlaceScan> {
  const under = (p: string) => path.join(root, p);
  const scopes: { scope: UnitScope; folders: string[]; wants: string[] }[] = [
    // Highest precedence first: a unit in /etc hides one of the same name in /usr/lib.
    { scope: 'system', folders: [under('etc/systemd/system'), under('usr/local/lib/systemd/system'), under('usr/lib/systemd/system'), under('lib/systemd/system')], wants: [under('etc/systemd/system')] },
    { scope: 'user', folders: [path.join(home, '.config/systemd/user'), under('etc/systemd/user'), under('usr/lib/systemd/user')], wants: [path.join(home, '.config/systemd/user'), under('etc/systemd/user')] },
  ];
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  const readFolders = new Set<string>();
  for (const { scope, folders, wants } of scopes) {
    const seenUnits = new Set<string>();
    const links = await enablingLinks(wants, problems);
    for (const folder of folders) {
      const real = await realFolder(folder);
      if (readFolders.has(real)) continue;
      readFolders.add(real);
      let names: string[];
      try {
        names = await folderNames(folder);
      } catch (error) {
        problems.push(placeProblem(folder, error));
        continue;
      }
      for (const unit of names.filter((n) => n.endsWith('.service')).sort()) {
        if (seenUnits.has(unit)) continue;
        seenUnits.add(unit);
        const file = path.join(folder, unit);
        let text: string | null;
        try {
          text = await placeText(file);
        } catch (error) {
          problems.push(placeProblem(file, error));
          continue;
        }
        if (text === null || text.trim() === '') continue; // masked (a link to /dev/null) or empty
        const tool = catalog.tools.find((t) => isCheckedTool(t) && wildcardMatcher(t.installs?.linux.units ?? [])(unit)) ??
          execTool(catalog, text, 'ExecStart');
        if (!tool) continue;
        const enabling = links.get(unit) ?? [];
        found.push({
          toolId: tool.id,
          place: {
            kind: 'systemd-unit', where: file, what: `the ${scope === 'system' ? 'system service' : 'service of your own'} ${unit}`,
            installedAt: await writtenAt(file),
            startsByItself: enabling.length === 0 ? null : scope === 'system' ? 'starts with the computer, as a system service' : 'starts when you log in, as a service',
          },
          removal: unitRemoval(scope, unit, enabling, home),
        });
      }
    }
  }
  return { found, problems };
}

function unitRemoval(scope: UnitScope, unit: string, enabling: string[], home: string): Found['removal'] {
  if (enabling.length === 0) return null;
  const own = enabling.filter((link) => !path.relative(home, link).startsWith('..'));
  if (scope === 'user' && own.length === enabling.length) return { kind: 'disable-user-unit', unit, links: own };
  const how = scope === 'system' ? `sudo systemctl disable --now ${unit}` : `sudo systemctl --global disable ${unit}`;
  return { kind: 'tell-helper', detail: `it starts by itself as the service "${unit}". To switch that off, run: ${how}` };
}

/** The unit names linked from *.wants and *.requires folders (what enabling a unit makes), each with its links. */
async function enablingLinks(folders: string[], problems: CheckProblem[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  for (const folder of folders) {
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const wants of names.filter((n) => n.endsWith('.wants') || n.endsWith('.requires'))) {
      const dir = path.join(folder, wants);
      let units: string[];
      try {
        units = await folderNames(dir);
      } catch (error) {
        problems.push(placeProblem(dir, error));
        continue;
      }
      for (const unit of units) links.set(unit, [...(links.get(unit) ?? []), path.join(dir, unit)]);
    }
  }
  return links;
}

/** XDG autostart entries that start a catalog tool when the person logs in, the person's own copy first. */
export async function xdgAutostart(catalog: Catalog, { root, home }: LinuxRoots): Promise<PlaceScan> {
  const own = path.join(home, '.config/autostart');
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  const seen = new Set<string>();
  for (const folder of [own, path.join(root, 'etc/xdg/autostart')]) {
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.desktop')).sort()) {
      // The person's own file of the same name replaces the system's (the XDG autostart rule).
      if (seen.has(name)) continue;
      seen.add(name);
      const file = path.join(folder, name);
      let text: string | null;
      try {
        text = await placeText(file);
      } catch (error) {
        problems.push(placeProblem(file, error));
        continue;
      }
      if (text === null) continue;
      const entry = desktopEntry(text);
      if (entry.get('hidden') === 'true' || entry.get('x-gnome-autostart-enabled') === 'false') continue;
      const tool = catalog.tools.find((t) => isCheckedTool(t) && (t.installs?.linux.autostart ?? []).includes(name)) ??
        (entry.get('exec') ? toolOfCommand(catalog, entry.get('exec') ?? '') : null);
      if (!tool) continue;
      found.push({
        toolId: tool.id,
        place: { kind: 'autostart', where: file, what: `the startup file ${name}`, installedAt: await writtenAt(file), startsByItself: 'starts when you log in, from a startup file' },
        // Pause Guard's own startup file made to start a remote tool is never switched off from here: that would stop
        // Pause Guard starting too. The family helper is told instead.
        removal: name === AUTOSTART_FILE
          ? { kind: 'tell-helper', detail: `Pause Guard's own startup file (${file}) was changed to start ${tool.name}. It should start Pause Guard: please look at it together` }
          : { kind: 'hide-autostart', source: file, userCopy: path.join(own, name) },
      });
    }
  }
  return { found, problems };
}

/** Folders of the home where a downloaded AppImage is kept. */
const APPIMAGE_FOLDERS = ['.', 'Applications', 'Desktop', 'Downloads', '.local/bin'];

/** AppImages in the home folder that are a catalog tool (by the catalog's installer patterns or executable names). */
export async function homeAppImages(catalog: Catalog, { home }: LinuxRoots): Promise<PlaceScan> {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  for (const sub of APPIMAGE_FOLDERS) {
    const folder = path.join(home, sub);
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const name of names.filter((n) => n.toLowerCase().endsWith('.appimage')).sort()) {
      const tool = appImageTool(catalog, name);
      if (!tool) continue;
      const file = path.join(folder, name);
      found.push({
        toolId: tool.id,
        place: { kind: 'appimage', where: file, what: `the program file ${name}`, installedAt: await writtenAt(file), startsByItself: null },
        removal: { kind: 'tell-helper', detail: `it is the program file "${file}". To remove it, delete that file` },
      });
    }
  }
  return { found, problems };
}

function appImageTool(catalog: Catalog, name: string) {
  const byInstaller = catalog.matchInstaller(name);
  if (byInstaller && isCheckedTool(byInstaller)) return byInstaller;
  const stem = name.toLowerCase();
  return catalog.tools.find((t) => isCheckedTool(t) && t.executables.linux.some((exe) => new RegExp(`^${exe.toLowerCase().replace(/[.+()^$|{}[\]\\*?]/g, '\\$&')}[-_.]`).test(stem))) ?? null;
}

/** The tool the unit's first Exec line of `key` runs ("ExecStart=-/usr/bin/anydesk --service"). */
function execTool(catalog: Catalog, unitText: string, key: string) {
  const line = unitText.split('\n').map((l) => l.trim()).find((l) => l.startsWith(`${key}=`));
  if (!line) return null;
  return toolOfCommand(catalog, line.slice(key.length + 1).replace(/^[-@:+!]+/, ''));
}

/** The fields of a dpkg status stanza, names lower-cased (continuation lines ignored). */
function controlFields(stanza: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of stanza.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) fields.set(m[1].toLowerCase(), m[2].trim());
  }
  return fields;
}

/** The keys of a .desktop file's [Desktop Entry] group, names lower-cased. */
export function desktopEntry(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inEntry = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inEntry = line === '[Desktop Entry]';
      continue;
    }
    const eq = line.indexOf('=');
    if (!inEntry || eq < 1 || line.startsWith('#')) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    if (!keys.has(key)) keys.set(key, line.slice(eq + 1).trim());
  }
  return keys;
}
