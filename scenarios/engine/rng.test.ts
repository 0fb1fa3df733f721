import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

describe('seeded random source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('forks streams that do not depend on how much the parent drew', () => {
    const a = createRng(7);
    const b = createRng(7);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('keeps int, date and pick inside their bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const r = createRng(seed);
          const v = r.int(min, min + span);
          expect(v).toBeGreaterThanOrEqual(min);
          expect(v).toBeLessThanOrEqual(min + span);
          const d = r.date('2020-02-27', '2020-03-02');
          expect(d >= '2020-02-27' && d <= '2020-03-02').toBe(true);
          expect(['a', 'b', 'c']).toContain(r.pick(['a', 'b', 'c']));
        },
      ),
    );
  });

  it('draws weighted items in proportion (roughly)', () => {
    const r = createRng('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        r.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });

  it('refuses an empty pick and an inverted date range with a clear error', () => {
    const r = createRng(1);
    expect(() => r.pick([])).toThrow(/empty/);
    expect(() => r.date('2020-01-02', '2020-01-01')).toThrow(/after/);
  });
});
