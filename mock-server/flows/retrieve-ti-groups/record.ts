/**
 * The National Register record of one person as the Tx25 shows it on a date: a pure view of the world's facts
 * (the same addresses, civil states and households the other identity flows read), already mapped onto the
 * register's codes. `rn25.ts` writes it as IT groups, the flow's `toJson` as readable JSON.
 */
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { realDate } from '../../../scenarios/engine/builder.ts';
import { addDays, maxDate, minDate } from '../../../scenarios/engine/dates.ts';
import type {
  AddressPeriod,
  Household,
  HouseholdRole,
  IsoDate,
  Language,
  Person,
  Sex,
  World,
} from '../../../scenarios/engine/model.ts';
import {
  type CodeLabel,
  civilStateLabel,
  cohabitationEndLabel,
  country,
  familyRoleLabel,
  municipalityLabel,
  regionOfNis,
  registerLanguage,
  STRUCK_OFF_CODE,
  struckOffLabel,
} from './codes.ts';

/** Another person as the record names them (spouse, household member, head of household). */
export interface PersonRef {
  insz: string;
  lastName: string;
  firstNames: string[];
  sex: Sex;
  /** `YYYY-MM-DD`, `00` for unknown parts. */
  birthDate: IsoDate;
}

/** A Belgian municipality (NIS code) or a country (National Register country code). */
export type Place =
  | { kind: 'municipality'; nis: string; label: string }
  | { kind: 'country'; code: string; label: string; iso: string };

/** Periods: `to` is the last day (inclusive), null while the fact still holds on the record's date. */
interface Dated {
  from: IsoDate;
  to: IsoDate | null;
}

export interface Residence {
  from: IsoDate;
  kind: 'municipality' | 'country' | 'struck-off';
  code: string;
  label: string;
  /** IT001 Language: 1 French, 2 Dutch/German. */
  registerLanguage: '1' | '2';
}

export interface MainAddress extends Dated {
  kind: 'main' | 'reference';
  nis: string;
  municipality: string;
  postalCode: string;
  street: CodeLabel;
  houseNumber: string;
  box?: string;
}

export interface AddressAbroad extends Dated {
  country: CodeLabel;
}

export interface CivilStateEntry extends Dated {
  code: string;
  label: string;
  spouse?: PersonRef;
  place?: Place;
  actNumber?: string;
}

export type LegalCohabitationEntry =
  | (Dated & { kind: 'declaration'; partner: PersonRef; place?: Place; endedByMarriage: boolean })
  | { kind: 'cessation'; from: IsoDate; reason: CodeLabel; place?: Place };

export interface HouseholdEntry extends Dated {
  /** 140: the person is the reference person (alone, or listing a member); 141: the person lives with a head. */
  it: '140' | '141';
  relation: 'lives-alone' | 'member-of-my-household' | 'head-of-my-household';
  role: CodeLabel;
  /** The member (IT140) or the head (IT141); null when the person lives alone. */
  person: PersonRef | null;
}

export interface Tx25Record {
  ssin: string;
  language: Language;
  history: boolean;
  /** The date the request was answered as of. */
  asOf: IsoDate;
  /** The date the record describes: `asOf`, or the date of death when the person died before. */
  effective: IsoDate;
  identity: PersonRef & {
    birthPlace: Place;
    birthActNumber: string;
    nationality: CodeLabel & { iso: string; since: IsoDate };
  };
  residences: Residence[];
  addresses: MainAddress[];
  abroad: AddressAbroad[];
  referenceAddresses: Dated[];
  civilStates: CivilStateEntry[];
  legalCohabitations: LegalCohabitationEntry[];
  household: HouseholdEntry[];
  death?: { date: IsoDate; place: Place; actNumber: string };
  createdOn: IsoDate;
  lastUpdate: IsoDate;
}

export type RecordResult =
  | { found: true; record: Tx25Record }
  | { found: false; reason: 'bis-number' | 'not-born' | 'unknown' };

/** 32-bit FNV-1a: stable synthetic codes (street, name, act numbers) derived from the facts, never random. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const digits = (seed: string, n: number): string => String(fnv(seed) % 10 ** n).padStart(n, '0');

/** Synthetic register name codes (the register codes names; the real tables are not public). */
export const lastNameCode = (name: string): string => `1${digits(`last:${name.toUpperCase()}`, 7)}`;
export const firstNameCode = (name: string): string => `000${digits(`first:${name.toUpperCase()}`, 5)}`;
/** Synthetic street code: postal code + 4 digits, the shape of the recorded replies (`47001761`). */
export const streetCode = (postcode: string, street: string): string =>
  `${postcode}${digits(`street:${postcode}:${street.toUpperCase()}`, 4)}`;

