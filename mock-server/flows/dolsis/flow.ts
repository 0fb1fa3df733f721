import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation, RequestError, type Status } from '../../src/ksz/flows/define.ts';
import { OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { text } from '../../src/ksz/xml/dom.ts';
import { checkSsin, newStyleOperation, readChildren, readOperation } from '../_shared/commonv3.ts';
import { readPeriodElement, readPeriodJson, type SearchPeriod } from '../living-wages/request.ts';
import { type EmploymentView, employmentsView, employmentsXml, SCOPES, type Scope } from './view.ts';

export const LEGAL_CONTEXT = 'SOCIAL_INVESTIGATION_OF_PCSA';

/** The SOAP face (modelled names: the client's WSDL `dolsis2011CBSS_subsetPSWC.wsdl` is not public). */
export const DOLSIS_V1 = newStyleOperation('DolsisService', 1, 'findEmployersByWorker', 'dol1');

/** Dolsis status codes as the public CPAS client lists them (ksz-flows.md §12.1). */
export const DOLS = {
  noMatch: (info: string): Status =>
    serviceStatus('NO_DATA_FOUND', 'DOLS0000', 'No match: no employment found for the criteria.', [
      { fieldName: 'criteria', fieldValue: info },
    ]),
  noNationalRegister: (ssin: string): Status =>
    serviceStatus('NO_DATA_FOUND', 'DOLS0004', 'Partial result: no data from the authentic source National Register.', [
      { fieldName: 'ssin', fieldValue: `${ssin} is a BIS number: not in the National Register` },
    ]),
};

export interface DolsisRequest {
  ssin: string;
  scope: Scope;
  /** Required for activeInPeriod and mutations; ignored for active. */
  period: SearchPeriod | null;
}

function validated(ssin: string, scope: unknown, period: SearchPeriod | null): DolsisRequest {
  if (typeof scope !== 'string' || !(SCOPES as readonly string[]).includes(scope))
    throw new RequestError(`scope must be one of ${SCOPES.join(', ')}, got ${JSON.stringify(scope ?? null)}`, 'scope');
  if (scope !== 'active' && period === null)
    throw new RequestError(`scope ${scope} needs a period (beginDate, endDate)`, 'period');
  return { ssin, scope: scope as Scope, period: scope === 'active' ? null : period };
}

/**
 * Reads `criteria(ssin, scope, period?)` after `legalContext`. The real request carries
 * `securityContext(service, legalContext, role)`; an optional `securityContext` element is accepted and ignored.
 */
export function fromXml(op: Element): DolsisRequest {
  const path = DOLSIS_V1.request;
  const found = readOperation(op, [{ name: 'securityContext', min: 0 }, { name: 'criteria' }], path);
  const criteria = found.get('criteria')?.[0] as Element;
  const c = readChildren(
    criteria,
    [{ name: 'ssin' }, { name: 'scope' }, { name: 'period', min: 0 }],
    `${path}/criteria`,
  );
  return validated(
    checkSsin(text(c.get('ssin')?.[0]), 'ssin'),
    text(c.get('scope')?.[0]),
    readPeriodElement(c.get('period')?.[0], `${path}/criteria/period`),
  );
}

/** The JSON face: `{ legalContext, ssin, scope, period?: { beginDate, endDate } }`. */
export function fromJson(body: Record<string, unknown>): DolsisRequest {
  if (body.ssin === undefined) throw new RequestError('ssin (11 digits) is required', 'ssin');
  return validated(checkSsin(body.ssin, 'ssin'), body.scope, readPeriodJson(body.period));
}

const find = defineOperation<DolsisRequest, EmploymentView[]>({
  name: 'findEmployersByWorker',
  description:
    'The employments of a worker declared to the RSZ (DIMONA): employer (KBO, name), occupation period, joint committee, worker type; scope active (today), activeInPeriod or mutations (Dimona in/out in the period).',
  integration: true,
  jsonSchema: {
    type: 'object',
    required: ['ssin', 'scope'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$', description: 'INSZ of the worker' },
      scope: { enum: [...SCOPES] },
      period: {
        type: 'object',
        required: ['beginDate', 'endDate'],
        description: 'required for activeInPeriod and mutations',
        properties: { beginDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
    },
  },
  fromJson,
  fromXml,
  subject: (r) =>
    r.period ? { insz: r.ssin, period: { from: r.period.beginDate, to: r.period.endDate } } : { insz: r.ssin },
  handle(ctx, r) {
    const person = indexOf(ctx.world).persons.get(r.ssin);
    if (!person) throw new Error(`person ${r.ssin} passed the access checks but is not in the world`);
    const period = r.period ? { from: r.period.beginDate, to: r.period.endDate } : null;
    const list = employmentsView(person, r.scope, period, ctx.today);
    if (list.length === 0)
      return {
        status: DOLS.noMatch(
          `${r.scope}${r.period ? ` ${r.period.beginDate} … ${r.period.endDate}` : ''} on ${ctx.today}`,
        ),
      };
    if (person.kind === 'bis') return { status: DOLS.noNationalRegister(r.ssin), data: list };
    return { status: OK(), data: list };
  },
  toXml: (answer) => (answer.data ? { after: employmentsXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { employments: answer.data } : {}),
});

export default defineFlow({
  id: 'dolsis',
  names: {
    nl: 'Tewerkstelling RSZ (Dolsis, DIMONA)',
    fr: 'Occupation ONSS (Dolsis, DIMONA)',
    en: 'Employment with the RSZ (Dolsis, DIMONA)',
  },
  institution: 'RSZ / ONSS (via KSZ)',
  fidelity: 'partial',
  basis:
    'Sourced: Dolsis ("accès direct aux données de l\'ONSS"), operation findEmployersByWorker, legal context SOCIAL_INVESTIGATION_OF_PCSA, criteria(ssin, scope active | activeInPeriod | mutations, period required for the last two), result/employment[], status codes DOLS0000/0004/0005/0009 and the Dimona actions in/out/modification/cancel, from public CPAS client code; the DIMONA fields of the older L950 reply (employer, occupation period, joint committee, kind of worker, Dimona number, last action) (ksz-flows.md §12.1). Modelled: namespace and element names (the WSDL is not public), legalContext in the CommonV3 place instead of the real securityContext, DOLS0000 for no employment and DOLS0004 for BIS numbers (inferred from the client\'s descriptions), ends shown only once passed, and the role matrix (simulated: social worker only).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker'],
  soa: {
    service: 'DolsisService',
    version: 1,
    wsdl: 'DolsisV1',
    operations: { findEmployersByWorker: DOLSIS_V1 },
  },
  operations: [find],
  docs: 'mock-server/flows/dolsis/README.md',
});
