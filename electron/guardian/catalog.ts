// The remote-tools catalog: checks resources/remote-tools.json at load and names the tool behind a process, a downloaded file or a port. Never reads files or the network itself.
import catalogJson from '../../resources/remote-tools.json';
import { CatalogSchema, type CatalogFile, type RemoteTool } from '../../shared/catalog';

/** A running process as the process sources see it. */
export interface ProcessInfo {
  pid: number;
  ppid: number | null;
  /** Short name: on Linux /proc/PID/comm, cut to 15 characters. */
  name: string;
  /** Full path of the executable, when it could be read. */
  exe: string | null;
  /** The command line, arguments separated by spaces (or NUL characters), when it could be read. */
  cmdline: string | null;
}

/** A catalog that cannot be used; the message names the entry and the field in plain words. */
export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

export interface Catalog {
  /** The document's version: a newer catalog has a higher one. */
  readonly version: number;
  /** The day the document was published (YYYY-MM-DD), or null when it does not say. */
  readonly date: string | null;
  readonly tools: readonly RemoteTool[];
  byId(id: string): RemoteTool | undefined;
  /** The tool this process is, or null. */
  matchProcess(p: ProcessInfo): RemoteTool | null;
  /** True when this process of `tool` means someone is connected in right now (sessionProcesses). */
  isSessionProcess(tool: RemoteTool, p: ProcessInfo): boolean;
  /** The catalog installer a downloaded file's final name is, or null (case-insensitive; a path may be passed). */
  matchInstaller(fileName: string): RemoteTool | null;
  /** The tool that accepts incoming connections on this local TCP port, or null. */
  toolForPort(port: number): RemoteTool | null;
}

/** What a tool is, in the catalog's plain sentence; a tool the catalog does not know gets the one sentence for any such tool. */
export function describeTool(catalog: Pick<Catalog, 'byId'>, toolId: string | null): string {
  return (toolId === null ? undefined : catalog.byId(toolId)?.description) ?? 'A program that lets someone else see and control this computer.';
}

/**
 * Executable names that say nothing about which program they are (lower-case, with and without .exe). The catalog
 * may use them only as genericExecutables with a vendor-folder signal; listing one as a plain executable, or
 * writing a pattern that matches one, makes the catalog invalid. Kept in code so a catalog file cannot weaken it.
 */
export const GENERIC_EXECUTABLE_NAMES: ReadonlySet<string> = new Set(
  [
    // Names LOLRMM marks as too ambiguous to flag alone.
    '7z', 'agent', 'autoupdate', 'closeapp', 'connect', 'dd', 'dwm', 'era', 'g2m', 'goto', 'httpget', 'installer',
    'installshield setup', 'iprangecalculator', 'migrationhelper_32', 'migrationhelper_64', 'notificationhelper',
    'nssm', 'online backup', 'osqueryi', 'paexec', 'perl', 'plink', 'rd', 'rdp', 'recycler', 'remote access',
    'remote desktop', 'rv', 'selfupdater', 'setup', 'si', 'supporttool', 'tar', 'teams', 'termsrv', 'tsclient',
    'tunnel', 'uninstallstatusupdater', 'upload', 'usernotificationhelper', 'winpty-agent', 'winpty-agent64', 'wperl',
    // Everyday words any program might use for one of its parts.
    'app', 'client', 'daemon', 'helper', 'host', 'install', 'launcher', 'main', 'manager', 'monitor', 'remote',
    'run', 'server', 'service', 'start', 'support', 'svc', 'tray', 'uninstall', 'update', 'updater', 'viewer',
  ].flatMap((stem) => [stem, `${stem}.exe`]),
);

