import { addDays, daysBetween } from './dates.ts';
import type { IsoDate } from './model.ts';

/**
 * A seeded random source (sfc32, seeded through cyrb128). Every random choice in a world goes through one of
 * these, so the same seed gives the same world; `fork(label)` gives an independent stream whose values do not
 * depend on how many draws the parent made, so adding background households never changes a scenario.
 *
 * @example
 * const rng = createRng('42/scenario:deceased');
 * rng.int(1, 6); // always the same for that seed
 */
export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  date(from: IsoDate, to: IsoDate): IsoDate;
  fork(label: string): Rng;
  readonly seed: string;
}

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function createRng(seed: number | string): Rng {
  const seedText = String(seed);
  const [a, b, c, d] = cyrb128(seedText);
  const next = sfc32(a, b, c, d);
  // Warm up: the first outputs of sfc32 are weakly mixed.
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    seed: seedText,
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new Error('rng.pick: empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items) {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('rng.weighted: empty list');
      return last[0];
    },
    date(from, to) {
      const span = daysBetween(from, to);
      if (span < 0) throw new Error(`rng.date: ${from} is after ${to}`);
      return addDays(from, Math.floor(next() * (span + 1)));
    },
    fork(label) {
      return createRng(`${seedText}/${label}`);
    },
  };
  return rng;
}
