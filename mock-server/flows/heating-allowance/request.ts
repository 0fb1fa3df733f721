import type { Element } from '@xmldom/xmldom';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { type Particle, readSequence } from '../../src/ksz/xml/sequence.ts';
import { CATEGORIES, type Category, FUELS, type Fuel } from './rules.ts';

/** The request payload namespace (recorded request, ksz-flows.md §12.8). */
export const REQUEST_NS = 'http://www.smals.be/XSD/OCMW_CPAS/HeatingAllocationRequest';
/** The namespace of the invoice's children in the recorded request. */
export const DATA_TYPES_NS = 'http://www.smals.be/XSD/OCMW_CPAS/HeatingAllocationDataTypes';

export interface Invoice {
  /** Invoice amount in ten-thousandths of a euro (recorded test value 8390100 for 1000 litres: 839.01 EUR). */
  amount: number;
  /** Litres delivered. */
  quantity: number;
  /** Number of housing units the delivery is shared by (a building with one tank). */
  housingNumber: number;
  deliveryDate: string;
  unitFuel: Fuel;
}

export interface HeatingRequest {
  ssin: string;
  category: Category;
  invoice: Invoice;
  /** The OCMW the request is made for; null when absent (the caller's). */
  kboBceNumber: string | null;
}

const digits = (value: string, field: string, min: number, max: number): number => {
  if (!/^\d{1,13}$/.test(value)) throw new RequestError(`${field} must be a whole number, got "${value}"`, field);
  const n = Number(value);
  if (n < min || n > max) throw new RequestError(`${field} must be from ${min} to ${max}, got ${n}`, field);
  return n;
};

/** Checks every field; `names` maps the field to how the face names it (XML element path or JSON path). */
function validated(
  raw: {
    ssin: string;
    category: string;
    amount: string;
    quantity: string;
    housing: string;
    date: string;
    fuel: string;
    kbo: string | null;
  },
  names: Record<'ssin' | 'category' | 'amount' | 'quantity' | 'housing' | 'date' | 'fuel' | 'kbo', string>,
): HeatingRequest {
  if (!/^\d{11}$/.test(raw.ssin))
    throw new RequestError(`${names.ssin} must be 11 digits, got "${raw.ssin}"`, names.ssin);
  if (!(raw.category in CATEGORIES))
    throw new RequestError(`${names.category} must be 1, 2 or 3, got "${raw.category}"`, names.category);
  const date = raw.date.replace(/(Z|[+-]\d{2}:\d{2})$/, '');
  if (!isValidIsoDate(date)) throw new RequestError(`${names.date} is not a date: "${raw.date}"`, names.date);
  if (!(raw.fuel in FUELS))
    throw new RequestError(
      `${names.fuel} must be one of ${Object.keys(FUELS).join(', ')}, got "${raw.fuel}"`,
      names.fuel,
    );
  if (raw.kbo !== null && !/^\d{10}$/.test(raw.kbo))
    throw new RequestError(`${names.kbo} must be 10 digits, got "${raw.kbo}"`, names.kbo);
  return {
    ssin: raw.ssin,
    category: raw.category as Category,
    invoice: {
      amount: digits(raw.amount, names.amount, 1, 1_000_000_000_000),
      quantity: digits(raw.quantity, names.quantity, 1, 100_000),
      housingNumber: digits(raw.housing, names.housing, 1, 999),
      deliveryDate: date,
      unitFuel: raw.fuel as Fuel,
    },
    kboBceNumber: raw.kbo,
  };
}

const XML_NAMES = {
  ssin: 'PrimaryBeneficiary/SSIN',
  category: 'PrimaryBeneficiary/Category',
  amount: 'Invoice/Amount',
  quantity: 'Invoice/Quantity',
  housing: 'Invoice/HousingNumber',
  date: 'Invoice/DeliveryDate',
  fuel: 'Invoice/UnitFuel',
  kbo: 'OCMW_CPAS/KboBceNumber',
};

function sequence(parent: Element, ns: string, particles: readonly Particle[], path: string): Map<string, Element[]> {
  const r = readSequence(parent, ns, particles, { path });
  if (!r.ok)
    throw new RequestError(r.error.message, r.error.path.replace(/^AllocationRequest\/(ComputeAllocation\/)?/, ''));
  return r.found;
}

