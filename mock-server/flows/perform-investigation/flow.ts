import type { Element } from '@xmldom/xmldom';
import { asOf, indexOf } from '../../../scenarios/engine/as-of.ts';
import type { AddressPeriod, HouseholdRole, IsoDate, Person } from '../../../scenarios/engine/model.ts';
import {
  type Answer,
  defineFlow,
  defineOperation,
  type FlowContext,
  RequestError,
} from '../../src/ksz/flows/define.ts';
import { kszStatus, OK } from '../../src/ksz/flows/status.ts';
import { SSDN_PAYLOAD_PREFIX } from '../../src/ksz/ssdn/namespaces.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import {
  addressCountry,
  addressHistoryOn,
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
} from '../identify-person/rr.ts';

export const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/PerformInvestigation';
export const PERSON_NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/Person';
const P = SSDN_PAYLOAD_PREFIX;
/** Prefix of the SSDN Person namespace in the reply (the next one after `ns3`, as a JAXB-built reply numbers them). */
const PP = 'ns4';

/**
 * RelationShip of a family member, "relative to the head of the family" (FamilyComposition.xsd). The values are the
 * Rijksregister family-role codes of information type 140 seen in Tx25 replies (01 reference person, 02 spouse,
 * 03 son/daughter, 06 mother, 12 not related); which role of the world gets which code is inferred.
 */
export const RELATIONSHIP_CODES: Readonly<Record<HouseholdRole | 'spouse', { code: number; nl: string; fr: string }>> =
  {
    head: { code: 1, nl: 'referentiepersoon', fr: 'personne de référence' },
    spouse: { code: 2, nl: 'echtgeno(o)t(e)', fr: 'conjoint(e)' },
    child: { code: 3, nl: 'zoon/dochter', fr: 'fils/fille' },
    parent: { code: 6, nl: 'vader/moeder', fr: 'père/mère' },
    partner: { code: 12, nl: 'niet verwant', fr: 'non apparenté' },
    other: { code: 12, nl: 'niet verwant', fr: 'non apparenté' },
  };

// ——— request ———

export interface DataGroups {
  familyComposition: boolean;
  citizen: boolean;
  addressHistory: boolean;
  waitRegister: boolean;
}

export interface PerformInvestigationRequest {
  ssin: string;
  /** null: DataGroups absent, "all available information is returned". */
  dataGroups: DataGroups | null;
}

// ——— result ———

export interface Location {
  code: number | string | null;
  descriptions: Description[];
}

export interface StandardAddress {
  since: IsoDate;
  origin: 'RN_RR' | 'BCSS_KSZ';
  country: Location;
  municipality: (Location & { postalCode: string | null }) | null;
  street: Location | null;
  houseNumber: string | null;
  box: string | null;
  /** The world's kind of address: a reference address (at an OCMW) is the legal address of a homeless person. */
  kind: AddressPeriod['kind'];
}

export interface ManagerLocation extends Location {
  since: IsoDate;
}

export interface Citizen {
  ssin: string;
  origin: 'RN_RR' | 'BCSS_KSZ';
  lastName: string;
  firstName: string;
  gender: 0 | 1 | 2;
  birth: { date: string; location: Location | null };
  civilState: {
    code: number;
    since: IsoDate;
    partner: { ssin: string; lastName: string; firstName: string; birthDate: string; gender: 0 | 1 | 2 } | null;
  } | null;
  decease: { date: IsoDate } | null;
  address: { managerLocation: ManagerLocation | null; legal: StandardAddress } | null;
  nationality: Location | null;
}

export interface AddressHistory {
  ssin: string;
  managerLocations: ManagerLocation[];
  legalAddresses: StandardAddress[];
}

export interface FamilyMember {
  ssin: string;
  relationship: number;
  entryDate: IsoDate;
}

export interface InvestigationResult {
  ssin: string;
  familyComposition: { origin: 'RN_RR' | 'BCSS_KSZ'; members: FamilyMember[] } | null;
  citizens: Citizen[] | null;
  addressHistories: AddressHistory[] | null;
}

