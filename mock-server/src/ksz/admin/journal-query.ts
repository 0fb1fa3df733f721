import { isValidIsoDate } from '../../../../scenarios/engine/dates.ts';
import { parseInsz, validateInsz } from '../../../../scenarios/engine/ids/insz.ts';
import type { JournalFilter } from '../../store/types.ts';

export const JOURNAL_DEFAULT_LIMIT = 500;
export const JOURNAL_MAX_LIMIT = 10_000;
const PARAMS = ['user', 'insz', 'flow', 'outcome', 'ok', 'from', 'to', 'limit', 'after'];
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function time(name: string, value: string, errors: string[]): string | undefined {
  if (isValidIsoDate(value)) return value;
  if (ISO_TIMESTAMP.test(value) && isValidIsoDate(value.slice(0, 10))) {
    const ms = Date.parse(value);
    // Stored times are UTC `toISOString()`; compare like with like.
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  errors.push(`${name} must be a date YYYY-MM-DD or an ISO timestamp such as 2025-06-30T08:00:00Z; got "${value}"`);
  return undefined;
}

function integer(name: string, value: string, min: number, max: number, errors: string[]): number | undefined {
  const n = Number(value);
  if (/^\d+$/.test(value) && Number.isSafeInteger(n) && n >= min && n <= max) return n;
  errors.push(`${name} must be a whole number from ${min} to ${max}; got "${value}"`);
  return undefined;
}

/**
 * Turns the journal route's query string into a store filter, or the list of what is wrong with it.
 * `user` is a user id when it is 11 digits, else a username. `limit` is applied by the caller (it asks one more
 * row to tell whether there are more).
 *
 * @example
 * parseJournalQuery({ insz: '85.03.14-123.02', ok: 'false', limit: '50' });
 * // { ok: true, filter: { insz: '85031412302', ok: false }, limit: 50 }
 */
export function parseJournalQuery(
  query: Record<string, string>,
): { ok: true; filter: JournalFilter; limit: number } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const filter: JournalFilter = {};
  let limit = JOURNAL_DEFAULT_LIMIT;
  for (const [name, value] of Object.entries(query)) {
    switch (name) {
      case 'user':
        if (/^\d{11}$/.test(value)) filter.userId = value;
        else if (value !== '') filter.username = value;
        else errors.push('user must be a user id (11 digits) or a username');
        break;
      case 'insz': {
        const insz = parseInsz(value);
        if (insz) filter.insz = insz;
        else {
          const v = validateInsz(value.replace(/[\s.\-=]/g, ''));
          errors.push(`insz is not a valid INSZ: ${v.valid ? value : v.reason}`);
        }
        break;
      }
      case 'flow':
      case 'outcome':
        if (value === '') errors.push(`${name} must not be empty`);
        else filter[name] = value;
        break;
      case 'ok':
        if (value === 'true' || value === '1') filter.ok = true;
        else if (value === 'false' || value === '0') filter.ok = false;
        else errors.push(`ok must be true or false; got "${value}"`);
        break;
      case 'from':
      case 'to': {
        const t = time(name, value, errors);
        if (t !== undefined) filter[name] = t;
        break;
      }
      case 'limit':
        limit = integer('limit', value, 1, JOURNAL_MAX_LIMIT, errors) ?? limit;
        break;
      case 'after': {
        const after = integer('after', value, 0, Number.MAX_SAFE_INTEGER, errors);
        if (after !== undefined) filter.afterId = after;
        break;
      }
      default:
        errors.push(`unknown parameter "${name}" (parameters: ${PARAMS.join(', ')})`);
    }
  }
  const { from, to } = filter;
  // A bare `to` date runs to the end of that day.
  if (from !== undefined && to !== undefined && (from.slice(0, 10) > to.slice(0, 10) || (to.length > 10 && from > to)))
    errors.push(`from (${filter.from}) is after to (${filter.to})`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, filter, limit };
}
