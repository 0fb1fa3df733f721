/**
 * Time zone of SSDN timestamps. The schema type is called `t_DateTimeUTC`, but in the real replies
 * (`demo_ipr_1.xml`) TimeReceive follows the client's Belgian TimeRequest within seconds, so the KSZ
 * writes Belgian local time; the mock does the same.
 */
export const SSDN_TIME_ZONE = 'Europe/Brussels';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Formats an instant as an SSDN timestamp `yyyyMMddThhmmss` in `timeZone` (default Belgian time).
 *
 * @example
 * formatSsdnTimestamp(new Date('2025-06-30T08:15:00Z')); // '20250630T101500' (CEST)
 */
export function formatSsdnTimestamp(instant: Date, timeZone: string = SSDN_TIME_ZONE): string {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

const SSDN_TIMESTAMP = /^[1-2][0-9]{3}[0-1][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-5][0-9]$/;

/**
 * True when `value` matches the SSDN `t_DateTimeUTC` pattern (`yyyyMMddThhmmss`).
 *
 * @example
 * isSsdnTimestamp('20250630T101500'); // true
 * isSsdnTimestamp('2025-06-30T10:15:00'); // false
 */
export function isSsdnTimestamp(value: string): boolean {
  return SSDN_TIMESTAMP.test(value);
}
