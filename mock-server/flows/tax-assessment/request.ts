import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readChildren, readOperation, readPart } from '../_shared/commonv3.ts';

export const DERIVED_YEARS = ['MOST_RECENT', 'MOST_RECENT_UNLIMITED'] as const;
export const ELEMENTS = ['GLOBAL_TAXABLE_INCOME', 'CHILDREN_DEPENDENT_HANDICAP'] as const;
export const GROUPS = [
  'MOST_RECENT',
  'TAXABLE_INCOME',
  'CHILDREN_DEPENDENT',
  'SOME_OTHER_GROUP',
  'DISTINCTLY_TAXABLE_INCOME',
  'GLOBAL_TAXABLE_INCOME_FISCAL_FAMILY',
] as const;

export type FiscalElement = (typeof ELEMENTS)[number];
export type FiscalGroup = (typeof GROUPS)[number];

export interface TaxAssessmentRequest {
  ssin: string;
  /** The income year asked explicitly, or how to derive it. */
  referenceYear: { year: number } | { derivedYear: (typeof DERIVED_YEARS)[number] };
  elements: FiscalElement[];
  groups: FiscalGroup[];
}

function listOf<T extends string>(allowed: readonly T[], values: unknown[], field: string): T[] {
  return [
    ...new Set(
      values.map((v) => {
        if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
          throw new RequestError(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`, field);
        return v as T;
      }),
    ),
  ];
}

function validated(
  ssin: unknown,
  year: unknown,
  derived: unknown,
  elements: unknown[],
  groups: unknown[],
  sep: '.' | '/',
): TaxAssessmentRequest {
  if (typeof ssin !== 'string' || !/^\d{11}$/.test(ssin))
    throw new RequestError(`ssin must be 11 digits, got ${JSON.stringify(ssin)}`, 'ssin');
  const ref = `referenceYear${sep}`;
  if ((year === undefined) === (derived === undefined))
    throw new RequestError('referenceYear needs exactly one of year and derivedYear', 'referenceYear');
  let referenceYear: TaxAssessmentRequest['referenceYear'];
  if (year !== undefined) {
    const y = typeof year === 'number' ? String(year) : year;
    if (typeof y !== 'string' || !/^[12]\d{3}$/.test(y))
      throw new RequestError(`${ref}year must be a year YYYY, got ${JSON.stringify(year)}`, `${ref}year`);
    referenceYear = { year: Number(y) };
  } else {
    referenceYear = { derivedYear: listOf(DERIVED_YEARS, [derived], `${ref}derivedYear`)[0] ?? 'MOST_RECENT' };
  }
  const sel = `fiscalDataSelection${sep}`;
  return {
    ssin,
    referenceYear,
    elements: listOf(ELEMENTS, elements, `${sel}elements${sep === '/' ? '/element' : ''}`),
    groups: listOf(GROUPS, groups, `${sel}groups${sep === '/' ? '/group' : ''}`),
  };
}

function readList(parent: Element | undefined, item: string, path: string): string[] {
  if (!parent) return [];
  return (readPart(parent, [{ name: item, min: 0, max: 10 }], path).get(item) ?? []).map((e) => text(e));
}

/**
 * Reads `criteria(ssin, referenceYear(year | derivedYear), fiscalDataSelection?(elements?(element*),
 * groups?(group*)))` after the CommonV3 part.
 */
export function fromXml(op: Element): TaxAssessmentRequest {
  const root = op.localName ?? 'consultTaxAssessmentDataRequest';
  const seq = readOperation(op, [{ name: 'criteria' }], root);
  const c = readChildren(
    seq.get('criteria')?.[0] as Element,
    [{ name: 'ssin' }, { name: 'referenceYear' }, { name: 'fiscalDataSelection', min: 0 }],
    `${root}/criteria`,
  );
  const y = readPart(
    c.get('referenceYear')?.[0] as Element,
    [
      { name: 'year', min: 0 },
      { name: 'derivedYear', min: 0 },
    ],
    'referenceYear',
  );
  const yearEl = y.get('year')?.[0];
  const derivedEl = y.get('derivedYear')?.[0];
  let elements: string[] = [];
  let groups: string[] = [];
  const selection = c.get('fiscalDataSelection')?.[0];
  if (selection) {
    const s = readPart(
      selection,
      [
        { name: 'elements', min: 0 },
        { name: 'groups', min: 0 },
      ],
      'fiscalDataSelection',
    );
    elements = readList(s.get('elements')?.[0], 'element', 'fiscalDataSelection/elements');
    groups = readList(s.get('groups')?.[0], 'group', 'fiscalDataSelection/groups');
  }
  return validated(
    text(c.get('ssin')?.[0]),
    yearEl ? text(yearEl) : undefined,
    derivedEl ? text(derivedEl) : undefined,
    elements,
    groups,
    '/',
  );
}

function arrayOf(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new RequestError(`${field} must be an array`, field);
  return value;
}

/** The JSON face: `{ ssin, referenceYear: { year } | { derivedYear }, fiscalDataSelection?: { elements?, groups? } }`. */
export function fromJson(body: Record<string, unknown>): TaxAssessmentRequest {
  const ref = body.referenceYear;
  if (typeof ref !== 'object' || ref === null || Array.isArray(ref))
    throw new RequestError('referenceYear must be an object { year } or { derivedYear }', 'referenceYear');
  const sel = body.fiscalDataSelection ?? {};
  if (typeof sel !== 'object' || sel === null || Array.isArray(sel))
    throw new RequestError('fiscalDataSelection must be an object { elements?, groups? }', 'fiscalDataSelection');
  const r = ref as Record<string, unknown>;
  const s = sel as Record<string, unknown>;
  return validated(
    body.ssin,
    r.year,
    r.derivedYear,
    arrayOf(s.elements, 'fiscalDataSelection.elements'),
    arrayOf(s.groups, 'fiscalDataSelection.groups'),
    '.',
  );
}

export const jsonSchema = {
  type: 'object',
  required: ['ssin', 'referenceYear'],
  properties: {
    ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the taxpayer' },
    referenceYear: {
      oneOf: [
        {
          type: 'object',
          required: ['year'],
          properties: { year: { type: 'integer', description: 'the income year to consult explicitly' } },
        },
        {
          type: 'object',
          required: ['derivedYear'],
          properties: {
            derivedYear: {
              enum: [...DERIVED_YEARS],
              description:
                'MOST_RECENT: the latest income year up to three years back; MOST_RECENT_UNLIMITED: the latest',
            },
          },
        },
      ],
    },
    fiscalDataSelection: {
      type: 'object',
      properties: {
        elements: { type: 'array', items: { enum: [...ELEMENTS] } },
        groups: { type: 'array', items: { enum: [...GROUPS] } },
      },
      description: 'default: GLOBAL_TAXABLE_INCOME',
    },
  },
};
