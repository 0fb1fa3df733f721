import type { Person } from '../../../../scenarios/engine/model.ts';
import type { AnswerValue, Exercise, Facts, KeyValue, Question, QuestionKind, Variant } from '../types.ts';

/** What a check sees: the exercise, the variant, the recorded facts, and the key functions (computed lazily). */
export interface CheckContext {
  exercise: Exercise;
  variant: Variant;
  facts: Facts;
  /** The person of the case in the variant's world, when the exercise has one. */
  subject: Person | null;
  key(name: string, params?: Record<string, unknown>): KeyValue;
  question(id: string): Question;
  answer(id: string): AnswerValue | undefined;
}

/** A value to show in the explanation after submission: an answer (rendered with the question), or a list. */
export type Shown = { question: string; value: unknown } | { list: string[] };

export interface CheckOutcome {
  /** 0 … 1: the share of the check's points earned; passed when 1. */
  fraction: number;
  expected?: Shown;
  given?: Shown;
}

/** What a check's params point at, for the loader and the sweep. */
export interface References {
  questions?: { id: string; kinds: QuestionKind[] }[];
  keys?: { name: string; params: Record<string, unknown> }[];
  flows?: string[];
}

export interface CheckDef<P = Record<string, unknown>> {
  kind: string;
  description: string;
  /** JSON Schema of `params` in the exercise file. */
  params: Record<string, unknown>;
  references(params: P): References;
  evaluate(ctx: CheckContext, params: P): CheckOutcome;
}

/**
 * Declares a check kind. Pure normalisation, no registration: the table in `index.ts` lists it, and that table is
 * the closed vocabulary of `checks[].kind`.
 *
 * @example
 * export default defineCheck<{ question: string }>({ kind: 'answer-refusal', params: {…}, references, evaluate });
 */
export function defineCheck<P>(def: CheckDef<P>): CheckDef {
  return def as unknown as CheckDef;
}

/** The expected value of an answer check: a key function's result, or a literal from the exercise data. */
export interface ExpectedParams {
  key?: string;
  keyParams?: Record<string, unknown>;
  expected?: string | number | string[];
}

export const expectedSchema = {
  key: { type: 'string', minLength: 1 },
  keyParams: { type: 'object' },
  expected: {
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
  },
} as const;

/** Exactly one of `key` and `expected`. */
export const oneExpected = {
  oneOf: [
    { required: ['key'], not: { required: ['expected'] } },
    { required: ['expected'], not: { required: ['key'] } },
  ],
};

export function expectedOf(ctx: CheckContext, p: ExpectedParams): KeyValue {
  if (p.key !== undefined) return ctx.key(p.key, p.keyParams ?? {});
  return p.expected ?? null;
}

export const keyRefs = (p: ExpectedParams): References['keys'] =>
  p.key === undefined ? [] : [{ name: p.key, params: p.keyParams ?? {} }];