export function personRef(p: Person): PersonRef {
  return {
    insz: p.insz,
    lastName: p.familyName,
    firstNames: p.givenName.split(/\s+/).filter((s) => s !== ''),
    sex: p.sex,
    birthDate: p.birthDate,
  };
}

/** Keeps the facts that had started on `date`; one still running on `date` becomes open-ended. */
function clip<T extends Dated>(list: readonly T[], date: IsoDate): T[] {
  return list
    .filter((x) => x.from <= date)
    .map((x) => (x.to === null || x.to >= date ? { ...x, to: null } : x))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

const current = <T extends Dated>(list: T[]): T[] => list.filter((x) => x.to === null);
const newestFirst = <T extends { from: IsoDate }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));

function addressOn(p: Person, date: IsoDate): AddressPeriod | undefined {
  let found: AddressPeriod | undefined;
  for (const a of p.addresses) if (a.from <= date && (found === undefined || a.from >= found.from)) found = a;
  return found;
}

function municipalityPlace(a: { nis: string; municipality: { nl: string; fr: string } }, language: Language): Place {
  return {
    kind: 'municipality',
    nis: a.nis,
    label: municipalityLabel({ nis: a.nis, ...a.municipality }, regionOfNis(a.nis), language),
  };
}

function countryPlace(iso: string, language: Language): Place {
  return { kind: 'country', iso, ...country(iso, language) };
}

/** Where the person lived on `date` (the last address started by then), as a place of a civil-status act. */
function placeOn(p: Person, date: IsoDate, language: Language): Place | undefined {
  const a = addressOn(p, date);
  if (!a) return undefined;
  return a.country ? countryPlace(a.country, language) : municipalityPlace(a, language);
}

/**
 * Birth place: the world records only the country. A person born in Belgium is given the municipality of their
 * first Belgian address (a child is registered at its parents' address); without one, the country.
 */
function birthPlace(p: Person, language: Language): Place {
  if (p.birthPlace !== 'België') return countryPlace(p.birthPlace, language);
  const first = [...p.addresses].filter((a) => !a.country).sort((a, b) => (a.from < b.from ? -1 : 1))[0];
  return first ? municipalityPlace(first, language) : countryPlace('BE', language);
}

function residences(p: Person, addresses: AddressPeriod[], deceased: boolean, language: Language): Residence[] {
  const out: Residence[] = [];
  let last: AddressPeriod | undefined;
  const struckOff = (from: IsoDate): Residence => ({
    from,
    kind: 'struck-off',
    code: STRUCK_OFF_CODE,
    label: struckOffLabel(language),
    registerLanguage: registerLanguage({ nis: last?.nis ?? '', region: regionOfNis(last?.nis ?? '') }, p.language),
  });
  for (const a of addresses) {
    const lastTo = last?.to ?? null;
    const gap = lastTo !== null && addDays(lastTo, 1) < a.from;
    if (gap && lastTo !== null) out.push(struckOff(addDays(lastTo, 1)));
    const sameMunicipality = last && !gap && (last.country ?? last.nis) === (a.country ?? a.nis);
    if (!sameMunicipality) {
      if (a.country) {
        out.push({
          from: a.from,
          kind: 'country',
          ...country(a.country, language),
          registerLanguage: registerLanguage({ nis: '', region: 'abroad' }, p.language),
        });
      } else {
        const region = regionOfNis(a.nis);
        out.push({
          from: a.from,
          kind: 'municipality',
          code: a.nis,
          label: municipalityLabel({ nis: a.nis, ...a.municipality }, region, language),
          registerLanguage: registerLanguage({ nis: a.nis, region }, p.language),
        });
      }
    }
    last = a;
  }
  // An address that ended with no new one (and not by death) means the person was struck off the register.
  if (last?.to && !deceased) out.push(struckOff(addDays(last.to, 1)));
  return out;
}

type CivilCode = '10' | '20' | '30' | '40';

