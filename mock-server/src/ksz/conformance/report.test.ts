import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../store/types.ts';
import type { FlowDef } from '../flows/define.ts';
import { buildCases } from './cases.ts';
import { conformanceReport, type FlowRules, RETRY_STORM_SECONDS } from './report.ts';

const FLOW: FlowRules = {
  id: 'kbi',
  roles: ['social-worker'],
  legalContexts: ['PCSA:SOCIAL_INQUIRY'],
  operations: [{ name: 'consult' }],
};
const CASES = buildCases([{ ...FLOW, operations: [{ name: 'consult', integration: true }] } as unknown as FlowDef], []);

let id = 0;
const T0 = Date.parse('2025-06-30T08:00:00Z');
function row(seconds: number, outcome: string, over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: ++id,
    tenant: 't',
    at: new Date(T0 + seconds * 1000).toISOString(),
    asOf: '2025-06-30',
    organisation: '0251951263',
    userId: '73042655730',
    username: 'mw.gent',
    role: 'social-worker',
    flow: 'kbi',
    operation: 'consult',
    face: 'json',
    insz: '94030631248',
    legalContext: 'PCSA:SOCIAL_INQUIRY',
    registrationId: null,
    outcome,
    ok: outcome === 'MSG00000',
    latencyMs: 1,
    request: '{}',
    ...over,
  };
}
const report = (rows: JournalEntry[]) => conformanceReport({ tenant: 't', rows, cases: CASES, flows: [FLOW] });

describe('conformance report', () => {
  it('has a case per code, access rule and fault of the flow', () => {
    expect(CASES.map((c) => c.id)).toEqual([
      'kbi/consult/MSG00000',
      'kbi/consult/MSG00012',
      'kbi/consult/MSG00013-legal-context',
      'kbi/consult/MSG00013-role',
      'kbi/fault/DROPPED',
      'kbi/fault/MSG00001',
      'kbi/fault/MSG00002',
      'kbi/fault/MSG00003',
    ]);
  });

  it('groups early retries after MSG00001 into one storm, and lets a backed-off retry pass', () => {
    id = 0;
    const rows = [
      row(0, 'MSG00001'),
      row(1, 'MSG00001'),
      row(2, 'MSG00001'),
      row(3, 'MSG00001', { insz: '82060482345' }), // another person: another request
      row(20, 'MSG00000'),
      row(30, 'MSG00002'),
      row(30 + RETRY_STORM_SECONDS, 'MSG00002'), // exactly N seconds later: backed off
      row(60, 'MSG00000'),
    ];
    const r = report(rows);
    expect(r.violations.map((v) => [v.kind, v.rows])).toEqual([['retry-storm', [1, 2, 3]]]);
    expect(r.violations[0]?.detail).toMatch(/^2 retries less than 5 s after MSG00001/);
    expect(r.exercised.map((e) => [e.id, e.count])).toEqual([
      ['kbi/consult/MSG00000', 2],
      ['kbi/fault/MSG00001', 4],
      ['kbi/fault/MSG00002', 2],
    ]);
  });

  it('tells a role refusal, a legal-context refusal and a refused identity apart', () => {
    id = 0;
    const r = report([
      row(0, 'MSG00013', { role: 'secretary', username: 'sec.gent' }),
      row(1, 'MSG00013', { legalContext: 'OTHER' }),
      row(2, 'MSG00013', { role: null, username: 'nobody', userId: null }),
      row(3, 'MSG00012'),
    ]);
    expect(r.violations.map((v) => v.kind)).toEqual([
      'outside-role',
      'wrong-legal-context',
      'identity',
      'not-integrated',
    ]);
    expect(r.exercised.map((e) => e.id)).toEqual([
      'kbi/consult/MSG00012',
      'kbi/consult/MSG00013-legal-context',
      'kbi/consult/MSG00013-role',
    ]);
    expect(r.unclassified).toEqual([]);
    expect(r.coverage).toMatchObject({ cases: 8, exercised: 3, score: 0.375 });
  });

  it('lists invalid requests and outcomes outside the catalogue', () => {
    id = 0;
    const r = report([
      row(0, 'INVALID_REQUEST', { flow: 'unknown', operation: 'sendXML', face: 'ssdn', request: 'bad envelope\n<x/>' }),
      row(1, 'MSG00008'),
      row(2, 'ZZZ00001'),
    ]);
    expect(r.invalidRequests.map((i) => [i.row, i.outcome, i.detail])).toEqual([
      [1, 'INVALID_REQUEST', 'bad envelope'],
      [2, 'MSG00008', 'MSG00008: invalid data in the request'],
    ]);
    expect(r.unclassified).toEqual([
      { row: 2, flow: 'kbi', operation: 'consult', outcome: 'MSG00008' },
      { row: 3, flow: 'kbi', operation: 'consult', outcome: 'ZZZ00001' },
    ]);
  });

  it('is empty and scores 0 for an empty journal', () => {
    expect(report([])).toMatchObject({ journal: { rows: 0, from: null }, summary: { score: 0 }, exercised: [] });
  });
});
