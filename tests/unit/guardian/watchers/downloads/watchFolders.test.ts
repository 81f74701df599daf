// The folders watched by default: XDG user-dirs on Linux (read from a real file), the home folders elsewhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultWatchFolders } from '../../../../../electron/guardian/watchers/downloads/watchFolders';

let home: string;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-home-'));
});
afterEach(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

function writeUserDirs(text: string, configHome = path.join(home, '.config')): void {
  fs.mkdirSync(configHome, { recursive: true });
  fs.writeFileSync(path.join(configHome, 'user-dirs.dirs'), text);
}

describe('defaultWatchFolders on Linux', () => {
  it('uses ~/Downloads and ~/Desktop when there is no user-dirs file', () => {
    expect(defaultWatchFolders({}, 'linux', home)).toEqual([path.join(home, 'Downloads'), path.join(home, 'Desktop')]);
  });

  it('uses the folders the user-dirs file names, in the person language', () => {
    writeUserDirs(
      [
        '# This file is written by xdg-user-dirs-update',
        'XDG_DESKTOP_DIR="$HOME/Bureau"',
        'XDG_DOWNLOAD_DIR="$HOME/Téléchargements"',
        'XDG_MUSIC_DIR="$HOME/Musique"',
      ].join('\n'),
    );
    expect(defaultWatchFolders({}, 'linux', home)).toEqual([path.join(home, 'Téléchargements'), path.join(home, 'Bureau')]);
  });

  it('reads the file from XDG_CONFIG_HOME and accepts absolute paths and escaped quotes', () => {
    const config = path.join(home, 'elsewhere');
    writeUserDirs('XDG_DOWNLOAD_DIR="/srv/dl/My \\"files\\""\n', config);
    expect(defaultWatchFolders({ XDG_CONFIG_HOME: config }, 'linux', home)).toEqual(['/srv/dl/My "files"', path.join(home, 'Desktop')]);
  });

  it('falls back when a folder is set to the home folder itself (turned off) or the file is garbage', () => {
    writeUserDirs('XDG_DOWNLOAD_DIR="$HOME/"\nXDG_DESKTOP_DIR=relative/path\n\0\0binary');
    expect(defaultWatchFolders({}, 'linux', home)).toEqual([path.join(home, 'Downloads'), path.join(home, 'Desktop')]);
  });

  it('lists a folder once when Downloads and Desktop are the same', () => {
    writeUserDirs('XDG_DOWNLOAD_DIR="$HOME/Desktop"\nXDG_DESKTOP_DIR="$HOME/Desktop"\n');
    expect(defaultWatchFolders({}, 'linux', home)).toEqual([path.join(home, 'Desktop')]);
  });
});

describe('defaultWatchFolders on Windows and macOS', () => {
  it('uses the home folders with Windows separators on Windows', () => {
    expect(defaultWatchFolders({}, 'win32', 'C:\\Users\\Mary', () => false)).toEqual(['C:\\Users\\Mary\\Downloads', 'C:\\Users\\Mary\\Desktop']);
  });

  it('adds the Desktop OneDrive has moved, when it exists', () => {
    const asked: string[] = [];
    const folders = defaultWatchFolders({ OneDrive: 'C:\\Users\\Mary\\OneDrive' }, 'win32', 'C:\\Users\\Mary', (folder) => {
      asked.push(folder);
      return true;
    });
    expect(asked).toEqual(['C:\\Users\\Mary\\OneDrive\\Desktop']);
    expect(folders).toEqual(['C:\\Users\\Mary\\Downloads', 'C:\\Users\\Mary\\Desktop', 'C:\\Users\\Mary\\OneDrive\\Desktop']);
  });

  it('leaves out a OneDrive Desktop that does not exist', () => {
    expect(defaultWatchFolders({ OneDrive: 'C:\\OneDrive' }, 'win32', 'C:\\Users\\Mary', () => false)).toHaveLength(2);
  });

  it('uses ~/Downloads and ~/Desktop on macOS and ignores a user-dirs file there', () => {
    writeUserDirs('XDG_DOWNLOAD_DIR="$HOME/Elsewhere"\n');
    expect(defaultWatchFolders({}, 'darwin', home)).toEqual([path.join(home, 'Downloads'), path.join(home, 'Desktop')]);
  });
});