function civilStates(p: Person, date: IsoDate, language: Language, world: World): CivilStateEntry[] {
  const idx = indexOf(world);
  const out: (CivilStateEntry & { spouseInsz?: string })[] = [];
  let married: string | undefined;
  for (const c of clip(p.civilStates, date)) {
    let code: CivilCode;
    let spouse: string | undefined;
    switch (c.state) {
      case 'single':
        code = '10';
        break;
      // A de facto separation is not registered: the register still shows the marriage.
      case 'married':
      case 'separated':
        code = '20';
        spouse = c.partner;
        married = c.partner;
        break;
      case 'widowed':
        code = '30';
        spouse = married;
        break;
      case 'divorced':
        code = '40';
        spouse = married;
        break;
      // Legal cohabitation is not a civil state (IT123): the civil state before it goes on.
      case 'legal-cohabitation': {
        const prev = out[out.length - 1];
        code = (prev?.code as CivilCode | undefined) ?? '10';
        spouse = prev?.spouseInsz;
        break;
      }
    }
    const prev = out[out.length - 1];
    if (prev && prev.code === code && prev.spouseInsz === spouse) {
      prev.to = c.to;
      continue;
    }
    const entry: CivilStateEntry & { spouseInsz?: string } = {
      from: c.from,
      to: c.to,
      code,
      label: civilStateLabel(code, p.sex, language),
    };
    if (code !== '10') {
      if (spouse) {
        entry.spouseInsz = spouse;
        const s = idx.persons.get(spouse);
        entry.spouse = s ? personRef(s) : { insz: spouse, lastName: '', firstNames: [], sex: 'M', birthDate: '' };
      }
      const place = placeOn(p, c.from, language);
      if (place) entry.place = place;
      entry.actNumber = digits(`act:${[p.insz, spouse ?? ''].sort().join('/')}:${code}:${c.from}`, 4);
    }
    out.push(entry);
  }
  return out.map(({ spouseInsz: _s, ...e }) => e);
}

function legalCohabitations(p: Person, date: IsoDate, language: Language, world: World): LegalCohabitationEntry[] {
  const idx = indexOf(world);
  const states = clip(p.civilStates, date);
  const out: LegalCohabitationEntry[] = [];
  states.forEach((c, i) => {
    if (c.state !== 'legal-cohabitation' || !c.partner) return;
    const partner = idx.persons.get(c.partner);
    const next = states[i + 1];
    const endedByMarriage =
      c.to !== null && next !== undefined && next.state === 'married' && next.partner === c.partner;
    const declaration: LegalCohabitationEntry = {
      kind: 'declaration',
      from: c.from,
      to: c.to,
      partner: partner
        ? personRef(partner)
        : { insz: c.partner, lastName: '', firstNames: [], sex: 'M', birthDate: '' },
      endedByMarriage,
    };
    const place = placeOn(p, c.from, language);
    if (place) declaration.place = place;
    out.push(declaration);
    if (endedByMarriage && c.to !== null) {
      const end = addDays(c.to, 1);
      const cessation: LegalCohabitationEntry = {
        kind: 'cessation',
        from: end,
        reason: { code: '01', label: cohabitationEndLabel('01', language) },
      };
      const endPlace = placeOn(p, end, language);
      if (endPlace) cessation.place = endPlace;
      out.push(cessation);
    }
  });
  return out;
}

const END = '9999-12-31';

function intersect(a: Dated, b: Dated): Dated | undefined {
  const from = maxDate(a.from, b.from);
  const to = minDate(a.to ?? END, b.to ?? END);
  return from <= to ? { from, to: to === END ? null : to } : undefined;
}

/** The parts of `base` that none of `cover` overlaps. */
function subtract(base: Dated, cover: Dated[]): Dated[] {
  const sorted = [...cover].sort((a, b) => (a.from < b.from ? -1 : 1));
  const out: Dated[] = [];
  let start: IsoDate | null = base.from;
  const baseEnd = base.to ?? END;
  for (const c of sorted) {
    if (start === null) break;
    const cTo = c.to ?? END;
    if (cTo < start || c.from > baseEnd) continue;
    if (c.from > start) out.push({ from: start, to: addDays(c.from, -1) });
    start = cTo >= baseEnd ? null : addDays(cTo, 1);
  }
  if (start !== null && start <= baseEnd) out.push({ from: start, to: base.to });
  return out;
}

/**
 * The role codes of a household member relative to the reference person over a period: a partner is the spouse
 * (02) while married to the head, else "not related" (12) — as the register lists a cohabitant.
 */
function roleSegments(role: HouseholdRole, who: Person | undefined, headInsz: string, period: Dated) {
  const fixed: Record<HouseholdRole, string> = { head: '01', partner: '12', child: '03', parent: '06', other: '12' };
  if (role !== 'partner' || !who) return [{ ...period, code: fixed[role] }];
  const married = who.civilStates
    .filter((c) => (c.state === 'married' || c.state === 'separated') && c.partner === headInsz)
    .map((c) => intersect(c, period))
    .filter((x): x is Dated => x !== undefined);
  const segments = [
    ...married.map((m) => ({ ...m, code: '02' })),
    ...subtract(period, married).map((m) => ({ ...m, code: '12' })),
  ];
  return segments.sort((a, b) => (a.from < b.from ? -1 : 1));
}

