/**
 * Writes a Tx25 record as the `rrn_it_implicit` content of a RetrieveTIGroups v2 response: the National Register's
 * IT groups in the rn25 namespace, element names and order as in the register's xm25 schema (FileInfoType), each
 * group wrapper declaring the `r:` prefix as the recorded replies do.
 */
import { addDays } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RN25_NS } from '../../src/ksz/soa/namespaces.ts';
import { type Attributes, XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { CodeLabel } from './codes.ts';
import { firstNameCode, lastNameCode, type PersonRef, type Place, type Tx25Record } from './record.ts';

const R = { 'xmlns:r': RN25_NS };

/** The IT codes a record is written with (for the README, the JSON face and the tests). */
export function itCodes(r: Tx25Record): string[] {
  const codes = ['000', '001', '010'];
  if (r.addresses.length) codes.push('020');
  if (r.abroad.length) codes.push('022');
  if (r.referenceAddresses.length) codes.push('024');
  codes.push('031', '100');
  if (r.civilStates.length) codes.push('120');
  if (r.legalCohabitations.length) codes.push('123');
  if (r.household.some((h) => h.it === '140')) codes.push('140');
  if (r.household.some((h) => h.it === '141')) codes.push('141');
  if (r.death) codes.push('150');
  codes.push('253', '254');
  return r.residences.length ? codes : codes.filter((c) => c !== '001');
}

/** `YYYY-MM-DD` (parts may be `00`, the year `0000` when unknown) as Century/Year/Month/Day. */
function date(w: XmlWriter, name: string, iso: IsoDate): void {
  const [y = '0000', m = '00', d = '00'] = iso.split('-');
  w.open(name);
  if (y !== '0000') w.leaf('r:Century', y.slice(0, 2)).leaf('r:Year', y.slice(2));
  w.leaf('r:Month', m).leaf('r:Day', d).close();
}

/** Date, then DelDate (the day the situation ended: the day after the last day it held) when it ended. */
function dated(w: XmlWriter, from: IsoDate, to: IsoDate | null): void {
  date(w, 'r:Date', from);
  if (to !== null) date(w, 'r:DelDate', addDays(to, 1));
}

function codeLabel(w: XmlWriter, name: string, c: CodeLabel): void {
  w.open(name).leaf('r:Code', c.code).leaf('r:Label', c.label).close();
}

function sex(s: PersonRef['sex']): string {
  return s === 'M' ? '1' : '2';
}

function nationalNumber(w: XmlWriter, p: PersonRef): void {
  w.open('r:NationalNumber').leaf('r:NationalNumber', p.insz);
  if (p.birthDate) date(w, 'r:Date', p.birthDate);
  if (p.birthDate) w.leaf('r:Sex', sex(p.sex));
  w.close();
}

/** NameType: LastName (Code, Label), FirstName (Code, Label)*. */
function name(w: XmlWriter, el: string, p: PersonRef, attrs?: Attributes): void {
  w.open(el, attrs);
  codeLabel(w, 'r:LastName', { code: lastNameCode(p.lastName), label: p.lastName });
  for (const f of p.firstNames) codeLabel(w, 'r:FirstName', { code: firstNameCode(f), label: f });
  w.close();
}

/** A person named inside a group (spouse, member, head): NationalNumber, then Name when the world knows them. */
function person(w: XmlWriter, p: PersonRef): void {
  nationalNumber(w, p);
  if (p.lastName) name(w, 'r:Name', p);
}

/** PlaceType (`Place1`, `Place`) for a municipality; GraphicPlaceType (`Place2`) for a country. */
function place(w: XmlWriter, p: Place, belgian: string, foreign?: string): void {
  if (p.kind === 'municipality') codeLabel(w, belgian, { code: p.nis, label: p.label });
  else if (foreign) w.open(foreign).open('r:Country').leaf('r:Code', p.code).leaf('r:Label', p.label).close().close();
  else codeLabel(w, belgian, { code: p.code, label: p.label });
}

/**
 * The `rrn_it_implicit` element (unqualified, as in the v2 response type) with the record's IT groups.
 *
 * @example
 * rrnItImplicit(record); // '<rrn_it_implicit><r:NationalNumber xmlns:r="…" Type="000" Structure="A1">…'
 */
export function rrnItImplicit(r: Tx25Record): string {
  const w = new XmlWriter();
  w.open('rrn_it_implicit');
  const id = r.identity;

  // IT000 — national number, birth date, sex.
  w.open('r:NationalNumber', { ...R, Type: '000', Structure: 'A1' });
  nationalNumber(w, id);
  w.close();

  // IT001 — municipality (or country) of residence, "99991" when struck off.
  if (r.residences.length) {
    w.open('r:FileOwner', R);
    for (const res of r.residences) {
      w.open('r:Residences', { Type: '001', Structure: 'A1' });
      date(w, 'r:Date', res.from);
      codeLabel(w, 'r:Residence', res);
      w.leaf('r:Fusion', '0').leaf('r:Language', res.registerLanguage).close();
    }
    w.close();
  }

  // IT010 — names.
  w.open('r:Names', R).open('r:Name', { Type: '010', Structure: 'A1' });
  date(w, 'r:Date', id.birthDate);
  name(w, 'r:Name', id);
  w.close().close();

  // IT020 — main address (or reference address) in Belgium; B1 when it has a box.
  if (r.addresses.length) {
    w.open('r:LegalMainAddresses', R);
    for (const a of r.addresses) {
      w.open('r:LegalMainAddress', { Type: '020', Structure: a.box ? 'B1' : 'A1' });
      // No DelDate, as in every recorded reply: the next address (or IT001 99991) ends this one.
      date(w, 'r:Date', a.from);
      w.open('r:Address').leaf('r:ZipCode', a.postalCode);
      codeLabel(w, 'r:Street', a.street);
      w.leaf('r:HouseNumber', a.houseNumber);
      // The register pads the box to four characters, right-aligned ("   B" in a recorded reply).
      if (a.box) w.leaf('r:Box', a.box.padStart(4, ' '));
      w.close().close();
    }
    w.close();
  }

  // IT022 — residence abroad (no diplomatic post modelled, so no Address part).
  if (r.abroad.length) {
    w.open('r:ResidenceAbroad', R);
    for (const a of r.abroad) {
      w.open('r:ResidenceAbroad', { Type: '022' });
      dated(w, a.from, a.to);
      w.close();
    }
    w.close();
  }

  // IT024 — the main address is a reference address (at the OCMW, for someone without a home).
  if (r.referenceAddresses.length) {
    w.open('r:AddressReferences', R);
    for (const a of r.referenceAddresses) {
      w.open('r:AddressReference', { Type: '024', Structure: 'A1' });
      dated(w, a.from, a.to);
      w.close();
    }
    w.close();
  }

  // IT031 — nationality.
  w.open('r:Nationalities', R).open('r:Nationality', { Type: '031', Structure: 'B1' });
  date(w, 'r:Date', id.nationality.since);
  codeLabel(w, 'r:Nationality', id.nationality);
  w.close().close();

  // IT100 — birth place: Place1 (municipality) or Place2 (country).
  w.open('r:BirthPlace', { ...R, Type: '100', ...(id.birthPlace.kind === 'municipality' ? { Structure: 'A1' } : {}) });
  date(w, 'r:Date', id.birthDate);
  w.leaf('r:ActNumber', id.birthActNumber);
  place(w, id.birthPlace, 'r:Place1', 'r:Place2');
  w.close();

  // IT120 — civil state: A1 without a spouse, B1 with spouse, place and act number.
  if (r.civilStates.length) {
    w.open('r:CivilStates', R);
    for (const c of r.civilStates) {
      w.open('r:CivilState', { Type: '120', Structure: c.spouse || c.place ? 'B1' : 'A1' });
      date(w, 'r:Date', c.from);
      codeLabel(w, 'r:CivilState', c);
      if (c.spouse) {
        w.open('r:Spouse');
        person(w, c.spouse);
        w.close();
      }
      if (c.place) {
        w.open('r:Lieu');
        place(w, c.place, 'r:Place1', 'r:Place2');
        w.close();
      }
      w.optionalLeaf('r:ActNumber', c.actNumber);
      w.close();
    }
    w.close();
  }

  // IT123 — legal cohabitation: A1 declaration, B1 cessation.
  if (r.legalCohabitations.length) {
    w.open('r:LegalCohabitations', R);
    for (const c of r.legalCohabitations) {
      if (c.kind === 'declaration') {
        w.open('r:LegalCohabitation', { Type: '123', Structure: 'A1' });
        // Ended by marriage: the cessation record says so; otherwise the declaration itself gets a DelDate.
        dated(w, c.from, c.endedByMarriage ? null : c.to);
        w.open('r:Declaration');
        date(w, 'r:RegistrationDate', c.from);
        w.open('r:Partner');
        person(w, c.partner);
        w.close();
        if (c.place) place(w, c.place, 'r:Place');
        else codeLabel(w, 'r:Place', { code: '', label: '' });
        w.close().close();
      } else {
        w.open('r:LegalCohabitation', { Type: '123', Structure: 'B1' });
        date(w, 'r:Date', c.from);
        w.open('r:Cessation');
        codeLabel(w, 'r:Reason', c.reason);
        if (c.place?.kind === 'country') codeLabel(w, 'r:Country', c.place);
        else if (c.place) place(w, c.place, 'r:Place');
        else codeLabel(w, 'r:Place', { code: '', label: '' });
        w.close().close();
      }
    }
    w.close();
  }

  // IT140 — the person is the reference person: alone (A1), or one entry per member (B1).
  const members = r.household.filter((h) => h.it === '140');
  if (members.length) {
    w.open('r:FamilyMembers', R);
    for (const h of members) {
      w.open('r:FamilyMember', { Type: '140', Structure: h.person ? 'B1' : 'A1' });
      dated(w, h.from, h.to);
      codeLabel(w, 'r:FamilyRole', h.role);
      if (h.person) person(w, h.person);
      w.close();
    }
    w.close();
  }

  // IT141 — the person lives in someone else's household: their role, the head.
  const heads = r.household.filter((h) => h.it === '141');
  if (heads.length) {
    w.open('r:HeadOfFamily', R);
    for (const h of heads) {
      w.open('r:HeadOfFamily', { Type: '141', Structure: 'A1' });
      dated(w, h.from, h.to);
      codeLabel(w, 'r:FamilyRole', h.role);
      if (h.person) person(w, h.person);
      w.close();
    }
    w.close();
  }

  // IT150 — death: date, act number, place.
  if (r.death) {
    w.open('r:Deceases', R).open('r:Decease', { Type: '150' });
    date(w, 'r:Date', r.death.date);
    w.open('r:Decease').leaf('r:ActNumber', r.death.actNumber);
    place(w, r.death.place, 'r:Place1', 'r:Place2');
    w.close().close().close();
  }

  // IT253/IT254 — file created, last updated.
  w.open('r:CreationDate', { ...R, Type: '253', Structure: 'A1' });
  date(w, 'r:Date', r.createdOn);
  w.close();
  w.open('r:LastUpdateDate', { ...R, Type: '254', Structure: 'A1' });
  date(w, 'r:Date', r.lastUpdate);
  w.close();

  w.close();
  return w.toString();
}
