// The renderer's Content Security Policy as code: one strict policy for releases, and the dev server's few needs kept apart.
// Never add 'unsafe-eval' or remote sources to the production policy: the renderer is a bundled React build.
import type { AppPages } from './appPages';
type Directives = Record<string, readonly string[]>;

const productionDirectives: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'none'"],
  'manifest-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

const serialize = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The policy every page of a release gets. */
export const productionCsp = serialize(productionDirectives);

/**
 * The policy under `electron-vite dev` only. Each relaxation exists for the dev server alone:
 * - script-src 'unsafe-inline': @vitejs/plugin-react injects the Fast Refresh preamble as an inline module script;
 * - style-src 'unsafe-inline': Vite injects CSS as <style> elements while developing;
 * - connect-src ws(s)://host: the hot-reload WebSocket.
 */
export function developmentCsp(devServerOrigin: string): string {
  const origin = new URL(devServerOrigin);
  const hotReload = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return serialize({
    ...productionDirectives,
    'script-src': [...(productionDirectives['script-src'] ?? []), "'unsafe-inline'"],
    'style-src': [...(productionDirectives['style-src'] ?? []), "'unsafe-inline'"],
    'connect-src': [...(productionDirectives['connect-src'] ?? []), hotReload],
  });
}

/** The policy for where the renderer comes from: strict for files, relaxed only for the dev server. */
export function cspFor(pages: AppPages): string {
  return pages.kind === 'devServer' ? developmentCsp(pages.origin) : productionCsp;
}
