const DATE_TIME =
  /^(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(Z|[+-]([0-9]{2}):([0-9]{2}))?$/;

/**
 * True when `value` is a lexically valid xsd:dateTime (e.g. `2012-06-12T21:25:46.189352+01:00`), so echoing it
 * keeps our replies schema-valid.
 *
 * @example
 * isXsdDateTime('2025-06-30T10:15:00.123+02:00'); // true
 * isXsdDateTime('2025-06-30 10:15'); // false
 */
export function isXsdDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, , month, day, hour, minute, second, , , tzh, tzm] = m;
  const n = (s: string | undefined) => Number(s ?? '0');
  if (n(month) < 1 || n(month) > 12 || n(day) < 1 || n(day) > 31) return false;
  if (n(minute) > 59 || n(second) > 59) return false;
  if (n(hour) > 24 || (n(hour) === 24 && (n(minute) !== 0 || n(second) !== 0))) return false;
  if (tzh !== undefined && (n(tzh) > 14 || n(tzm) > 59)) return false;
  return true;
}

/**
 * Formats an instant as xsd:dateTime in UTC with milliseconds, like the CBSS (`2012-06-12T19:25:27.013Z`).
 *
 * @example
 * formatXsdDateTime(new Date(Date.UTC(2025, 5, 30, 8, 15))); // '2025-06-30T08:15:00.000Z'
 */
export function formatXsdDateTime(instant: Date): string {
  return instant.toISOString();
}
