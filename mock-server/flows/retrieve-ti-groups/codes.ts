/**
 * Code tables of the National Register as the Tx25 answer uses them (ksz-flows.md §1.2, the recorded Tx25 replies),
 * with labels in the three languages a request may ask for. Codes seen in the recorded replies are marked "seen";
 * the others are inferences, named as such in the README.
 */
import { municipalityByNis } from '../../../scenarios/engine/geo/municipalities.ts';
import type { Language, Sex } from '../../../scenarios/engine/model.ts';

type Labels = Readonly<Record<Language, string>>;
/** A label that differs by the sex of the person it describes (Sohn/Tochter, Gemahl/Gemahlin …). */
type SexedLabels = Readonly<Record<Sex, Labels>>;

export interface CodeLabel {
  code: string;
  label: string;
}

const both = (l: Labels): SexedLabels => ({ M: l, F: l });

/** IT120 civil state codes. 10, 20, 40, 41 seen; 30 (widowed) inferred from the KSZ enum 10…60. */
const CIVIL_STATES: Readonly<Record<string, SexedLabels>> = {
  '10': both({ nl: 'Ongehuwd', fr: 'Célibataire', de: 'Unverheiratet' }),
  '20': {
    M: { nl: 'Gehuwd', fr: 'Marié', de: 'Verheiratet' },
    F: { nl: 'Gehuwd', fr: 'Mariée', de: 'Verheiratet' },
  },
  '30': {
    M: { nl: 'Weduwnaar', fr: 'Veuf', de: 'Verwitwet' },
    F: { nl: 'Weduwe', fr: 'Veuve', de: 'Verwitwet' },
  },
  '40': {
    M: { nl: 'Gescheiden', fr: 'Divorcé', de: 'Geschieden' },
    F: { nl: 'Gescheiden', fr: 'Divorcée', de: 'Geschieden' },
  },
};

/**
 * IT140/IT141 family roles (the role of a person relative to the reference person of the household).
 * 01, 02, 03, 06, 10, 12 seen; the labels are sex-specific in the replies (Sohn/Tochter, Mutter).
 */
const FAMILY_ROLES: Readonly<Record<string, SexedLabels>> = {
  '01': {
    M: { nl: 'Alleenstaande', fr: 'Isolé', de: 'Alleinstehend' },
    F: { nl: 'Alleenstaande', fr: 'Isolée', de: 'Alleinstehende' },
  },
  '02': {
    M: { nl: 'Echtgenoot', fr: 'Époux', de: 'Gemahl' },
    F: { nl: 'Echtgenote', fr: 'Épouse', de: 'Gemahlin' },
  },
  '03': {
    M: { nl: 'Zoon', fr: 'Fils', de: 'Sohn' },
    F: { nl: 'Dochter', fr: 'Fille', de: 'Tochter' },
  },
  '06': {
    M: { nl: 'Vader', fr: 'Père', de: 'Vater' },
    F: { nl: 'Moeder', fr: 'Mère', de: 'Mutter' },
  },
  '12': {
    M: { nl: 'Niet verwant', fr: 'Non apparenté', de: 'nicht verwandt' },
    F: { nl: 'Niet verwant', fr: 'Non apparentée', de: 'nicht verwandt' },
  },
};

/** IT123 reasons a legal cohabitation ended. Only 01 (marriage) is seen. */
const COHABITATION_END_REASONS: Readonly<Record<string, Labels>> = {
  '01': { nl: 'Huwelijk', fr: 'Mariage', de: 'Eheschliessung' },
};

/** IT001 special residence code: struck off the register ex officio (seen: "Streichung von Amtswegen"). */
export const STRUCK_OFF_CODE = '99991';
const STRUCK_OFF: Labels = { nl: 'Ambtshalve schrapping', fr: "Radiation d'office", de: 'Streichung von Amtswegen' };

/**
 * National Register country codes (the Statbel nationality codes: 150 Belgium seen, 103 Germany and 136 Estonia seen
 * as residence codes) for the ISO 3166 codes the synthetic world uses, and a few neighbours.
 */
