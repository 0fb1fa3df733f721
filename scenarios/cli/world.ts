import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataFileError } from '../engine/library.ts';
import { presetIds } from '../engine/presets.ts';
import { formatSummary } from '../engine/summary.ts';
import { buildWorld } from '../engine/world.ts';

const HELP = `Usage: npm run world -- [options]

Writes a synthetic world (persons, households, organisations, users and every fact over time) as JSON.
All data is synthetic. Same preset + seed → byte-identical output.

Options:
  --preset <id>       recipe of the world: ${presetIds().join(', ')} (default: default)
  --seed <n>          non-negative integer seed (default: 1)
  --households <n>    number of background households (default: the preset's)
  --scenario <id>     only this named scenario (plus the background households)
  --out <file>        where to write the JSON (required; "-" for standard output)
  --help              this text

A summary (persons, households, by scenario, by fact) goes to standard error.
Example: npm run world -- --preset small --seed 42 --out world.json`;

function fail(message: string): never {
  process.stderr.write(`world: ${message}\nRun with --help for the options.\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a non-negative integer, got "${value}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n)) fail(`--${name} is too large: ${value}`);
  return n;
}

function main(): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        preset: { type: 'string' },
        seed: { type: 'string' },
        households: { type: 'string' },
        scenario: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const out = values.out as string | undefined;
  if (!out) fail('--out <file> is required');
  const seed = integer('seed', values.seed as string | undefined, 1) ?? 1;
  const households = integer('households', values.households as string | undefined, undefined);
  const started = performance.now();
  let lastShown = 0;
  try {
    const world = buildWorld({
      preset: (values.preset as string | undefined) ?? 'default',
      seed,
      ...(households !== undefined ? { households } : {}),
      ...(values.scenario ? { scenario: values.scenario as string } : {}),
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastShown > 500 || done === total) {
          lastShown = now;
          process.stderr.write(`\r  background households ${done}/${total} (${Math.round((100 * done) / total)} %)`);
          if (done === total) process.stderr.write('\n');
        }
      },
    });
    const json = JSON.stringify(world);
    if (out === '-') process.stdout.write(`${json}\n`);
    else writeFileSync(out, `${json}\n`);
    process.stderr.write(`${formatSummary(world)}\n`);
    process.stderr.write(
      `Built in ${Math.round(performance.now() - started)} ms; ${(json.length / 1_048_576).toFixed(1)} MB written to ${out === '-' ? 'standard output' : out}\n`,
    );
  } catch (e) {
    if (e instanceof DataFileError) fail(`malformed data file ${e.message}`);
    fail((e as Error).message);
  }
}

main();
