import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readChildren, readOperation, readPart } from '../_shared/commonv3.ts';

/** `naturePerson`: 1 applicant (demandeur), 2 cohabitant of the applicant, 3 maintenance debtor (ksz-flows.md §12.7). */
export const NATURES: Record<string, { nl: string; fr: string }> = {
  '1': { nl: 'aanvrager', fr: 'demandeur' },
  '2': { nl: 'samenwonende van de aanvrager', fr: 'cohabitant du demandeur' },
  '3': { nl: 'onderhoudsplichtige', fr: 'débiteur alimentaire' },
};
export const LANGUAGES = ['FR', 'NL'] as const;

/**
 * The request as read. `naturePerson` and `language` are kept as given: Cadnet checks their values itself and answers
 * VALIDATION_ERROR, while a request it cannot read at all is the KSZ's MSG00008.
 */
export interface CadnetRequest {
  ssin: string;
  naturePerson: string;
  language: string;
}

function ssinOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{11}$/.test(value))
    throw new RequestError(`ssin must be 11 digits, got ${JSON.stringify(value)}`, field);
  return value;
}

/** Reads `searchCriterion(naturalPerson(ssin), naturePerson, language)` after the CommonV3 part. */
export function fromXml(op: Element): CadnetRequest {
  const root = op.localName ?? 'findPropertiesRequest';
  const seq = readOperation(op, [{ name: 'searchCriterion' }], root);
  const c = readChildren(
    seq.get('searchCriterion')?.[0] as Element,
    [{ name: 'naturalPerson' }, { name: 'naturePerson' }, { name: 'language' }],
    `${root}/searchCriterion`,
  );
  const np = readPart(c.get('naturalPerson')?.[0] as Element, [{ name: 'ssin' }], 'naturalPerson');
  return {
    ssin: ssinOf(text(np.get('ssin')?.[0]), 'naturalPerson/ssin'),
    naturePerson: text(c.get('naturePerson')?.[0]),
    language: text(c.get('language')?.[0]),
  };
}

/** The JSON face: `{ ssin, naturePerson: "1"|"2"|"3", language: "FR"|"NL" }` (a number is accepted for naturePerson). */
export function fromJson(body: Record<string, unknown>): CadnetRequest {
  const nature = typeof body.naturePerson === 'number' ? String(body.naturePerson) : body.naturePerson;
  if (typeof nature !== 'string') throw new RequestError('naturePerson (1, 2 or 3) is required', 'naturePerson');
  if (typeof body.language !== 'string') throw new RequestError('language (FR or NL) is required', 'language');
  return { ssin: ssinOf(body.ssin, 'ssin'), naturePerson: nature, language: body.language };
}

export const jsonSchema = {
  type: 'object',
  required: ['ssin', 'naturePerson', 'language'],
  properties: {
    ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the person' },
    naturePerson: {
      type: 'string',
      description: '1 applicant, 2 cohabitant of the applicant, 3 maintenance debtor (another value: VALIDATION_ERROR)',
    },
    language: { type: 'string', description: 'FR or NL (another value: VALIDATION_ERROR)' },
  },
};
