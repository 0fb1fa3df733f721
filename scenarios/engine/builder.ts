import { dayBefore } from './dates.ts';
import { InszAllocator } from './ids/insz.ts';
import type {
  AddressPeriod,
  CivilState,
  Household,
  HouseholdRole,
  IsoDate,
  Language,
  Organisation,
  Person,
  Sex,
} from './model.ts';
import { buildPools, type Pools } from './pools.ts';
import { createRng, type Rng } from './rng.ts';

/**
 * Mutable state while a world is being built: persons, households, the shared pools (OCMW's, employers,
 * doctors ...) and the INSZ allocator. Event kinds (`events/`) change persons only through these methods,
 * so every period is closed the day before the next one opens.
 */
export class WorldBuilder {
  readonly persons: Person[] = [];
  readonly byInsz = new Map<string, Person>();
  readonly pools: Pools;
  readonly insz = new InszAllocator();
  /** Persons a scenario declared uninsured: the finishing pass gives them no default mutuality. */
  readonly uninsured = new Set<string>();
  private readonly householdOrigins = new Map<string, string>();
  /** Everyone who was ever a member of a household: keeps `membersOn` independent of the world's size. */
  private readonly everMembers = new Map<string, Set<Person>>();
  private counters = new Map<string, number>();

  constructor(readonly seed: number) {
    this.pools = buildPools(createRng(`${seed}/pools`));
  }

  get organisations(): Organisation[] {
    return this.pools.organisations;
  }

  /** A deterministic id unique within the world: `<prefix>-<n>`. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }

  createPerson(opts: {
    rng: Rng;
    sex: Sex;
    birthDate: IsoDate;
    givenName: string;
    familyName: string;
    nationality: string;
    language: Language;
    birthPlace: string;
    kind: 'rr' | 'bis';
    sexKnown?: boolean;
    origin: string;
    originRole: string;
  }): Person {
    const insz = this.insz.allocate(opts.birthDate, opts.sex, () => opts.rng.next(), opts.kind, opts.sexKnown ?? true);
    const person: Person = {
      insz,
      kind: opts.kind,
      givenName: opts.givenName,
      familyName: opts.familyName,
      sex: opts.sex,
      birthDate: opts.birthDate,
      birthPlace: opts.birthPlace,
      nationality: opts.nationality,
      language: opts.language,
      origin: opts.origin,
      originRole: opts.originRole,
      civilStates: [{ from: realDate(opts.birthDate), to: null, state: 'single' }],
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
    this.persons.push(person);
    this.byInsz.set(insz, person);
    return person;
  }

  newHousehold(origin: string): string {
    const id = this.nextId('HH');
    this.householdOrigins.set(id, origin);
    return id;
  }

  /** The household a person belongs to on `date`, if any. */
  householdOn(person: Person, date: IsoDate): { householdId: string; role: HouseholdRole } | undefined {
    for (let i = person.households.length - 1; i >= 0; i--) {
      const m = person.households[i];
      if (m && m.from <= date && (m.to === null || date <= m.to)) return { householdId: m.householdId, role: m.role };
    }
    return undefined;
  }

  addressOn(person: Person, date: IsoDate): AddressPeriod | undefined {
    for (let i = person.addresses.length - 1; i >= 0; i--) {
      const a = person.addresses[i];
      if (a && a.from <= date && (a.to === null || date <= a.to)) return a;
    }
    return undefined;
  }

  /** Persons who are members of a household on `date`. */
  membersOn(householdId: string, date: IsoDate): Person[] {
    const ever = this.everMembers.get(householdId);
    if (!ever) return [];
    return [...ever].filter((p) => this.householdOn(p, date)?.householdId === householdId);
  }

  joinHousehold(person: Person, householdId: string, role: HouseholdRole, date: IsoDate): void {
    closeOpen(person.households, date);
    person.households.push({ from: date, to: null, householdId, role });
    let ever = this.everMembers.get(householdId);
    if (!ever) {
      ever = new Set();
      this.everMembers.set(householdId, ever);
    }
    ever.add(person);
  }

  leaveHousehold(person: Person, date: IsoDate): void {
    closeOpen(person.households, date);
  }

  setAddress(person: Person, address: Omit<AddressPeriod, 'from' | 'to'>, date: IsoDate): void {
    closeOpen(person.addresses, date);
    person.addresses.push({ ...address, from: date, to: null });
  }

  setCivilState(person: Person, state: CivilState, date: IsoDate, partner?: string): void {
    closeOpen(person.civilStates, date);
    person.civilStates.push(partner ? { from: date, to: null, state, partner } : { from: date, to: null, state });
  }

  /** Households assembled from the persons' memberships; sorted by id for a stable output. */
  households(): Household[] {
    const byId = new Map<string, Household>();
    for (const p of this.persons) {
      for (const m of p.households) {
        let h = byId.get(m.householdId);
        if (!h) {
          h = { id: m.householdId, members: [], origin: this.householdOrigins.get(m.householdId) ?? 'background' };
          byId.set(m.householdId, h);
        }
        h.members.push({ insz: p.insz, role: m.role, from: m.from, to: m.to });
      }
    }
    return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  }
}

/** Closes the open period of a list the day before `date`; drops it when it would end before it began. */
export function closeOpen<T extends { from: IsoDate; to: IsoDate | null }>(list: T[], date: IsoDate): void {
  const last = list[list.length - 1];
  if (!last || last.to !== null) return;
  if (last.from >= date) {
    list.pop();
    return;
  }
  last.to = dayBefore(date);
}

function compareIds(a: string, b: string): number {
  const na = Number(a.slice(a.lastIndexOf('-') + 1));
  const nb = Number(b.slice(b.lastIndexOf('-') + 1));
  return na - nb || (a < b ? -1 : a > b ? 1 : 0);
}

/** A birth date with unknown parts (`00`) mapped to a real date, for period starts. */
export function realDate(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-');
  return `${y}-${m === '00' ? '01' : m}-${d === '00' ? '01' : d}`;
}
