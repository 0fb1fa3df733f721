import { createRng, type Rng } from '../../../../scenarios/engine/rng.ts';
import type { FaultRule, Store } from '../../store/types.ts';
import { onTenantFork, onTenantReset } from '../tenants/hooks.ts';
import { FAULT_KINDS, type FaultEffect } from './kinds.ts';

export interface FaultContext {
  /** Catalogue id of the flow the request is for. */
  flow: string;
  /** The INSZ the request is about, when it is about one. */
  insz: string | null;
}

export interface FaultDecision {
  /** Milliseconds to wait before answering (the sum of the latency rules that hit). */
  latencyMs: number;
  /** What to answer instead of the flow's answer, or null. */
  fault: FaultEffect | null;
  /** Status code to answer with (MSG00001, MSG00002, MSG00003), or null. */
  code: string | null;
  /** Ids of the rules that took effect: the latency rules that hit, then the fault rule that won. */
  ruleIds: string[];
}

export interface FaultEngine {
  /** Draws the tenant's matching rules for one request. Call it exactly once per request. */
  decide(tenant: string, ctx: FaultContext): FaultDecision;
  /** Drops random streams (a tenant's, or one rule's), so a rule added again under the same id starts afresh. */
  forget(tenant: string, ruleId?: string): void;
  /** Unsubscribes from tenant resets and forks. */
  dispose(): void;
}

interface Stream {
  signature: string;
  rng: Rng;
}

// A rule edited in place is a different rule: its stream starts over.
const signatureOf = (r: FaultRule): string =>
  JSON.stringify([r.seed, r.createdAt, r.kind, r.flow, r.insz, r.probability, r.latencyMs, r.code]);

/**
 * Decides, per request, which of a tenant's fault rules hit. Each rule has its own random stream
 * (`createRng(`${rule.seed}/${rule.id}`)`) that advances by exactly one draw per matching request, hit or not,
 * so the same rules and the same sequence of requests give the same decisions every time, whatever other rules
 * or other tenants do. A hit is `draw < probability`; a latency rule's delay reuses that draw (scaled back to
 * 0..1), so it needs no second one. When several fault rules hit, the first in rule order wins; latencies add up.
 *
 * @example
 * const faults = createFaultEngine(store);
 * const d = faults.decide('default', { flow: 'retrieve-ti-groups', insz: '85031412302' });
 * if (d.latencyMs > 0) await sleep(d.latencyMs);
 * if (d.fault === 'unavailable') return answerStatus(d.code); // MSG00001 or MSG00002
 */
export function createFaultEngine(store: Store, opts: { hooks?: boolean } = {}): FaultEngine {
  const streams = new Map<string, Map<string, Stream>>();

  function streamFor(rule: FaultRule, own: Map<string, Stream>): Rng {
    const signature = signatureOf(rule);
    const current = own.get(rule.id);
    if (current && current.signature === signature) return current.rng;
    const rng = createRng(`${rule.seed}/${rule.id}`);
    own.set(rule.id, { signature, rng });
    return rng;
  }

  function forget(tenant: string, ruleId?: string): void {
    if (ruleId === undefined) streams.delete(tenant);
    else streams.get(tenant)?.delete(ruleId);
  }

  const unsubscribe =
    opts.hooks === false ? [] : [onTenantReset((tenant) => forget(tenant)), onTenantFork((_from, to) => forget(to))];

  return {
    decide(tenant, ctx) {
      const decision: FaultDecision = { latencyMs: 0, fault: null, code: null, ruleIds: [] };
      const rules = store.faults.list(tenant);
      if (rules.length === 0) {
        streams.delete(tenant);
        return decision;
      }
      let own = streams.get(tenant);
      if (!own) {
        own = new Map();
        streams.set(tenant, own);
      } else if (own.size > rules.length) {
        // Rules deleted behind our back: drop their streams so a new rule with the same id starts afresh.
        const live = new Set(rules.map((r) => r.id));
        for (const id of own.keys()) if (!live.has(id)) own.delete(id);
      }
      let winner: FaultRule | null = null;
      for (const rule of rules) {
        if (rule.flow !== null && rule.flow !== ctx.flow) continue;
        if (rule.insz !== null && rule.insz !== ctx.insz) continue;
        const draw = streamFor(rule, own).next();
        if (!(draw < rule.probability)) continue;
        const info = FAULT_KINDS[rule.kind];
        if (info.effect === null) {
          const [min, max] = rule.latencyMs ?? [0, 0];
          // draw / probability is uniform on [0, 1) given a hit.
          decision.latencyMs += Math.min(max, min + Math.floor((draw / rule.probability) * (max - min + 1)));
          decision.ruleIds.push(rule.id);
        } else if (winner === null) {
          winner = rule;
        }
      }
      if (winner) {
        const info = FAULT_KINDS[winner.kind];
        decision.fault = info.effect;
        decision.code = winner.code ?? info.codes[0] ?? null;
        decision.ruleIds.push(winner.id);
      }
      return decision;
    },
    forget,
    dispose() {
      for (const stop of unsubscribe) stop();
    },
  };
}
