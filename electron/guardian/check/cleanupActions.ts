// What a clean-up step changes, once the family PIN allowed it: open the system's own uninstaller, switch off an
// autostart file (Hidden=true in the person's own copy) or a service of the person's own (its *.wants links, as
// `systemctl --user disable` does), or a Windows startup entry of the person's own (marked off in StartupApproved, as Task
// Manager does). Nothing here deletes a program or a file of one; a tell-helper step changes nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Removal } from './found';
import { loadRegistryApi } from '../win32/registryApi';
import { placeText } from './placeFiles';
import { uninstallCommandParts } from './windowsPlaces';

export interface ActionResult {
  ok: boolean;
  /** One plain sentence for the person. */
  message: string;
}

/** How long an uninstaller may take to fail at once (a missing file) before it counts as opened. */
const UNINSTALLER_SETTLE_MS = 3000;

export async function performRemoval(name: string, removal: NonNullable<Removal>): Promise<ActionResult> {
  switch (removal.kind) {
    case 'hide-autostart':
      return hideAutostart(name, removal.source, removal.userCopy);
    case 'disable-user-unit':
      return disableUserUnit(name, removal.unit, removal.links);
    case 'open-uninstaller':
      return openUninstaller(name, removal.command);
    case 'disable-startup-entry':
      return disableStartupEntry(name, removal.approvedKey, removal.valueName);
    case 'tell-helper':
      return { ok: true, message: `Your family was told that you need help to remove ${name}. Read them the words above when they call.` };
  }
}

/** Writes the person's own copy of the autostart file with Hidden=true (the XDG way to switch an entry off). */
async function hideAutostart(name: string, source: string, userCopy: string): Promise<ActionResult> {
  try {
    const text = (await placeText(userCopy)) ?? (await placeText(source)) ?? '[Desktop Entry]\n';
    await fs.mkdir(path.dirname(userCopy), { recursive: true });
    const temporary = `${userCopy}.pauseguard-${process.pid}`;
    await fs.writeFile(temporary, withHidden(text));
    await fs.rename(temporary, userCopy);
    return { ok: true, message: `${name} will no longer start by itself when you log in.` };
  } catch (error) {
    return { ok: false, message: `Pause Guard could not switch off the startup file for ${name} (${codeOf(error)}). Nothing was changed.` };
  }
}

/** The .desktop text with Hidden=true in its [Desktop Entry] group, replacing any Hidden line there. */
export function withHidden(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let start = lines.findIndex((l) => l.trim() === '[Desktop Entry]');
  if (start === -1) {
    lines.unshift('[Desktop Entry]');
    start = 0;
  }
  let end = lines.findIndex((l, i) => i > start && l.trim().startsWith('['));
  if (end === -1) end = lines.length;
  const kept = lines.filter((l, i) => !(i > start && i < end && /^\s*Hidden\s*=/.test(l)));
  kept.splice(start + 1, 0, 'Hidden=true');
  return kept.join('\n');
}

async function disableUserUnit(name: string, unit: string, links: string[]): Promise<ActionResult> {
  try {
    for (const link of links) {
      // Only a link is ever removed: the unit's own file stays where it is.
      if ((await fs.lstat(link)).isSymbolicLink()) await fs.unlink(link);
    }
    return { ok: true, message: `${name} will no longer start by itself when you log in (${unit} is switched off).` };
  } catch (error) {
    return { ok: false, message: `Pause Guard could not switch off ${unit} for ${name} (${codeOf(error)}).` };
  }
}

/**
 * Starts the entry's own uninstall command (its program with its arguments, no command processor), and waits briefly
 * for an immediate failure.
 */
function openUninstaller(name: string, command: string): Promise<ActionResult> {
  const parts = uninstallCommandParts(command, process.env);
  if (parts === null) return Promise.resolve({ ok: false, message: `The uninstaller for ${name} could not be started (no program in its command).` });
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ActionResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn(parts.program, parts.args, { stdio: 'ignore', detached: true, windowsHide: false });
    const timer = setTimeout(() => {
      child.unref();
      done({ ok: true, message: `The uninstaller for ${name} is open. Follow its steps to remove ${name}.` });
    }, UNINSTALLER_SETTLE_MS);
    child.on('error', (error) => done({ ok: false, message: `The uninstaller for ${name} could not be started (${codeOf(error)}).` }));
    child.on('exit', (code) =>
      done(code === 0
        ? { ok: true, message: `The uninstaller for ${name} ran and finished.` }
        : { ok: false, message: `The uninstaller for ${name} stopped with an error (code ${String(code)}). ${name} may still be installed.` }),
    );
  });
}

/** Task Manager's mark for a startup entry switched off: 03 00 00 00, then when (a FILETIME). */
export function switchedOffMark(at: Date): Buffer {
  const mark = Buffer.alloc(12);
  mark.writeUInt32LE(3, 0);
  mark.writeBigUInt64LE(BigInt(at.getTime()) * 10_000n + 116_444_736_000_000_000n, 4);
  return mark;
}

async function disableStartupEntry(name: string, approvedKey: string, valueName: string): Promise<ActionResult> {
  try {
    (await loadRegistryApi()).writeBinary('HKCU', approvedKey, valueName, switchedOffMark(new Date()), 64);
    return { ok: true, message: `${name} will no longer start by itself when you log in.` };
  } catch (error) {
    return { ok: false, message: `Pause Guard could not switch off the startup entry for ${name} (${codeOf(error)}).` };
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
}
