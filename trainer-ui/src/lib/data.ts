/**
 * Turning the JSON answers of the mock KSZ into something a social worker reads: which values fit on one line,
 * how nested objects flatten into columns, how a field name becomes a label.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const LANG_KEYS = new Set(['nl', 'fr', 'en', 'de']);

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `{ nl, fr }` (maybe `en`, `de`): a text in several languages. */
export function isMultilingual(v: Json | undefined): v is Record<string, string> {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return (
    keys.length > 0 &&
    keys.every((k) => LANG_KEYS.has(k) && typeof v[k] === 'string') &&
    (keys.includes('nl') || keys.includes('fr'))
  );
}

const LABEL_KEYS = ['label', 'name', 'description'];

/** `{ code, label | name | description | nl/fr }`: a coded value with its meaning. */
export function isCodeLabel(v: Json | undefined): v is JsonObject {
  if (!isObject(v) || !('code' in v)) return false;
  const keys = Object.keys(v);
  if (keys.length > 4) return false;
  const hasMeaning = keys.some((k) => LABEL_KEYS.includes(k) || LANG_KEYS.has(k));
  return (
    hasMeaning &&
    keys.every((k) => {
      const x = v[k];
      return (
        k === 'code' ||
        ((LABEL_KEYS.includes(k) || LANG_KEYS.has(k) || k === 'modificationDate') &&
          (typeof x === 'string' || isMultilingual(x) || x === null))
      );
    })
  );
}

/** A value that fits in one cell or one line. */
export function isInline(v: Json | undefined): boolean {
  return v === null || typeof v !== 'object' || isMultilingual(v) || isCodeLabel(v);
}

export interface Column {
  /** Path of keys from the row object, e.g. `['period', 'from']`. */
  path: string[];
}

/**
 * The cells of one object: its one-line values, nested objects flattened into `parent › child` up to `depth`
 * levels, arrays kept whole (rendered inside the cell).
 */
export function flatten(obj: JsonObject, depth = 2, prefix: string[] = []): { path: string[]; value: Json }[] {
  const out: { path: string[]; value: Json }[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = [...prefix, k];
    if (isObject(v) && !isInline(v) && depth > 0) out.push(...flatten(v, depth - 1, path));
    else out.push({ path, value: v });
  }
  return out;
}

export function getPath(obj: JsonObject, path: string[]): Json | undefined {
  let cur: Json | undefined = obj;
  for (const k of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** The columns of a list of objects (union of the flattened paths, in order of first appearance). */
export function columnsOf(rows: JsonObject[], depth = 2): Column[] {
  const seen = new Map<string, Column>();
  for (const row of rows)
    for (const { path } of flatten(row, depth)) {
      const key = path.join('.');
      if (!seen.has(key)) seen.set(key, { path });
    }
  return [...seen.values()];
}

/** A list of objects reads best as a table when it has few columns and nothing deep inside. */
export function fitsTable(rows: JsonObject[], maxColumns = 7): boolean {
  if (rows.length === 0) return false;
  const cols = columnsOf(rows);
  if (cols.length > maxColumns) return false;
  return rows.every((r) =>
    cols.every((c) => {
      const v = getPath(r, c.path);
      return v === undefined || isInline(v) || (Array.isArray(v) && v.every((x) => isInline(x)));
    }),
  );
}

/** `birthDate` → `Birth date`, `ssinFormatted` → `Ssin formatted`, `L302` stays. */
export function humanize(key: string): string {
  if (/^[A-Z0-9_]+$/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Field names whose 11-digit values are INSZ numbers. */
export function isInszKey(key: string): boolean {
  return /ssin|insz|socialSecurityUser|niss/i.test(key);
}

/** Field names whose integer values are amounts in eurocent. */
export function isCentsKey(key: string): boolean {
  return /Cents$/.test(key);
}
