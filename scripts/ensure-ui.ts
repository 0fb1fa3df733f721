/**
 * `npm start` runs this first: builds the trainer UI (`vite build` → dist/ui) when it is missing or older than its
 * sources, so a fresh checkout serves the app without a separate step. Never fatal: without Vite (installed
 * without dev dependencies) the server starts anyway and `/` says how to build the UI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uiIsStale } from './ui-stale.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function main(): void {
  if (!uiIsStale()) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    process.stderr.write(
      'start: the trainer UI is not built and Vite is not installed (npm install); the server starts without it.\n',
    );
    return;
  }
  process.stdout.write('Building the trainer UI (vite build → dist/ui) …\n');
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.stderr.write('start: building the trainer UI failed; the server starts without it.\n');
}

main();
