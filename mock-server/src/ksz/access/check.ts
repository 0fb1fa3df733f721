import { indexOf } from '../../../../scenarios/engine/as-of.ts';
import { covers } from '../../../../scenarios/engine/dates.ts';
import { validateInsz } from '../../../../scenarios/engine/ids/insz.ts';
import type { IsoDate, Organisation, Person, User } from '../../../../scenarios/engine/model.ts';
import type { Registration } from '../../store/types.ts';
import type { FlowDef, OperationDef, Status, Subject } from '../flows/define.ts';
import { kszStatus } from '../flows/status.ts';
import type { Tenant } from '../tenants/types.ts';
import { type Caller, identify } from './identity.ts';

export type AccessStep =
  | 'credentials'
  | 'organisation'
  | 'role'
  | 'legal-context'
  | 'insz-structure'
  | 'insz-known'
  | 'integration'
  | 'deceased';

/** The order of the checks: a design choice of the mock, documented in docs/access-rules.md. */
export const CHECK_ORDER: readonly AccessStep[] = [
  'credentials',
  'organisation',
  'role',
  'legal-context',
  'insz-structure',
  'insz-known',
  'integration',
  'deceased',
];

export interface Granted {
  ok: true;
  user: User;
  organisation: Organisation;
  person: Person | null;
  registration: Registration | null;
  asOf: IsoDate;
}

export interface Refused {
  ok: false;
  step: AccessStep;
  status: Status;
  reason: string;
  user?: User;
  organisation?: Organisation;
}

export interface AccessInput {
  tenant: Tenant;
  flow: FlowDef;
  operation: OperationDef<never, never>;
  caller: Caller;
  /** Legal context the request states (new-style SOAP, JSON); null for SSDN, which has none. */
  legalContext: string | null;
  subject: Subject;
  registrations: (organisation: string, insz: string) => Registration[];
  /** Flows whose answer is the person's identity answer for a deceased person instead of refusing. */
  answersDeceased?: boolean;
}

const refuse = (
  step: AccessStep,
  code: string,
  reason: string,
  info?: { fieldName: string; fieldValue: string }[],
  who?: { user?: User; organisation?: Organisation },
): Refused => ({
  ok: false,
  step,
  status: kszStatus(code, info),
  reason,
  ...(who?.user ? { user: who.user } : {}),
  ...(who?.organisation ? { organisation: who.organisation } : {}),
});

/**
 * Every consultation passes these checks before any data is looked up, in the order of {@link CHECK_ORDER}.
 * The first failing check answers: MSG00013 (credentials, organisation, role, legal context), MSG00011 (INSZ
 * structure), MSG00005/6/7 (unknown, replaced, cancelled), MSG00012 (no integration covering the date or period),
 * MSG00009 (deceased, for flows that do not answer about the dead).
 *
 * @example
 * const r = checkAccess({ tenant, flow, operation, caller, legalContext: 'PCSA:SOCIAL_INQUIRY', subject, registrations });
 * if (!r.ok) return r.status; // e.g. MSG00012
 */
export function checkAccess(input: AccessInput): Granted | Refused {
  const { tenant, flow, operation, subject } = input;
  const id = identify(tenant.world, input.caller);
  if (!id.ok) return refuse(id.step, 'MSG00013', id.reason, undefined, id.user ? { user: id.user } : undefined);
  const who = { user: id.user, organisation: id.organisation };
  if (!flow.roles.includes(id.user.role))
    return refuse('role', 'MSG00013', `role ${id.user.role} may not use flow ${flow.id}`, undefined, who);
  if (flow.legalContexts.length > 0 && input.legalContext !== null && !flow.legalContexts.includes(input.legalContext))
    return refuse(
      'legal-context',
      'MSG00013',
      `legal context "${input.legalContext}" is not allowed for ${flow.id} (allowed: ${flow.legalContexts.join(', ')})`,
      undefined,
      who,
    );
  const asOf = subject.date ?? tenant.today();
  if (subject.insz === null) return { ok: true, ...who, person: null, registration: null, asOf };

  const insz = subject.insz;
  const structure = validateInsz(insz);
  if (!structure.valid)
    return refuse('insz-structure', 'MSG00011', structure.reason, [{ fieldName: 'ssin', fieldValue: insz }], who);
  const person = indexOf(tenant.world).persons.get(insz);
  if (!person)
    return refuse(
      'insz-known',
      'MSG00005',
      `INSZ ${insz} is not known`,
      [{ fieldName: 'ssin', fieldValue: insz }],
      who,
    );
  if (person.replacedBy && person.replacedBy.date <= asOf)
    return refuse(
      'insz-known',
      'MSG00006',
      `INSZ ${insz} was replaced by ${person.replacedBy.insz}`,
      [{ fieldName: 'newSSIN', fieldValue: person.replacedBy.insz }],
      who,
    );
  if (person.cancelled && person.cancelled.date <= asOf)
    return refuse(
      'insz-known',
      'MSG00007',
      `INSZ ${insz} was cancelled on ${person.cancelled.date}`,
      [{ fieldName: 'ssin', fieldValue: insz }],
      who,
    );

  let registration: Registration | null = null;
  if (operation.integration) {
    const wanted = subject.period ?? { from: asOf, to: asOf };
    const candidates = input
      .registrations(id.organisation.kbo, insz)
      .filter(
        (r) =>
          (!flow.qualityCodes || flow.qualityCodes.includes(r.qualityCode)) &&
          covers(r, wanted.from) &&
          covers(r, wanted.to),
      );
    registration = candidates[candidates.length - 1] ?? null;
    if (!registration)
      return refuse(
        'integration',
        'MSG00012',
        `INSZ ${insz} is not integrated for ${id.organisation.kbo}${flow.qualityCodes ? ` with quality code ${flow.qualityCodes.join('/')}` : ''} on ${wanted.from === wanted.to ? wanted.from : `${wanted.from} … ${wanted.to}`}`,
        [
          { fieldName: 'details', fieldValue: 'no integration covering the requested date or period' },
          { fieldName: 'ssin', fieldValue: insz },
          { fieldName: 'cbeNumber', fieldValue: id.organisation.kbo },
        ],
        who,
      );
  }
  if (person.deathDate && person.deathDate < asOf && !input.answersDeceased)
    return refuse(
      'deceased',
      'MSG00009',
      `the person died on ${person.deathDate}`,
      [{ fieldName: 'deceiseDate', fieldValue: person.deathDate }],
      who,
    );
  return { ok: true, ...who, person, registration, asOf };
}