/** Reads `AllocationRequest(ComputeAllocation(PrimaryBeneficiary, Invoice), OCMW_CPAS?)` as recorded. */
export function fromXml(el: Element): HeatingRequest {
  if (el.localName !== 'AllocationRequest')
    throw new RequestError(`the payload must be AllocationRequest, got ${el.localName}`, 'AllocationRequest');
  const top = sequence(
    el,
    REQUEST_NS,
    [{ name: 'ComputeAllocation' }, { name: 'OCMW_CPAS', min: 0 }],
    'AllocationRequest',
  );
  const compute = top.get('ComputeAllocation')?.[0] as Element;
  const parts = sequence(
    compute,
    REQUEST_NS,
    [{ name: 'PrimaryBeneficiary' }, { name: 'Invoice' }],
    'AllocationRequest/ComputeAllocation',
  );
  const beneficiary = sequence(
    parts.get('PrimaryBeneficiary')?.[0] as Element,
    REQUEST_NS,
    [{ name: 'SSIN' }, { name: 'Category' }],
    'AllocationRequest/ComputeAllocation/PrimaryBeneficiary',
  );
  const invoice = sequence(
    parts.get('Invoice')?.[0] as Element,
    DATA_TYPES_NS,
    [
      { name: 'Amount' },
      { name: 'Quantity' },
      { name: 'HousingNumber' },
      { name: 'DeliveryDate' },
      { name: 'UnitFuel' },
    ],
    'AllocationRequest/ComputeAllocation/Invoice',
  );
  const ocmw = top.get('OCMW_CPAS')?.[0];
  const kbo = ocmw
    ? text(
        sequence(ocmw, REQUEST_NS, [{ name: 'KboBceNumber' }], 'AllocationRequest/OCMW_CPAS').get('KboBceNumber')?.[0],
      )
    : null;
  const t = (m: Map<string, Element[]>, name: string) => text(m.get(name)?.[0]);
  return validated(
    {
      ssin: t(beneficiary, 'SSIN'),
      category: t(beneficiary, 'Category'),
      amount: t(invoice, 'Amount'),
      quantity: t(invoice, 'Quantity'),
      housing: t(invoice, 'HousingNumber'),
      date: t(invoice, 'DeliveryDate'),
      fuel: t(invoice, 'UnitFuel'),
      kbo,
    },
    XML_NAMES,
  );
}

const object = (v: unknown, field: string): Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new RequestError(`${field} must be an object`, field);
  return v as Record<string, unknown>;
};
const scalar = (v: unknown, field: string): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  throw new RequestError(`${field} is required (a string or a whole number)`, field);
};

/** The JSON face: `{ primaryBeneficiary: { ssin, category }, invoice: {…}, ocmwCpas?: { kboBceNumber } }`. */
export function fromJson(body: Record<string, unknown>): HeatingRequest {
  const pb = object(body.primaryBeneficiary, 'primaryBeneficiary');
  const inv = object(body.invoice, 'invoice');
  const ocmw = body.ocmwCpas === undefined || body.ocmwCpas === null ? null : object(body.ocmwCpas, 'ocmwCpas');
  if (typeof pb.ssin !== 'string')
    throw new RequestError('primaryBeneficiary.ssin (11 digits) is required', 'primaryBeneficiary.ssin');
  return validated(
    {
      ssin: pb.ssin,
      category: scalar(pb.category, 'primaryBeneficiary.category'),
      amount: scalar(inv.amount, 'invoice.amount'),
      quantity: scalar(inv.quantity, 'invoice.quantity'),
      housing: scalar(inv.housingNumber ?? 1, 'invoice.housingNumber'),
      date: scalar(inv.deliveryDate, 'invoice.deliveryDate'),
      fuel: scalar(inv.unitFuel, 'invoice.unitFuel'),
      kbo: ocmw ? scalar(ocmw.kboBceNumber, 'ocmwCpas.kboBceNumber') : null,
    },
    {
      ssin: 'primaryBeneficiary.ssin',
      category: 'primaryBeneficiary.category',
      amount: 'invoice.amount',
      quantity: 'invoice.quantity',
      housing: 'invoice.housingNumber',
      date: 'invoice.deliveryDate',
      fuel: 'invoice.unitFuel',
      kbo: 'ocmwCpas.kboBceNumber',
    },
  );
}

export const JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['primaryBeneficiary', 'invoice'],
  properties: {
    primaryBeneficiary: {
      type: 'object',
      required: ['ssin', 'category'],
      properties: {
        ssin: { type: 'string', pattern: '^\\d{11}$' },
        category: { enum: ['1', '2', '3'], description: '1 increased reimbursement, 2 low income, 3 debt mediation' },
      },
    },
    invoice: {
      type: 'object',
      required: ['amount', 'quantity', 'deliveryDate', 'unitFuel'],
      properties: {
        amount: { type: 'integer', minimum: 1, description: 'invoice amount in ten-thousandths of a euro' },
        quantity: { type: 'integer', minimum: 1, maximum: 100000, description: 'litres delivered' },
        housingNumber: {
          type: 'integer',
          minimum: 1,
          maximum: 999,
          description: 'housing units sharing the delivery (default 1)',
        },
        deliveryDate: { type: 'string', format: 'date' },
        unitFuel: {
          enum: ['1', '2', '3', '4'],
          description: '1 gas oil, 2 heating paraffin in bulk, 3 propane in bulk, 4 paraffin at the pump',
        },
      },
    },
    ocmwCpas: { type: 'object', properties: { kboBceNumber: { type: 'string', pattern: '^\\d{10}$' } } },
  },
};
