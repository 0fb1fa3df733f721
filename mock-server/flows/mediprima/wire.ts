import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import type { MediprimaCard } from '../../../scenarios/engine/model.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import type { SoaOperation } from '../../src/ksz/soa/namespaces.ts';
import { child, text } from '../../src/ksz/xml/dom.ts';
import type { Particle } from '../../src/ksz/xml/sequence.ts';
import type { XmlWriter } from '../../src/ksz/xml/writer.ts';
import { newStyleOperation, readOperation } from '../_shared/commonv3.ts';
import { type CarmedView, COVER_TYPES, type CoverType } from './card.ts';

export const NS = 'http://kszbcss.fgov.be/intf/MediprimaService/v2';

export const wireOf = (operation: string): SoaOperation => newStyleOperation('MediprimaService', 2, operation, 'mp');

/** Wire codes of the card kinds (upper case, KSZ style) and the world's values they stand for. */
export const COVER_CODES: Record<string, MediprimaCard['coverType']> = {
  FULL: 'full',
  PARTIAL: 'partial',
  HOSPITAL_ONLY: 'hospital-only',
};
export const SUPPORT_CODES: Record<string, MediprimaCard['supportLevel']> = {
  FULL: '100%',
  PERSONAL_CONTRIBUTION: 'personal-contribution',
};
export const STATUS_CODES: Record<string, MediprimaCard['beneficiaryStatus']> = {
  ILLEGAL_STAY: 'illegal-stay',
  ASYLUM_SEEKER_WITHOUT_CODE_207: 'asylum-seeker-without-code-207',
  EU_WITHOUT_INSURANCE: 'eu-without-insurance',
  OTHER: 'other',
};
export const codeOf = <T extends string>(table: Record<string, T>, value: T): string =>
  Object.entries(table).find(([, v]) => v === value)?.[0] ?? value;

/** The value of a wire code, or a RequestError naming the field and the codes it takes. */
export function decode<T>(table: Record<string, T>, value: unknown, field: string): T {
  if (typeof value === 'string' && Object.hasOwn(table, value)) return table[value]!;
  throw new RequestError(
    `${field} must be one of ${Object.keys(table).join(', ')}, got ${JSON.stringify(value ?? null)}`,
    field,
  );
}

export function coverTypeOf(value: unknown, field = 'coverType'): CoverType {
  if (typeof value === 'string' && (COVER_TYPES as readonly string[]).includes(value)) return value as CoverType;
  throw new RequestError(
    `${field} must be one of ${COVER_TYPES.join(', ')}, got ${JSON.stringify(value ?? null)}`,
    field,
  );
}

export function dateOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isValidIsoDate(value))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value ?? null)}`, field);
  return value;
}

export const optional = <T>(value: unknown, read: (v: unknown) => T): T | null =>
  value === undefined || value === null ? null : read(value);

export function cardNumberOf(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Z0-9-]{1,40}$/.test(value))
    throw new RequestError(
      `carmedNumber is missing or malformed, got ${JSON.stringify(value ?? null)}`,
      'carmedNumber',
    );
  return value;
}

/**
 * The unqualified children after the CommonV3 part of a request element, as text by name; `period` is read as
 * `period.startDate` / `period.endDate`. Structure errors become RequestErrors naming the element.
 */
export function readBody(op: Element, particles: readonly Particle[]): Map<string, string> {
  const found = readOperation(op, particles);
  const out = new Map<string, string>();
  for (const p of particles) {
    const el = found.get(p.name)?.[0];
    if (!el) continue;
    if (p.name !== 'period') out.set(p.name, text(el));
    else
      for (const part of ['startDate', 'endDate']) {
        const e = child(el, null, part);
        if (e) out.set(`period.${part}`, text(e));
      }
  }
  return out;
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const bool = (b: boolean) => (b ? 'true' : 'false');

function periodXml(w: XmlWriter, name: string, p: { startDate: string; endDate: string | null }): void {
  w.open(name).leaf('StartDate', p.startDate).optionalLeaf('EndDate', p.endDate).close();
}

/** A card as the eHealth Mediprima `Carmed` element names it (CarmedIdentifier, CarmedContent …). */
export function carmedXml(w: XmlWriter, c: CarmedView): void {
  w.open('Carmed').open('CarmedIdentifier').leaf('CarmedNumber', c.carmedNumber).leaf('VersionNumber', c.versionNumber);
  const b = c.beneficiary;
  w.open('Beneficiary')
    .leaf('Ssin', b.ssin)
    .optionalLeaf('LastName', b.lastName)
    .optionalLeaf('FirstName', b.firstName)
    .optionalLeaf('Gender', b.gender)
    .optionalLeaf('BirthDate', b.birthDate)
    .optionalLeaf('DeathDate', b.deathDate)
    .close();
  periodXml(w, 'ValidityPeriod', c.validityPeriod);
  w.open('Pswc').leaf('CbeNumber', c.pswc.cbeNumber).optionalLeaf('MunicipalityIns', c.pswc.municipalityIns);
  if (c.pswc.name)
    w.leaf('Name', c.pswc.name.nl, { 'xml:lang': 'nl' }).leaf('Name', c.pswc.name.fr, { 'xml:lang': 'fr' });
  w.close().close();
  w.open('CarmedContent').open('MedicalCover');
  for (const m of c.medicalCover) {
    w.open(upper(m.type));
    periodXml(w, 'ValidityPeriod', m.validityPeriod);
    const s = m.pswcSupport;
    w.open('PswcSupport')
      .leaf('ZivAmiPart', s.zivAmiPart)
      .leaf('PatientPart', s.patientPart)
      .leaf('Supplement', s.supplement)
      .leaf('Convention', bool(s.convention))
      .leaf('Prescription', bool(s.prescription))
      .close()
      .close();
  }
  w.close();
  const r = c.refundPodmiSppis;
  w.open('RefundPodmiSppis')
    .leaf('RefundCode', r.refundCode)
    .leaf('AffiliedMutualityInd', bool(r.affiliatedMutualityInd))
    .leaf('BeneficiaryStatus', r.beneficiaryStatus)
    .open('PodmiSppisPart');
  for (const [name, p] of Object.entries(r.podmiSppisPart))
    w.open(upper(name))
      .leaf('ZivAmiPart', p.zivAmiPart.toFixed(1))
      .leaf('PatientPart', p.patientPart.toFixed(1))
      .close();
  w.close().leaf('MedicalUrgencyInd', bool(r.medicalUrgencyInd)).close().close();
  w.optionalLeaf('UrgentMedicalAidAttestationNumber', c.urgentMedicalAidAttestationNumber);
  w.leaf('Status', c.status).leaf('DecisionDate', c.decisionDate);
  w.close();
}
