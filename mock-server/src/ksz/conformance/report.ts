import type { Face, JournalEntry } from '../../store/types.ts';
import type { FlowDef } from '../flows/define.ts';
import type { AcceptanceCase, CaseKind, ViolationKind } from './cases.ts';

/**
 * The conformance report of a tenant: a pure function of its journal rows and the catalogue of acceptance cases
 * (no clock but the journal's own times), so the same journal always gives the same report.
 *
 * - **exercised**: each journal row is classified into a case `<flow>/<operation>/<status code>` (MSG00013 split into
 *   `-role` and `-legal-context`, faults into `<flow>/fault/<code>`);
 * - **invalid requests**: rows the KSZ could not read (`INVALID_REQUEST`: unreadable SSDN envelope) or refused as
 *   invalid data (`MSG00008`);
 * - **violations**: consultation without integration (MSG00012), a flow outside the user's role (MSG00013, role not in
 *   the flow's roles), a wrong legal context (MSG00013, legal context not among the flow's), credentials or
 *   organisation refused (MSG00013, identity), and retry storms: the same request (same user, flow, operation, INSZ
 *   and legal context) sent again less than {@link RETRY_STORM_SECONDS} seconds after an MSG00001/MSG00002 answer;
 * - **coverage**: exercised cases / cases of the flows the client used (and of the whole catalogue).
 */

/** A retry of the same request sooner than this after MSG00001/MSG00002 is part of a retry storm. */
export const RETRY_STORM_SECONDS = 5;
export const RETRY_CODES: readonly string[] = ['MSG00001', 'MSG00002'];
export const FAULT_OUTCOMES: readonly string[] = ['MSG00001', 'MSG00002', 'MSG00003', 'DROPPED'];

/** What the report needs of a flow: its operations, roles and legal contexts. */
export type FlowRules = Pick<FlowDef, 'id' | 'roles' | 'legalContexts'> & { operations: { name: string }[] };

export interface ExercisedCase {
  id: string;
  flow: string;
  operation: string | null;
  code: string;
  kind: CaseKind;
  title: string;
  expected: string;
  count: number;
  /** Journal row ids. */
  rows: number[];
  faces: Face[];
}

export interface InvalidRequest {
  row: number;
  at: string;
  flow: string;
  operation: string;
  face: Face;
  outcome: string;
  user: string | null;
  insz: string | null;
  /** The first line of what was journaled: for an unreadable envelope, why it could not be read. */
  detail: string;
}

export interface Violation {
  kind: ViolationKind;
  rule: string;
  /** Journal row ids: the offending request; for a retry storm, the failed request and its early retries. */
  rows: number[];
  at: string;
  user: string | null;
  role: string | null;
  flow: string;
  operation: string;
  insz: string | null;
  legalContext: string | null;
  detail: string;
}

export interface FlowCoverage {
  flow: string;
  requests: number;
  cases: number;
  exercised: number;
  score: number;
  /** Ids of the flow's cases nobody exercised. */
  missing: string[];
}

export interface ConformanceReport {
  synthetic: true;
  tenant: string;
  rules: { retryStormSeconds: number; sameRequest: string; retryCodes: readonly string[] };
  journal: { rows: number; firstId: number | null; lastId: number | null; from: string | null; to: string | null };
  summary: {
    requests: number;
    flowsUsed: number;
    casesExercised: number;
    invalidRequests: number;
    violations: Record<ViolationKind, number>;
    /** Coverage of the flows used, 0 … 1. */
    score: number;
  };
  coverage: {
    /** Over the flows the client used. */
    cases: number;
    exercised: number;
    score: number;
    /** Over the whole catalogue. */
    all: { cases: number; exercised: number; score: number };
    flows: FlowCoverage[];
  };
  exercised: ExercisedCase[];
  invalidRequests: InvalidRequest[];
  violations: Violation[];
  /** Rows whose outcome is in no case of the catalogue (an unknown flow, or a status no example shows). */
  unclassified: { row: number; flow: string; operation: string; outcome: string }[];
}

const VIOLATION_RULES: Record<ViolationKind, string> = {
  'not-integrated': 'Consultation of a person the organisation has not registered (MSG00012): register first.',
  'outside-role': "A flow outside the user's role (MSG00013): the client must not offer it to that role.",
  'wrong-legal-context': "A legal context the flow does not accept (MSG00013): send the flow's own legal context.",
  identity: 'Credentials or organisation refused (MSG00013): user, password, cbeNumber/OrgUnit must match.',
  'retry-storm': `The same request retried less than ${RETRY_STORM_SECONDS} s after MSG00001/MSG00002: back off.`,
};

