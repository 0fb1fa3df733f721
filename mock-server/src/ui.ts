import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

/** Where `npm run build:ui` (Vite) writes the trainer UI. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../dist/ui', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths that belong to the server's own surfaces: never answered with the app's page. */
const NOT_THE_APP = /^\/(api|ksz|t|__admin|connectors|SOA4520|health|assets)(\/|$)/;

export interface TrainerUi {
  /** `GET /assets/*`: a built, content-hashed file (cached for a year), or a 404. */
  asset(c: Context): Promise<Response>;
  /** The app's `index.html` (or the "not built" page). */
  page(c: Context): Promise<Response>;
  /** True for a GET of a path of the app (not of an API) by a browser that accepts HTML. */
  wantsPage(c: Context): boolean;
}

/**
 * Serves the built trainer UI from `dir` (files read per request, so a rebuild needs no restart). When the UI was
 * not built, `notBuilt()` gives the page to show instead.
 *
 * @example
 * const ui = trainerUi(DEFAULT_UI_DIR, () => '<!doctype html>…npm run build:ui…');
 * app.get('/assets/*', ui.asset); app.get('/', ui.page);
 */
export function trainerUi(dir: string, notBuilt: () => string): TrainerUi {
  const root = resolve(dir);
  const assets = join(root, 'assets');
  const index = join(root, 'index.html');

  async function file(path: string): Promise<Buffer | null> {
    try {
      if (!(await stat(path)).isFile()) return null;
      return await readFile(path);
    } catch {
      return null;
    }
  }

  return {
    async asset(c) {
      let rel: string;
      try {
        rel = decodeURIComponent(c.req.path);
      } catch {
        return c.json({ error: 'bad path' }, 400);
      }
      const path = resolve(root, `.${rel}`);
      if (!path.startsWith(assets + sep) || rel.includes('\0')) return c.json({ error: `no asset ${c.req.path}` }, 404);
      const body = await file(path);
      if (!body) return c.json({ error: `no asset ${c.req.path}; run npm run build:ui` }, 404);
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
    },
    async page(c) {
      const body = await file(index);
      if (!body)
        return c.html(notBuilt(), 503, {
          'Cache-Control': 'no-store',
        });
      return c.body(new Uint8Array(body), 200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
    },
    wantsPage(c) {
      return (
        (c.req.method === 'GET' || c.req.method === 'HEAD') &&
        !NOT_THE_APP.test(c.req.path) &&
        /\btext\/html\b/.test(c.req.header('Accept') ?? '')
      );
    },
  };
}
