import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowDef } from '../../mock-server/src/ksz/flows/define.ts';
import { discoverFlows } from '../../mock-server/src/ksz/flows/discover.ts';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import { flowFacts } from '../../mock-server/src/training/routes.ts';
import { computeKey, keyContext, precomputeKeys, score } from '../../mock-server/src/training/score.ts';
import { instantiate, participantSeed, variantSeeds } from '../../mock-server/src/training/variant.ts';
import type { World } from '../../scenarios/engine/model.ts';
import { buildWorld } from '../../scenarios/engine/world.ts';
import { rightAnswers } from '../support/training.ts';

/**
 * Keys computed when an attempt starts must score exactly as keys computed at submission: for every exercise, the
 * right answers and a wrong set, with and without the stored keys, give the same result.
 */
const exercises = loadExercises();
let flows: FlowDef[];
let world: World;
const seeds = (id: string) => variantSeeds(participantSeed('precomputedkeys'), id, 0);

beforeAll(async () => {
  flows = await discoverFlows();
  world = buildWorld({ preset: 'small', seed: seeds(exercises[0]!.id).worldSeed });
});

describe('answer keys computed when the attempt starts', () => {
  it('score every exercise exactly as keys computed at submission, and are stored for those with key checks', () => {
    for (const x of exercises) {
      const s = seeds(x.id);
      expect(s.worldSeed, 'first attempts share the participant world').toBe(world.seed);
      const variant = instantiate(x, s, 0, world);
      const base = { hints: [], journal: [], registrations: [], world, flows: flowFacts(flows) };
      const keys = precomputeKeys(x, variant, { world, flows: flowFacts(flows) });
      const usesKeys = x.checks.some((c) => (c.params as { key?: string }).key);
      expect(Object.keys(keys).length > 0, `${x.id}: keys stored`).toBe(usesKeys);
      for (const answers of [rightAnswers(x, variant, world, { flows }), {}]) {
        const fresh = score(x, variant, { ...base, answers });
        const stored = score(x, variant, { ...base, answers, keys: JSON.parse(JSON.stringify(keys)) });
        expect(stored, x.id).toEqual(fresh);
      }
    }
  });

  it('compute for every exercise in the worlds of 30 participants (a variant nobody can score is a data error)', () => {
    const failures: string[] = [];
    for (let i = 0; i < 30; i++) {
      const pSeed = participantSeed(`sweep-${i}`);
      const w = buildWorld({ preset: 'small', seed: pSeed });
      for (const x of exercises) {
        const variant = instantiate(x, variantSeeds(pSeed, x.id, 0), 0, w);
        const ctx = keyContext(x, variant, { world: w, flows: flowFacts(flows) });
        for (const c of x.checks) {
          const p = c.params as { key?: string; keyParams?: Record<string, unknown> };
          if (!p.key) continue;
          try {
            computeKey(ctx, p.key, p.keyParams ?? {});
          } catch (e) {
            failures.push(`participant sweep-${i}, ${x.id}/${c.id}: ${(e as Error).message}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
