import type { FaultKind } from '../../store/types.ts';

/** What a face does when a rule of this kind hits. */
export type FaultEffect = 'unavailable' | 'internal-error' | 'drop';

export interface FaultKindInfo {
  description: string;
  /** What the face must do; null when the rule only delays the answer. */
  effect: FaultEffect | null;
  /** Status codes a rule of this kind may carry; the first is the default. Empty: the kind has no code. */
  codes: readonly string[];
  /** Whether the rule needs `latencyMs` (and only then may have it). */
  latency: boolean;
}

/**
 * The fault vocabulary, one row per kind. The `satisfies` ties the table to `FaultKind` in the store's types:
 * a kind added there without a row here does not compile.
 */
export const FAULT_KINDS = {
  latency: {
    description: 'Delays the answer by latencyMs: a fixed number or a [min, max] range, drawn per request.',
    effect: null,
    codes: [],
    latency: true,
  },
  unavailable: {
    description:
      'Answers NO_RESULT with MSG00001 (the KSZ service is temporarily unavailable) or MSG00002 (the supplier could not be reached).',
    effect: 'unavailable',
    codes: ['MSG00001', 'MSG00002'],
    latency: false,
  },
  'internal-error': {
    description: 'Answers MSG00003 as a SOAP fault (soapenv:Server, HTTP 500); the JSON face answers HTTP 500.',
    effect: 'internal-error',
    codes: ['MSG00003'],
    latency: false,
  },
  drop: {
    description: 'Closes the connection without an answer.',
    effect: 'drop',
    codes: [],
    latency: false,
  },
} as const satisfies Record<FaultKind, FaultKindInfo>;

export const FAULT_KIND_IDS = Object.keys(FAULT_KINDS) as FaultKind[];

/** Longest delay a latency rule may add: longer than any client timeout worth testing, short of a stuck server. */
export const MAX_LATENCY_MS = 60_000;

export const isFaultKind = (value: unknown): value is FaultKind =>
  typeof value === 'string' && Object.hasOwn(FAULT_KINDS, value);
