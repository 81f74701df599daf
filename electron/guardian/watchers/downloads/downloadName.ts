// How browsers name files while and after downloading: partial names to ignore, duplicate suffixes to see through.

/**
 * Suffixes of a download still in progress: Chrome and Edge (.crdownload), Firefox (.part), Safari (.download,
 * a folder), Opera (.opdownload), older Edge and IE (.partial). The finished file is renamed into place later.
 */
const PARTIAL_SUFFIXES = ['.crdownload', '.part', '.download', '.opdownload', '.partial'];

export function isPartialDownload(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return PARTIAL_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** "AnyDesk (1).exe" and Firefox's "AnyDesk(2).exe" -> "AnyDesk.exe"; other names come back unchanged. */
export function withoutDuplicateSuffix(fileName: string): string {
  return fileName.replace(/ ?\(\d{1,4}\)(?=(\.[^.\s()]+)*$)/u, '');
}
