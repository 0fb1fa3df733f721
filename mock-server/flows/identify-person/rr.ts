import { covers } from '../../../scenarios/engine/dates.ts';
import { MUNICIPALITIES } from '../../../scenarios/engine/geo/municipalities.ts';
import { sexFromInsz } from '../../../scenarios/engine/ids/insz.ts';
import type { AddressPeriod, CivilState, IsoDate, Person } from '../../../scenarios/engine/model.ts';

/**
 * What the SSDN identity services (IdentifyPerson, PerformInvestigation) say about a person, in Rijksregister
 * terms: gender, civil state and country codes, legal address, origin. Shared by both flows so they never disagree.
 * Every code says where it comes from (`observed` in recorded replies, `inferred`, or `modelled`): see the READMEs.
 */

export type Lang = 'nl' | 'fr' | 'de';

/** A `common:DescriptionType`: a text with its language. */
export interface Description {
  lang: Lang;
  value: string;
}

/** Where a code of this module comes from. */
export type CodeBasis = 'observed' | 'inferred' | 'modelled';

export interface Country {
  /** ISO 3166 alpha-2, as the world stores nationalities and countries. */
  iso: string;
  /** Belgian NIS (INS) country code as the Rijksregister uses it. */
  code: number;
  name: { nl: string; fr: string };
  nationality: { nl: string; fr: string };
  basis: CodeBasis;
  source: string;
}

/**
 * The countries the synthetic world uses. 150 (Belgium) and 103 (Germany) are in the recorded KSZ replies; the other
 * codes are in the ranges of the Belgian NIS country list (1xx Europe, 2xx Asia, 3xx Africa) but were not checked
 * against a published list: `modelled`, a trainer must not quote them as real.
 */
