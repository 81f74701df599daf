// Which URLs are the app's own pages: files inside the built renderer folder, or the dev server's origin in development.
// Pure: never imports electron, so the navigation guard, the IPC sender check and their tests share one definition.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppPages =
  /** A release (or `electron-vite preview`): the renderer is loaded from files on disk. */
  | { kind: 'files'; rendererDir: string }
  /** `electron-vite dev` only: the renderer comes from the Vite dev server at this origin. */
  | { kind: 'devServer'; origin: string };

/** Picks where the renderer comes from. A packaged app always uses its files, whatever the environment says. */
export function appPagesFor(options: { isPackaged: boolean; devServerUrl: string | undefined; rendererDir: string }): AppPages {
  if (!options.isPackaged && options.devServerUrl) {
    return { kind: 'devServer', origin: new URL(options.devServerUrl).origin };
  }
  return { kind: 'files', rendererDir: options.rendererDir };
}

/** True only for a page of this app: a file strictly inside the renderer folder, or a page on the dev server's origin. */
export function isAppPage(url: string, pages: AppPages): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (pages.kind === 'devServer') {
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === pages.origin;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  let filePath: string;
  try {
    filePath = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const relative = path.relative(path.resolve(pages.rendererDir), filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
