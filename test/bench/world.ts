import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface WorldFigures {
  name: string;
  persons: number;
  ms: number;
  libraryMs?: number;
  maxRssMb: number;
}

const WORKER = fileURLToPath(new URL('./world-worker.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function measure(mode: string, arg: string): WorldFigures {
  const out = execFileSync(TSX, [WORKER, mode, arg], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    persons: number;
    ms: number;
    libraryMs?: number;
    maxRssMb: number;
  };
  return { name: `${mode} ${arg}`, ...r };
}

/** World generation: 100,000 persons vs. plain seeded Faker persons; default and small preset start-up. */
export function benchWorld(log: (line: string) => void): WorldFigures[] {
  log('World generation (each in its own process; times exclude start-up and JSON writing)');
  const baseline = measure('faker-baseline', '100000');
  // ~2.2 persons per background household: 46,000 households ≈ 100,000 persons.
  const big = measure('world', 'default:46000');
  const def = measure('world', 'default');
  const small = measure('world', 'small');
  const rate = (f: WorldFigures) => f.persons / (f.ms / 1000);
  const rows = [baseline, big, def, small];
  for (const f of rows) {
    log(
      `  ${f.name.padEnd(28)} ${String(f.persons).padStart(7)} persons ${f.ms.toFixed(0).padStart(7)} ms ` +
        `${Math.round(rate(f)).toString().padStart(8)} persons/s  ratio ${(rate(f) / rate(baseline)).toFixed(2)}  peak ${f.maxRssMb.toFixed(0)} MB` +
        (f.libraryMs ? `  (+ ${f.libraryMs.toFixed(0)} ms loading the scenario library, once per process)` : ''),
    );
  }
  log(`  goal: 100k persons ≥ 0.1 × baseline persons/s and ≤ 1 GB; default ≤ 2000 ms; small ≤ 200 ms`);
  return rows;
}
