import type { Role } from '../../../../scenarios/engine/model.ts';
import type { FlowDef } from '../flows/define.ts';
import { SOA_STATUS_CODES } from '../soa/status-codes.ts';
import type { FlowExample } from './examples.ts';

/**
 * The catalogue of acceptance cases a vendor's client is scored against: every flow × operation × each status the
 * operation can answer (its examples' codes, and the access checks that apply to it) × each fault kind of the flow,
 * with what a well-behaved client is expected to do. Data, computed from the flow catalogue and the flows' examples,
 * so a new flow or example brings its cases with it.
 */

export type CaseKind =
  /** Data found. */
  | 'ok'
  /** Treated, nothing found: an answer, not an error. */
  | 'no-data'
  /** A status of the service itself (UD000033, MEDP0001, an SSDN information code …). */
  | 'service-status'
  /** The KSZ refuses because of the person asked about (unknown, replaced, cancelled, deceased, bad INSZ). */
  | 'refusal'
  /** The request could not be read (MSG00008). */
  | 'invalid'
  /** The KSZ refuses because the client broke an access rule: each occurrence is a violation. */
  | 'rule'
  /** An injected fault: unavailable, internal error, dropped connection. */
  | 'fault';

/** Rules whose breach the report lists (see `report.ts`). */
export type ViolationKind = 'not-integrated' | 'outside-role' | 'wrong-legal-context' | 'identity' | 'retry-storm';

export interface AcceptanceCase {
  /** `<flow>/<operation>/<code>[-variant]`, or `<flow>/fault/<code>` for faults (any operation of the flow). */
  id: string;
  flow: string;
  /** null for fault cases. */
  operation: string | null;
  /** Status code as journaled (MSG00000, UD000033 …; `DROPPED` for a dropped connection). */
  code: string;
  /** Which MSG00013 refusal. */
  variant?: 'role' | 'legal-context';
  kind: CaseKind;
  title: string;
  /** What a well-behaved client does in this case. */
  expected: string;
  /** Reaching this case means the client broke this rule. */
  violation?: ViolationKind;
  /** Examples (fixture folders `fixtures/<flow>/<example>/`) that show the case. */
  examples: string[];
}

export const ALL_ROLES: readonly Role[] = ['social-worker', 'financial-manager', 'secretary', 'security-adviser'];

/** Codes a fault rule can produce, per fault kind of the admin API. */
export const FAULT_CODES: readonly { code: string; fault: string; title: string; expected: string }[] = [
  {
    code: 'MSG00001',
    fault: 'unavailable (MSG00001)',
    title: 'The KSZ service is temporarily unavailable',
    expected:
      'Retry the same request later with back-off (first retry after at least 5 s, doubling, at most 3 retries); tell the user the service is unavailable and keep what they entered. Never retry at once in a loop.',
  },
  {
    code: 'MSG00002',
    fault: 'unavailable (MSG00002)',
    title: 'The supplier behind the KSZ could not be reached',
    expected:
      'As MSG00001: retry with back-off (at least 5 s, doubling, at most 3 retries), then tell the user which source is unavailable.',
  },
  {
    code: 'MSG00003',
    fault: 'internal-error',
    title: 'Internal error: SOAP fault (soapenv:Server, HTTP 500; JSON face: HTTP 500)',
    expected:
      'Read the SOAP fault (do not crash on HTTP 500), show a technical error with the KSZ ticket (ticketCBSS / Ticket) so it can be reported; do not retry in a loop.',
  },
  {
    code: 'DROPPED',
    fault: 'drop',
    title: 'The connection is closed without an answer',
    expected:
      'Time out and report a network error; a consultation may be retried once, with back-off, since the KSZ may have journaled it; never hang.',
  },
];

