// The built renderer, read into memory once: the host serves exactly these files and can never be led outside them.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Every file under dir, keyed by its URL path ("/index.html", "/assets/index-abc.js"). */
export async function loadStaticFiles(dir: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const fullPath = path.join(entry.parentPath, entry.name);
    const urlPath = `/${path.relative(dir, fullPath).split(path.sep).join('/')}`;
    const contentType = contentTypes[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream';
    files.set(urlPath, { body: await fs.readFile(fullPath), contentType });
  }
  return files;
}
