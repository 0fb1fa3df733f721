import { createHash } from 'node:crypto';
import type { Organisation, Person, User, World } from '../../../scenarios/engine/model.ts';
import { placeholderValues } from './placeholders.ts';
import type { Exercise, SubjectRef, Variant } from './types.ts';

/** A non-negative 31-bit integer derived from text: seeds are never drawn at random. */
export function seedOf(text: string): number {
  return Number(BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 12)}`) % 2_147_483_647n);
}

/** The seed of a participant's world, from the participant id. */
export const participantSeed = (participantId: string): number => seedOf(`participant/${participantId}`);

/**
 * The seeds of a participant's n-th attempt of an exercise (n = 0 for the first). The first attempt of every
 * exercise plays in the participant's own world (the participant's seed); the k-th retry of any exercise plays
 * in the participant's k-th other world, so a retry gets another person, and a participant holds as many worlds
 * as their most retried exercise needs. The variant seed picks among the exercise's subject candidates.
 *
 * @example
 * variantSeeds(participantSeed('abc'), 'esv-current-decision', 0).worldSeed === participantSeed('abc'); // true
 */
export function variantSeeds(pSeed: number, exerciseId: string, n: number): { seed: number; worldSeed: number } {
  return {
    seed: seedOf(`${pSeed}/${exerciseId}/${n}`),
    worldSeed: n === 0 ? pSeed : seedOf(`${pSeed}/world/${n}`),
  };
}

export class VariantError extends Error {}

/** The person of a scenario role in a world (every named scenario is in the `small` preset once). */
export function personOf(world: World, ref: SubjectRef): Person | undefined {
  return world.persons.find((p) => p.origin === ref.scenario && p.originRole === ref.role);
}

/** The OCMW user the trainee plays: the preset's user with the exercise's role. */
export function actingUser(world: World, exercise: Exercise): { user: User; ocmw: Organisation } {
  const user = world.users.find((u) => u.role === exercise.actingRole);
  const ocmw = user && world.organisations.find((o) => o.id === user.organisation);
  if (!user || !ocmw) throw new VariantError(`the world has no ${exercise.actingRole} of an OCMW`);
  return { user, ocmw };
}

/**
 * One participant's instance of an exercise in its world: the subject (picked with the variant seed among the
 * candidates), the user, the clock and the text placeholders. No answer key is computed here.
 */
export function instantiate(
  exercise: Exercise,
  seeds: { seed: number; worldSeed: number },
  n: number,
  world: World,
): Variant {
  const { user, ocmw } = actingUser(world, exercise);
  let subject: Variant['subject'] = null;
  let person: Person | null = null;
  const candidates = exercise.subject?.candidates ?? [];
  if (candidates.length > 0) {
    const ref = candidates[seeds.seed % candidates.length]!;
    const found = personOf(world, ref);
    if (!found) throw new VariantError(`no person ${ref.scenario}/${ref.role} in world small/${seeds.worldSeed}`);
    person = found;
    subject = { ...ref, insz: found.insz };
  }
  return {
    exerciseId: exercise.id,
    number: n,
    seed: seeds.seed,
    worldSeed: seeds.worldSeed,
    today: exercise.today,
    username: user.username,
    password: user.password,
    ocmwKbo: ocmw.kbo,
    subject,
    placeholders: placeholderValues(exercise, world, exercise.today, user, ocmw, person),
  };
}
