// Whether a tool's own settings files show unattended access: a password that lets someone connect with nobody there to
// accept (AnyDesk writes it as an "ad.anynet.pwd_hash=..." line in service.conf or system.conf). Only reads.
import path from 'node:path';
import type { RemoteTool } from '../../../shared/catalog';
import type { CheckProblem } from '../../../shared/installedCheck';
import { placeProblem } from './found';
import { localWindowsPath, placeText } from './placeFiles';

export interface SettingsRoots {
  platform: NodeJS.Platform;
  /** Prefixed to absolute Linux and macOS paths ("/" on a real computer). */
  root: string;
  home: string;
  env: Record<string, string | undefined>;
}

/** True when a settings file shows unattended access, false when the files were read and none does, null when none was found. */
export async function unattendedAccess(tool: RemoteTool, roots: SettingsRoots, problems: CheckProblem[]): Promise<boolean | null> {
  const facts = tool.installs?.unattended;
  if (!facts) return null;
  let read = false;
  for (const template of facts.paths) {
    const file = settingsPath(template, roots);
    if (file === null) continue;
    let text: string | null;
    try {
      text = await placeText(file);
    } catch (error) {
      problems.push(placeProblem(file, error));
      continue;
    }
    if (text === null) continue;
    read = true;
    if (facts.format === 'anydesk-conf' && /^\s*ad\.anynet\.pwd_hash\s*=\s*\S+/m.test(text)) return true;
  }
  return read ? false : null;
}

function settingsPath(template: string, { platform, root, home, env }: SettingsRoots): string | null {
  const windowsPath = /^%|^[A-Za-z]:\\/.test(template);
  if (windowsPath !== (platform === 'win32')) return null;
  if (windowsPath) return localWindowsPath(template, env);
  if (template.startsWith('~/')) return path.join(home, template.slice(2));
  return path.join(root, template);
}