export const VIOLATION_KINDS = Object.keys(VIOLATION_RULES) as ViolationKind[];

const score = (exercised: number, cases: number) => (cases === 0 ? 0 : Math.round((exercised / cases) * 1000) / 1000);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const who = (r: JournalEntry) => r.username ?? r.userId;

/** The case a journal row belongs to (its id), and the violation it is, if any. */
export function classify(
  row: JournalEntry,
  flow: FlowRules | undefined,
): { caseId: string | null; violation: ViolationKind | null } {
  if (!flow) return { caseId: null, violation: row.outcome === 'MSG00013' && row.role === null ? 'identity' : null };
  if (FAULT_OUTCOMES.includes(row.outcome)) return { caseId: `${flow.id}/fault/${row.outcome}`, violation: null };
  if (row.outcome === 'MSG00013') {
    if (row.role === null) return { caseId: null, violation: 'identity' };
    if (!(flow.roles as string[]).includes(row.role))
      return { caseId: `${flow.id}/${row.operation}/MSG00013-role`, violation: 'outside-role' };
    if (row.legalContext !== null && flow.legalContexts.length > 0 && !flow.legalContexts.includes(row.legalContext))
      return { caseId: `${flow.id}/${row.operation}/MSG00013-legal-context`, violation: 'wrong-legal-context' };
    return { caseId: null, violation: 'identity' };
  }
  if (row.outcome === 'INVALID_REQUEST') return { caseId: null, violation: null };
  return {
    caseId: `${flow.id}/${row.operation}/${row.outcome}`,
    violation: row.outcome === 'MSG00012' ? 'not-integrated' : null,
  };
}

function violationOf(kind: ViolationKind, rows: JournalEntry[], detail: string): Violation {
  const r = rows[0] as JournalEntry;
  return {
    kind,
    rule: VIOLATION_RULES[kind],
    rows: rows.map((x) => x.id),
    at: r.at,
    user: who(r),
    role: r.role,
    flow: r.flow,
    operation: r.operation,
    insz: r.insz,
    legalContext: r.legalContext,
    detail,
  };
}

/** Early retries after MSG00001/MSG00002, grouped per failed request (see {@link RETRY_STORM_SECONDS}). */
function retryStorms(rows: readonly JournalEntry[]): Violation[] {
  const key = (r: JournalEntry) => JSON.stringify([who(r), r.flow, r.operation, r.insz, r.legalContext]);
  const open = new Map<string, { failed: JournalEntry; rows: JournalEntry[]; storm: Violation | null }>();
  const storms: Violation[] = [];
  for (const r of rows) {
    const k = key(r);
    const chain = open.get(k);
    if (chain) {
      const gap = (Date.parse(r.at) - Date.parse(chain.failed.at)) / 1000;
      if (gap < RETRY_STORM_SECONDS) {
        chain.rows.push(r);
        const retries = chain.rows.length - 1;
        const detail = `${retries} ${retries === 1 ? 'retry' : 'retries'} less than ${RETRY_STORM_SECONDS} s after ${chain.rows[0]?.outcome} (first at ${chain.rows[0]?.at}, last at ${r.at})`;
        if (chain.storm) {
          chain.storm.rows = chain.rows.map((x) => x.id);
          chain.storm.detail = detail;
        } else {
          chain.storm = violationOf('retry-storm', chain.rows, detail);
          storms.push(chain.storm);
        }
      } else {
        chain.rows = [r];
        chain.storm = null;
      }
      if (RETRY_CODES.includes(r.outcome)) chain.failed = r;
      else open.delete(k);
    } else if (RETRY_CODES.includes(r.outcome)) {
      open.set(k, { failed: r, rows: [r], storm: null });
    }
  }
  return storms;
}

/**
 * The report of a tenant's journal against the acceptance cases.
 *
 * @example
 * const report = conformanceReport({ tenant: 'vendor-a', rows: store.journal.query('vendor-a'), cases, flows });
 * report.violations.filter((v) => v.kind === 'not-integrated').length;
 */
