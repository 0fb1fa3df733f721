/** `status/value` of CommonV3 StatusType. */
export type SoaStatusValue = 'DATA_FOUND' | 'NO_DATA_FOUND' | 'NO_RESULT';

export interface SoaStatusRow {
  /** The status value; `INCOMPLETE_DATA` belongs to services with their own status type; null = SOAP fault. */
  value: SoaStatusValue | 'INCOMPLETE_DATA' | null;
  code: string;
  /** Description to send (at most 256 characters, CommonV3). */
  description: string;
  /** `status` in a normal response, or `fault` (SOAP fault with a CBSS detail, severity FATAL). */
  delivery: 'status' | 'fault';
  /** Names of the `information` fields that go with the code, when known. */
  information?: readonly string[];
  source: string;
  note?: string;
}

/**
 * The central KSZ status codes of the new-style services (ksz-flows.md §13.4, after the MAGDA "KSZ Status element"
 * page and CPAS client code), as data for flows and documentation. Service-specific codes (RTIPC001, UD…, HAN…)
 * belong to the flows.
 */
export const SOA_STATUS_CODES: readonly SoaStatusRow[] = [
  {
    value: 'DATA_FOUND',
    code: 'MSG00000',
    description: 'Treatment completed successfully.',
    delivery: 'status',
    source: 'recorded Tx25 replies; MAGDA',
  },
  {
    value: 'NO_DATA_FOUND',
    code: 'MSG00100',
    description: 'Treatment successful, but no data found at the supplier.',
    delivery: 'status',
    source: 'MAGDA',
  },
  {
    value: 'INCOMPLETE_DATA',
    code: 'HAN20200',
    description: 'Treatment partially successful: some sources could not be consulted.',
    delivery: 'status',
    source: 'MAGDA',
    note: 'HandiFlux only: INCOMPLETE_DATA is not a value of CommonV3 StatusType',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00001',
    description: 'The CBSS service is temporarily unavailable.',
    delivery: 'status',
    source: 'CPAS client code',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00002',
    description: 'The supplier (external service) could not be reached.',
    delivery: 'status',
    source: 'CPAS client code',
  },
  {
    value: null,
    code: 'MSG00003',
    description: 'Unexpected internal error occurred',
    delivery: 'fault',
    source: 'recorded RetrieveTIGroups fault (FATAL, soapenv:Server)',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00005',
    description: 'The ssin given in request does not exist.',
    delivery: 'status',
    source: 'MAGDA',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00006',
    description: 'The ssin given in request is replaced.',
    delivery: 'status',
    information: ['newSSIN'],
    source: 'MAGDA',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00007',
    description: 'The ssin given in request is cancelled.',
    delivery: 'status',
    source: 'CPAS client code',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00008',
    description: 'A validation error occurred.',
    delivery: 'status',
    information: ['ssin'],
    source: 'recorded Tx25 replies; MAGDA',
    note: 'information names the invalid field(s); per service',
  },
  {
    value: 'NO_DATA_FOUND',
    code: 'MSG00009',
    description: 'The person is deceased.',
    delivery: 'status',
    information: ['deceiseDate'],
    source: 'MAGDA',
    note: 'field name spelt deceiseDate [sic] in the source',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00011',
    description: 'The structure of the ssin given in request is invalid.',
    delivery: 'status',
    source: 'MAGDA',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00012',
    description: 'The SSIN is not sufficiently integrated for your organization.',
    delivery: 'status',
    information: ['details', 'ssin', 'cbeNumber'],
    source: 'MAGDA; CPAS client code',
  },
  {
    value: 'NO_RESULT',
    code: 'MSG00013',
    description: 'Access to this operation is not allowed with the given legalcontext and credentials.',
    delivery: 'status',
    source: 'MAGDA',
  },
  {
    value: 'NO_DATA_FOUND',
    code: 'MSG00021',
    description: 'The person is unknown at the supplier.',
    delivery: 'status',
    source: 'CPAS client code (HandiFlux)',
    note: 'UNVERIFIED: the source text is truncated and also spells it MSG0021',
  },
];

/**
 * Looks a code up in {@link SOA_STATUS_CODES}; throws for an unknown code (a programming error).
 *
 * @example
 * soaStatusRow('MSG00012').value; // 'NO_RESULT'
 */
export function soaStatusRow(code: string): SoaStatusRow {
  const row = SOA_STATUS_CODES.find((r) => r.code === code);
  if (!row) throw new Error(`Unknown status code ${code}`);
  return row;
}

/**
 * The table as Markdown, for the flow documentation.
 *
 * @example
 * soaStatusCodesMarkdown().split('\n')[0]; // '| value | code | description | delivery | information | source |'
 */
export function soaStatusCodesMarkdown(rows: readonly SoaStatusRow[] = SOA_STATUS_CODES): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const lines = ['| value | code | description | delivery | information | source |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const source = r.note ? `${r.source} (${r.note})` : r.source;
    lines.push(
      `| ${r.value ?? '(SOAP fault)'} | ${r.code} | ${cell(r.description)} | ${r.delivery} | ${(r.information ?? []).join(', ')} | ${cell(source)} |`,
    );
  }
  return lines.join('\n');
}
