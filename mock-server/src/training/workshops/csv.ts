/** The columns of the results CSV (docs/decisions/006-workshops.md). */
export const CSV_COLUMNS = [
  'workshop_code',
  'participant',
  'participant_id',
  'exercise_id',
  'exercise_title',
  'family',
  'attempt_id',
  'submitted_at',
  'points',
  'max',
  'percent',
  'hints',
  'answers',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;
export type Delimiter = ',' | ';';

/** A spreadsheet runs a cell that starts with one of these as a formula: such cells get a leading `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: numbers with a decimal comma when the delimiter is `;` (Excel with Belgian settings reads `7.5` as a
 * date), text defused against formula injection, quoted as RFC 4180 says when it holds the delimiter, a quote or a
 * line break.
 */
export function csvCell(value: string | number, delimiter: Delimiter): string {
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'number' && delimiter === ';') text = text.replace('.', ',');
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: UTF-8 byte order mark (Excel then reads the accents right), a header, CRLF after every line. */
export function toCsv(rows: readonly CsvRow[], delimiter: Delimiter): string {
  const line = (cells: (string | number)[]) => `${cells.map((v) => csvCell(v, delimiter)).join(delimiter)}\r\n`;
  return `\uFEFF${line([...CSV_COLUMNS])}${rows.map((r) => line(CSV_COLUMNS.map((k) => r[k]))).join('')}`;
}