export function conformanceReport(input: {
  tenant: string;
  rows: readonly JournalEntry[];
  cases: readonly AcceptanceCase[];
  flows: readonly FlowRules[];
}): ConformanceReport {
  const rows = [...input.rows].sort((a, b) => a.id - b.id);
  const flows = new Map(input.flows.map((f) => [f.id, f]));
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const hits = new Map<string, JournalEntry[]>();
  const invalidRequests: InvalidRequest[] = [];
  const violations: Violation[] = [];
  const unclassified: ConformanceReport['unclassified'] = [];
  const requestsPerFlow = new Map<string, number>();

  for (const row of rows) {
    const flow = flows.get(row.flow);
    if (flow) requestsPerFlow.set(flow.id, (requestsPerFlow.get(flow.id) ?? 0) + 1);
    if (row.outcome === 'INVALID_REQUEST' || row.outcome === 'MSG00008')
      invalidRequests.push({
        row: row.id,
        at: row.at,
        flow: row.flow,
        operation: row.operation,
        face: row.face,
        outcome: row.outcome,
        user: who(row),
        insz: row.insz,
        detail:
          row.outcome === 'INVALID_REQUEST'
            ? (row.request.split('\n')[0] ?? '').slice(0, 300)
            : 'MSG00008: invalid data in the request',
      });
    const { caseId, violation } = classify(row, flow);
    if (violation) {
      const detail =
        violation === 'not-integrated'
          ? `INSZ ${row.insz ?? '?'} not integrated for ${row.organisation ?? '?'} on ${row.asOf}`
          : violation === 'outside-role'
            ? `role ${row.role} may not use ${row.flow} (allowed: ${flow?.roles.join(', ')})`
            : violation === 'wrong-legal-context'
              ? `legal context "${row.legalContext}" (accepted: ${flow?.legalContexts.join(', ')})`
              : `user ${who(row) ?? '?'} / organisation ${row.organisation ?? '?'} refused`;
      violations.push(violationOf(violation, [row], detail));
    }
    if (caseId && cases.has(caseId)) {
      const list = hits.get(caseId) ?? [];
      list.push(row);
      hits.set(caseId, list);
    } else if (row.outcome !== 'INVALID_REQUEST' && !(violation === 'identity' && caseId === null)) {
      unclassified.push({ row: row.id, flow: row.flow, operation: row.operation, outcome: row.outcome });
    }
  }
  violations.push(...retryStorms(rows));
  violations.sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0) || byString(a.kind, b.kind));

  const exercised: ExercisedCase[] = [...hits.entries()]
    .map(([id, list]) => {
      const c = cases.get(id) as AcceptanceCase;
      return {
        id,
        flow: c.flow,
        operation: c.operation,
        code: c.code,
        kind: c.kind,
        title: c.title,
        expected: c.expected,
        count: list.length,
        rows: list.map((r) => r.id),
        faces: [...new Set(list.map((r) => r.face))].sort(byString),
      };
    })
    .sort((a, b) => byString(a.id, b.id));

  const used = [...requestsPerFlow.keys()].sort(byString);
  const flowCoverage: FlowCoverage[] = used.map((flow) => {
    const mine = input.cases.filter((c) => c.flow === flow);
    const done = mine.filter((c) => hits.has(c.id));
    return {
      flow,
      requests: requestsPerFlow.get(flow) ?? 0,
      cases: mine.length,
      exercised: done.length,
      score: score(done.length, mine.length),
      missing: mine.filter((c) => !hits.has(c.id)).map((c) => c.id),
    };
  });
  const usedCases = flowCoverage.reduce((n, f) => n + f.cases, 0);
  const usedExercised = flowCoverage.reduce((n, f) => n + f.exercised, 0);
  const counts = Object.fromEntries(
    VIOLATION_KINDS.map((k) => [k, violations.filter((v) => v.kind === k).length]),
  ) as Record<ViolationKind, number>;
  return {
    synthetic: true,
    tenant: input.tenant,
    rules: {
      retryStormSeconds: RETRY_STORM_SECONDS,
      sameRequest: 'same user, flow, operation, INSZ and legal context',
      retryCodes: RETRY_CODES,
    },
    journal: {
      rows: rows.length,
      firstId: rows[0]?.id ?? null,
      lastId: rows.at(-1)?.id ?? null,
      from: rows[0]?.at ?? null,
      to: rows.at(-1)?.at ?? null,
    },
    summary: {
      requests: rows.length,
      flowsUsed: used.length,
      casesExercised: exercised.length,
      invalidRequests: invalidRequests.length,
      violations: counts,
      score: score(usedExercised, usedCases),
    },
    coverage: {
      cases: usedCases,
      exercised: usedExercised,
      score: score(usedExercised, usedCases),
      all: {
        cases: input.cases.length,
        exercised: exercised.length,
        score: score(exercised.length, input.cases.length),
      },
      flows: flowCoverage,
    },
    exercised,
    invalidRequests,
    violations,
    unclassified,
  };
}
