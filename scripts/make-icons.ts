// Writes resources/icons/ (app icon, tray icons per state, macOS templates) from scripts/icons/designs.ts.
// Run: node --import tsx scripts/make-icons.ts   (the output is committed; tests check it is up to date)
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderIconFiles } from './icons/designs';

const iconsDir = path.resolve(import.meta.dirname, '../resources/icons');
await mkdir(iconsDir, { recursive: true });
for (const [name, bytes] of renderIconFiles()) {
  await writeFile(path.join(iconsDir, name), bytes);
  console.log(`${path.join('resources/icons', name)}  ${bytes.length} bytes`);
}
