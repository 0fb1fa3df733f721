import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowDef } from '../../mock-server/src/ksz/flows/define.ts';
import { discoverFlows } from '../../mock-server/src/ksz/flows/discover.ts';
import {
  EXERCISE_FILE,
  EXERCISES_DIR,
  loadExercises,
  parseExercise,
} from '../../mock-server/src/training/catalogue.ts';
import { CHECK_KINDS, checkOf } from '../../mock-server/src/training/checks/index.ts';
import { KEYS } from '../../mock-server/src/training/keys/index.ts';
import { flowFacts } from '../../mock-server/src/training/routes.ts';
import { score } from '../../mock-server/src/training/score.ts';
import { type Exercise, FAMILIES } from '../../mock-server/src/training/types.ts';
import { instantiate, personOf } from '../../mock-server/src/training/variant.ts';
import { DataFileError, loadLibrary } from '../../scenarios/engine/library.ts';
import type { World } from '../../scenarios/engine/model.ts';
import { buildWorld } from '../../scenarios/engine/world.ts';
import { rightAnswers } from '../support/training.ts';

/** The sweep over every exercise file: schema, references, and that every variant can be computed and won. */
const exercises = loadExercises();
const scenarios = new Map(loadLibrary().map((s) => [s.id, s]));
let flows: FlowDef[];
const SEEDS = [1, 20250930];
const worlds = new Map<number, World>();

beforeAll(async () => {
  flows = await discoverFlows();
  for (const seed of SEEDS) worlds.set(seed, buildWorld({ preset: 'small', seed }));
});

const journalFree = (x: Exercise) => x.checks.filter((c) => !c.kind.startsWith('journal-'));

