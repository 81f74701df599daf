// What one place reader hands back: each program it found there with how that place is removed or switched off, and the
// places it could not read. Shared by the Windows, macOS and Linux readers and by installedCheck.ts. Never reads anything.
import type { CheckProblem, Place } from '../../../shared/installedCheck';

/** How a place is removed or switched off; null when the place has no step of its own (a program folder). */
export type Removal =
  /** Run the system's own uninstaller: the entry's command, shown before it runs. */
  | { kind: 'open-uninstaller'; command: string }
  /** An XDG autostart file: `userCopy` (in the person's own autostart folder) gets Hidden=true; `source` is what it starts from. */
  | { kind: 'hide-autostart'; source: string; userCopy: string }
  /** A systemd unit of the person's own: its links in the user's *.wants folders are removed (what `systemctl --user disable` does). */
  | { kind: 'disable-user-unit'; unit: string; links: string[] }
  /**
   * A Windows startup entry of the person's own (HKCU Run, their Startup folder): marked switched off in HKCU's
   * StartupApproved key, as Task Manager's Startup apps does; the entry itself stays.
   */
  | { kind: 'disable-startup-entry'; approvedKey: string; valueName: string }
  /** What needs an administrator: `detail` says what it is and how it is removed, for the words read to the family helper. */
  | { kind: 'tell-helper'; detail: string }
  | null;

export interface Found {
  toolId: string;
  place: Place;
  removal: Removal;
  /** Where the tool's settings show unattended access, when this place tells (Windows registry, not used yet). */
  unattended?: boolean;
}

export interface PlaceScan {
  found: Found[];
  problems: CheckProblem[];
}

/** A place that could not be read, in one plain sentence naming it. */
export function placeProblem(where: string, error: unknown): CheckProblem {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM' ? 'Pause Guard is not allowed to read it'
    : code === 'ENOENT' ? 'it points to something that is not there (a broken link)'
    : code === 'ELOOP' ? 'it is a link that loops back on itself'
    : code === 'EISDIR' ? 'it is a folder where a file should be'
    : code === 'ENOTDIR' ? 'it is a file where a folder should be'
    : error instanceof Error && !code ? error.message
    : `it could not be read (${code ?? String(error)})`;
  return { where, message: `${where} could not be checked: ${why}.` };
}

/** Case-insensitive wildcard (* and ?) matching over whole names. */
export function wildcardMatcher(patterns: readonly string[]): (name: string) => boolean {
  const regexes = patterns.map(
    (pattern) => new RegExp(`^${pattern.replace(/[.+()^$|{}[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`, 'is'),
  );
  return (name) => regexes.some((regex) => regex.test(name));
}