/** Longest file name a file system allows (NAME_MAX); longer input cannot be a real file and is not matched. */
const MAX_NAME_LENGTH = 255;
/** Linux keeps only this many characters of a process name in /proc/PID/comm. */
const COMM_LENGTH = 15;
/** Extensions an installer pattern must end with, so a pattern never matches documents or pictures. */
const INSTALLER_EXTENSIONS = ['.exe', '.msi', '.dmg', '.pkg', '.deb', '.rpm', '.appimage', '.sh', '.zip'];
/** Characters a wildcard pattern may use besides * and ?. */
const PATTERN_CHARACTERS = /^[a-z0-9 ._\-()+'&*?]+$/;
/** A pattern must begin with this many plain characters, so it names a vendor rather than "anything". */
const PATTERN_MIN_HEAD = 3;
/** A name cut to 15 characters matches a pattern only when it starts with at least this much of the pattern's plain head. */
const SHORT_NAME_PATTERN_HEAD = 8;

const AMBIGUOUS = Symbol('ambiguous');

interface GenericClaim {
  tool: RemoteTool;
  /** Lower-case folder fragments with forward slashes. */
  fragments: readonly string[];
}

interface CompiledPattern {
  tool: RemoteTool;
  regex: RegExp;
  /** The plain characters before the first wildcard. */
  head: string;
}

/** What a process is known by: its executable's base name and, when known, the full path it ran from. */
interface ProcessIdentity {
  base: string;
  path: string | null;
  /** True when only the short process name was known and it may have been cut to 15 characters. */
  shortName: boolean;
}

/** The catalog that shipped with the app (resources/remote-tools.json), or another document checked the same way. */
export function loadCatalog(raw: unknown = catalogJson): Catalog {
  const document = parseCatalog(raw);
  return new CompiledCatalog(document.tools, document.version, document.date ?? null);
}

function parseCatalog(raw: unknown): CatalogFile {
  const parsed = CatalogSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new CatalogError('The remote-tools catalog is not valid.');
  const [section, index, ...field] = issue.path;
  if (section === 'tools' && typeof index === 'number') {
    const entry = describeEntry(raw, index);
    const where = field.length > 0 ? `field "${field.join('.')}"` : 'the entry itself';
    throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has a problem in ${where}: ${issue.message}.`);
  }
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the top level';
  throw new CatalogError(`The remote-tools catalog is not valid: ${where}: ${issue.message}.`);
}

function describeEntry(raw: unknown, index: number): string {
  const tools = (raw as { tools?: unknown } | null)?.tools;
  const entry: unknown = Array.isArray(tools) ? tools[index] : undefined;
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `entry ${index + 1} ("${id}")` : `entry ${index + 1}`;
}

class CompiledCatalog implements Catalog {
  readonly tools: readonly RemoteTool[];
  private readonly ids = new Map<string, RemoteTool>();
  private readonly exact = new Map<string, RemoteTool>();
  /** First 15 characters of every longer exact name, for Linux's cut-short process names. */
  private readonly shortPrefix = new Map<string, RemoteTool | typeof AMBIGUOUS>();
  private readonly generic = new Map<string, GenericClaim[]>();
  private readonly patterns: CompiledPattern[] = [];
  private readonly installers: CompiledPattern[] = [];
  private readonly ports = new Map<number, RemoteTool>();
  /** By tool id, so a tool object from a catalog replaced since (liveCatalog.ts) is still answered. */
  private readonly sessionProcesses = new Map<string, { executable: string; argsContain: string[] }[]>();

  constructor(tools: RemoteTool[], readonly version: number, readonly date: string | null) {
    this.tools = Object.freeze([...tools]);
    tools.forEach((tool, index) => this.addTool(tool, `entry ${index + 1} ("${tool.id}")`));
    tools.forEach((tool, index) => this.checkClaims(tool, `entry ${index + 1} ("${tool.id}")`));
  }

  byId(id: string): RemoteTool | undefined {
    return this.ids.get(id);
  }

  matchProcess(p: ProcessInfo): RemoteTool | null {
    for (const identity of identities(p)) {
      const tool = this.matchIdentity(identity);
      if (tool) return tool;
    }
    return null;
  }

  isSessionProcess(tool: RemoteTool, p: ProcessInfo): boolean {
    const signals = this.sessionProcesses.get(tool.id);
    if (!signals) return false;
    const args = typeof p.cmdline === 'string' ? p.cmdline.replaceAll('\0', ' ').toLowerCase() : '';
    for (const identity of identities(p)) {
      for (const signal of signals) {
        const named = identity.shortName && identity.base.length === COMM_LENGTH
          ? signal.executable.startsWith(identity.base)
          : signal.executable === identity.base;
        if (named && signal.argsContain.every((fragment) => args.includes(fragment))) return true;
      }
    }
    return false;
  }

  matchInstaller(fileName: string): RemoteTool | null {
    if (typeof fileName !== 'string') return null;
    const base = baseName(fileName.trim()).toLowerCase();
    if (base.length === 0 || base.length > MAX_NAME_LENGTH) return null;
    return mostSpecific(this.installers, base)?.tool ?? null;
  }

  toolForPort(port: number): RemoteTool | null {
    return this.ports.get(port) ?? null;
  }

  private matchIdentity({ base, path, shortName }: ProcessIdentity): RemoteTool | null {
    if (base.length === 0 || base.length > MAX_NAME_LENGTH) return null;
    const exact = this.exact.get(base);
    if (exact) return exact;
    if (path !== null) {
      const folder = normalisePath(path);
      const claim = this.generic.get(base)?.find((c) => c.fragments.some((fragment) => folder.includes(fragment)));
      if (claim) return claim.tool;
    }
    const patterned = mostSpecific(this.patterns, base)?.tool;
    if (patterned) return patterned;
    if (shortName && base.length === COMM_LENGTH) {
      // Only the short name is known and it may have been cut: it counts when it begins exactly one tool's longer
      // name, or a custom-build pattern's long plain head (anydesk-custom4 from AnyDesk-Custom42.exe).
      const prefixed = this.shortPrefix.get(base);
      if (prefixed !== undefined) return prefixed === AMBIGUOUS ? null : prefixed;
      const headed = this.patterns.find((pattern) => pattern.head.length >= SHORT_NAME_PATTERN_HEAD && base.startsWith(pattern.head));
      if (headed) return headed.tool;
    }
    return null;
  }

  private addTool(tool: RemoteTool, entry: string): void {
    if (this.ids.has(tool.id)) throw new CatalogError(`The remote-tools catalog is not valid: ${entry} reuses the id "${tool.id}".`);
    this.ids.set(tool.id, tool);
    checkDescription(tool, entry);

    const names = [...tool.executables.windows, ...tool.executables.macos, ...tool.executables.linux];
    for (const name of names) {
      const key = checkExecutableName(name, entry);
      const owner = this.exact.get(key);
      if (owner && owner !== tool) {
        throw new CatalogError(`The remote-tools catalog is not valid: ${entry} claims the executable "${name}", which "${owner.id}" already claims.`);
      }
      this.exact.set(key, tool);
      if (key.length > COMM_LENGTH) {
        const prefix = key.slice(0, COMM_LENGTH);
        const before = this.shortPrefix.get(prefix);
        this.shortPrefix.set(prefix, before === undefined || before === tool ? tool : AMBIGUOUS);
      }
    }

    for (const generic of tool.genericExecutables) {
      const key = checkExecutableName(generic.name, entry, { allowGeneric: true });
      const fragments = generic.pathContains.map((fragment) => normalisePath(fragment));
      this.generic.set(key, [...(this.generic.get(key) ?? []), { tool, fragments }]);
    }

    for (const pattern of tool.executablePatterns) {
      this.patterns.push(compilePattern(tool, pattern, entry, 'executable pattern'));
    }

    for (const pattern of tool.installerPatterns) {
      const lower = pattern.toLowerCase();
      if (!INSTALLER_EXTENSIONS.some((extension) => lower.endsWith(extension)) || /[*?]/.test(lower.slice(lower.lastIndexOf('.')))) {
        throw new CatalogError(
          `The remote-tools catalog is not valid: ${entry} has the installer pattern "${pattern}", which must end with one of ${INSTALLER_EXTENSIONS.join(', ')}.`,
        );
      }
      this.installers.push(compilePattern(tool, pattern, entry, 'installer pattern'));
    }

    for (const port of tool.ports) {
      const owner = this.ports.get(port);
      if (owner && owner !== tool) {
        throw new CatalogError(`The remote-tools catalog is not valid: ${entry} claims port ${port}, which "${owner.id}" already claims.`);
      }
      this.ports.set(port, tool);
    }

    if (tool.sessionProcesses.length > 0) {
      this.sessionProcesses.set(
        tool.id,
        tool.sessionProcesses.map((signal) => ({
          executable: signal.executable.toLowerCase(),
          argsContain: signal.argsContain.map((fragment) => fragment.toLowerCase()),
        })),
      );
    }
  }

  /** Checks, once every tool is known, that no tool's names fall under another tool's claims. */
  private checkClaims(tool: RemoteTool, entry: string): void {
    for (const generic of tool.genericExecutables) {
      const owner = this.exact.get(generic.name.toLowerCase());
      if (owner) {
        throw new CatalogError(`The remote-tools catalog is not valid: ${entry} lists "${generic.name}" as generic, but "${owner.id}" claims it as a plain executable.`);
      }
    }
    for (const pattern of this.patterns.filter((p) => p.tool === tool)) {
      for (const [name, owner] of this.exact) {
        if (owner !== tool && pattern.regex.test(name)) {
          throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has an executable pattern that also matches "${name}" of "${owner.id}".`);
        }
      }
    }
    for (const writer of tool.sessionLogs.flatMap((log) => log.writtenAlsoBy)) {
      if (!this.ids.has(writer) || writer === tool.id) {
        throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has a session log written also by "${writer}", which is not another tool of the catalog.`);
      }
    }
    for (const signal of this.sessionProcesses.get(tool.id) ?? []) {
      const claimed =
        this.exact.get(signal.executable) === tool ||
        this.generic.get(signal.executable)?.some((claim) => claim.tool === tool) === true ||
        this.patterns.some((pattern) => pattern.tool === tool && pattern.regex.test(signal.executable));
      if (!claimed) {
        throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has the session process "${signal.executable}", which is not one of its own executables.`);
      }
    }
  }
}

