import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { DataFileError } from '../../../scenarios/engine/library.ts';
import { checkOf } from './checks/index.ts';
import { KEYS } from './keys/index.ts';
import { PLACEHOLDERS } from './placeholders.ts';
import { placeholdersIn } from './text.ts';
import type { Exercise, Text } from './types.ts';

export const EXERCISES_DIR = fileURLToPath(new URL('../../../scenarios/exercises/', import.meta.url));
export const EXERCISE_FILE = 'exercise.json';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateExercise = ajv.compile<Exercise>(
  JSON.parse(readFileSync(join(EXERCISES_DIR, 'exercise.schema.json'), 'utf8')),
);
const validators = new Map<object, ValidateFunction>();
function validatorOf(schema: Record<string, unknown>): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}

type Problem = { path: string; message: string };

const describe = (e: ErrorObject, prefix = ''): Problem => ({
  path: `${prefix}${e.instancePath}`,
  message: `${e.message ?? 'invalid'}${
    e.keyword === 'enum'
      ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
      : e.keyword === 'additionalProperties'
        ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")`
        : ''
  }`,
});

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/**
 * Checks one exercise file: JSON, the exercise schema, and everything the schema cannot see — the folder name,
 * unique ids, each check's kind (the check table) and params (that kind's schema), the questions and key functions
 * its params name (and the key's params), literal answers among the options, and the placeholders of the texts.
 * Scenario and flow references are checked by the sweep (test/training/exercises.test.ts), which has both.
 */
export function parseExercise(text: string, file: string, folder?: string): Exercise {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DataFileError(file, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (!validateExercise(data))
    throw new DataFileError(
      file,
      (validateExercise.errors ?? []).map((e) => describe(e)),
    );
  const x = data;
  const problems: Problem[] = [];
  if (folder !== undefined && x.id !== folder)
    problems.push({ path: '/id', message: `must equal the folder name "${folder}"` });
  if (!isValidIsoDate(x.today)) problems.push({ path: '/today', message: `not a calendar date: ${x.today}` });
  for (const [list, path] of [
    [x.questions.map((q) => q.id), '/questions'],
    [x.hints.map((h) => h.id), '/hints'],
    [x.checks.map((c) => c.id), '/checks'],
  ] as const)
    for (const d of duplicates([...list])) problems.push({ path, message: `duplicate id "${d}"` });
  if (x.setup?.registrations?.length && !x.subject)
    problems.push({ path: '/setup', message: 'registrations need a subject' });

  const questions = new Map(x.questions.map((q) => [q.id, q]));
  x.questions.forEach((q, i) => {
    for (const d of duplicates((q.options ?? []).map((o) => o.value)))
      problems.push({ path: `/questions/${i}/options`, message: `duplicate value "${d}"` });
  });

  x.checks.forEach((c, i) => {
    const at = `/checks/${i}`;
    const def = checkOf(c.kind);
    if (!def) {
      problems.push({ path: `${at}/kind`, message: `unknown check kind "${c.kind}"` });
      return;
    }
    const v = validatorOf(def.params);
    if (!v(c.params)) {
      for (const e of v.errors ?? []) problems.push(describe(e, `${at}/params`));
      return;
    }
    const refs = def.references(c.params as never);
    for (const q of refs.questions ?? []) {
      const question = questions.get(q.id);
      if (!question) problems.push({ path: `${at}/params/question`, message: `no question "${q.id}"` });
      else if (!q.kinds.includes(question.kind))
        problems.push({
          path: `${at}/params/question`,
          message: `question "${q.id}" is a ${question.kind}; ${c.kind} needs ${q.kinds.join(' or ')}`,
        });
    }
    for (const k of refs.keys ?? []) {
      const key = KEYS[k.name];
      if (!key) {
        problems.push({ path: `${at}/params/key`, message: `unknown key function "${k.name}"` });
        continue;
      }
      const kv = validatorOf(key.params);
      if (!kv(k.params)) for (const e of kv.errors ?? []) problems.push(describe(e, `${at}/params/keyParams`));
    }
    // Literal answers of choice questions must be options, or no answer could ever pass.
    const params = c.params as { question?: string; expected?: unknown; refuse?: string[] };
    const question = params.question === undefined ? undefined : questions.get(params.question);
    if (question?.options) {
      const values = new Set(question.options.map((o) => o.value));
      const literals = [
        ...(params.refuse ?? []),
        ...(params.expected === undefined ? [] : Array.isArray(params.expected) ? params.expected : [params.expected]),
      ].map(String);
      for (const l of literals)
        if (!values.has(l))
          problems.push({ path: `${at}/params`, message: `"${l}" is not an option of "${question.id}"` });
    }
  });

  const known = new Set<string>(PLACEHOLDERS);
  const texts: [string, Text, Set<string>][] = [
    ['/brief', x.brief, known],
    ...x.hints.map((h, i): [string, Text, Set<string>] => [`/hints/${i}/text`, h.text, known]),
    ...x.questions.map((q, i): [string, Text, Set<string>] => [`/questions/${i}/prompt`, q.prompt, known]),
    ...x.checks.map((c, i): [string, Text, Set<string>] => [
      `/checks/${i}/explanation`,
      c.explanation,
      new Set([...known, 'expected', 'given']),
    ]),
  ];
  for (const [path, text, allowed] of texts)
    for (const lang of ['nl', 'fr'] as const)
      for (const name of placeholdersIn(text[lang]))
        if (!allowed.has(name)) problems.push({ path: `${path}/${lang}`, message: `unknown placeholder {${name}}` });

  if (problems.length > 0) throw new DataFileError(file, problems);
  return x;
}

/**
 * Every exercise of `scenarios/exercises/<id>/exercise.json`, sorted by id: finding the folder is the registration.
 *
 * @example
 * const exercises = loadExercises();
 * exercises.filter((e) => e.family === 'esv').length; // ≥ 6
 */
export function loadExercises(dir: string = EXERCISES_DIR): Exercise[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, EXERCISE_FILE)))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = join(dir, name, EXERCISE_FILE);
      return parseExercise(readFileSync(file, 'utf8'), file, name);
    });
}
