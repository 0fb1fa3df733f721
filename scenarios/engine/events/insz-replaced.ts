import { realDate } from '../builder.ts';
import { isValidIsoDate } from '../dates.ts';
import type { Person, Sex } from '../model.ts';
import { defineEvent } from './define.ts';

/** The identity of a person without any facts: what remains under a replaced number. */
function slimCopy(who: Person, newInsz: string, date: string): Person {
  const old: Person = {
    insz: who.insz,
    kind: who.kind,
    givenName: who.givenName,
    familyName: who.familyName,
    sex: who.sex,
    birthDate: who.birthDate,
    birthPlace: who.birthPlace,
    nationality: who.nationality,
    language: who.language,
    replacedBy: { insz: newInsz, date },
    origin: who.origin,
    originRole: `${who.originRole}-old`,
    civilStates: [],
    addresses: [],
    households: [],
    employment: [],
    unemployment: [],
    unemploymentSanctions: [],
    healthInsurance: [],
    gmd: [],
    ocmwDecisions: [],
    mediprima: [],
    housing: {},
    led: [],
    pensions: [],
    handicap: [],
    sickness: [],
    childBenefits: [],
    taxes: [],
    property: [],
    energy: { socialTariff: [], heatingAllowances: [] },
    staysAbroad: [],
  };
  if (who.replaces) old.replaces = who.replaces;
  return old;
}

/**
 * The person gets a new INSZ (a BIS number replaced by a Rijksregister number, or a corrected birth date or sex).
 * The living record takes the new number and keeps every fact, with `replaces: <old>`; the old number stays in
 * the world as a slim record with `replacedBy` (consultations answer MSG00006 with `newSSIN`, ksz-flows.md §1.1).
 * References from other persons (partner, titular, huursubsidie partner) follow the new number.
 */
export default defineEvent<{ birthDate?: string; sex?: Sex }>({
  kind: 'insz-replaced',
  description:
    'Gives the person a new Rijksregister number; the old number remains as a slim record marked replacedBy.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      birthDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
      sex: { enum: ['M', 'F'] },
    },
  },
  apply(ctx, who, p) {
    const b = ctx.builder;
    if (who.deathDate && who.deathDate < ctx.date) throw new Error('insz-replaced: the person is deceased');
    if (p.birthDate && !isValidIsoDate(p.birthDate.replace(/-00/g, '-01')))
      throw new Error(`insz-replaced: ${p.birthDate} is not a date`);
    const oldInsz = who.insz;
    const birthDate = p.birthDate ?? who.birthDate;
    const sex = p.sex ?? who.sex;
    const newInsz = b.insz.allocate(birthDate, sex, () => ctx.rng.next(), 'rr', true);
    const old = slimCopy(who, newInsz, ctx.date);
    // The single-from-birth civil state starts on the corrected birth date.
    const first = who.civilStates[0];
    if (first && birthDate !== who.birthDate && first.from === realDate(who.birthDate))
      first.from = realDate(birthDate);
    who.insz = newInsz;
    who.kind = 'rr';
    who.birthDate = birthDate;
    who.sex = sex;
    who.replaces = oldInsz;
    b.persons.push(old);
    b.byInsz.set(oldInsz, old);
    b.byInsz.set(newInsz, who);
    if (b.uninsured.has(oldInsz)) b.uninsured.add(newInsz);
    for (const other of b.persons) {
      if (other === old) continue;
      for (const c of other.civilStates) if (c.partner === oldInsz) c.partner = newInsz;
      for (const h of other.healthInsurance) if (h.titular === oldInsz) h.titular = newInsz;
      const subsidy = other.housing.huursubsidie;
      if (subsidy?.partner === oldInsz) subsidy.partner = newInsz;
      for (const c of other.childBenefits) if (c.child === oldInsz) c.child = newInsz;
    }
  },
});
