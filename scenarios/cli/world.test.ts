import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'scenarios/cli/world.ts');
const dir = mkdtempSync(join(tmpdir(), 'world-cli-'));

async function world(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run world', () => {
  it('explains itself with --help', async () => {
    const r = await world('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--preset/);
    expect(r.stdout).toMatch(/--households/);
    expect(r.stdout).toMatch(/synthetic/);
  });

  it('writes the world JSON of CONTRACT.md and a summary, byte-identical for the same seed', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const c = join(dir, 'c.json');
    const r = await world('--preset', 'small', '--seed', '42', '--households', '20', '--out', a);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/persons/);
    expect(r.stderr).toMatch(/by scenario/);
    await world('--preset', 'small', '--seed', '42', '--households', '20', '--out', b);
    await world('--preset', 'small', '--seed', '43', '--households', '20', '--out', c);
    const textA = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(textA);
    expect(readFileSync(c, 'utf8')).not.toBe(textA);
    const w = JSON.parse(textA);
    expect(w.preset).toBe('small');
    expect(w.seed).toBe(42);
    expect(w.span.from <= w.span.to).toBe(true);
    for (const key of ['organisations', 'users', 'households', 'persons']) expect(Array.isArray(w[key])).toBe(true);
    expect(w.persons.every((p: { insz: string }) => /^\d{11}$/.test(p.insz))).toBe(true);
  });

  it('builds only the named scenario with --scenario', async () => {
    const out = join(dir, 'one.json');
    const r = await world(
      '--preset',
      'small',
      '--scenario',
      'inschakeling-ended-2015',
      '--households',
      '0',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    const w = JSON.parse(readFileSync(out, 'utf8'));
    expect(new Set(w.persons.map((p: { origin: string }) => p.origin))).toEqual(new Set(['inschakeling-ended-2015']));
  });

  it.each([
    [['--preset', 'nope', '--out', 'x.json'], /unknown preset "nope"/],
    [['--seed', 'abc', '--out', 'x.json'], /--seed must be a non-negative integer/],
    [['--households', '-5', '--out', 'x.json'], /households/],
    [['--households', '9999999', '--out', 'x.json'], /households must be an integer/],
    [['--scenario', 'no-such-thing', '--out', 'x.json'], /unknown scenario "no-such-thing"/],
    [['--preset', 'small'], /--out <file> is required/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with a clear message and a non-zero exit code', async (args, message) => {
    const r = await world(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