/** Merges overlapping or adjacent periods. */
function union(periods: Dated[]): Dated[] {
  const out: Dated[] = [];
  for (const x of [...periods].sort((a, b) => (a.from < b.from ? -1 : 1))) {
    const last = out[out.length - 1];
    if (last && (last.to === null || addDays(last.to, 1) >= x.from)) {
      if (last.to !== null && (x.to === null || x.to > last.to)) last.to = x.to;
    } else out.push({ ...x });
  }
  return out;
}

/**
 * The reference persons of a household over time: its heads, and while it has none (the head died or left and the
 * others stayed), a successor — the partner, else the oldest member — as the register always names one.
 */
function referencePersons(hh: Household, idx: ReturnType<typeof indexOf>): (Dated & { insz: string })[] {
  const heads = hh.members.filter((m) => m.role === 'head').map((m) => ({ insz: m.insz, from: m.from, to: m.to }));
  const out = [...heads];
  for (const gap of subtract({ from: '0000-01-01', to: null }, heads)) {
    const members = hh.members.filter((m) => m.role !== 'head');
    for (const piece of union(members.map((m) => intersect(m, gap)).filter((x): x is Dated => x !== undefined))) {
      let from: IsoDate | null = piece.from;
      while (from !== null) {
        const at: IsoDate = from;
        const present = members.filter((m) => m.from <= at && (m.to === null || m.to >= at));
        const birth = (insz: string) => realDate(idx.persons.get(insz)?.birthDate ?? '9999-12-31');
        const successor = [...present].sort(
          (a, b) =>
            Number(b.role === 'partner') - Number(a.role === 'partner') ||
            (birth(a.insz) < birth(b.insz) ? -1 : birth(a.insz) > birth(b.insz) ? 1 : a.insz < b.insz ? -1 : 1),
        )[0];
        if (!successor) break;
        const span = intersect(successor, { from: at, to: piece.to });
        if (!span) break;
        out.push({ insz: successor.insz, ...span });
        from = span.to === null || (piece.to !== null && span.to >= piece.to) ? null : addDays(span.to, 1);
      }
    }
  }
  return out;
}

function household(p: Person, date: IsoDate, language: Language, world: World): HouseholdEntry[] {
  const idx = indexOf(world);
  const out: HouseholdEntry[] = [];
  const push = (e: HouseholdEntry) => {
    const [clipped] = clip([e], date);
    if (clipped) out.push(clipped);
  };
  for (const m of p.households.filter((x) => x.from <= date)) {
    const hh = idx.households.get(m.householdId);
    if (!hh) continue;
    for (const ref of referencePersons(hh, idx)) {
      const period = intersect(ref, m);
      if (!period) continue;
      if (ref.insz === p.insz) {
        // The person is the reference person: every other member with their role, or living alone.
        const members: Dated[] = [];
        for (const x of hh.members) {
          if (x.insz === p.insz) continue;
          const overlap = intersect(x, period);
          if (!overlap) continue;
          members.push(overlap);
          const who = idx.persons.get(x.insz);
          for (const seg of roleSegments(x.role === 'head' ? 'other' : x.role, who, p.insz, overlap)) {
            push({
              it: '140',
              relation: 'member-of-my-household',
              from: seg.from,
              to: seg.to,
              role: { code: seg.code, label: familyRoleLabel(seg.code, who?.sex ?? 'M', language) },
              person: who ? personRef(who) : null,
            });
          }
        }
        for (const alone of subtract(period, members)) {
          push({
            it: '140',
            relation: 'lives-alone',
            ...alone,
            role: { code: '01', label: familyRoleLabel('01', p.sex, language) },
            person: null,
          });
        }
      } else {
        const head = idx.persons.get(ref.insz);
        for (const seg of roleSegments(m.role === 'head' ? 'other' : m.role, p, ref.insz, period)) {
          push({
            it: '141',
            relation: 'head-of-my-household',
            from: seg.from,
            to: seg.to,
            role: { code: seg.code, label: familyRoleLabel(seg.code, p.sex, language) },
            person: head ? personRef(head) : null,
          });
        }
      }
    }
  }
  return out;
}

