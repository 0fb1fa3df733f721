/**
 * Whether the built trainer UI (dist/ui) is missing or older than its sources: `npm start` (scripts/ensure-ui.ts)
 * and the browser tests (test/browser/support.ts) build it then.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built UI's entry page. */
export const BUILT_UI = join(ROOT, 'dist', 'ui', 'index.html');
const SOURCES = [join(ROOT, 'trainer-ui'), join(ROOT, 'vite.config.ts'), join(ROOT, 'package-lock.json')];

/** Newest modification time under a file or folder (test files do not go into the bundle). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/** dist/ui is missing, or a source of the bundle changed after it was built. */
export function uiIsStale(): boolean {
  if (!existsSync(BUILT_UI)) return true;
  const built = statSync(BUILT_UI).mtimeMs;
  return SOURCES.some((s) => newest(s) > built);
}
