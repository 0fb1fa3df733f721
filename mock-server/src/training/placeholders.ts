import { covers } from '../../../scenarios/engine/dates.ts';
import type { IsoDate, Organisation, Person, User, World } from '../../../scenarios/engine/model.ts';
import { fileOcmw, isPaid } from './keys/support.ts';
import { formatDate } from './text.ts';
import type { Exercise, Variant } from './types.ts';

/**
 * The placeholders an exercise text may use, filled per variant. None of them is an answer key: they describe
 * the case (who, when, where), the way a file on the desk would.
 */
export const PLACEHOLDERS = [
  'name',
  'givenName',
  'familyName',
  'insz',
  'birthDate',
  'municipality',
  'today',
  'ocmw',
  'user',
  'username',
  'payingOcmw',
  'leefloonFrom',
] as const;

export function placeholderValues(
  exercise: Exercise,
  world: World,
  today: IsoDate,
  user: User,
  ocmw: Organisation,
  person: Person | null,
): Variant['placeholders'] {
  const common: Record<string, string> = { today: formatDate(today), user: user.name, username: user.username };
  const nl: Record<string, string> = { ...common, ocmw: ocmw.name.nl };
  const fr: Record<string, string> = { ...common, ocmw: ocmw.name.fr };
  if (person) {
    const who = {
      name: `${person.givenName} ${person.familyName}`,
      givenName: person.givenName,
      familyName: person.familyName,
      insz: person.insz,
      birthDate: formatDate(person.birthDate),
    };
    Object.assign(nl, who);
    Object.assign(fr, who);
    const address = person.addresses.find((a) => covers(a, today));
    if (address) {
      nl.municipality = address.municipality.nl;
      fr.municipality = address.municipality.fr;
    }
    const ctx = { exercise, world, subject: person, today, ocmwKbo: ocmw.kbo, flows: [] };
    if (person.ocmwDecisions.some((d) => isPaid(d) && d.decisionDate <= today)) {
      const paying = fileOcmw(ctx, person);
      nl.payingOcmw = paying.name.nl;
      fr.payingOcmw = paying.name.fr;
      const first = person.ocmwDecisions
        .filter((d) => isPaid(d) && d.ocmwKbo === paying.kbo && d.decisionDate <= today)
        .map((d) => d.period.from)
        .sort()[0];
      if (first) nl.leefloonFrom = fr.leefloonFrom = formatDate(first);
    }
  }
  return { nl, fr };
}
