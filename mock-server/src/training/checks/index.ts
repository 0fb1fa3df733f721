import amountWithin from './amount-within.ts';
import answerEquals from './answer-equals.ts';
import answerRefusal from './answer-refusal.ts';
import type { CheckDef } from './define.ts';
import flagsMatch from './flags-match.ts';
import journalConsulted from './journal-consulted.ts';
import journalNoRefusal from './journal-no-refusal.ts';
import journalNotConsulted from './journal-not-consulted.ts';
import journalRefused from './journal-refused.ts';
import journalRegisteredBeforeConsult from './journal-registered-before-consult.ts';

/**
 * The closed vocabulary of check kinds, dispatched by this one table: `checks[].kind` in an exercise file must be
 * one of its keys. One file per kind, one row here.
 */
export const CHECKS = {
  'answer-equals': answerEquals,
  'amount-within': amountWithin,
  'flags-match': flagsMatch,
  'answer-refusal': answerRefusal,
  'journal-registered-before-consult': journalRegisteredBeforeConsult,
  'journal-consulted': journalConsulted,
  'journal-not-consulted': journalNotConsulted,
  'journal-refused': journalRefused,
  'journal-no-refusal': journalNoRefusal,
} as const satisfies Record<string, CheckDef>;

export type CheckKind = keyof typeof CHECKS;

export const CHECK_KINDS = Object.keys(CHECKS) as CheckKind[];

export const checkOf = (kind: string): CheckDef | undefined =>
  Object.hasOwn(CHECKS, kind) ? CHECKS[kind as CheckKind] : undefined;
