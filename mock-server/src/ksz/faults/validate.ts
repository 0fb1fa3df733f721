import { parseInsz, validateInsz } from '../../../../scenarios/engine/ids/insz.ts';
import type { FaultKind, FaultRule } from '../../store/types.ts';
import { FAULT_KIND_IDS, FAULT_KINDS, type FaultKindInfo, isFaultKind, MAX_LATENCY_MS } from './kinds.ts';

/** A fault rule as an API caller describes it, checked and normalised; the tenant, id and seed defaults come later. */
export interface FaultInput {
  id?: string;
  kind: FaultKind;
  flow: string | null;
  insz: string | null;
  probability: number;
  latencyMs: [number, number] | null;
  code: string | null;
  seed?: number;
}

export type FaultValidation = { ok: true; value: FaultInput } | { ok: false; errors: string[] };

export const FAULT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const FIELDS = ['id', 'kind', 'flow', 'insz', 'probability', 'latencyMs', 'code', 'seed'];

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function latencyRange(value: unknown, errors: string[]): [number, number] | null {
  const inRange = (n: unknown): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_LATENCY_MS;
  const rule = `latencyMs must be a whole number of milliseconds from 0 to ${MAX_LATENCY_MS}, or a range [min, max] of those`;
  if (typeof value === 'number') {
    if (inRange(value)) return [value, value];
    errors.push(`${rule}; got ${show(value)}`);
    return null;
  }
  if (Array.isArray(value) && value.length === 2) {
    const [min, max] = value as [unknown, unknown];
    if (!inRange(min) || !inRange(max)) {
      errors.push(`${rule}; got ${show(value)}`);
      return null;
    }
    if (min > max) {
      errors.push(`latencyMs range [${min}, ${max}] has its minimum above its maximum`);
      return null;
    }
    return [min, max];
  }
  errors.push(`${rule}; got ${show(value)}`);
  return null;
}

/**
 * Checks a fault rule from the admin API and normalises it (INSZ without separators, a fixed latency as a range,
 * the kind's default code). Every problem is reported, each in a sentence that names the field.
 *
 * @example
 * validateFaultInput({ kind: 'unavailable', flow: 'retrieve-ti-groups', probability: 0.3 }, ['retrieve-ti-groups']);
 * // { ok: true, value: { kind: 'unavailable', flow: 'retrieve-ti-groups', insz: null, probability: 0.3,
 * //   latencyMs: null, code: 'MSG00001' } }
 * validateFaultInput({ kind: 'slow' }); // { ok: false, errors: ['kind must be one of latency, unavailable, …'] }
 */
export function validateFaultInput(body: unknown, knownFlows?: readonly string[]): FaultValidation {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: ['the fault must be a JSON object'] };
  const b = body as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(b))
    if (!FIELDS.includes(key)) errors.push(`unknown field ${show(key)} (fields: ${FIELDS.join(', ')})`);

  const kindOk = isFaultKind(b.kind);
  if (!kindOk) errors.push(`kind must be one of ${FAULT_KIND_IDS.join(', ')}; got ${show(b.kind)}`);

  let id: string | undefined;
  if (b.id !== undefined) {
    if (typeof b.id === 'string' && FAULT_ID.test(b.id)) id = b.id;
    else errors.push(`id must be 1 to 63 lower-case letters, digits or dashes; got ${show(b.id)}`);
  }

  let flow: string | null = null;
  if (b.flow !== undefined && b.flow !== null) {
    if (typeof b.flow !== 'string' || b.flow === '') errors.push(`flow must be a flow id or null; got ${show(b.flow)}`);
    else if (knownFlows && !knownFlows.includes(b.flow))
      errors.push(`unknown flow ${show(b.flow)} (known: ${knownFlows.join(', ') || 'none'})`);
    else flow = b.flow;
  }

  let insz: string | null = null;
  if (b.insz !== undefined && b.insz !== null) {
    const parsed = typeof b.insz === 'string' ? parseInsz(b.insz) : null;
    if (parsed) insz = parsed;
    else {
      const reason = typeof b.insz === 'string' ? validateInsz(b.insz.replace(/[\s.\-=]/g, '')) : null;
      errors.push(`insz is not a valid INSZ: ${reason && !reason.valid ? reason.reason : `got ${show(b.insz)}`}`);
    }
  }

  let probability = 1;
  if (b.probability !== undefined) {
    if (typeof b.probability === 'number' && Number.isFinite(b.probability) && b.probability >= 0 && b.probability <= 1)
      probability = b.probability;
    else
      errors.push(`probability must be a number from 0 to 1 (1 = every matching request); got ${show(b.probability)}`);
  }

  let latencyMs: [number, number] | null = null;
  let code: string | null = null;
  if (kindOk) {
    const info: FaultKindInfo = FAULT_KINDS[b.kind as FaultKind];
    if (info.latency) {
      if (b.latencyMs === undefined || b.latencyMs === null) errors.push(`a ${show(b.kind)} fault needs latencyMs`);
      else latencyMs = latencyRange(b.latencyMs, errors);
    } else if (b.latencyMs !== undefined && b.latencyMs !== null) {
      errors.push(
        `latencyMs only applies to kind "latency"; add a separate latency rule to delay a ${show(b.kind)} fault`,
      );
    }
    if (b.code !== undefined && b.code !== null) {
      if (info.codes.length === 0) errors.push(`a ${show(b.kind)} fault has no code; got ${show(b.code)}`);
      else if (typeof b.code !== 'string' || !info.codes.includes(b.code))
        errors.push(`code of a ${show(b.kind)} fault must be one of ${info.codes.join(', ')}; got ${show(b.code)}`);
      else code = b.code;
    } else code = info.codes[0] ?? null;
  }

  let seed: number | undefined;
  if (b.seed !== undefined) {
    if (typeof b.seed === 'number' && Number.isSafeInteger(b.seed) && b.seed >= 0) seed = b.seed;
    else errors.push(`seed must be a non-negative integer; got ${show(b.seed)}`);
  }

  if (errors.length > 0) return { ok: false, errors };
  const value: FaultInput = { kind: b.kind as FaultKind, flow, insz, probability, latencyMs, code };
  if (id !== undefined) value.id = id;
  if (seed !== undefined) value.seed = seed;
  return { ok: true, value };
}

/**
 * The id for a new rule without one: `f1`, `f2` … after the highest in use. Deterministic, so a test run that
 * posts the same rules to a fresh tenant gets the same ids, hence the same random streams.
 */
export function nextFaultId(existing: readonly Pick<FaultRule, 'id'>[]): string {
  let max = 0;
  for (const { id } of existing) {
    const m = /^f(\d{1,9})$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `f${max + 1}`;
}

/** A stored rule from a checked input. `seed` falls back to the given default (the tenant's seed). */
export function toFaultRule(
  input: FaultInput,
  at: { tenant: string; id: string; defaultSeed: number; createdAt: string },
): FaultRule {
  return {
    id: at.id,
    tenant: at.tenant,
    kind: input.kind,
    flow: input.flow,
    insz: input.insz,
    probability: input.probability,
    latencyMs: input.latencyMs,
    code: input.code,
    seed: input.seed ?? at.defaultSeed,
    createdAt: at.createdAt,
  };
}
