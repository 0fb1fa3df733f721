import type { KeyContext, KeyValue } from '../types.ts';

/**
 * A key function: computes one expected answer from the participant's world (server side only; the browser never
 * sees it before submission). `params` is the JSON Schema of the parameters an exercise may give it.
 */
export interface KeyDef<P = Record<string, unknown>> {
  name: string;
  description: string;
  params: Record<string, unknown>;
  compute(ctx: KeyContext, params: P): KeyValue;
}

/**
 * Declares a key function. Pure normalisation, no registration: the table in `index.ts` lists it.
 *
 * @example
 * export default defineKey<{ field: 'amount' }>({ name: 'esv-current-decision', params: {…}, compute: (ctx, p) => … });
 */
export function defineKey<P>(def: KeyDef<P>): KeyDef<Record<string, unknown>> {
  return def as unknown as KeyDef<Record<string, unknown>>;
}

/** Thrown when a key cannot be computed for a variant (a data error: the sweep finds it). */
export class KeyError extends Error {}

export function needSubject(ctx: KeyContext) {
  if (!ctx.subject) throw new KeyError(`exercise ${ctx.exercise.id} has no subject`);
  return ctx.subject;
}

/** Cents to euros, as a number with two decimals. */
export const euros = (cents: number): number => Math.round(cents) / 100;
