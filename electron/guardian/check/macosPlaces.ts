// The places macOS keeps remote-access programs and what starts them: apps in /Applications and ~/Applications, and
// LaunchAgents and LaunchDaemons (the person's own and the system's). Paths are under `root` and `home`, so tests read a
// fixture tree. Only reads. Login items (a binary archive macOS keeps) are not read yet.
import path from 'node:path';
import type { RemoteTool } from '../../../shared/catalog';
import type { CheckProblem } from '../../../shared/installedCheck';
import type { Catalog } from '../catalog';
import { placeProblem, wildcardMatcher, type Found, type PlaceScan } from './found';
import type { LinuxRoots as Roots } from './linuxPlaces';
import { folderNames, placeText, writtenAt } from './placeFiles';
import { isCheckedTool, toolOfCommand } from './toolMatch';

export async function macosPlaces(catalog: Catalog, roots: Roots): Promise<PlaceScan> {
  const scans = await Promise.all([applications(catalog, roots), launchJobs(catalog, roots)]);
  return { found: scans.flatMap((s) => s.found), problems: scans.flatMap((s) => s.problems) };
}

/** App bundles that are a catalog tool, by the bundle's name, its identifier or the program it runs. */
export async function applications(catalog: Catalog, { root, home }: Roots): Promise<PlaceScan> {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  for (const folder of [path.join(root, 'Applications'), path.join(home, 'Applications')]) {
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.app')).sort()) {
      const app = path.join(folder, name);
      const infoFile = path.join(app, 'Contents/Info.plist');
      let info: Map<string, PlistValue>;
      try {
        info = plistDict(await placeText(infoFile));
      } catch (error) {
        problems.push(placeProblem(infoFile, error));
        continue;
      }
      const bundleId = stringOf(info.get('CFBundleIdentifier'));
      const executable = stringOf(info.get('CFBundleExecutable'));
      const tool = catalog.tools.find((t) => isCheckedTool(t) && (
        wildcardMatcher(t.installs?.macos.apps ?? [])(name) || (bundleId !== null && wildcardMatcher(t.installs?.macos.bundleIds ?? [])(bundleId))
      )) ?? (executable ? toolOfCommand(catalog, `"${path.join(app, 'Contents/MacOS', executable)}"`) : null);
      if (!tool) continue;
      const version = stringOf(info.get('CFBundleShortVersionString'));
      found.push({
        toolId: tool.id,
        place: { kind: 'app', where: app, what: `the app ${name.slice(0, -4)}${version ? `, version ${version}` : ''}`, installedAt: await writtenAt(app), startsByItself: null },
        removal: { kind: 'tell-helper', detail: `it is the app "${name.slice(0, -4)}" in ${folder === path.join(root, 'Applications') ? 'the Applications folder' : 'your own Applications folder'}. To remove it, quit it, then drag it from that folder to the Bin` },
      });
    }
  }
  return { found, problems };
}

/** LaunchAgents and LaunchDaemons that run a catalog tool or carry one of its labels, and whether they start by themselves. */
export async function launchJobs(catalog: Catalog, { root, home }: Roots): Promise<PlaceScan> {
  const found: Found[] = [];
  const problems: CheckProblem[] = [];
  const folders = [
    { folder: path.join(home, 'Library/LaunchAgents'), kind: 'launch-agent' as const, own: true },
    { folder: path.join(root, 'Library/LaunchAgents'), kind: 'launch-agent' as const, own: false },
    { folder: path.join(root, 'Library/LaunchDaemons'), kind: 'launch-daemon' as const, own: false },
  ];
  for (const { folder, kind, own } of folders) {
    let names: string[];
    try {
      names = await folderNames(folder);
    } catch (error) {
      problems.push(placeProblem(folder, error));
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.plist')).sort()) {
      const file = path.join(folder, name);
      let job: Map<string, PlistValue>;
      try {
        job = plistDict(await placeText(file));
      } catch (error) {
        problems.push(placeProblem(file, error));
        continue;
      }
      const label = stringOf(job.get('Label')) ?? name.slice(0, -'.plist'.length);
      const args = job.get('ProgramArguments');
      const program = stringOf(job.get('Program')) ?? (Array.isArray(args) ? stringOf(args[0]) : null);
      const tool: RemoteTool | null = catalog.tools.find((t) => isCheckedTool(t) && wildcardMatcher(t.installs?.macos.launchLabels ?? [])(label)) ??
        (program ? toolOfCommand(catalog, `"${program}"`) : null);
      if (!tool) continue;
      const starts = job.get('Disabled') !== true && (job.get('RunAtLoad') === true || job.get('KeepAlive') !== undefined);
      const bootout = own ? `launchctl bootout gui/$(id -u) ~/Library/LaunchAgents/${name}` : `sudo launchctl bootout ${kind === 'launch-daemon' ? 'system' : 'gui/$(id -u)'} ${path.posix.join(kind === 'launch-daemon' ? '/Library/LaunchDaemons' : '/Library/LaunchAgents', name)}`;
      found.push({
        toolId: tool.id,
        place: {
          kind, where: file, what: `the ${kind === 'launch-daemon' ? 'background service' : 'login helper'} ${label}`, installedAt: await writtenAt(file),
          startsByItself: starts ? (kind === 'launch-daemon' ? 'starts with the computer, as a background service' : 'starts when you log in') : null,
        },
        removal: starts ? { kind: 'tell-helper', detail: `it starts by itself from "${label}". To switch it off, in Terminal run: ${bootout}` } : null,
      });
    }
  }
  return { found, problems };
}

type PlistValue = string | boolean | PlistValue[] | Map<string, PlistValue> | null;

/** The top dictionary of an XML property list (absent file: empty). A binary plist cannot be read here and is a problem. */
export function plistDict(text: string | null): Map<string, PlistValue> {
  if (text === null) return new Map();
  if (text.startsWith('bplist')) throw new Error('it is in the binary property-list format, which Pause Guard does not read');
  const tokens = [...text.matchAll(/<(\/?)(dict|array|key|string|true|false|integer|real|date|data)(\s*\/)?>([^<]*)/g)];
  let index = tokens.findIndex((t) => t[2] === 'dict' && t[1] === '');
  if (index === -1) throw new Error('it is not a property list');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const value = (): PlistValue => {
    const token = tokens[index++];
    if (!token) return null;
    const [, closing, tag, selfClosing, content = ''] = token;
    if (closing) return null;
    if (tag === 'true' || tag === 'false') return tag === 'true';
    if (tag === 'dict' || tag === 'array') {
      if (selfClosing) return tag === 'dict' ? new Map() : [];
      const items: PlistValue[] = [];
      const dict = new Map<string, PlistValue>();
      while (index < tokens.length && !(tokens[index]?.[1] === '/' && tokens[index]?.[2] === tag)) {
        if (tag === 'dict' && tokens[index]?.[2] === 'key') {
          const key = unescape(tokens[index]?.[4] ?? '');
          index += 2; // the key and its closing tag
          dict.set(key, value());
        } else {
          items.push(value());
        }
      }
      index++;
      return tag === 'dict' ? dict : items;
    }
    if (!selfClosing) index++; // its closing tag
    return unescape(content.trim());
  };
  const top = value();
  return top instanceof Map ? top : new Map();
}

const stringOf = (value: PlistValue | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);
