import { indexOf } from '../../../scenarios/engine/as-of.ts';
import type { Person } from '../../../scenarios/engine/model.ts';
import type { CheckContext, Shown } from './checks/define.ts';
import { checkOf } from './checks/index.ts';
import { KeyError } from './keys/define.ts';
import { KEYS } from './keys/index.ts';
import { fill, formatAmount, formatDate, type Lang } from './text.ts';
import type {
  CheckResult,
  Exercise,
  Facts,
  FlowFacts,
  KeyContext,
  KeyValue,
  Question,
  ScoreResult,
  Variant,
} from './types.ts';

const UNCOMPUTABLE = {
  nl: 'Deze controle kon voor jouw variant niet berekend worden en telt niet mee.',
  fr: 'Ce contrôle n’a pas pu être calculé pour votre variante et n’est pas compté.',
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function subjectOf(variant: Variant, facts: Pick<Facts, 'world'>): Person | null {
  return variant.subject ? (indexOf(facts.world).persons.get(variant.subject.insz) ?? null) : null;
}

/** The key context of a variant: its world, subject, clock and OCMW. */
export function keyContext(exercise: Exercise, variant: Variant, facts: Pick<Facts, 'world' | 'flows'>): KeyContext {
  return {
    exercise,
    world: facts.world,
    subject: subjectOf(variant, facts),
    today: variant.today,
    ocmwKbo: variant.ocmwKbo,
    flows: facts.flows,
  };
}

/** Computes one key function for a variant (server side only). */
export function computeKey(ctx: KeyContext, name: string, params: Record<string, unknown> = {}): KeyValue {
  const def = KEYS[name];
  if (!def) throw new KeyError(`unknown key function "${name}"`);
  return def.compute(ctx, params);
}

/** A list item that starts with a flow id ("esv", "kbi (MSG00013)") shows the flow's name instead. */
function listItem(item: string, flows: readonly FlowFacts[], lang: Lang): string {
  const m = /^([a-z0-9-]+)(.*)$/.exec(item);
  const names = m && flows.find((f) => f.id === m[1])?.names;
  return names && m ? `${names[lang]}${m[2]}` : item;
}

function render(
  shown: Shown | undefined,
  questions: Map<string, Question>,
  lang: Lang,
  flows: readonly FlowFacts[] = [],
): string {
  if (!shown) return '—';
  if ('list' in shown)
    return shown.list.length > 0 ? shown.list.map((item) => listItem(item, flows, lang)).join(', ') : '—';
  const q = questions.get(shown.question);
  const one = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (q?.kind === 'amount' && typeof v === 'number')
      return `${formatAmount(v, lang)}${q.unit === 'EUR' ? ' EUR' : ''}`;
    if (q?.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    const option = q?.options?.find((o) => o.value === String(v));
    return option ? option.label[lang] : String(v);
  };
  const value = shown.value;
  // Text keys with alternatives are names: Dutch first, French second (namesOf) — show the one of the language.
  if (q?.kind === 'text' && Array.isArray(value) && value.length === 2) return one(value[lang === 'nl' ? 0 : 1]);
  if (Array.isArray(value)) return value.length > 0 ? value.map(one).join(q?.kind === 'multi' ? ', ' : ' / ') : '—';
  return one(value);
}

/**
 * The score of an attempt: a pure function of the exercise, the variant and the recorded facts (answers, hints
 * taken, the workspace's journal and register, the world). Each check earns its points (or a share), the hints
 * taken cost theirs, never below 0.
 *
 * @example
 * const result = score(exercise, variant, { answers, hints: [], journal, registrations, world, flows });
 * result.points; // e.g. 7 of result.max 10
 */
export function score(exercise: Exercise, variant: Variant, facts: Facts): ScoreResult {
  return scoreWith(exercise, variant, facts, new Map(Object.entries(facts.keys ?? {})));
}

/**
 * The keys an attempt's checks ask for, computed once when the attempt starts (they depend on the world and the
 * variant only, never on what the trainee does): submitting then only compares, which keeps a room of participants
 * submitting at the same moment fast. Kept on the server with the attempt, never sent. A key that cannot be
 * computed is left out (the submission computes it again and reports it as before).
 */
export function precomputeKeys(
  exercise: Exercise,
  variant: Variant,
  facts: Pick<Facts, 'world' | 'flows'>,
): Record<string, KeyValue> {
  const cache = new Map<string, KeyValue>();
  const empty: Facts = {
    answers: {},
    hints: [],
    journal: [],
    registrations: [],
    world: facts.world,
    flows: facts.flows,
  };
  try {
    // Uncomputable checks are not reported here: the submission reports them.
    scoreWith(exercise, variant, empty, cache, () => {});
  } catch {
    // Whatever the dry run could not do, the submission does.
  }
  return Object.fromEntries(cache);
}

function scoreWith(
  exercise: Exercise,
  variant: Variant,
  facts: Facts,
  cache: Map<string, KeyValue>,
  report: (message: string) => void = (m) => console.error(m),
): ScoreResult {
  const kctx = keyContext(exercise, variant, facts);
  const questions = new Map(exercise.questions.map((q) => [q.id, q]));
  const ctx: CheckContext = {
    exercise,
    variant,
    facts,
    subject: kctx.subject,
    key(name, params = {}) {
      const id = `${name}/${JSON.stringify(params)}`;
      if (!cache.has(id)) cache.set(id, computeKey(kctx, name, params));
      return cache.get(id) ?? null;
    },
    question(id) {
      const q = questions.get(id);
      if (!q) throw new Error(`exercise ${exercise.id} has no question ${id}`);
      return q;
    },
    answer: (id) => (Object.hasOwn(facts.answers, id) ? facts.answers[id] : undefined),
  };
  let earned = 0;
  let max = 0;
  const checks: CheckResult[] = [];
  for (const decl of exercise.checks) {
    const def = checkOf(decl.kind);
    if (!def) throw new Error(`exercise ${exercise.id}: unknown check kind ${decl.kind}`);
    let outcome: ReturnType<typeof def.evaluate>;
    try {
      outcome = def.evaluate(ctx, decl.params as never);
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      // A data problem of this variant (the sweep should have found it): the check does not count either way.
      report(`exercise ${exercise.id}, check ${decl.id}: ${e.message}`);
      checks.push({ id: decl.id, passed: false, explanation: UNCOMPUTABLE, source: decl.source });
      continue;
    }
    const fraction = Math.max(0, Math.min(1, outcome.fraction));
    earned += decl.points * fraction;
    max += decl.points;
    const values = (lang: Lang) => ({
      ...variant.placeholders[lang],
      expected: render(outcome.expected, questions, lang, facts.flows),
      given: render(outcome.given, questions, lang, facts.flows),
    });
    checks.push({
      id: decl.id,
      passed: fraction >= 1 - 1e-9,
      explanation: { nl: fill(decl.explanation.nl, values('nl')), fr: fill(decl.explanation.fr, values('fr')) },
      source: decl.source,
    });
  }
  const hintCost = exercise.hints.filter((h) => facts.hints.includes(h.id)).reduce((sum, h) => sum + h.cost, 0);
  return { points: round2(Math.max(0, earned - hintCost)), max: round2(max), checks };
}
