/**
 * The workshop results CSV as the tests read it. The header is the documented one (docs/decisions/006-workshops.md),
 * written out here rather than taken from the server, so that a changed column list fails the tests.
 */
export const RESULT_COLUMNS =
  'workshop_code,participant,participant_id,exercise_id,exercise_title,family,attempt_id,submitted_at,points,max,percent,hints,answers';

/**
 * RFC 4180: quoted cells may hold the delimiter, doubled quotes and line breaks; records end with CRLF (a last
 * record without one is kept). A byte order mark is not removed.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
