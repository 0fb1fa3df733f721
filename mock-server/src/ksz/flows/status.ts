import { soaStatusRow } from '../soa/status-codes.ts';
import type { Status, StatusInformation, StatusValue } from './define.ts';

/**
 * A status from the central KSZ list (MSG00000 … MSG00013), with the information fields that go with it.
 *
 * @example
 * kszStatus('MSG00006', [{ fieldName: 'newSSIN', fieldValue: '…' }]);
 */
export function kszStatus(code: string, information?: StatusInformation[]): Status {
  const row = soaStatusRow(code);
  const value = row.value === 'INCOMPLETE_DATA' || row.value === null ? 'NO_RESULT' : row.value;
  return information?.length
    ? { value, code, description: row.description, information }
    : { value, code, description: row.description };
}

/** A service-specific status (UD000033, TAXA0007 …) that the flow documents itself. */
export function serviceStatus(
  value: StatusValue,
  code: string,
  description: string,
  information?: StatusInformation[],
): Status {
  return information?.length ? { value, code, description, information } : { value, code, description };
}

export const OK = (): Status => kszStatus('MSG00000');

export function isSuccess(status: Status): boolean {
  return status.value === 'DATA_FOUND' || (status.value === 'NO_DATA_FOUND' && status.code === 'MSG00100');
}
