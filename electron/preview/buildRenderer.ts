// Builds the renderer once with Vite's JS API, from the renderer section of electron.vite.config.ts (the plugins and
// options a release uses), into a folder of this run. Paths are made absolute so the build never depends on the cwd.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, mergeConfig, type InlineConfig } from 'vite';
import electronViteConfig from '../../electron.vite.config';

const rendererRoot = fileURLToPath(new URL('../../renderer/', import.meta.url));

export async function buildRenderer(outDir: string): Promise<void> {
  const overrides: InlineConfig = {
    configFile: false,
    root: rendererRoot,
    base: './',
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      rolldownOptions: { input: path.join(rendererRoot, 'index.html') },
    },
  };
  await build(mergeConfig(electronViteConfig.renderer ?? {}, overrides) as InlineConfig);
}
