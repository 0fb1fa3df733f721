import type { Element } from '@xmldom/xmldom';
import { RequestError } from '../../src/ksz/flows/define.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { readSequence } from '../../src/ksz/xml/sequence.ts';

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

const last = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Reads `searchCriterion(naturalPerson(ssin), naturePerson, language)` after the CommonV3 part. */
export function fromXml(op: Element): CadnetRequest {
  const root = op.localName ?? 'findPropertiesRequest';
  const seq = readSequence(
    op,
    null,
    [
      { name: 'informationCustomer' },
      { name: 'informationCBSS', min: 0 },
      { name: 'legalContext' },
      { name: 'searchCriterion' },
    ],
    { path: root },
  );
  if (!seq.ok) throw new RequestError(seq.error.message, last(seq.error.path));
  const c = readSequence(
    seq.found.get('searchCriterion')?.[0] as Element,
    null,
    [{ name: 'naturalPerson' }, { name: 'naturePerson' }, { name: 'language' }],
    { path: `${root}/searchCriterion` },
  );
  if (!c.ok) throw new RequestError(c.error.message, last(c.error.path));
  const np = readSequence(c.found.get('naturalPerson')?.[0] as Element, null, [{ name: 'ssin' }], {
    path: 'naturalPerson',
  });
  if (!np.ok) throw new RequestError(np.error.message, `naturalPerson/${last(np.error.path)}`);
  return {
    ssin: ssinOf(text(np.found.get('ssin')?.[0]), 'naturalPerson/ssin'),
    naturePerson: text(c.found.get('naturePerson')?.[0]),
    language: text(c.found.get('language')?.[0]),
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
