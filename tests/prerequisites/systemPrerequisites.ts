// What the tests drive outside Node, declared once: how to tell each one is on this machine, and the Debian package
// that provides it (`npm run setup:system` installs every package named here). One line per prerequisite.
import fs from 'node:fs';
import path from 'node:path';

export const INSTALL_COMMAND = 'npm run setup:system';

export interface Prerequisite {
  /** The Debian package that provides it, or null for what no package can provide (the system, the user). */
  readonly debianPackage: string | null;
  /** What to do about it when it is missing and no package provides it. */
  readonly otherwise?: string;
  present(): boolean;
}

const executable = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** A program found on PATH, as spawn() would find it. */
const command = (name: string, debianPackage: string): Prerequisite => ({
  debianPackage,
  present: () => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && executable(path.join(dir, name))),
});

/** A file at a fixed place (Playwright is given /usr/bin/chromium by path). */
const file = (where: string, debianPackage: string): Prerequisite => ({ debianPackage, present: () => fs.existsSync(where) });

export const prerequisites = {
  Linux: { debianPackage: null, otherwise: 'these tests run on Linux only', present: () => process.platform === 'linux' },
  root: { debianPackage: null, otherwise: 'run the tests as root', present: () => process.getuid?.() === 0 },
  Xvfb: command('Xvfb', 'xvfb'),
  x11vnc: command('x11vnc', 'x11vnc'),
  ip: command('ip', 'iproute2'),
  'matchbox-window-manager': command('matchbox-window-manager', 'matchbox-window-manager'),
  xmessage: command('xmessage', 'x11-utils'),
  chromium: file('/usr/bin/chromium', 'chromium'),
  'DejaVu fonts': file('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'fonts-dejavu-core'),
  'desktop-file-validate': command('desktop-file-validate', 'desktop-file-utils'),
  gio: command('gio', 'libglib2.0-bin'),
  prlimit: command('prlimit', 'util-linux'),
  unshare: command('unshare', 'util-linux'),
  wine64: file('/usr/lib/wine/wine64', 'wine64'),
} satisfies Record<string, Prerequisite>;

export type PrerequisiteName = keyof typeof prerequisites;

export const prerequisiteNames = Object.keys(prerequisites) as PrerequisiteName[];

/** Every Debian package named above, once each, in the order declared. */
export const debianPackages: string[] = [
  ...new Set(Object.values(prerequisites).flatMap((p: Prerequisite) => (p.debianPackage ? [p.debianPackage] : []))),
];
