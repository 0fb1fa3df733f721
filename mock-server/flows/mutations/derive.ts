import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { IsoDate, World } from '../../../scenarios/engine/model.ts';
import type { Registration } from '../../src/store/types.ts';
import { lifeEvents, MUTATION_TYPES, type MutationType } from './events.ts';

export interface Mutation {
  mutationId: string;
  ssin: string;
  type: MutationType;
  eventDate: IsoDate;
  source: string;
  details: Record<string, string>;
}

/** `<organisation KBO>.<INSZ>.<type>.<YYYYMMDD>`: the same change always has the same id for the same OCMW. */
export const MUTATION_ID = /^(\d{10})\.(\d{11})\.([A-Z_]+)\.(\d{8})$/;

/**
 * The id of a mutation, derived from what it is about; readable, so a trainer can tell what an id stands for.
 *
 * @example
 * mutationId('0251951263', '94073172775', 'EMPLOYMENT_START', '2025-02-03'); // '0251951263.94073172775.EMPLOYMENT_START.20250203'
 */
export function mutationId(organisation: string, insz: string, type: MutationType, date: IsoDate): string {
  return `${organisation}.${insz}.${type}.${date.replaceAll('-', '')}`;
}

/** Is the date inside a registration that had started before it (a running integration on the event date)? */
const running = (regs: Registration[], date: IsoDate) =>
  regs.some((r) => r.from < date && (r.to === null || date <= r.to));

/**
 * Every mutation the KSZ has prepared for an organisation up to `today`: the changes in the timelines of the persons
 * in its integration register that happened after a registration started and while it ran. Changes of persons it
 * never registered, before the registration, after it ended or after `today` do not exist for it. Several changes
 * of one kind on one day are one mutation (their details merged). Sorted by date, then id.
 *
 * @example
 * mutationsFor(world, '0251951263', ctx.register.list(), '2025-06-30').map((m) => m.type);
 */
export function mutationsFor(
  world: World,
  organisation: string,
  registrations: Registration[],
  today: IsoDate,
): Mutation[] {
  const byInsz = new Map<string, Registration[]>();
  for (const r of registrations) byInsz.set(r.insz, [...(byInsz.get(r.insz) ?? []), r]);
  const persons = indexOf(world).persons;
  const found = new Map<string, Mutation>();
  for (const [insz, regs] of byInsz) {
    const person = persons.get(insz);
    if (!person) continue;
    for (const e of lifeEvents(world, person)) {
      if (e.date > today || !running(regs, e.date)) continue;
      const id = mutationId(organisation, insz, e.type, e.date);
      const known = found.get(id);
      if (known) {
        for (const [k, v] of Object.entries(e.details))
          known.details[k] = known.details[k] && known.details[k] !== v ? `${known.details[k]} | ${v}` : v;
      } else
        found.set(id, {
          mutationId: id,
          ssin: insz,
          type: e.type,
          eventDate: e.date,
          source: MUTATION_TYPES[e.type].source,
          details: { ...e.details },
        });
    }
  }
  return [...found.values()].sort((a, b) =>
    a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : a.mutationId < b.mutationId ? -1 : 1,
  );
}