const COUNTRIES: Readonly<Record<string, { code: string } & Labels>> = {
  BE: { code: '150', nl: 'België', fr: 'Belgique', de: 'Belgien' },
  NL: { code: '129', nl: 'Nederland', fr: 'Pays-Bas', de: 'Niederlande' },
  FR: { code: '111', nl: 'Frankrijk', fr: 'France', de: 'Frankreich' },
  DE: { code: '103', nl: 'Duitsland (Bondsrep.)', fr: 'Allemagne (Rép. féd.)', de: 'Deutschland (Bundesrep.)' },
  LU: { code: '113', nl: 'Luxemburg', fr: 'Luxembourg', de: 'Luxemburg' },
  GB: { code: '112', nl: 'Verenigd Koninkrijk', fr: 'Royaume-Uni', de: 'Vereinigtes Königreich' },
  ES: { code: '109', nl: 'Spanje', fr: 'Espagne', de: 'Spanien' },
  IT: { code: '128', nl: 'Italië', fr: 'Italie', de: 'Italien' },
  PT: { code: '123', nl: 'Portugal', fr: 'Portugal', de: 'Portugal' },
  BG: { code: '106', nl: 'Bulgarije', fr: 'Bulgarie', de: 'Bulgarien' },
  RO: { code: '124', nl: 'Roemenië', fr: 'Roumanie', de: 'Rumänien' },
  PL: { code: '139', nl: 'Polen', fr: 'Pologne', de: 'Polen' },
  TR: { code: '262', nl: 'Turkije', fr: 'Turquie', de: 'Türkei' },
  MA: { code: '354', nl: 'Marokko', fr: 'Maroc', de: 'Marokko' },
  SY: { code: '261', nl: 'Syrië', fr: 'Syrie', de: 'Syrien' },
  AF: { code: '251', nl: 'Afghanistan', fr: 'Afghanistan', de: 'Afghanistan' },
  CD: { code: '306', nl: 'Congo (Dem. Rep.)', fr: 'Congo (Rép. dém.)', de: 'Kongo (Dem. Rep.)' },
  ER: { code: '349', nl: 'Eritrea', fr: 'Érythrée', de: 'Eritrea' },
};

/** A country the table does not know: a visible placeholder rather than a made-up official code. */
const UNKNOWN_COUNTRY_CODE = '999';

/** The nine municipalities of the German-speaking Community (their register works in German). */
const GERMAN_SPEAKING_NIS = new Set(['63001', '63012', '63013', '63023', '63040', '63048', '63061', '63067', '63087']);

export function civilStateLabel(code: string, sex: Sex, language: Language): string {
  return CIVIL_STATES[code]?.[sex][language] ?? code;
}

export function familyRoleLabel(code: string, sex: Sex, language: Language): string {
  return FAMILY_ROLES[code]?.[sex][language] ?? code;
}

export function cohabitationEndLabel(code: string, language: Language): string {
  return COHABITATION_END_REASONS[code]?.[language] ?? code;
}

export function struckOffLabel(language: Language): string {
  return STRUCK_OFF[language];
}

/** True when the ISO code is in the country table (the README lists them). */
export function knownCountry(iso: string): boolean {
  return COUNTRIES[iso] !== undefined;
}

/**
 * The National Register code and label of a country given by its ISO 3166 alpha-2 code.
 *
 * @example
 * country('MA', 'nl'); // { code: '354', label: 'Marokko' }
 */
export function country(iso: string, language: Language): CodeLabel {
  const c = COUNTRIES[iso];
  return c ? { code: c.code, label: c[language] } : { code: UNKNOWN_COUNTRY_CODE, label: iso };
}

/** `1` (French) or `2` (Dutch/German): the language the municipality's register works in (IT001 Language). */
export function registerLanguage(
  place: { nis: string; region: 'flanders' | 'wallonia' | 'brussels' | 'abroad' },
  personLanguage: Language,
): '1' | '2' {
  if (GERMAN_SPEAKING_NIS.has(place.nis)) return '2';
  if (place.region === 'flanders') return '2';
  if (place.region === 'wallonia') return '1';
  return personLanguage === 'fr' ? '1' : '2';
}

/**
 * A municipality's name as the register writes it: in its official language (German for the German-speaking
 * municipalities, whose German name our table keeps in `nl`); in Brussels, in the language of the request.
 */
export function municipalityLabel(
  m: { nis: string; nl: string; fr: string },
  region: 'flanders' | 'wallonia' | 'brussels',
  language: Language,
): string {
  if (GERMAN_SPEAKING_NIS.has(m.nis)) return m.nl;
  if (region === 'flanders') return m.nl;
  if (region === 'wallonia') return m.fr;
  return language === 'nl' ? m.nl : m.fr;
}

/** The region of a NIS code: from the municipality table, else from the province digits (7 is Limburg). */
export function regionOfNis(nis: string): 'flanders' | 'wallonia' | 'brussels' {
  const known = municipalityByNis(nis);
  if (known) return known.region;
  if (nis.startsWith('21')) return 'brussels';
  if (nis.startsWith('25') || /^[5689]/.test(nis)) return 'wallonia';
  return 'flanders';
}
