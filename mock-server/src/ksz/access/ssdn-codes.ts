import type { Status } from '../flows/define.ts';
import { SSDN_CODES } from '../ssdn/codes.ts';
import type { SsdnDetail } from '../ssdn/reply.ts';

/**
 * How the SSDN face states a refusal of the access checks or a flow: the real SSDN reason codes for these cases
 * are not public, so the mock uses the `3998nnnn` range, `nnnn` being the digits of the new-style code it
 * corresponds to (MSG00012 → 39980012). The Diagnostic names the new-style code, so a trainer can relate both.
 */
export const SSDN_ACCESS_CODES: readonly { ssdn: string; msg: string; meaning: string }[] = [
  { ssdn: '39980005', msg: 'MSG00005', meaning: 'INSZ unknown' },
  { ssdn: '39980006', msg: 'MSG00006', meaning: 'INSZ replaced (Information newSSIN)' },
  { ssdn: '39980007', msg: 'MSG00007', meaning: 'INSZ cancelled' },
  { ssdn: '39980008', msg: 'MSG00008', meaning: 'invalid data in the service request' },
  { ssdn: '39980009', msg: 'MSG00009', meaning: 'person deceased (Information deceiseDate)' },
  { ssdn: '39980011', msg: 'MSG00011', meaning: 'INSZ structure invalid' },
  { ssdn: '39980012', msg: 'MSG00012', meaning: 'INSZ not integrated for the organisation on that date or period' },
  { ssdn: '39980013', msg: 'MSG00013', meaning: 'user, organisation or role not allowed for this service' },
  { ssdn: '39980001', msg: 'MSG00001', meaning: 'service temporarily unavailable (injected fault)' },
  { ssdn: '39980002', msg: 'MSG00002', meaning: 'supplier unreachable (injected fault)' },
  { ssdn: '39980100', msg: 'MSG00100', meaning: 'treatment successful, no data found (warning)' },
];

/** An SSDN Detail for a status; service-specific codes (UD…) keep their own code. */
export function ssdnDetailFor(status: Status): SsdnDetail {
  const known = SSDN_CODES.find((r) => r.kind === 'reason' && r.code === status.code);
  if (known) {
    const detail: SsdnDetail = {
      severity: known.severity,
      reasonCode: known.code,
      diagnostic: known.diagnostic || status.description,
    };
    if (status.information?.length)
      detail.information = status.information
        .slice(0, 5)
        .map((i) => ({ fieldName: i.fieldName, fieldValue: i.fieldValue }));
    return detail;
  }
  const numeric = /^MSG0*(\d+)$/.exec(status.code);
  const reasonCode = numeric ? `3998${numeric[1]?.padStart(4, '0')}` : status.code;
  const severity = status.code === 'MSG00100' ? 'WARNING' : 'ERROR';
  const detail: SsdnDetail = { severity, reasonCode, diagnostic: `${status.code}: ${status.description}` };
  if (status.information?.length)
    detail.information = status.information
      .slice(0, 5)
      .map((i) => ({ fieldName: i.fieldName, fieldValue: i.fieldValue }));
  return detail;
}