function checkDescription(tool: RemoteTool, entry: string): void {
  const text = tool.description.trim();
  const oneSentence = /^[A-Za-z0-9][^\n]*[^.!?]\.$/.test(text) && !/[.!?]\s/.test(text);
  if (!oneSentence) {
    throw new CatalogError(`The remote-tools catalog is not valid: ${entry} needs a description of exactly one sentence ending with a full stop.`);
  }
}

/** Checks a plain executable name and returns it lower-cased. */
function checkExecutableName(name: string, entry: string, options: { allowGeneric?: boolean } = {}): string {
  const key = name.toLowerCase();
  if (/[\\/*?\n\r\t]/.test(key) || key.trim() !== key || key.length > MAX_NAME_LENGTH) {
    throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has the executable "${name}", which must be a plain file name without folders or wildcards.`);
  }
  if (!options.allowGeneric && GENERIC_EXECUTABLE_NAMES.has(key)) {
    throw new CatalogError(`The remote-tools catalog is not valid: ${entry} lists "${name}" as an executable, but that name is too generic to flag alone; list it under genericExecutables with the vendor's folder.`);
  }
  return key;
}

/** Turns a case-insensitive wildcard (* and ?) into an anchored regular expression, rejecting patterns that are too broad. */
function compilePattern(tool: RemoteTool, pattern: string, entry: string, kind: string): CompiledPattern {
  const lower = pattern.toLowerCase();
  const head = lower.search(/[*?]/);
  const problem = !PATTERN_CHARACTERS.test(lower)
    ? 'may only use letters, digits, spaces, . _ - ( ) + \' & and the wildcards * and ?'
    : head !== -1 && head < PATTERN_MIN_HEAD
      ? `must start with at least ${PATTERN_MIN_HEAD} plain characters before any wildcard`
      : lower.includes('**')
        ? 'must not repeat * next to itself'
        : null;
  if (problem) throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has the ${kind} "${pattern}", which ${problem}.`);
  const source = lower.replace(/[.+()'&^$|{}[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  const regex = new RegExp(`^${source}$`, 's');
  const generic = [...GENERIC_EXECUTABLE_NAMES].find((name) => regex.test(name));
  if (generic) {
    throw new CatalogError(`The remote-tools catalog is not valid: ${entry} has the ${kind} "${pattern}", which is too broad: it matches the generic name "${generic}".`);
  }
  return { tool, regex, head: head === -1 ? lower : lower.slice(0, head) };
}

/** The matching pattern with the longest plain head (teamviewerqs*.exe before teamviewer*.exe), whatever the catalog's order. */
function mostSpecific(patterns: readonly CompiledPattern[], name: string): CompiledPattern | undefined {
  let best: CompiledPattern | undefined;
  for (const pattern of patterns) {
    if (pattern.regex.test(name) && (best === undefined || pattern.head.length > best.head.length)) best = pattern;
  }
  return best;
}

/** The names a process can be known by, best first: its executable path, then its command line, then its short name. */
function identities(p: ProcessInfo): ProcessIdentity[] {
  const found: ProcessIdentity[] = [];
  const exe = typeof p.exe === 'string' ? p.exe.replace(/ \(deleted\)$/, '').trim() : '';
  if (exe) found.push({ base: baseName(exe).toLowerCase(), path: exe, shortName: false });
  const first = typeof p.cmdline === 'string' ? firstArgument(p.cmdline) : null;
  if (first) {
    const base = baseName(first).toLowerCase();
    if (!found.some((identity) => identity.base === base)) found.push({ base, path: first, shortName: false });
  }
  if (found.length === 0 && typeof p.name === 'string' && p.name.trim()) {
    found.push({ base: p.name.trim().toLowerCase(), path: null, shortName: true });
  }
  return found;
}

/**
 * The program part of a command line: a quoted first word; the text up to the first NUL; a Windows path with
 * spaces up to ".exe" when no later word starts like an option or another path; otherwise the first word.
 */
function firstArgument(cmdline: string): string | null {
  const text = cmdline.replace(/^\s+/, '');
  if (!text) return null;
  if (text.includes('\0')) return text.slice(0, text.indexOf('\0')).trim() || null;
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const end = text.indexOf(quote, 1);
    return (end === -1 ? text.slice(1) : text.slice(1, end)).trim() || null;
  }
  const space = text.search(/\s/);
  if (space === -1) return text;
  const exeEnd = /\.exe(?=\s|$)/i.exec(text);
  if (exeEnd) {
    const candidate = text.slice(0, exeEnd.index + 4);
    const laterWords = candidate.slice(space).split(/\s+/).filter(Boolean);
    if (laterWords.every((word) => !/^(?:[\\/-]|[a-z]:)/i.test(word))) return candidate;
  }
  return text.slice(0, space);
}

/** The last part of a path, whichever separator it uses. */
function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut === -1 ? path : path.slice(cut + 1);
}

function normalisePath(path: string): string {
  return path.toLowerCase().replaceAll('\\', '/');
}
