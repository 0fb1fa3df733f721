import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { eventKind } from './events/index.ts';
import type { Scenario } from './scenario-types.ts';

export const LIBRARY_DIR = fileURLToPath(new URL('../library/', import.meta.url));

/** A problem in a data file: which file, where in it (JSON pointer), and what was expected. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`${file}:\n${problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`);
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateScenario = ajv.compile<Scenario>(
  JSON.parse(readFileSync(join(LIBRARY_DIR, 'scenario.schema.json'), 'utf8')),
);
const paramValidators = new Map<string, ReturnType<typeof ajv.compile>>();

function describe(e: ErrorObject): { path: string; message: string } {
  const extra =
    e.keyword === 'enum'
      ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
      : e.keyword === 'additionalProperties'
        ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`
        : '';
  return { path: e.instancePath, message: `${e.message ?? 'invalid'}${extra}` };
}

/**
 * Parses and checks one scenario file: JSON, the scenario schema, each step's params against its event kind,
 * and that roles, step ids and `after` references resolve.
 */
export function parseScenario(text: string, file: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DataFileError(file, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (!validateScenario(data)) throw new DataFileError(file, (validateScenario.errors ?? []).map(describe));
  const s = data;
  const problems: { path: string; message: string }[] = [];
  const roles = new Set(s.persons.map((p) => p.role));
  const ids = new Set(s.timeline.flatMap((t) => (t.id ? [t.id] : [])));
  const refOk = (name: string) => (name.startsWith('born:') ? roles.has(name.slice(5)) : ids.has(name));
  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
  if (expectedId !== s.id && file.endsWith('.json'))
    problems.push({ path: '/id', message: `must equal the file name "${expectedId}"` });
  s.persons.forEach((p, i) => {
    if (typeof p.born === 'object' && 'after' in p.born && !refOk(p.born.after))
      problems.push({
        path: `/persons/${i}/born/after`,
        message: `"${p.born.after}" is neither born:<role> nor a step id`,
      });
    for (const r of [...(p.parents ?? []), ...(p.familyNameOf ? [p.familyNameOf] : [])])
      if (!roles.has(r)) problems.push({ path: `/persons/${i}`, message: `"${r}" is not a person role` });
  });
  s.timeline.forEach((t, i) => {
    if (!roles.has(t.who))
      problems.push({
        path: `/timeline/${i}/who`,
        message: `"${t.who}" is not a person role (${[...roles].join(', ')})`,
      });
    if (typeof t.at === 'object' && 'after' in t.at && !refOk(t.at.after))
      problems.push({
        path: `/timeline/${i}/at/after`,
        message: `"${t.at.after}" is neither born:<role> nor a step id`,
      });
    const kind = eventKind(t.event);
    if (!kind) {
      problems.push({ path: `/timeline/${i}/event`, message: `unknown event kind "${t.event}"` });
      return;
    }
    let v = paramValidators.get(t.event);
    if (!v) {
      v = ajv.compile(kind.params);
      paramValidators.set(t.event, v);
    }
    if (!v(t.params ?? {}))
      for (const e of v.errors ?? []) problems.push({ ...describe(e), path: `/timeline/${i}/params${e.instancePath}` });
  });
  s.promises.forEach((p, i) => {
    if (!roles.has(p.who)) problems.push({ path: `/promises/${i}/who`, message: `"${p.who}" is not a person role` });
  });
  if (problems.length > 0) throw new DataFileError(file, problems);
  return s;
}

/** Every scenario of the library, sorted by id (file order never changes a world). */
export function loadLibrary(dir: string = LIBRARY_DIR): Scenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .sort()
    .map((f) => parseScenario(readFileSync(join(dir, f), 'utf8'), join(dir, f)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