// ——— reading ———

const GROUPS = ['FamilyCompositionGroup', 'CitizenGroup', 'AddressHistoryGroup', 'WaitRegisterGroup'] as const;

function validated(
  r: PerformInvestigationRequest,
  ssinField: string,
  groupsField: string,
): PerformInvestigationRequest {
  if (!/^\d{11}$/.test(r.ssin))
    throw new RequestError(`SocialSecurityUser must be 11 digits, got "${r.ssin}"`, ssinField);
  const g = r.dataGroups;
  if (g && !g.familyComposition && !g.citizen && !g.addressHistory && !g.waitRegister)
    throw new RequestError(
      'DataGroups asks for no group: set at least one of FamilyCompositionGroup, CitizenGroup, AddressHistoryGroup, WaitRegisterGroup to true, or leave DataGroups out for all of them',
      groupsField,
    );
  return r;
}

function xsBoolean(el: Element | undefined, field: string): boolean {
  if (!el) return false;
  const v = text(el);
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new RequestError(`${field} must be a boolean (true, false, 1 or 0), got "${v}"`, field);
}

function sequence(parent: Element, particles: readonly Particle[], path: string): Map<string, Element[]> {
  const r = readSequence(parent, NS, particles, { path });
  if (!r.ok) throw new RequestError(r.error.message, r.error.path.replace(/^PerformInvestigationRequest\//, ''));
  return r.found;
}

export function fromXml(el: Element): PerformInvestigationRequest {
  if (el.localName !== 'PerformInvestigationRequest')
    throw new RequestError(
      `the payload must be PerformInvestigationRequest, got ${el.localName}`,
      'PerformInvestigationRequest',
    );
  const top = sequence(
    el,
    [{ name: 'SocialSecurityUser' }, { name: 'DataGroups', min: 0 }],
    'PerformInvestigationRequest',
  );
  const dgEl = top.get('DataGroups')?.[0];
  let dataGroups: DataGroups | null = null;
  if (dgEl) {
    const dg = sequence(
      dgEl,
      GROUPS.map((name) => ({ name, min: 0 })),
      'PerformInvestigationRequest/DataGroups',
    );
    const flag = (name: (typeof GROUPS)[number]) => xsBoolean(dg.get(name)?.[0], `DataGroups/${name}`);
    dataGroups = {
      familyComposition: flag('FamilyCompositionGroup'),
      citizen: flag('CitizenGroup'),
      addressHistory: flag('AddressHistoryGroup'),
      waitRegister: flag('WaitRegisterGroup'),
    };
  }
  return validated({ ssin: text(top.get('SocialSecurityUser')?.[0]), dataGroups }, 'SocialSecurityUser', 'DataGroups');
}

export function fromJson(body: Record<string, unknown>): PerformInvestigationRequest {
  if (typeof body.socialSecurityUser !== 'string')
    throw new RequestError('socialSecurityUser (11 digits) is required', 'socialSecurityUser');
  const dg = body.dataGroups;
  let dataGroups: DataGroups | null = null;
  if (dg !== undefined && dg !== null) {
    if (typeof dg !== 'object' || Array.isArray(dg))
      throw new RequestError('dataGroups must be an object', 'dataGroups');
    const o = dg as Record<string, unknown>;
    const flag = (key: string) => {
      const v = o[key];
      if (v === undefined || v === null) return false;
      if (typeof v !== 'boolean')
        throw new RequestError(`dataGroups.${key} must be true or false`, `dataGroups.${key}`);
      return v;
    };
    dataGroups = {
      familyComposition: flag('familyCompositionGroup'),
      citizen: flag('citizenGroup'),
      addressHistory: flag('addressHistoryGroup'),
      waitRegister: flag('waitRegisterGroup'),
    };
  }
  return validated({ ssin: body.socialSecurityUser, dataGroups }, 'socialSecurityUser', 'dataGroups');
}

// ——— answering ———

function standardAddress(a: AddressPeriod, person: Person): StandardAddress {
  const c = addressCountry(a);
  const belgian = (a.country ?? 'BE') === 'BE';
  return {
    since: a.from,
    origin: originOf(person),
    country: { code: c?.code ?? null, descriptions: c ? countryDescriptions(c) : [] },
    municipality: belgian
      ? { code: a.nis, descriptions: municipalityDescriptions(a), postalCode: a.postcode || null }
      : null,
    street: { code: null, descriptions: [{ lang: streetLanguage(a, person), value: a.street }] },
    houseNumber: a.houseNumber || null,
    box: a.box ?? null,
    kind: a.kind,
  };
}

/** The Belgian municipalities that managed the person's address, most recent first, each from when it did. */
function managerLocations(history: AddressPeriod[]): ManagerLocation[] {
  const out: ManagerLocation[] = [];
  const chronological = [...history].reverse().filter((a) => (a.country ?? 'BE') === 'BE');
  for (const a of chronological) {
    if (out[out.length - 1]?.code === a.nis) continue;
    out.push({ code: a.nis, descriptions: municipalityDescriptions(a), since: a.from });
  }
  return out.reverse();
}

function citizen(world: FlowContext['world'], person: Person, date: IsoDate): Citizen {
  const civil = civilStateOn(person, date);
  const partner = civil?.partner ? indexOf(world).persons.get(civil.partner) : undefined;
  const legal = legalAddressOn(person, date);
  const born = birthCountry(person);
  const nationality = country(person.nationality);
  const death = deathOn(person, date);
  return {
    ssin: person.insz,
    origin: originOf(person),
    lastName: person.familyName,
    firstName: person.givenName,
    gender: genderCode(person),
    birth: {
      date: person.birthDate,
      location: born ? { code: born.code, descriptions: countryDescriptions(born) } : null,
    },
    civilState: civil
      ? {
          code: civil.code,
          since: civil.since,
          partner: partner
            ? {
                ssin: partner.insz,
                lastName: partner.familyName,
                firstName: partner.givenName,
                birthDate: partner.birthDate,
                gender: genderCode(partner),
              }
            : null,
        }
      : null,
    decease: death ? { date: death } : null,
    address: legal
      ? {
          managerLocation: managerLocations(addressHistoryOn(person, date))[0] ?? null,
          legal: standardAddress(legal, person),
        }
      : null,
    nationality: nationality
      ? {
          code: nationality.code,
          descriptions: [
            { lang: 'nl', value: nationality.nationality.nl },
            { lang: 'fr', value: nationality.nationality.fr },
          ],
        }
      : null,
  };
}

function addressHistory(person: Person, date: IsoDate): AddressHistory {
  const history = addressHistoryOn(person, date);
  return {
    ssin: person.insz,
    managerLocations: managerLocations(history),
    legalAddresses: history.filter((a) => (a.country ?? 'BE') === 'BE').map((a) => standardAddress(a, person)),
  };
}

const ROLE_ORDER: Record<HouseholdRole, number> = { head: 0, partner: 1, child: 2, parent: 3, other: 4 };

function relationship(role: HouseholdRole, member: Person, head: Person | undefined, date: IsoDate): number {
  if (role === 'partner' && head) {
    const civil = civilStateOn(member, date);
    if (civil?.code === 20 && civil.partner === head.insz) return RELATIONSHIP_CODES.spouse.code;
  }
  return RELATIONSHIP_CODES[role].code;
}

function handle(ctx: FlowContext, r: PerformInvestigationRequest): Answer<InvestigationResult> {
  const view = asOf(ctx.world, ctx.asOf).person(r.ssin);
  if (!view || !bornOn(view.person, ctx.asOf))
    return { status: kszStatus('MSG00005', [{ fieldName: 'ssin', fieldValue: r.ssin }]) };
  const groups = r.dataGroups ?? { familyComposition: true, citizen: true, addressHistory: true, waitRegister: true };
  const result: InvestigationResult = { ssin: r.ssin, familyComposition: null, citizens: null, addressHistories: null };
  if (!groups.familyComposition && !groups.citizen && !groups.addressHistory)
    // Only the wait register was asked for, and no person of the world is in it.
    return {
      status: kszStatus('MSG00100', [
        { fieldName: 'WaitRegisterGroup', fieldValue: 'the person is not in the wait register' },
      ]),
      data: result,
    };

  const persons = indexOf(ctx.world).persons;
  let subjects: Person[] = [view.person];
  if (groups.familyComposition && view.household) {
    const seen = new Set<string>();
    const members = view.household.members
      .filter((m) => !seen.has(m.insz) && seen.add(m.insz))
      .sort(
        (a, b) =>
          ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.from.localeCompare(b.from) || a.insz.localeCompare(b.insz),
      );
    // A household whose head has left or died has its first remaining member as reference person (as the
    // Rijksregister appoints a new one); the world keeps such a member under its old role.
    const headMember = members.find((m) => m.role === 'head') ?? members[0];
    const head = headMember ? persons.get(headMember.insz) : undefined;
    result.familyComposition = {
      origin: originOf(view.person),
      members: members.map((m) => ({
        ssin: m.insz,
        relationship:
          m === headMember
            ? RELATIONSHIP_CODES.head.code
            : relationship(m.role, persons.get(m.insz) ?? view.person, head, ctx.asOf),
        entryDate: m.from,
      })),
    };
    // "Specifying true here implies that the other data groups will be returned for each member of the family."
    subjects = [view.person, ...members.filter((m) => m.insz !== r.ssin).flatMap((m) => persons.get(m.insz) ?? [])];
  }
  if (groups.citizen) result.citizens = subjects.map((p) => citizen(ctx.world, p, ctx.asOf));
  if (groups.addressHistory) result.addressHistories = subjects.map((p) => addressHistory(p, ctx.asOf));
  return { status: OK(), data: result };
}

// ——— rendering ———

const q = (name: string) => `${P}:${name}`;
const qp = (name: string) => `${PP}:${name}`;

function location(w: XmlWriter, l: Location): void {
  w.optionalLeaf(qp('Code'), l.code);
  for (const d of l.descriptions) w.leaf(qp('Description'), d.value, { lang: d.lang });
}

function writeStandardAddress(w: XmlWriter, qname: string, a: StandardAddress): void {
  w.open(qname, { origin: a.origin, modificationDate: a.since });
  w.open(qp('Country'));
  location(w, a.country);
  w.close();
  if (a.municipality) {
    w.open(qp('Municipality'));
    location(w, a.municipality);
    w.optionalLeaf(qp('PostalCode'), a.municipality.postalCode).close();
  }
  if (a.street) {
    w.open(qp('Street'));
    location(w, a.street);
    w.close();
  }
  w.optionalLeaf(qp('HouseNumber'), a.houseNumber).optionalLeaf(qp('Box'), a.box).close();
}

function writeManagerLocation(w: XmlWriter, qname: string, m: ManagerLocation, origin: string): void {
  w.open(qname, { origin, modificationDate: m.since });
  location(w, m);
  w.close();
}

function writeCitizen(w: XmlWriter, c: Citizen): void {
  w.open(qp('Citizen'), { origin: c.origin }).leaf(qp('SocialSecurityUser'), c.ssin).open(qp('LegalData'));
  w.open(qp('Name')).leaf(qp('LastName'), c.lastName).leaf(qp('FirstName'), c.firstName).close();
  w.leaf(qp('Gender'), c.gender);
  w.open(qp('Birth')).leaf(qp('Date'), c.birth.date);
  if (c.birth.location) {
    w.open(qp('Location'));
    location(w, c.birth.location);
    w.close();
  }
  w.close();
  if (c.civilState) {
    w.open(qp('CivilState'), { modificationDate: c.civilState.since }).leaf(qp('Code'), c.civilState.code);
    const p = c.civilState.partner;
    if (p) {
      w.open(qp('Partner')).leaf(qp('SocialSecurityUser'), p.ssin);
      w.open(qp('Name')).leaf(qp('LastName'), p.lastName).leaf(qp('FirstName'), p.firstName).close();
      w.leaf(qp('BirthDate'), p.birthDate).leaf(qp('Gender'), p.gender).close();
    }
    w.close();
  }
  if (c.decease) w.open(qp('Decease')).leaf(qp('Date'), c.decease.date).close();
  if (c.address) {
    w.open(qp('AddressInformation'));
    if (c.address.managerLocation) writeManagerLocation(w, qp('ManagerLocation'), c.address.managerLocation, c.origin);
    w.open(qp('LegalAddress'));
    writeStandardAddress(w, qp('StandardAddress'), c.address.legal);
    w.close().close();
  }
  if (c.nationality) {
    w.open(qp('Nationality'));
    location(w, c.nationality);
    w.close();
  }
  w.close().close(); // LegalData, Citizen
}

export function toXml(answer: Answer<InvestigationResult>): { after?: string } {
  const d = answer.data;
  if (!d) return {};
  const w = new XmlWriter();
  w.open(q('PerformInvestigationReply'), { [`xmlns:${P}`]: NS, [`xmlns:${PP}`]: PERSON_NS });
  w.leaf(q('SocialSecurityUser'), d.ssin);
  if (d.familyComposition || d.citizens || d.addressHistories) {
    w.open(q('DataGroups'));
    if (d.familyComposition) {
      w.open(q('FamilyCompositionGroup')).open(q('FamilyComposition'), { origin: d.familyComposition.origin });
      for (const m of d.familyComposition.members)
        w.open(q('FamilyMember'))
          .leaf(q('SocialSecurityUser'), m.ssin)
          .leaf(q('RelationShip'), m.relationship)
          .leaf(q('EntryDate'), m.entryDate)
          .close();
      w.close().close();
    }
    if (d.citizens) {
      w.open(q('CitizenGroup'));
      for (const c of d.citizens) writeCitizen(w, c);
      w.close();
    }
    if (d.addressHistories) {
      w.open(q('AddressHistoryGroup'));
      for (const h of d.addressHistories) {
        w.open(q('AddressHistory')).leaf(q('SocialSecurityUser'), h.ssin);
        const origin = d.citizens?.find((c) => c.ssin === h.ssin)?.origin ?? h.legalAddresses[0]?.origin ?? 'RN_RR';
        if (h.managerLocations.length > 0) {
          w.open(q('ManagerLocations'));
          for (const m of h.managerLocations) writeManagerLocation(w, q('ManagerLocation'), m, origin);
          w.close();
        }
        if (h.legalAddresses.length > 0) {
          w.open(q('LegalAddresses'));
          for (const a of h.legalAddresses) writeStandardAddress(w, q('StandardAddress'), a);
          w.close();
        }
        w.close();
      }
      w.close();
    }
    w.close();
  }
  w.close();
  return { after: w.toString() };
}

const byLang = (list: Description[]) => Object.fromEntries(list.map((x) => [x.lang, x.value]));
const loc = (l: Location | null) => (l ? { code: l.code, description: byLang(l.descriptions) } : null);
const addressJson = (a: StandardAddress) => ({
  origin: a.origin,
  modificationDate: a.since,
  kind: a.kind,
  country: loc(a.country),
  municipality: a.municipality ? { ...loc(a.municipality), postalCode: a.municipality.postalCode } : null,
  street: a.street ? byLang(a.street.descriptions) : null,
  houseNumber: a.houseNumber,
  box: a.box,
});

export function toJson(answer: Answer<InvestigationResult>): Record<string, unknown> {
  const d = answer.data;
  if (!d) return {};
  const labels = Object.values(RELATIONSHIP_CODES);
  return {
    socialSecurityUser: d.ssin,
    dataGroups: {
      familyCompositionGroup: d.familyComposition
        ? {
            origin: d.familyComposition.origin,
            familyMembers: d.familyComposition.members.map((m) => ({
              socialSecurityUser: m.ssin,
              relationShip: m.relationship,
              relationShipLabel: labels.find((l) => l.code === m.relationship) ?? null,
              entryDate: m.entryDate,
            })),
          }
        : null,
      citizenGroup:
        d.citizens?.map((c) => ({
          socialSecurityUser: c.ssin,
          origin: c.origin,
          legalData: {
            name: { lastName: c.lastName, firstName: c.firstName },
            gender: c.gender,
            birth: { date: c.birth.date, location: loc(c.birth.location) },
            civilState: c.civilState
              ? {
                  code: c.civilState.code,
                  modificationDate: c.civilState.since,
                  partner: c.civilState.partner
                    ? {
                        socialSecurityUser: c.civilState.partner.ssin,
                        name: { lastName: c.civilState.partner.lastName, firstName: c.civilState.partner.firstName },
                        birthDate: c.civilState.partner.birthDate,
                        gender: c.civilState.partner.gender,
                      }
                    : null,
                }
              : null,
            decease: c.decease,
            addressInformation: c.address
              ? {
                  managerLocation: c.address.managerLocation
                    ? { ...loc(c.address.managerLocation), modificationDate: c.address.managerLocation.since }
                    : null,
                  legalAddress: addressJson(c.address.legal),
                }
              : null,
            nationality: loc(c.nationality),
          },
        })) ?? null,
      addressHistoryGroup:
        d.addressHistories?.map((h) => ({
          socialSecurityUser: h.ssin,
          managerLocations: h.managerLocations.map((m) => ({ ...loc(m), modificationDate: m.since })),
          legalAddresses: h.legalAddresses.map(addressJson),
        })) ?? null,
      waitRegisterGroup: null,
    },
  };
}

const investigate = defineOperation<PerformInvestigationRequest, InvestigationResult>({
  name: 'performInvestigation',
  description:
    'Legal data, family composition and address history of an integrated person (and, with the family composition, of each member of the household) for the social inquiry.',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['socialSecurityUser'],
    properties: {
      socialSecurityUser: { type: 'string', pattern: '^\\d{11}$' },
      dataGroups: {
        type: 'object',
        description: 'Absent: every group. Present: only the groups set to true (at least one).',
        properties: {
          familyCompositionGroup: { type: 'boolean' },
          citizenGroup: { type: 'boolean' },
          addressHistoryGroup: { type: 'boolean' },
          waitRegisterGroup: { type: 'boolean' },
        },
      },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin }),
  handle,
  toXml: (answer) => toXml(answer),
  toJson: (answer) => toJson(answer),
});

export default defineFlow({
  id: 'perform-investigation',
  names: {
    nl: 'Sociaal onderzoek: gezinssamenstelling en adreshistoriek (PerformInvestigation)',
    fr: 'Enquête sociale : composition de ménage et historique des adresses (PerformInvestigation)',
    en: 'Social inquiry: family composition and address history (PerformInvestigation)',
  },
  institution: 'KSZ',
  fidelity: 'real',
  basis:
    'SSDN OCMWCPASPerformInvestigation v20080604: request and reply as in the KSZ XSDs (PerformInvestigation, Person, Common; the reply schema is published as PerformInvetigationReply.xsd); service description and "absent DataGroups = all" from the KSZ service catalogue (ksz-flows.md §1.2). Modelled: RelationShip codes (Rijksregister family roles of Tx25 IT140, mapping inferred), civil-state codes 30/50, NIS country codes other than 150/103, the answer when only the wait register is asked, no InscriptionRegister, no WaitRegister data (the world has no asylum seekers), the role matrix.',
  legalContexts: [],
  roles: ['social-worker'],
  ssdn: { serviceId: 'OCMWCPASPerformInvestigation', version: '20080604', namespace: NS },
  operations: [investigate],
  docs: 'mock-server/flows/perform-investigation/README.md',
});
