import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { elementChildren, text } from '../../src/ksz/xml/dom.ts';
import { readCriteria } from '../_shared/commonv3.ts';

/** The `desiredData` flags of the HealthCareInsurance request, in the order of the public client (ksz-flows.md §3.2). */
export const DESIRED_DATA = [
  'insuringOrganization',
  'reimbursementRight',
  'ct1ct2',
  'payingThirdParty',
  'maximumCharge',
  'medicalHouse',
  'increasedIntervention',
  'statusComplementaryInsurance',
  'globalMedicalFile',
  'sfdfL891',
] as const;
export type DesiredData = (typeof DESIRED_DATA)[number];

/** The flags the synthetic world can answer; the others are accepted and answered with nothing. */
export const MODELLED: readonly DesiredData[] = [
  'insuringOrganization',
  'reimbursementRight',
  'increasedIntervention',
  'globalMedicalFile',
];

export interface InsuranceRequest {
  ssin: string;
  /** The date asked; null = today (`temporalCriteria/today`). */
  date: IsoDate | null;
  /** The flags asked; all modelled ones when the request names none. */
  desiredData: DesiredData[];
}

function checkSsin(ssin: unknown): string {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`ssin must be a string of 11 digits, got ${JSON.stringify(ssin)}`, 'ssin');
  return ssin;
}

function checkDate(date: unknown, field: string): IsoDate {
  if (typeof date !== 'string' || !isValidIsoDate(date))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`, field);
  return date;
}

function checkFlag(name: string, field: string): DesiredData {
  if (!(DESIRED_DATA as readonly string[]).includes(name))
    throw new RequestError(`${name} is not a desiredData flag (${DESIRED_DATA.join(', ')})`, field);
  return name as DesiredData;
}

const orAll = (flags: DesiredData[]): DesiredData[] => (flags.length > 0 ? flags : [...MODELLED]);

/** `{ ssin, date?, desiredData?: [flag, …] }`. */
export function fromJson(body: Record<string, unknown>): InsuranceRequest {
  const ssin = checkSsin(body.ssin);
  const date = body.date === undefined || body.date === null ? null : checkDate(body.date, 'date');
  let flags: DesiredData[] = [];
  if (body.desiredData !== undefined) {
    if (!Array.isArray(body.desiredData))
      throw new RequestError('desiredData must be an array of flag names', 'desiredData');
    flags = body.desiredData.map((f) => checkFlag(String(f), 'desiredData'));
  }
  return { ssin, date, desiredData: orAll([...new Set(flags)]) };
}

/**
 * `criterion(ssin, temporalCriteria(date | today)?, desiredData(flag*)?)` after the CommonV3 part; each flag is an
 * xsd:boolean element named after the flag.
 */
export function fromXml(op: Element): InsuranceRequest {
  const inner = readCriteria(op, 'criterion', [
    { name: 'ssin' },
    { name: 'temporalCriteria', min: 0 },
    { name: 'desiredData', min: 0 },
  ]);
  const ssin = checkSsin(text(inner.get('ssin')?.[0]).trim());
  let date: IsoDate | null = null;
  const temporal = inner.get('temporalCriteria')?.[0];
  if (temporal) {
    const [choice, ...more] = elementChildren(temporal);
    if (!choice || more.length > 0 || !['date', 'today'].includes(choice.localName ?? ''))
      throw new RequestError('temporalCriteria holds either date or today', 'temporalCriteria');
    const value = text(choice).trim();
    if (choice.localName === 'date') date = checkDate(value, 'temporalCriteria/date');
    else if (value !== 'true' && value !== '1')
      throw new RequestError(`today must be true, got "${value}"`, 'temporalCriteria/today');
  }
  const flags: DesiredData[] = [];
  const desired = inner.get('desiredData')?.[0];
  for (const el of desired ? elementChildren(desired) : []) {
    const name = checkFlag(el.localName ?? '', `desiredData/${el.localName}`);
    const value = text(el).trim();
    if (!['true', 'false', '1', '0'].includes(value))
      throw new RequestError(`${name} must be an xsd:boolean, got "${value}"`, `desiredData/${name}`);
    if (value === 'true' || value === '1') flags.push(name);
  }
  return { ssin, date, desiredData: orAll([...new Set(flags)]) };
}