describe('the exercise files', () => {
  it('are one folder each, all of them valid (schema, check kinds and params, questions, keys, placeholders)', () => {
    const folders = readdirSync(EXERCISES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(exercises.map((x) => x.id)).toEqual(folders.map((d) => d.name).sort());
  });

  it('hold at least six exercises per family, each with its own case and its own questions', () => {
    for (const family of FAMILIES)
      expect(exercises.filter((x) => x.family === family).length).toBeGreaterThanOrEqual(6);
    const cases = exercises.map((x) =>
      JSON.stringify([x.today, x.subject?.candidates, x.questions.map((q) => q.prompt.nl)]),
    );
    expect(new Set(cases).size).toBe(exercises.length);
    const prompts = exercises.map((x) => JSON.stringify(x.questions.map((q) => q.prompt.nl).sort()));
    expect(new Set(prompts).size).toBe(exercises.length);
  });

  it('name scenarios and roles of the library as subjects', () => {
    for (const x of exercises)
      for (const c of x.subject?.candidates ?? []) {
        const scenario = scenarios.get(c.scenario);
        expect(scenario, `${x.id}: scenario ${c.scenario}`).toBeDefined();
        expect(
          scenario?.persons.map((p) => p.role),
          `${x.id}: role ${c.role} of ${c.scenario}`,
        ).toContain(c.role);
      }
  });

  it('name only known check kinds, key functions and flows', () => {
    const flowIds = new Set(flows.map((f) => f.id));
    for (const x of exercises)
      for (const c of x.checks) {
        const def = checkOf(c.kind);
        expect(def, `${x.id}/${c.id}: kind ${c.kind}`).toBeDefined();
        const refs = def!.references(c.params as never);
        for (const k of refs.keys ?? []) expect(KEYS[k.name], `${x.id}/${c.id}: key ${k.name}`).toBeDefined();
        for (const f of refs.flows ?? []) expect(flowIds.has(f), `${x.id}/${c.id}: flow ${f}`).toBe(true);
      }
    const options = exercises.find((x) => x.id === 'infosec-financial-manager')?.questions[0]?.options ?? [];
    for (const o of options) expect(flowIds.has(o.value), `flow option ${o.value}`).toBe(true);
  });

  it('use every check kind and every key function (no dead vocabulary)', () => {
    const kinds = new Set(exercises.flatMap((x) => x.checks.map((c) => c.kind)));
    const keys = new Set(
      exercises.flatMap((x) =>
        x.checks.flatMap((c) => (checkOf(c.kind)?.references(c.params as never).keys ?? []).map((k) => k.name)),
      ),
    );
    expect([...kinds].sort()).toEqual([...CHECK_KINDS].sort());
    expect([...keys].sort()).toEqual(Object.keys(KEYS).sort());
  });

  it('are explained and sourced in Dutch and French', () => {
    for (const x of exercises) {
      for (const t of [x.title, x.brief, ...x.questions.map((q) => q.prompt), ...x.checks.map((c) => c.explanation)]) {
        expect(t.nl.trim()).not.toBe('');
        expect(t.fr.trim()).not.toBe('');
        expect(t.fr).not.toBe(t.nl);
      }
      for (const c of x.checks) expect(c.source.length).toBeGreaterThan(3);
    }
  });

  it('are refused with the file and the JSON path when something is wrong', () => {
    const file = join(EXERCISES_DIR, 'esv-current-decision', EXERCISE_FILE);
    const good = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { checks: unknown[] };
    const broken = (change: (x: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return () => parseExercise(JSON.stringify(copy), file, 'esv-current-decision');
    };
    expect(broken(() => {})).not.toThrow();
    expect(broken((x) => Object.assign(x.checks[0] as object, { kind: 'answer-guess' }))).toThrow(
      /\/checks\/0\/kind: unknown check kind "answer-guess"/,
    );
    expect(broken((x) => Object.assign((x.checks[0] as { params: object }).params, { key: 'no-such-key' }))).toThrow(
      /\/checks\/0\/params\/key: unknown key function "no-such-key"/,
    );
    expect(broken((x) => Object.assign((x.checks[0] as { params: object }).params, { question: 'nope' }))).toThrow(
      /no question "nope"/,
    );
    expect(broken((x) => Object.assign(x, { brief: { nl: 'Hallo {secret}', fr: 'Salut' } }))).toThrow(
      /\/brief\/nl: unknown placeholder \{secret\}/,
    );
    expect(broken((x) => Object.assign(x, { family: 'quiz' }))).toThrow(DataFileError);
    expect(broken((x) => Object.assign(x, { id: 'other' }))).toThrow(/must equal the folder name/);
  });
});

describe('every variant of every exercise', () => {
  it('finds its subject, computes every key, and gives full marks to the right answers (answer checks)', () => {
    const facts = flowFacts(flows);
    for (const seed of SEEDS) {
      const world = worlds.get(seed)!;
      for (const x of exercises) {
        const n = x.subject?.candidates.length ?? 1;
        for (let pick = 0; pick < n; pick++) {
          const label = `${x.id} (seed ${seed}, candidate ${pick})`;
          const variant = instantiate(x, { seed: pick, worldSeed: seed }, 0, world);
          if (x.subject) expect(personOf(world, x.subject.candidates[pick]!), label).toBeDefined();
          const answerOnly: Exercise = { ...x, checks: journalFree(x), hints: [] };
          if (answerOnly.checks.length === 0) continue;
          const answers = rightAnswers(answerOnly, variant, world, { flows });
          const right = score(answerOnly, variant, {
            answers,
            hints: [],
            journal: [],
            registrations: [],
            world,
            flows: facts,
          });
          expect(
            right.checks.filter((c) => !c.passed).map((c) => c.id),
            label,
          ).toEqual([]);
          expect(right.points, label).toBe(right.max);
          // Every expected choice is an option the trainee can pick.
          for (const [id, value] of Object.entries(answers)) {
            const q = x.questions.find((qq) => qq.id === id)!;
            const offered = (q.options ?? []).map((o) => o.value);
            if (q.kind === 'choice') expect(offered, `${label}: ${id}`).toContain(value);
            if (q.kind === 'multi') for (const v of value as string[]) expect(offered, `${label}: ${id}`).toContain(v);
          }
        }
      }
    }
  });

  it('earns nothing for an empty submission on its answer checks (except where "nothing" is the answer)', () => {
    const world = worlds.get(SEEDS[0]!)!;
    for (const x of exercises) {
      const answerOnly: Exercise = { ...x, checks: journalFree(x), hints: [] };
      if (answerOnly.checks.length === 0) continue;
      const variant = instantiate(x, { seed: 0, worldSeed: SEEDS[0]! }, 0, world);
      const empty = score(answerOnly, variant, {
        answers: {},
        hints: [],
        journal: [],
        registrations: [],
        world,
        flows: flowFacts(flows),
      });
      const nothingToFlag = answerOnly.checks.filter((c) => {
        if (c.kind !== 'flags-match') return false;
        const answers = rightAnswers({ ...answerOnly, checks: [c] }, variant, world, { flows });
        return Object.values(answers).every((v) => Array.isArray(v) && v.length === 0);
      });
      const expected = nothingToFlag.reduce((sum, c) => sum + c.points, 0);
      expect(empty.points, x.id).toBe(expected);
      expect(empty.points, x.id).toBeLessThan(empty.max);
    }
  });
});
