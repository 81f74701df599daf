// Turns an error from reading a watched folder into one plain sentence for the person and the family.

export function folderProblem(folder: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'ENOTDIR'
        ? 'it is not a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'it is not allowed to read it'
          : `it could not be read (${code ?? 'unknown error'})`;
  return `Pause Guard cannot look for downloads in the folder ${folder}: ${reason}.`;
}
