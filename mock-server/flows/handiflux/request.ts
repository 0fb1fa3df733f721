import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import type { IsoDate } from '../../../scenarios/engine/model.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readChildren, readOperation, readPart } from '../_shared/commonv3.ts';

export const FLAGS = ['evolutionOfRequest', 'handicapRecognition', 'rights', 'socialCards'] as const;
export type Flag = (typeof FLAGS)[number];

export interface HandiFluxRequest {
  ssin: string;
  /** null: `informationAtReferenceDate` absent. `referenceDate` null: today. */
  atReferenceDate: ({ referenceDate: IsoDate | null } & Record<Flag, boolean>) | null;
  /** null: `paymentsAtPeriod` absent. Not checked for order or length here: HAN00021 / HAN00020 are the DGPH's. */
  paymentsAtPeriod: { startDate: IsoDate; endDate: IsoDate } | null;
}

function ssinOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{11}$/.test(value))
    throw new RequestError(`ssin must be 11 digits, got ${JSON.stringify(value)}`, field);
  return value;
}

function dateOf(value: unknown, field: string): IsoDate {
  if (typeof value !== 'string' || !isValidIsoDate(value))
    throw new RequestError(`${field} must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`, field);
  return value;
}

/** xs:boolean: `true`, `false`, `1`, `0`; absent = false. */
function flagOf(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (value === true || value === 'true' || value === '1' || value === 1) return true;
  if (value === false || value === 'false' || value === '0' || value === 0) return false;
  throw new RequestError(`${field} must be a boolean, got ${JSON.stringify(value)}`, field);
}

/**
 * Reads `wantedInformation(ssin, informationAtReferenceDate?(referenceDate?, evolutionOfRequest?,
 * handicapRecognition?, rights?, socialCards?), paymentsAtPeriod?(startDate, endDate))` after the CommonV3 part.
 */
export function fromXml(op: Element): HandiFluxRequest {
  const root = op.localName ?? 'consultFileRequest';
  const seq = readOperation(op, [{ name: 'wantedInformation' }], root);
  const wanted = readChildren(
    seq.get('wantedInformation')?.[0] as Element,
    [{ name: 'ssin' }, { name: 'informationAtReferenceDate', min: 0 }, { name: 'paymentsAtPeriod', min: 0 }],
    `${root}/wantedInformation`,
  );
  const ssin = ssinOf(text(wanted.get('ssin')?.[0]), 'ssin');
  let atReferenceDate: HandiFluxRequest['atReferenceDate'] = null;
  const info = wanted.get('informationAtReferenceDate')?.[0];
  if (info) {
    const r = readPart(
      info,
      [{ name: 'referenceDate', min: 0 }, ...FLAGS.map((name) => ({ name, min: 0 }))],
      'informationAtReferenceDate',
    );
    const el = (name: string) => r.get(name)?.[0];
    const ref = el('referenceDate');
    const flag = (name: Flag) => {
      const e = el(name);
      return flagOf(e ? text(e) : undefined, `informationAtReferenceDate/${name}`);
    };
    atReferenceDate = {
      referenceDate: ref ? dateOf(text(ref), 'informationAtReferenceDate/referenceDate') : null,
      evolutionOfRequest: flag('evolutionOfRequest'),
      handicapRecognition: flag('handicapRecognition'),
      rights: flag('rights'),
      socialCards: flag('socialCards'),
    };
  }
  let paymentsAtPeriod: HandiFluxRequest['paymentsAtPeriod'] = null;
  const pay = wanted.get('paymentsAtPeriod')?.[0];
  if (pay) {
    const p = readPart(pay, [{ name: 'startDate' }, { name: 'endDate' }], 'paymentsAtPeriod');
    paymentsAtPeriod = {
      startDate: dateOf(text(p.get('startDate')?.[0]), 'paymentsAtPeriod/startDate'),
      endDate: dateOf(text(p.get('endDate')?.[0]), 'paymentsAtPeriod/endDate'),
    };
  }
  return { ssin, atReferenceDate, paymentsAtPeriod };
}

const objectOf = (value: unknown, field: string): Record<string, unknown> | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new RequestError(`${field} must be an object`, field);
  return value as Record<string, unknown>;
};

/** The JSON face: `{ ssin, informationAtReferenceDate?: { referenceDate?, evolutionOfRequest?, … }, paymentsAtPeriod?: { startDate, endDate } }`. */
export function fromJson(body: Record<string, unknown>): HandiFluxRequest {
  const ssin = ssinOf(body.ssin, 'ssin');
  const info = objectOf(body.informationAtReferenceDate, 'informationAtReferenceDate');
  const pay = objectOf(body.paymentsAtPeriod, 'paymentsAtPeriod');
  const flag = (name: Flag) => flagOf(info?.[name], `informationAtReferenceDate.${name}`);
  return {
    ssin,
    atReferenceDate: info
      ? {
          referenceDate:
            info.referenceDate === undefined || info.referenceDate === null
              ? null
              : dateOf(info.referenceDate, 'informationAtReferenceDate.referenceDate'),
          evolutionOfRequest: flag('evolutionOfRequest'),
          handicapRecognition: flag('handicapRecognition'),
          rights: flag('rights'),
          socialCards: flag('socialCards'),
        }
      : null,
    paymentsAtPeriod: pay
      ? {
          startDate: dateOf(pay.startDate, 'paymentsAtPeriod.startDate'),
          endDate: dateOf(pay.endDate, 'paymentsAtPeriod.endDate'),
        }
      : null,
  };
}

export const jsonSchema = {
  type: 'object',
  required: ['ssin'],
  properties: {
    ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' },
    informationAtReferenceDate: {
      type: 'object',
      properties: {
        referenceDate: { type: 'string', format: 'date', description: 'default: today; not after today' },
        evolutionOfRequest: { type: 'boolean', description: 'the recognition decisions up to the reference date' },
        handicapRecognition: { type: 'boolean', description: 'the recognition (points) in force' },
        rights: { type: 'boolean', description: 'the allowances (IVT, IT, THAB) in force' },
        socialCards: { type: 'boolean', description: 'the social advantages the recognition opens' },
      },
    },
    paymentsAtPeriod: {
      type: 'object',
      required: ['startDate', 'endDate'],
      properties: { startDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      description: 'the monthly payments in this period: at most two years (HAN00020), ascending (HAN00021)',
    },
  },
};
