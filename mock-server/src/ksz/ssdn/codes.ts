/** SSDN ResultSummary `ReturnCode` values (SSDN/Common ResultSummary.xsd documentation). */
export const SSDN_RETURN_CODE = { OK: 0, WARNING: 1, ERROR: 10000 } as const;
export type SsdnReturnCode = (typeof SSDN_RETURN_CODE)[keyof typeof SSDN_RETURN_CODE];

/** `Severity` of an SSDN Detail. */
export type SsdnSeverity = 'INFORMATION' | 'WARNING' | 'ERROR';

/**
 * Where a code comes from: `observed` in recorded real replies, `schema` from XSD documentation,
 * `simulated` = invented by this mock where no public source gives the real code (so trainers can say so).
 */
export type CodeBasis = 'observed' | 'schema' | 'simulated';

export interface SsdnCodeRow {
  /** `ReturnCode` (return) or `ReasonCode` of a Detail (reason). */
  kind: 'return' | 'reason';
  code: string;
  severity: SsdnSeverity;
  /** `envelope` = ReplyContext ResultSummary; `service` = a ServiceReply ResultSummary. */
  level: 'envelope' | 'service' | 'both';
  /** The Diagnostic text to emit (exact wording of the real replies where observed). */
  diagnostic: string;
  /** Short meaning for the documentation. */
  meaning: string;
  basis: CodeBasis;
  source: string;
}

/**
 * The SSDN return and reason codes the mock uses, with their meaning: data, so the flow documentation can print
 * it (see {@link ssdnCodesMarkdown}). The first digit of a reason code gives the severity (1 information,
 * 2 warning, 3 error), a pattern of the observed codes that the simulated ones follow; simulated codes use the
 * otherwise unseen `3999xxxx` range so they cannot be mistaken for real ones.
 */
export const SSDN_CODES: readonly SsdnCodeRow[] = [
  {
    kind: 'return',
    code: '0',
    severity: 'INFORMATION',
    level: 'both',
    diagnostic: '',
    meaning: 'OK (ResultSummary ok="YES")',
    basis: 'schema',
    source: 'SSDN/Common/ResultSummary.xsd',
  },
  {
    kind: 'return',
    code: '1',
    severity: 'WARNING',
    level: 'both',
    diagnostic: '',
    meaning: 'Warning: read the Details (ResultSummary ok="WARNING")',
    basis: 'schema',
    source: 'SSDN/Common/ResultSummary.xsd',
  },
  {
    kind: 'return',
    code: '10000',
    severity: 'ERROR',
    level: 'both',
    diagnostic: '',
    meaning: 'Error (ResultSummary ok="NO")',
    basis: 'schema',
    source: 'SSDN/Common/ResultSummary.xsd',
  },
  {
    kind: 'reason',
    code: '30000001',
    severity: 'ERROR',
    level: 'envelope',
    diagnostic: 'At least one service request has generated an error.',
    meaning: 'Some ServiceReply has ReturnCode 10000',
    basis: 'observed',
    source: 'demo_ipr_2.xml, demo_ipr_5.xml',
  },
  {
    kind: 'reason',
    code: '20000001',
    severity: 'WARNING',
    level: 'envelope',
    diagnostic: 'At least one service request has generated a warning.',
    meaning: 'Some ServiceReply has ReturnCode 1 and none has 10000',
    basis: 'observed',
    source: 'demo_ipr_4.xml',
  },
  {
    kind: 'reason',
    code: '31000007',
    severity: 'ERROR',
    level: 'service',
    diagnostic: 'The expected mandatory argument is not provided or empty.',
    meaning: 'A mandatory field of the service request is missing or empty (Information names it)',
    basis: 'observed',
    source: 'demo_ipr_5.xml',
  },
  {
    kind: 'reason',
    code: '31009001',
    severity: 'ERROR',
    level: 'service',
    diagnostic:
      'When the birth date in the phonetic criteria is not a complete date, a birth date tolerance must be specified.',
    meaning: 'IdentifyPerson: incomplete phonetic birth date without tolerance',
    basis: 'observed',
    source: 'demo_ipr_2.xml',
  },
  {
    kind: 'reason',
    code: '21007001',
    severity: 'WARNING',
    level: 'service',
    diagnostic: 'Both a SSIN and Phonetic Criteria were specified. The Phonetic Criteria will be ignored.',
    meaning: 'IdentifyPerson: SSIN and phonetic criteria both given',
    basis: 'observed',
    source: 'demo_ipr_4.xml',
  },
  {
    kind: 'reason',
    code: '22007007',
    severity: 'WARNING',
    level: 'service',
    diagnostic: 'The specified PersonData does not match with the data found for this person.',
    meaning: 'IdentifyPerson: verification data do not match',
    basis: 'observed',
    source: 'demo_ipr_4.xml',
  },
  {
    kind: 'reason',
    code: '12007001',
    severity: 'INFORMATION',
    level: 'service',
    diagnostic: 'The identity of the person was successfully validated by the system.',
    meaning: 'IdentifyPerson: verification data match',
    basis: 'observed',
    source: 'ksz-flows.md §1.2 (recorded replies)',
  },
  {
    kind: 'reason',
    code: '39990001',
    severity: 'ERROR',
    level: 'envelope',
    diagnostic: 'The xmlString does not contain a well-formed XML document.',
    meaning: 'xmlString empty, not XML, not UTF-8, with a DOCTYPE, or too large',
    basis: 'simulated',
    source: 'mock: real code for this case not public',
  },
  {
    kind: 'reason',
    code: '39990002',
    severity: 'ERROR',
    level: 'envelope',
    diagnostic: 'The XML document is not a valid SSDNRequest.',
    meaning: 'Wrong root or namespace, missing/unexpected element, or invalid value in the SSDN envelope',
    basis: 'simulated',
    source: 'mock: real code for this case not public',
  },
  {
    kind: 'reason',
    code: '39990003',
    severity: 'ERROR',
    level: 'service',
    diagnostic: 'The requested service or version is not available.',
    meaning: 'Unknown ServiceId, or a Version the mock does not offer',
    basis: 'simulated',
    source: 'mock: real code for this case not public',
  },
];

/**
 * Looks a code up in {@link SSDN_CODES}; throws for an unknown code, which would be a programming error.
 *
 * @example
 * ssdnCode('30000001').diagnostic; // 'At least one service request has generated an error.'
 */
export function ssdnCode(code: string): SsdnCodeRow {
  const row = SSDN_CODES.find((r) => r.code === code);
  if (!row) throw new Error(`Unknown SSDN code ${code}`);
  return row;
}

/**
 * The table as Markdown, for the flow documentation.
 *
 * @example
 * ssdnCodesMarkdown().split('\n')[0]; // '| kind | code | severity | level | meaning | diagnostic | basis | source |'
 */
export function ssdnCodesMarkdown(rows: readonly SsdnCodeRow[] = SSDN_CODES): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const lines = [
    '| kind | code | severity | level | meaning | diagnostic | basis | source |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.kind} | ${r.code} | ${r.severity} | ${r.level} | ${cell(r.meaning)} | ${cell(r.diagnostic)} | ${r.basis} | ${cell(r.source)} |`,
    );
  }
  return lines.join('\n');
}