export const COUNTRIES: readonly Country[] = [
  {
    iso: 'BE',
    code: 150,
    name: { nl: 'België', fr: 'Belgique' },
    nationality: { nl: 'Belg', fr: 'Belge' },
    basis: 'observed',
    source: 'demo_ipr_3.xml, demo_ipr_4.xml (NationalityCode, CountryCode 150)',
  },
  {
    iso: 'DE',
    code: 103,
    name: { nl: 'Duitsland', fr: 'Allemagne' },
    nationality: { nl: 'Duitser', fr: 'Allemand' },
    basis: 'observed',
    source: 'demo_tx25_*.xml (Country 103 "Deutschland (Bundesrep.)")',
  },
  {
    iso: 'PL',
    code: 139,
    name: { nl: 'Polen', fr: 'Pologne' },
    nationality: { nl: 'Pool', fr: 'Polonais' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'RO',
    code: 124,
    name: { nl: 'Roemenië', fr: 'Roumanie' },
    nationality: { nl: 'Roemeen', fr: 'Roumain' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'TR',
    code: 254,
    name: { nl: 'Turkije', fr: 'Turquie' },
    nationality: { nl: 'Turk', fr: 'Turc' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'SY',
    code: 206,
    name: { nl: 'Syrië', fr: 'Syrie' },
    nationality: { nl: 'Syriër', fr: 'Syrien' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'AF',
    code: 251,
    name: { nl: 'Afghanistan', fr: 'Afghanistan' },
    nationality: { nl: 'Afghaan', fr: 'Afghan' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'MA',
    code: 354,
    name: { nl: 'Marokko', fr: 'Maroc' },
    nationality: { nl: 'Marokkaan', fr: 'Marocain' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'CD',
    code: 306,
    name: { nl: 'Congo (Democratische Republiek)', fr: 'Congo (République démocratique)' },
    nationality: { nl: 'Congolees', fr: 'Congolais' },
    basis: 'modelled',
    source: 'not verified',
  },
  {
    iso: 'ER',
    code: 381,
    name: { nl: 'Eritrea', fr: 'Érythrée' },
    nationality: { nl: 'Eritreeër', fr: 'Érythréen' },
    basis: 'modelled',
    source: 'not verified',
  },
];

/**
 * The country of an ISO code, or undefined for one the table does not know (the flows then leave the code out).
 *
 * @example
 * country('BE')?.code; // 150
 */
export function country(iso: string): Country | undefined {
  return COUNTRIES.find((c) => c.iso === iso);
}

/** `Description`s of a country name (nl, fr). */
export function countryDescriptions(c: Country): Description[] {
  return [
    { lang: 'nl', value: c.name.nl },
    { lang: 'fr', value: c.name.fr },
  ];
}

/**
 * Rijksregister civil-state codes (SSDN `t_CivilStateCode`: 10, 20, 25, 26, 30, 40, 41, 50, 51, 60) for the states
 * of the world. A legal cohabitation is not a civil state in the Rijksregister (it is its own information type), so
 * it has no code here: the civil state before it applies.
 */
export const CIVIL_STATE_CODES: Readonly<
  Record<Exclude<CivilState, 'legal-cohabitation'>, { code: number; nl: string; fr: string; basis: CodeBasis }>
> = {
  single: { code: 10, nl: 'ongehuwd', fr: 'célibataire', basis: 'observed' },
  married: { code: 20, nl: 'gehuwd', fr: 'marié(e)', basis: 'observed' },
  widowed: { code: 30, nl: 'weduwe/weduwnaar', fr: 'veuf/veuve', basis: 'inferred' },
  divorced: { code: 40, nl: 'uit de echt gescheiden', fr: 'divorcé(e)', basis: 'observed' },
  separated: { code: 50, nl: 'van tafel en bed gescheiden', fr: 'séparé(e) de corps', basis: 'inferred' },
};

export interface CivilStateOn {
  code: number;
  /** Start of the state (the `modificationDate`). */
  since: IsoDate;
  /** INSZ of the spouse, for code 20. */
  partner?: string;
}

/**
 * The civil state of a person on a date, as a Rijksregister code; for a deceased person, the state at death.
 *
 * @example
 * civilStateOn(person, '2025-06-30'); // { code: 20, since: '2010-05-08', partner: '…' }
 */
export function civilStateOn(person: Person, date: IsoDate): CivilStateOn | undefined {
  const on = person.deathDate && person.deathDate < date ? person.deathDate : date;
  const i = person.civilStates.findIndex((c) => covers(c, on));
  if (i < 0) return undefined;
  for (let j = i; j >= 0; j--) {
    const c = person.civilStates[j]!;
    if (c.state === 'legal-cohabitation') continue;
    const out: CivilStateOn = { code: CIVIL_STATE_CODES[c.state].code, since: c.from };
    if (c.state === 'married' && c.partner) out.partner = c.partner;
    return out;
  }
  return { code: CIVIL_STATE_CODES.single.code, since: person.civilStates[0]?.from ?? person.birthDate };
}

/** SSDN gender code: 1 male, 2 female, 0 when the number was assigned without a known sex (BIS +20). */
export function genderCode(person: Person): 0 | 1 | 2 {
  let sex: 'M' | 'F' | null;
  try {
    sex = sexFromInsz(person.insz);
  } catch {
    sex = person.sex;
  }
  return sex === null ? 0 : sex === 'M' ? 1 : 2;
}

/** `origin` of an SSDN person element: the Rijksregister for RR numbers, the KSZ's own register for BIS numbers. */
export function originOf(person: Person): 'RN_RR' | 'BCSS_KSZ' {
  return person.kind === 'bis' ? 'BCSS_KSZ' : 'RN_RR';
}

/** Is the person born (registered) on the date? Incomplete birth dates count from their first possible day. */
export function bornOn(person: Person, date: IsoDate): boolean {
  return person.birthDate.replace(/-00/g, '-01') <= date;
}

/** The date of death when it is on or before `date`. */
export function deathOn(person: Person, date: IsoDate): IsoDate | undefined {
  return person.deathDate !== undefined && person.deathDate <= date ? person.deathDate : undefined;
}

/** The legal address (domicile or reference address) on a date; for a deceased person, the last one. */
export function legalAddressOn(person: Person, date: IsoDate): AddressPeriod | undefined {
  const on = person.deathDate && person.deathDate < date ? person.deathDate : date;
  return person.addresses.find((a) => covers(a, on));
}

/** The legal addresses that began on or before `date` (not after a death), most recent first. */
export function addressHistoryOn(person: Person, date: IsoDate): AddressPeriod[] {
  const until = person.deathDate && person.deathDate < date ? person.deathDate : date;
  return person.addresses
    .filter((a) => a.from <= until)
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
}

/** German-speaking municipalities (NIS), whose street names the Rijksregister holds in German. */
const GERMAN_SPEAKING = new Set(['63001', '63012', '63013', '63023', '63040', '63048', '63061', '63067', '63087']);

/** The language a street name is recorded in: the municipality's language; in Brussels, the person's. */
export function streetLanguage(address: AddressPeriod, person: Person): Lang {
  if (GERMAN_SPEAKING.has(address.nis)) return 'de';
  const m = MUNICIPALITIES.find((x) => x.nis === address.nis);
  if (m?.region === 'flanders') return 'nl';
  if (m?.region === 'wallonia') return 'fr';
  return person.language;
}

/** Municipality names of an address (nl, fr), as the Rijksregister gives both. */
export function municipalityDescriptions(address: AddressPeriod): Description[] {
  return [
    { lang: 'nl', value: address.municipality.nl },
    { lang: 'fr', value: address.municipality.fr },
  ];
}

/** The country of an address: Belgium unless the address says otherwise. */
export function addressCountry(address: AddressPeriod): Country | undefined {
  return country(address.country ?? 'BE');
}

/** Where the person was born: the world records a country (`België` or an ISO code), not a municipality. */
export function birthCountry(person: Person): Country | undefined {
  return country(person.birthPlace === 'België' ? 'BE' : person.birthPlace);
}
