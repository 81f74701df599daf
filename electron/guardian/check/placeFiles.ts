// Reading the files and folders of the places the check looks in, so that a place that is simply absent is nothing and a
// place that is there but cannot be read (permission denied, a broken link, a folder where a file should be) is a problem.
import fs from 'node:fs/promises';
import path from 'node:path';
import { expandWindowsPath } from '../watchers/sessions/windowsSessionWatcher';

/** The names in a folder; [] when the folder is absent; throws when it is there and cannot be read. */
export async function folderNames(folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await isLink(folder))) return [];
    throw error;
  }
}

/** A file's text; null when absent; throws when it is there and cannot be read (a broken link counts as there). */
export async function placeText(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !(await isLink(file))) return null;
    throw error;
  }
}

/** When a file was last written, as ISO 8601; null when that cannot be known. */
export async function writtenAt(file: string): Promise<string | null> {
  try {
    return (await fs.stat(file)).mtime.toISOString();
  } catch {
    return null;
  }
}

/**
 * The folder's real path, so two names of one folder (/lib/systemd/system and /usr/lib/systemd/system) are read, and
 * named as a problem, once: when the folder itself cannot be resolved (absent, a broken link), its parent's real path
 * with its own name.
 */
export async function realFolder(folder: string): Promise<string> {
  try {
    return await fs.realpath(folder);
  } catch {
    return fs.realpath(path.dirname(folder)).then((parent) => path.join(parent, path.basename(folder)), () => folder);
  }
}

/** A Windows path with %ENV% variables expanded; elsewhere than Windows (the tests) with forward slashes. Null when a variable is not set. */
export function localWindowsPath(template: string, env: Record<string, string | undefined>): string | null {
  const expanded = expandWindowsPath(template, env);
  return expanded !== null && path.sep === '/' ? expanded.replace(/\\/g, '/') : expanded;
}

async function isLink(file: string): Promise<boolean> {
  try {
    return (await fs.lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}