/** Guidance for the central codes; service-specific codes get the generic text below. */
const GUIDANCE: Readonly<Record<string, { kind: CaseKind; expected: string; violation?: ViolationKind }>> = {
  MSG00000: {
    kind: 'ok',
    expected:
      'Register the person (ManageAccess REGISTER) before consulting a flow that needs it, send the legal context of the flow, show the data with its as-of date, keep the KSZ ticket with the file.',
  },
  MSG00100: {
    kind: 'no-data',
    expected: 'Show "no data at the source" as an answer, not as an error; do not retry.',
  },
  MSG00005: {
    kind: 'refusal',
    expected: 'Tell the user the INSZ is unknown and let them check it (IdentifyPerson); do not retry unchanged.',
  },
  MSG00006: {
    kind: 'refusal',
    expected:
      'Read the new INSZ from the status information (newSSIN), update the file and consult again with the new number.',
  },
  MSG00007: {
    kind: 'refusal',
    expected:
      'Tell the user the INSZ was cancelled; look the person up again (IdentifyPerson); do not retry unchanged.',
  },
  MSG00008: {
    kind: 'invalid',
    expected:
      'A client bug or unchecked input: validate dates, formats and codes before sending; show the field named in the status information; never retry unchanged.',
  },
  MSG00009: {
    kind: 'refusal',
    expected: 'Show that the person died (date in the status information, deceiseDate); do not retry.',
  },
  MSG00011: {
    kind: 'refusal',
    expected:
      'Check the INSZ check digits (incl. born ≥ 2000 and BIS numbers) before sending; ask the user to correct it.',
  },
  MSG00012: {
    kind: 'rule',
    violation: 'not-integrated',
    expected:
      'Never consult before the person is registered for a period covering the date asked: send ManageAccess REGISTER first with the right quality code.',
  },
  MSG00021: {
    kind: 'refusal',
    expected: 'Show the refusal to the user; do not retry unchanged.',
  },
};

const SERVICE_STATUS =
  "Show the service's status (code and description) to the user as the answer: it is not a technical error; do not retry unchanged.";

function centralTitle(code: string): string | undefined {
  return SOA_STATUS_CODES.find((r) => r.code === code)?.description;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The acceptance cases of the given flows, sorted by id.
 *
 * @example
 * const cases = buildCases(flows, loadExamples(flows));
 * cases.find((c) => c.id === 'health-insurance/getInsuranceOrganizationInformations/MSG00012')?.violation; // 'not-integrated'
 */
export function buildCases(flows: readonly FlowDef[], examples: readonly FlowExample[]): AcceptanceCase[] {
  const out: AcceptanceCase[] = [];
  for (const flow of flows) {
    for (const op of flow.operations) {
      const mine = examples.filter((e) => e.flow === flow.id && e.operation === op.name);
      const codes = new Set<string>(['MSG00000', ...mine.map((e) => e.expect.code)]);
      if (op.integration) codes.add('MSG00012');
      codes.delete('MSG00013');
      for (const f of FAULT_CODES) codes.delete(f.code);
      const base = { flow: flow.id, operation: op.name };
      for (const code of [...codes].sort(byString)) {
        const g = GUIDANCE[code];
        const shown = mine.filter((e) => e.expect.code === code).map((e) => e.name);
        const title =
          centralTitle(code) ?? mine.find((e) => e.expect.code === code)?.description ?? `Service status ${code}`;
        out.push({
          id: `${flow.id}/${op.name}/${code}`,
          ...base,
          code,
          kind: g?.kind ?? 'service-status',
          title,
          expected: g?.expected ?? SERVICE_STATUS,
          ...(g?.violation ? { violation: g.violation } : {}),
          examples: shown,
        });
      }
      const refusedBy = (pred: (e: FlowExample) => boolean) =>
        mine.filter((e) => e.expect.code === 'MSG00013' && pred(e)).map((e) => e.name);
      if (ALL_ROLES.some((r) => !flow.roles.includes(r)))
        out.push({
          id: `${flow.id}/${op.name}/MSG00013-role`,
          ...base,
          code: 'MSG00013',
          variant: 'role',
          kind: 'rule',
          title: `A user whose role may not use ${flow.id} (allowed: ${flow.roles.join(', ')})`,
          expected: `Do not offer ${flow.id} to users of another role: the client checks the role before sending.`,
          violation: 'outside-role',
          examples: refusedBy((e) => 'role' in e.user && !flow.roles.includes(e.user.role)),
        });
      if (flow.legalContexts.length > 0)
        out.push({
          id: `${flow.id}/${op.name}/MSG00013-legal-context`,
          ...base,
          code: 'MSG00013',
          variant: 'legal-context',
          kind: 'rule',
          title: `A legal context ${flow.id} does not accept (accepted: ${flow.legalContexts.join(', ')})`,
          expected: `Send the legal context of the flow (${flow.legalContexts.join(', ')}), never another flow's or a free text.`,
          violation: 'wrong-legal-context',
          examples: refusedBy(
            (e) =>
              !('role' in e.user && !flow.roles.includes(e.user.role)) &&
              typeof e.json?.legalContext === 'string' &&
              !flow.legalContexts.includes(e.json.legalContext),
          ),
        });
    }
    for (const f of FAULT_CODES)
      out.push({
        id: `${flow.id}/fault/${f.code}`,
        flow: flow.id,
        operation: null,
        code: f.code,
        kind: 'fault',
        title: `${f.title} (fault rule: ${f.fault})`,
        expected: f.expected,
        examples: [],
      });
  }
  return out.sort((a, b) => byString(a.id, b.id));
}
