// Paths between Linux and a Wine prefix: C: is the prefix's drive_c folder, Z: is the Linux root.
import path from 'node:path';

export interface PrefixPaths {
  /** The Linux path of a Windows path on C: (the prefix) or Z: (the Linux root). */
  toLinux(windowsPath: string): string;
  /** The Windows path of a Linux path: C:\ inside the prefix's drive_c, Z:\ anywhere else. */
  toWindows(linuxPath: string): string;
}

export function prefixPaths(prefix: string): PrefixPaths {
  const driveC = path.join(prefix, 'drive_c');
  return {
    toLinux(windowsPath) {
      const match = /^([A-Za-z]):(?:\\(.*))?$/.exec(windowsPath);
      if (!match) throw new Error(`${windowsPath} is not an absolute Windows path.`);
      const rest = (match[2] ?? '').split('\\').filter(Boolean);
      const drive = match[1]!.toUpperCase();
      if (drive === 'C') return path.join(driveC, ...rest);
      if (drive === 'Z') return path.join('/', ...rest);
      throw new Error(`${windowsPath} is on drive ${drive}:, which this prefix does not have (only C: and Z:).`);
    },
    toWindows(linuxPath) {
      const absolute = path.resolve(linuxPath);
      const relative = path.relative(driveC, absolute);
      if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return `C:\\${relative.split(path.sep).join('\\')}`;
      return `Z:${absolute.split(path.sep).join('\\')}`;
    },
  };
}
