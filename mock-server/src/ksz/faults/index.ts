/**
 * Faults on demand, seeded and reproducible: the kinds table, the checks of the admin API's input, and the engine
 * the request pipeline asks once per request.
 */
export { createFaultEngine, type FaultContext, type FaultDecision, type FaultEngine } from './engine.ts';
export {
  FAULT_KIND_IDS,
  FAULT_KINDS,
  type FaultEffect,
  type FaultKindInfo,
  isFaultKind,
  MAX_LATENCY_MS,
} from './kinds.ts';
export {
  FAULT_ID,
  type FaultInput,
  type FaultValidation,
  nextFaultId,
  toFaultRule,
  validateFaultInput,
} from './validate.ts';
