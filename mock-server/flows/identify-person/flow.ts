import type { Element } from '@xmldom/xmldom';
import { asOf } from '../../../scenarios/engine/as-of.ts';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { identityCardNumber, sisCardNumber } from '../../../scenarios/engine/ids/cards.ts';
import type { IsoDate, Person, World } from '../../../scenarios/engine/model.ts';
import {
  type Answer,
  defineFlow,
  defineOperation,
  type FlowContext,
  RequestError,
  type Status,
  type StatusInformation,
} from '../../src/ksz/flows/define.ts';
import { kszStatus, OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { ssdnCode } from '../../src/ksz/ssdn/codes.ts';
import { SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { birthRange, dateDistance, firstNameKey, phoneticKey, rangesMeet } from './phonetic.ts';
import {
  addressCountry,
  birthCountry,
  bornOn,
  civilStateOn,
  country,
  countryDescriptions,
  type Description,
  deathOn,
  genderCode,
  legalAddressOn,
  municipalityDescriptions,
  originOf,
  streetLanguage,
} from './rr.ts';

export const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/IdentifyPerson';
const P = SSDN_PAYLOAD_PREFIX;

/** Results when the request gives no Maximum ("the maximum number is returned"): the largest Maximum allowed. */
export const DEFAULT_MAXIMUM = 80;
/** Upper bound the mock puts on Tolerance (the XSD allows any integer), so the date arithmetic stays sane. */
const MAX_TOLERANCE = 9999;

// ——— request ———

export interface PhoneticCriteria {
  /** '' when the element is absent or empty: answered with 31000007. */
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  /** '' when absent or empty (31000007); else `yyyy-MM-dd`, `yyyy-MM-00` or `yyyy-00-00`. */
  birthDate: string;
  gender: 0 | 1 | 2 | null;
  tolerance: number | null;
  maximum: number | null;
}

export interface PersonDataCheck {
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  birthDate: string;
}

export interface VerificationData {
  sisCardNumber: string | null;
  identityCardNumber: string | null;
  personData: PersonDataCheck | null;
}

export interface IdentifyPersonRequest {
  ssin: string | null;
  phonetic: PhoneticCriteria | null;
  verification: VerificationData | null;
}

// ——— result ———

export interface ReplyAddress {
  countryCode: number | null;
  municipalityCode: string | null;
  municipality: Description[];
  postalCode: string | null;
  street: Description[];
  houseNumber: string | null;
  box: string | null;
}

export interface LimitedLegalData {
  origin: 'RN_RR' | 'BCSS_KSZ';
  basic: {
    ssin: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    gender: 0 | 1 | 2;
    address: ReplyAddress | null;
  };
  /** null: `<Extended/>` is sent empty, because the identity was not validated (phonetic hit, failed verification). */
  extended: {
    civilState: number | null;
    birthLocationCode: number | null;
    birthLocation: Description[];
    deceaseDate: string | null;
    nationalityCode: number | null;
  } | null;
}

export interface IdentifyPersonResult {
  results: LimitedLegalData[];
}

// ——— reading ———

const INCOMPLETE_DATE = /^[1-2]\d{3}-[0-1]\d-[0-3]\d$/;

function checkIncompleteDate(value: string, field: string): void {
  if (value === '') return;
  if (!INCOMPLETE_DATE.test(value))
    throw new RequestError(`${field} must be yyyy-MM-dd, yyyy-MM-00 or yyyy-00-00, got "${value}"`, field);
  const [, m, d] = value.split('-');
  if (m === '00' && d !== '00') throw new RequestError(`${field}: a date without month must be yyyy-00-00`, field);
  if (m !== '00' && Number(m) > 12) throw new RequestError(`${field}: month ${m} does not exist`, field);
  if (d !== '00' && !isValidIsoDate(value)) throw new RequestError(`${field}: ${value} is not a calendar date`, field);
}

/** Checks the value types the XSD sets; what is merely missing is left for handle() (31000007). */
function validated(r: IdentifyPersonRequest, f: (xmlPath: string, jsonPath: string) => string): IdentifyPersonRequest {
  if (r.ssin !== null && !/^\d{11}$/.test(r.ssin))
    throw new RequestError(`SSIN must be 11 digits, got "${r.ssin}"`, f('SearchCriteria/SSIN', 'ssin'));
  const pc = r.phonetic;
  if (pc) {
    checkIncompleteDate(pc.birthDate, f('SearchCriteria/PhoneticCriteria/BirthDate', 'phoneticCriteria.birthDate'));
    if (pc.gender !== null && ![0, 1, 2].includes(pc.gender))
      throw new RequestError(
        `Gender must be 0, 1 or 2, got ${pc.gender}`,
        f('SearchCriteria/PhoneticCriteria/Gender', 'phoneticCriteria.gender'),
      );
    if (
      pc.tolerance !== null &&
      !(Number.isInteger(pc.tolerance) && pc.tolerance >= 0 && pc.tolerance <= MAX_TOLERANCE)
    )
      throw new RequestError(
        `Tolerance must be an integer from 0 to ${MAX_TOLERANCE}, got ${pc.tolerance}`,
        f('SearchCriteria/PhoneticCriteria/Tolerance', 'phoneticCriteria.tolerance'),
      );
    if (pc.maximum !== null && !(Number.isInteger(pc.maximum) && pc.maximum >= 1 && pc.maximum <= 80))
      throw new RequestError(
        `Maximum must be an integer from 1 to 80, got ${pc.maximum}`,
        f('SearchCriteria/PhoneticCriteria/Maximum', 'phoneticCriteria.maximum'),
      );
  }
  const v = r.verification;
  if (v) {
    if (v.sisCardNumber !== null && !/^\d{10}$/.test(v.sisCardNumber))
      throw new RequestError(
        `SISCardNumber must be 10 digits, got "${v.sisCardNumber}"`,
        f('VerificationData/SISCardNumber', 'verificationData.sisCardNumber'),
      );
    if (v.identityCardNumber !== null && !/^\d{12}$/.test(v.identityCardNumber))
      throw new RequestError(
        `IdentityCardNumber must be 12 digits, got "${v.identityCardNumber}"`,
        f('VerificationData/IdentityCardNumber', 'verificationData.identityCardNumber'),
      );
    if (v.personData)
      checkIncompleteDate(
        v.personData.birthDate,
        f('VerificationData/PersonData/BirthDate', 'verificationData.personData.birthDate'),
      );
  }
  return r;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function sequence(parent: Element, particles: readonly Particle[], path: string): Map<string, Element[]> {
  const r = readSequence(parent, NS, particles, { path });
  if (!r.ok) throw new RequestError(r.error.message, r.error.path.replace(/^IdentifyPersonRequest\//, ''));
  return r.found;
}

const opt = (found: Map<string, Element[]>, name: string): string | null => {
  const el = found.get(name)?.[0];
  return el ? collapse(text(el)) : null;
};

function integer(value: string | null, field: string): number | null {
  if (value === null || value === '') return null;
  if (!/^[+-]?\d+$/.test(value)) throw new RequestError(`${field} must be an integer, got "${value}"`, field);
  return Number(value);
}

const all = (names: string[]): Particle[] => names.map((name) => ({ name, min: 0 }));

export function fromXml(el: Element): IdentifyPersonRequest {
  if (el.localName !== 'IdentifyPersonRequest')
    throw new RequestError(`the payload must be IdentifyPersonRequest, got ${el.localName}`, 'IdentifyPersonRequest');
  const top = sequence(el, all(['SearchCriteria', 'VerificationData']), 'IdentifyPersonRequest');
  const scEl = top.get('SearchCriteria')?.[0];
  const sc = scEl ? sequence(scEl, all(['SSIN', 'PhoneticCriteria']), 'IdentifyPersonRequest/SearchCriteria') : null;
  let phonetic: PhoneticCriteria | null = null;
  const pcEl = sc?.get('PhoneticCriteria')?.[0];
  if (pcEl) {
    const path = 'SearchCriteria/PhoneticCriteria';
    const pc = sequence(
      pcEl,
      all(['LastName', 'FirstName', 'MiddleName', 'BirthDate', 'Gender', 'Tolerance', 'Maximum']),
      `IdentifyPersonRequest/${path}`,
    );
    phonetic = {
      lastName: opt(pc, 'LastName') ?? '',
      firstName: opt(pc, 'FirstName') || null,
      middleName: opt(pc, 'MiddleName') || null,
      birthDate: opt(pc, 'BirthDate') ?? '',
      gender: integer(opt(pc, 'Gender'), `${path}/Gender`) as PhoneticCriteria['gender'],
      tolerance: integer(opt(pc, 'Tolerance'), `${path}/Tolerance`),
      maximum: integer(opt(pc, 'Maximum'), `${path}/Maximum`),
    };
  }
  let verification: VerificationData | null = null;
  const vdEl = top.get('VerificationData')?.[0];
  if (vdEl) {
    const vd = sequence(
      vdEl,
      all(['SISCardNumber', 'IdentityCardNumber', 'PersonData']),
      'IdentifyPersonRequest/VerificationData',
    );
    const pdEl = vd.get('PersonData')?.[0];
    let personData: PersonDataCheck | null = null;
    if (pdEl) {
      const pd = sequence(
        pdEl,
        all(['LastName', 'FirstName', 'MiddleName', 'BirthDate']),
        'IdentifyPersonRequest/VerificationData/PersonData',
      );
      personData = {
        lastName: opt(pd, 'LastName') ?? '',
        firstName: opt(pd, 'FirstName') || null,
        middleName: opt(pd, 'MiddleName') || null,
        birthDate: opt(pd, 'BirthDate') ?? '',
      };
    }
    verification = {
      sisCardNumber: opt(vd, 'SISCardNumber'),
      identityCardNumber: opt(vd, 'IdentityCardNumber'),
      personData,
    };
  }
  const ssin = sc ? opt(sc, 'SSIN') : null;
  return validated({ ssin, phonetic, verification }, (xml) => xml);
}

function str(o: Record<string, unknown>, key: string, path: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new RequestError(`${path} must be a string`, path);
  return collapse(v);
}

function num(o: Record<string, unknown>, key: string, path: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number') throw new RequestError(`${path} must be a number`, path);
  return v;
}

function obj(o: Record<string, unknown>, key: string, path: string): Record<string, unknown> | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw new RequestError(`${path} must be an object`, path);
  return v as Record<string, unknown>;
}

export function fromJson(body: Record<string, unknown>): IdentifyPersonRequest {
  const pc = obj(body, 'phoneticCriteria', 'phoneticCriteria');
  const vd = obj(body, 'verificationData', 'verificationData');
  const pd = vd ? obj(vd, 'personData', 'verificationData.personData') : null;
  const p = 'phoneticCriteria';
  const v = 'verificationData';
  return validated(
    {
      ssin: str(body, 'ssin', 'ssin'),
      phonetic: pc
        ? {
            lastName: str(pc, 'lastName', `${p}.lastName`) ?? '',
            firstName: str(pc, 'firstName', `${p}.firstName`) || null,
            middleName: str(pc, 'middleName', `${p}.middleName`) || null,
            birthDate: str(pc, 'birthDate', `${p}.birthDate`) ?? '',
            gender: num(pc, 'gender', `${p}.gender`) as PhoneticCriteria['gender'],
            tolerance: num(pc, 'tolerance', `${p}.tolerance`),
            maximum: num(pc, 'maximum', `${p}.maximum`),
          }
        : null,
      verification: vd
        ? {
            sisCardNumber: str(vd, 'sisCardNumber', `${v}.sisCardNumber`),
            identityCardNumber: str(vd, 'identityCardNumber', `${v}.identityCardNumber`),
            personData: pd
              ? {
                  lastName: str(pd, 'lastName', `${v}.personData.lastName`) ?? '',
                  firstName: str(pd, 'firstName', `${v}.personData.firstName`) || null,
                  middleName: str(pd, 'middleName', `${v}.personData.middleName`) || null,
                  birthDate: str(pd, 'birthDate', `${v}.personData.birthDate`) ?? '',
                }
              : null,
          }
        : null,
    },
    (_xml, json) => json,
  );
}

// ——— answering ———

/** A status carrying one of the recorded SSDN reason codes, with the recorded Diagnostic wording. */
function reason(value: Status['value'], code: string, information?: StatusInformation[]): Status {
  return serviceStatus(value, code, ssdnCode(code).diagnostic, information);
}

/** Mandatory arguments that are absent or empty, named as the recorded replies name them (31000007). */
function missingArguments(r: IdentifyPersonRequest): string[] {
  const missing: string[] = [];
  if (r.ssin === null && r.phonetic === null) missing.push('Search Criteria: SSIN or Phonetic Criteria');
  if (r.ssin === null && r.phonetic) {
    if (r.phonetic.lastName === '') missing.push('Phonetic Criteria: Last Name');
    if (r.phonetic.birthDate === '') missing.push('Phonetic Criteria: Birth Date');
  }
  const v = r.verification;
  if (r.ssin !== null && v) {
    if (v.sisCardNumber === null && v.identityCardNumber === null && v.personData === null)
      missing.push('Verification Data');
    if (v.personData?.lastName === '') missing.push('Phonetic Information: Last Name');
    if (v.personData?.birthDate === '') missing.push('Phonetic Information: Birth Date');
  }
  return missing;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[\s-]+/g, ' ')
    .trim();

/** A requested date matches when each part it gives (not 00) equals the recorded one. */
function sameIncompleteDate(requested: string, recorded: string): boolean {
  const b = recorded.split('-');
  return requested.split('-').every((part, i) => part === b[i] || (i > 0 && part === '00'));
}

/** VerificationData: successful when one of the given elements matches the person (IdentifyPersonRequest.xsd). */
function verify(person: Person, v: VerificationData): boolean {
  if (v.sisCardNumber !== null && v.sisCardNumber === sisCardNumber(person.insz)) return true;
  if (v.identityCardNumber !== null && v.identityCardNumber === identityCardNumber(person.insz)) return true;
  const pd = v.personData;
  if (pd) {
    const ok =
      fold(pd.lastName) === fold(person.familyName) &&
      (pd.firstName === null || fold(pd.firstName) === fold(person.givenName)) &&
      // The world records no middle names: a given one cannot match.
      pd.middleName === null &&
      sameIncompleteDate(pd.birthDate, person.birthDate);
    if (ok) return true;
  }
  return false;
}

/** The requested PersonData echoed in the 22007007 Detail, in the order of the recorded reply. */
function personDataInformation(ssin: string, v: VerificationData): StatusInformation[] {
  const pd = v.personData;
  if (!pd) {
    const info: StatusInformation[] = [{ fieldName: 'SSIN', fieldValue: ssin }];
    if (v.sisCardNumber !== null) info.push({ fieldName: 'SIS Card Number', fieldValue: v.sisCardNumber });
    if (v.identityCardNumber !== null)
      info.push({ fieldName: 'Identity Card Number', fieldValue: v.identityCardNumber });
    return info;
  }
  return [
    { fieldName: 'Phonetic Information: Birth Date', fieldValue: pd.birthDate },
    { fieldName: 'Phonetic Information: First Name', fieldValue: pd.firstName ?? '' },
    { fieldName: 'SSIN', fieldValue: ssin },
    { fieldName: 'Phonetic Information: Last Name', fieldValue: pd.lastName },
    { fieldName: 'Phonetic Information: Middle Name', fieldValue: pd.middleName ?? '' },
  ];
}

/** One search result as the Rijksregister (or the KSZ for BIS numbers) describes the person on `date`. */
export function limitedLegalData(person: Person, date: IsoDate, validatedIdentity: boolean): LimitedLegalData {
  const address = legalAddressOn(person, date);
  let replyAddress: ReplyAddress | null = null;
  if (address) {
    const c = addressCountry(address);
    const belgian = (address.country ?? 'BE') === 'BE';
    replyAddress = {
      countryCode: c?.code ?? null,
      municipalityCode: belgian ? address.nis : null,
      municipality: belgian
        ? municipalityDescriptions(address).map((d) => ({ ...d, value: d.value.toUpperCase() }))
        : [],
      postalCode: address.postcode || null,
      street: [{ lang: streetLanguage(address, person), value: address.street.toUpperCase() }],
      houseNumber: address.houseNumber || null,
      box: address.box ?? null,
    };
  }
  const born = birthCountry(person);
  return {
    origin: originOf(person),
    basic: {
      ssin: person.insz,
      lastName: person.familyName.toUpperCase(),
      firstName: person.givenName.toUpperCase(),
      birthDate: person.birthDate,
      gender: genderCode(person),
      address: replyAddress,
    },
    extended: validatedIdentity
      ? {
          civilState: civilStateOn(person, date)?.code ?? null,
          birthLocationCode: born?.code ?? null,
          birthLocation: born
            ? countryDescriptions(born).map((d) => ({ ...d, value: d.value.toUpperCase() }))
            : [{ lang: 'nl', value: person.birthPlace.toUpperCase() }],
          deceaseDate: deathOn(person, date) ?? null,
          nationalityCode: country(person.nationality)?.code ?? null,
        }
      : null,
  };
}

const byFamilyKey = new WeakMap<World, Map<string, Person[]>>();

/** The persons of a world by the phonetic key of their family name, built once per world. */
function familyIndex(world: World): Map<string, Person[]> {
  let index = byFamilyKey.get(world);
  if (!index) {
    index = new Map();
    for (const p of world.persons) {
      const key = phoneticKey(p.familyName);
      const list = index.get(key);
      if (list) list.push(p);
      else index.set(key, [p]);
    }
    byFamilyKey.set(world, index);
  }
  return index;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Persons of the world matching phonetic criteria on `date`, closest birth date first, at most `Maximum`. */
export function phoneticSearch(ctx: FlowContext, pc: PhoneticCriteria): Person[] {
  const lastKey = phoneticKey(pc.lastName);
  const firstKey = pc.firstName ? firstNameKey(pc.firstName) : null;
  const wanted = birthRange(pc.birthDate, pc.tolerance ?? 0);
  const date = ctx.asOf;
  const hits = (familyIndex(ctx.world).get(lastKey) ?? []).filter((p) => {
    if (p.replacedBy && p.replacedBy.date <= date) return false;
    if (p.cancelled && p.cancelled.date <= date) return false;
    if (!bornOn(p, date)) return false;
    if (firstKey !== null && firstNameKey(p.givenName) !== firstKey) return false;
    if (pc.gender === 1 || pc.gender === 2) {
      const g = genderCode(p);
      if (g !== 0 && g !== pc.gender) return false;
    }
    return rangesMeet(wanted, birthRange(p.birthDate));
  });
  hits.sort(
    (a, b) =>
      dateDistance(a.birthDate, pc.birthDate) - dateDistance(b.birthDate, pc.birthDate) ||
      cmp(a.familyName, b.familyName) ||
      cmp(a.insz, b.insz),
  );
  return hits.slice(0, pc.maximum ?? DEFAULT_MAXIMUM);
}

function handle(ctx: FlowContext, r: IdentifyPersonRequest): Answer<IdentifyPersonResult> {
  const missing = missingArguments(r);
  if (missing.length > 0)
    return {
      status: reason(
        'NO_RESULT',
        '31000007',
        missing.map((m) => ({ fieldName: m, fieldValue: '' })),
      ),
    };

  if (r.ssin !== null) {
    const view = asOf(ctx.world, ctx.asOf).person(r.ssin);
    // The access checks answered unknown numbers already; a person born after the date has no record yet.
    if (!view || !bornOn(view.person, ctx.asOf))
      return { status: kszStatus('MSG00005', [{ fieldName: 'ssin', fieldValue: r.ssin }]) };
    const person = view.person;
    let status: Status = OK();
    let validatedIdentity = true;
    if (r.verification) {
      validatedIdentity = verify(person, r.verification);
      status = validatedIdentity
        ? reason('DATA_FOUND', '12007001', [{ fieldName: 'SSIN', fieldValue: r.ssin }])
        : reason('DATA_FOUND', '22007007', personDataInformation(r.ssin, r.verification));
    }
    // One status per answer: a failed verification outranks the ignored criteria, which outrank a validation.
    if (r.phonetic && status.code !== '22007007') status = reason('DATA_FOUND', '21007001');
    return { status, data: { results: [limitedLegalData(person, ctx.asOf, validatedIdentity)] } };
  }

  const pc = r.phonetic!;
  const incomplete = pc.birthDate.endsWith('-00');
  if (incomplete && pc.tolerance === null)
    return {
      status: reason('NO_RESULT', '31009001', [
        { fieldName: 'Phonetic Criteria: Birth Date', fieldValue: pc.birthDate },
        { fieldName: 'Phonetic Criteria: Birth Date Tolerance', fieldValue: '' },
      ]),
    };
  const hits = phoneticSearch(ctx, pc);
  if (hits.length === 0)
    return {
      status: kszStatus('MSG00100', [{ fieldName: 'PhoneticCriteria', fieldValue: 'no person matches' }]),
      data: { results: [] },
    };
  return { status: OK(), data: { results: hits.map((p) => limitedLegalData(p, ctx.asOf, false)) } };
}

// ——— rendering ———

function descriptions(w: XmlWriter, name: string, list: Description[]): void {
  for (const d of list) w.leaf(name, d.value, { lang: d.lang });
}

export function toXml(answer: Answer<IdentifyPersonResult>): { after?: string } {
  if (!answer.data) return {};
  const w = new XmlWriter();
  const q = (name: string) => `${P}:${name}`;
  w.open(q('IdentifyPersonReply'), { [`xmlns:${P}`]: NS });
  if (answer.data.results.length > 0) {
    w.open(q('SearchResults'));
    for (const r of answer.data.results) {
      w.open(q('LimitedLegalData'), { origin: r.origin }).open(q('Basic'));
      const b = r.basic;
      w.leaf(q('SocialSecurityUser'), b.ssin)
        .leaf(q('LastName'), b.lastName)
        .leaf(q('FirstName'), b.firstName)
        .leaf(q('BirthDate'), b.birthDate)
        .leaf(q('Gender'), b.gender);
      const a = b.address;
      if (a && a.countryCode !== null) {
        w.open(q('Address'))
          .leaf(q('CountryCode'), a.countryCode)
          .optionalLeaf(q('MunicipalityCode'), a.municipalityCode);
        descriptions(w, q('Municipality'), a.municipality);
        w.optionalLeaf(q('PostalCode'), a.postalCode);
        descriptions(w, q('Street'), a.street);
        w.optionalLeaf(q('HouseNumber'), a.houseNumber).optionalLeaf(q('Box'), a.box).close();
      }
      w.close(); // Basic
      const e = r.extended;
      if (!e) w.empty(q('Extended'));
      else {
        w.open(q('Extended'))
          .optionalLeaf(q('CivilState'), e.civilState)
          .optionalLeaf(q('BirthLocationCode'), e.birthLocationCode);
        descriptions(w, q('BirthLocation'), e.birthLocation);
        w.optionalLeaf(q('DeceaseDate'), e.deceaseDate).optionalLeaf(q('NationalityCode'), e.nationalityCode).close();
      }
      w.close(); // LimitedLegalData
    }
    w.close(); // SearchResults
  }
  w.close();
  return { after: w.toString() };
}

const byLang = (list: Description[]) => Object.fromEntries(list.map((d) => [d.lang, d.value]));

export function toJson(answer: Answer<IdentifyPersonResult>): Record<string, unknown> {
  if (!answer.data) return {};
  return {
    searchResults: answer.data.results.map((r) => ({
      origin: r.origin,
      basic: {
        socialSecurityUser: r.basic.ssin,
        lastName: r.basic.lastName,
        firstName: r.basic.firstName,
        birthDate: r.basic.birthDate,
        gender: r.basic.gender,
        address: r.basic.address
          ? {
              countryCode: r.basic.address.countryCode,
              municipalityCode: r.basic.address.municipalityCode,
              municipality: byLang(r.basic.address.municipality),
              postalCode: r.basic.address.postalCode,
              street: byLang(r.basic.address.street),
              houseNumber: r.basic.address.houseNumber,
              box: r.basic.address.box,
            }
          : null,
      },
      extended: r.extended
        ? {
            civilState: r.extended.civilState,
            birthLocationCode: r.extended.birthLocationCode,
            birthLocation: byLang(r.extended.birthLocation),
            deceaseDate: r.extended.deceaseDate,
            nationalityCode: r.extended.nationalityCode,
          }
        : null,
    })),
  };
}

const incompleteDate = { type: 'string', pattern: '^[1-2]\\d{3}-[0-1]\\d-[0-3]\\d$' };
const nameField = { type: 'string' };

const identify = defineOperation<IdentifyPersonRequest, IdentifyPersonResult>({
  name: 'identifyPerson',
  description:
    'Finds a person by INSZ (optionally validating the identity with a SIS card, eID card or personal data) or by phonetic criteria, and returns the legal data of the Rijksregister (RR numbers) or the KSZ (BIS numbers).',
  integration: false,
  jsonSchema: {
    type: 'object',
    description:
      'SearchCriteria (ssin or phoneticCriteria) and optional verificationData, as in IdentifyPersonRequest.xsd.',
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      phoneticCriteria: {
        type: 'object',
        required: ['lastName', 'birthDate'],
        properties: {
          lastName: nameField,
          firstName: nameField,
          middleName: nameField,
          birthDate: { ...incompleteDate, description: 'yyyy-MM-dd, or yyyy-MM-00 / yyyy-00-00 with a tolerance' },
          gender: { enum: [0, 1, 2] },
          tolerance: { type: 'integer', minimum: 0, description: 'days, months or years according to birthDate' },
          maximum: { type: 'integer', minimum: 1, maximum: 80 },
        },
      },
      verificationData: {
        type: 'object',
        properties: {
          sisCardNumber: { type: 'string', pattern: '^\\d{10}$' },
          identityCardNumber: { type: 'string', pattern: '^\\d{12}$' },
          personData: {
            type: 'object',
            required: ['lastName', 'birthDate'],
            properties: { lastName: nameField, firstName: nameField, middleName: nameField, birthDate: incompleteDate },
          },
        },
      },
    },
  },
  fromJson,
  fromXml,
  // A phonetic search is about no one in particular; with an SSIN the phonetic criteria are ignored.
  subject: (r) => ({ insz: r.ssin }),
  handle,
  toXml: (answer) => toXml(answer),
  toJson: (answer) => toJson(answer),
});

export default defineFlow({
  id: 'identify-person',
  names: {
    nl: 'Identificatie van een persoon (IdentifyPerson)',
    fr: "Identification d'une personne (IdentifyPerson)",
    en: 'Identify a person (IdentifyPerson)',
  },
  institution: 'KSZ',
  fidelity: 'real',
  basis:
    'SSDN OCMWCPASIdentifyPerson v20050930: request and reply as in the KSZ XSDs (IdentifyPerson, Person, Common); reason codes 21007001, 22007007, 12007001, 31000007, 31009001 and their wording from recorded replies (ksz-flows.md §1.2). Modelled: the phonetic key, the date-tolerance search, the order of the hits, when Extended is filled, one Detail per answer, the NIS country codes other than 150/103.',
  legalContexts: [],
  roles: ['social-worker', 'financial-manager', 'secretary'],
  answersDeceased: true,
  ssdn: { serviceId: 'OCMWCPASIdentifyPerson', version: '20050930', namespace: NS },
  operations: [identify],
  docs: 'mock-server/flows/identify-person/README.md',
});
