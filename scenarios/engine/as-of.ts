import { covers } from './dates.ts';
import type {
  AddressPeriod,
  CivilStatePeriod,
  Household,
  HouseholdMembership,
  IsoDate,
  OcmwDecision,
  Period,
  Person,
  World,
} from './model.ts';

/** What was true of one person on one date. */
export interface PersonOn {
  person: Person;
  date: IsoDate;
  /** `false` before birth; deceased persons are still found, with `deceased: true`. */
  born: boolean;
  deceased: boolean;
  address?: AddressPeriod;
  household?: HouseholdMembership & { members: Household['members'] };
  civilState?: CivilStatePeriod;
  employment: Person['employment'];
  unemployment: Person['unemployment'];
  selfEmployed: NonNullable<Person['selfEmployed']>['periods'];
  healthInsurance: Person['healthInsurance'];
  gmd: Person['gmd'];
  ocmwDecisions: OcmwDecision[];
  mediprima: Person['mediprima'];
  pensions: Person['pensions'];
  handicap: Person['handicap'];
  sickness: Person['sickness'];
  childBenefits: Person['childBenefits'];
  staysAbroad: Person['staysAbroad'];
  socialTariff: Period[];
}

export interface WorldOn {
  date: IsoDate;
  /** The record of this INSZ (also replaced and cancelled ones), as of the date. */
  person(insz: string): PersonOn | undefined;
}

interface Index {
  persons: Map<string, Person>;
  households: Map<string, Household>;
}

const indexes = new WeakMap<World, Index>();

/** Lookup tables of a world, built once and cached: INSZ → person, id → household. */
export function indexOf(world: World): Index {
  let idx = indexes.get(world);
  if (!idx) {
    idx = {
      persons: new Map(world.persons.map((p) => [p.insz, p])),
      households: new Map(world.households.map((h) => [h.id, h])),
    };
    indexes.set(world, idx);
  }
  return idx;
}

const on = <T extends Period>(list: readonly T[], date: IsoDate): T[] => list.filter((x) => covers(x, date));

/** One person's facts on a date (no lookup). */
export function personOn(world: World, person: Person, date: IsoDate): PersonOn {
  const birth = person.birthDate.replace(/-00/g, '-01');
  const membership = person.households.find((m) => covers(m, date));
  const household = membership ? indexOf(world).households.get(membership.householdId) : undefined;
  const result: PersonOn = {
    person,
    date,
    born: birth <= date,
    deceased: person.deathDate !== undefined && person.deathDate < date,
    employment: on(person.employment, date),
    unemployment: on(person.unemployment, date),
    selfEmployed: on(person.selfEmployed?.periods ?? [], date),
    healthInsurance: on(person.healthInsurance, date),
    gmd: on(person.gmd, date),
    ocmwDecisions: person.ocmwDecisions.filter((d) => covers(d.period, date)),
    mediprima: on(person.mediprima, date),
    pensions: on(person.pensions, date),
    handicap: on(person.handicap, date),
    sickness: on(person.sickness, date),
    childBenefits: on(person.childBenefits, date),
    staysAbroad: on(person.staysAbroad, date),
    socialTariff: on(person.energy.socialTariff, date),
  };
  const address = person.addresses.find((a) => covers(a, date));
  if (address) result.address = address;
  const civil = person.civilStates.find((c) => covers(c, date));
  if (civil) result.civilState = civil;
  if (membership && household)
    result.household = { ...membership, members: household.members.filter((m) => covers(m, date)) };
  return result;
}

/**
 * The world as it was (or will be) on `date`: every fact that covered that day.
 *
 * @example
 * const view = asOf(world, '2015-01-01');
 * view.person('89111432636')?.unemployment; // the rights running that day
 */
export function asOf(world: World, date: IsoDate): WorldOn {
  const idx = indexOf(world);
  return {
    date,
    person(insz) {
      const p = idx.persons.get(insz);
      return p ? personOn(world, p, date) : undefined;
    },
  };
}
