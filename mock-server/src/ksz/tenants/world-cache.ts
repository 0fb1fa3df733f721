import type { World } from '../../../../scenarios/engine/model.ts';

export interface WorldCache {
  /** The world of this recipe, built on first use and shared afterwards (worlds are immutable). */
  get(preset: string, seed: number): World;
  /** Recipes currently held, most recently used last (for tests and diagnostics). */
  keys(): string[];
}

export interface WorldCacheOptions {
  build: (preset: string, seed: number) => World;
  /** Keys (`preset/seed`) of the recipes some tenant uses: never evicted. Asked only when something may be evicted. */
  inUse: () => Set<string>;
  /** How many worlds no tenant uses are kept for a tenant that comes back (a test run recreating its tenant). */
  spare?: number;
}

export const worldKey = (preset: string, seed: number): string => `${preset}/${seed}`;

/**
 * A small LRU of worlds: every world a tenant uses stays, plus at most `spare` others, least recently used out first.
 *
 * @example
 * const worlds = createWorldCache({ build: (preset, seed) => buildWorld({ preset, seed }), inUse: () => new Set() });
 * worlds.get('small', 1) === worlds.get('small', 1); // true
 */
export function createWorldCache(opts: WorldCacheOptions): WorldCache {
  const spare = opts.spare ?? 8;
  const worlds = new Map<string, World>();

  function evict(): void {
    const used = opts.inUse();
    let unused = 0;
    for (const key of worlds.keys()) if (!used.has(key)) unused++;
    // Map order is least recently used first.
    for (const key of [...worlds.keys()]) {
      if (unused <= spare) break;
      if (used.has(key)) continue;
      worlds.delete(key);
      unused--;
    }
  }

  return {
    get(preset, seed) {
      const key = worldKey(preset, seed);
      let world = worlds.get(key);
      if (world) {
        worlds.delete(key);
        worlds.set(key, world);
        return world;
      }
      world = opts.build(preset, seed);
      worlds.set(key, world);
      evict();
      return world;
    },
    keys: () => [...worlds.keys()],
  };
}