/**
 * The Tx25 record of `insz` as of `asOf`, with the whole history or only what holds on that date. A deceased
 * person's record shows the situation at death and the death itself.
 *
 * @example
 * const r = buildRecord(world, '82060482345', { asOf: '2025-06-30', history: false, language: 'nl' });
 * if (r.found) r.record.household.map((h) => h.role.code); // ['02', '03', …]
 */
export function buildRecord(
  world: World,
  insz: string,
  opts: { asOf: IsoDate; history: boolean; language: Language },
): RecordResult {
  const p = indexOf(world).persons.get(insz);
  if (!p) return { found: false, reason: 'unknown' };
  // BIS numbers are given by the KSZ to people the National Register does not know.
  if (p.kind === 'bis') return { found: false, reason: 'bis-number' };
  const born = realDate(p.birthDate);
  if (born > opts.asOf) return { found: false, reason: 'not-born' };
  const { language, history } = opts;
  const deceased = p.deathDate !== undefined && p.deathDate <= opts.asOf;
  const date = deceased && p.deathDate ? p.deathDate : opts.asOf;
  const keep = <T extends Dated>(list: T[]) => (history ? list : current(list));

  const clippedAddresses = clip(p.addresses, date);
  const allResidences = residences(p, clippedAddresses, deceased, language);
  const addresses: MainAddress[] = [];
  const abroad: AddressAbroad[] = [];
  for (const a of clippedAddresses) {
    if (a.country) {
      abroad.push({ from: a.from, to: a.to, country: country(a.country, language) });
      continue;
    }
    const entry: MainAddress = {
      from: a.from,
      to: a.to,
      kind: a.kind,
      nis: a.nis,
      municipality: municipalityLabel({ nis: a.nis, ...a.municipality }, regionOfNis(a.nis), language),
      postalCode: a.postcode,
      street: { code: streetCode(a.postcode, a.street), label: a.street },
      houseNumber: a.houseNumber,
    };
    if (a.box) entry.box = a.box;
    addresses.push(entry);
  }
  const referenceAddresses = addresses.filter((a) => a.kind === 'reference').map((a) => ({ from: a.from, to: a.to }));
  const allCohabitations = legalCohabitations(p, date, language, world);
  const cohabitations = history
    ? allCohabitations
    : allCohabitations.filter((c) => c.kind === 'declaration' && c.to === null);

  const nat = country(p.nationality, language);
  const allCivilStates = civilStates(p, date, language, world);
  const allHousehold = household(p, date, language, world);
  const record: Tx25Record = {
    ssin: p.insz,
    language,
    history,
    asOf: opts.asOf,
    effective: date,
    identity: {
      ...personRef(p),
      birthPlace: birthPlace(p, language),
      birthActNumber: digits(`birth:${p.insz}`, 5),
      nationality: { ...nat, iso: p.nationality, since: p.birthDate },
    },
    residences: newestFirst(history ? allResidences : allResidences.slice(-1)),
    addresses: newestFirst(keep(addresses)),
    abroad: newestFirst(keep(abroad)),
    referenceAddresses: newestFirst(keep(referenceAddresses)),
    civilStates: newestFirst(keep(allCivilStates)),
    legalCohabitations: newestFirst(cohabitations),
    household: newestFirst(keep(allHousehold)),
    // Created at birth for someone born in Belgium; at the first registration for someone who came from abroad.
    createdOn: p.birthPlace !== 'België' && clippedAddresses[0] ? clippedAddresses[0].from : born,
    lastUpdate: born,
  };
  if (deceased && p.deathDate) {
    const last = addressOn(p, p.deathDate);
    record.death = {
      date: p.deathDate,
      place: last
        ? last.country
          ? countryPlace(last.country, language)
          : municipalityPlace(last, language)
        : countryPlace('BE', language),
      actNumber: digits(`death:${p.insz}`, 4),
    };
  }
  // The same date with or without history: computed over every fact up to the record's date.
  record.lastUpdate = lastUpdate(record.createdOn, date, [
    ...allResidences.map((x) => x.from),
    ...[...addresses, ...abroad, ...allHousehold].flatMap((x) => [x.from, x.to === null ? null : addDays(x.to, 1)]),
    ...allCivilStates.map((x) => x.from),
    ...allCohabitations.map((x) => x.from),
    record.death?.date ?? null,
  ]);
  return { found: true, record };
}

/** The latest date the record shows a change on (IT254), never after the record's date. */
function lastUpdate(created: IsoDate, date: IsoDate, dates: (IsoDate | null)[]): IsoDate {
  let last = created;
  for (const d of dates) if (d !== null && d <= date && d > last) last = d;
  return last;
}
