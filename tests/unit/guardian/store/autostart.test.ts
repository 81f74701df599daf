// The Linux autostart entry in a real temporary home: written, valid by desktop-file-validate, launched by GLib's gio
// exactly as written (a path with spaces, quotes, $ and %), and removed.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartEntryPath, desktopExecLine, launcherPath, removeAutostartEntry, writeAutostartEntry,
} from '../../../../electron/guardian/store/autostart';
import { needs } from '../../../prerequisites/needs';

const run = promisify(execFile);
let home: string;

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pg-home-'));
});
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

/** A program that writes the arguments it was started with, one per line, to `out`. */
async function argvRecorder(folder: string, name: string, out: string): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const exe = path.join(folder, name);
  await fs.writeFile(exe, `#!/bin/sh\nprintf '%s\\n' "$0" "$@" > '${out}'\n`, { mode: 0o755 });
  return exe;
}

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${file} never appeared`);
}

describe('autostartEntryPath', () => {
  it('is under ~/.config, or an absolute XDG_CONFIG_HOME', () => {
    expect(autostartEntryPath({ env: {}, home: '/home/mum' })).toBe('/home/mum/.config/autostart/pause-guard.desktop');
    expect(autostartEntryPath({ env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/mum' })).toBe('/cfg/autostart/pause-guard.desktop');
    expect(autostartEntryPath({ env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/mum' })).toBe('/home/mum/.config/autostart/pause-guard.desktop');
  });
});

describe('launcherPath', () => {
  it('starts an AppImage from its .AppImage file, anything else from its executable', () => {
    expect(launcherPath('/tmp/.mount_PauseX/pause-guard', { APPIMAGE: '/home/mum/Apps/Pause Guard.AppImage' })).toBe('/home/mum/Apps/Pause Guard.AppImage');
    expect(launcherPath('/opt/Pause Guard/pause-guard', {})).toBe('/opt/Pause Guard/pause-guard');
  });
});

describe('desktopExecLine', () => {
  it('leaves plain arguments alone and quotes and escapes the rest as the spec says', () => {
    expect(desktopExecLine(['/opt/pause-guard/pause-guard', '--hidden'])).toBe('/opt/pause-guard/pause-guard --hidden');
    expect(desktopExecLine(['/opt/Pause Guard/pause-guard'])).toBe('"/opt/Pause Guard/pause-guard"');
    expect(desktopExecLine(['/a/$HOME/"x"/back\\slash/100%'])).toBe('"/a/\\\\$HOME/\\\\"x\\\\"/back\\\\\\\\slash/100%%"');
  });

  it('refuses a path with a control character in plain words', () => {
    expect(() => desktopExecLine(['/opt/a\nb'])).toThrow('holds a control character, so it cannot be started at login');
  });
});

describe('writeAutostartEntry and removeAutostartEntry', () => {
  it('writes an entry desktop-file-validate accepts, with autostart enabled and not hidden', needs('desktop-file-validate'), async () => {
    const file = await writeAutostartEntry({ env: {}, home, exePath: '/opt/Pause Guard/pause-guard', args: ['--hidden'] });
    expect(file).toBe(path.join(home, '.config/autostart/pause-guard.desktop'));
    const text = await fs.readFile(file, 'utf8');
    expect(text.split('\n')).toEqual(expect.arrayContaining([
      '[Desktop Entry]', 'Type=Application', 'Exec="/opt/Pause Guard/pause-guard" --hidden', 'X-GNOME-Autostart-enabled=true', 'Hidden=false',
    ]));
    const { stdout, stderr } = await run('desktop-file-validate', [file]);
    expect(stdout + stderr).toBe('');
  });

  it('launches, through GLib (as a desktop session does), exactly the program and arguments written, despite spaces, quotes, $ and %', needs('gio'), async () => {
    const out = path.join(home, 'argv.txt');
    const exe = await argvRecorder(path.join(home, `Apps/Pause Guard $HOME "beta" it's 100% a=b`), 'pause guard', out);
    const file = await writeAutostartEntry({ env: {}, home, exePath: exe, args: ['--hidden'] });
    await run('gio', ['launch', file], { env: { ...process.env, HOME: home } });
    expect((await waitForFile(out)).split('\n')).toEqual([exe, '--hidden', '']);
  });

  it('launches a plain path with no quoting through GLib too', needs('gio'), async () => {
    const out = path.join(home, 'argv.txt');
    const exe = await argvRecorder(path.join(home, 'opt'), 'pause-guard', out);
    const file = await writeAutostartEntry({ env: {}, home, exePath: exe, args: ['--hidden'] });
    expect(await fs.readFile(file, 'utf8')).toContain(`Exec=${exe} --hidden\n`);
    await run('gio', ['launch', file], { env: { ...process.env, HOME: home } });
    expect((await waitForFile(out)).split('\n')).toEqual([exe, '--hidden', '']);
  });

  it('replaces an older entry, and removing it leaves no entry (removing again is fine)', async () => {
    await writeAutostartEntry({ env: {}, home, exePath: '/old/pause-guard', args: [] });
    const file = await writeAutostartEntry({ env: {}, home, exePath: '/new/pause-guard', args: ['--hidden'] });
    expect(await fs.readFile(file, 'utf8')).toContain('Exec=/new/pause-guard --hidden\n');
    await removeAutostartEntry({ env: {}, home });
    expect(await fs.readdir(path.dirname(file))).toEqual([]);
    await expect(removeAutostartEntry({ env: {}, home })).resolves.toBeUndefined();
  });
});
