import type { OcmwDecision } from '../../../../scenarios/engine/model.ts';

export const REVISION_TYPES = ['indexation', 'resources', 'exemption', 'category', 'stop'] as const;
export type RevisionType = (typeof REVISION_TYPES)[number];

const resourcesOf = (d: Pick<OcmwDecision, 'calculation'>) =>
  JSON.stringify(
    [...d.calculation.resources].map((r) => `${r.kind}=${r.monthlyCents}`).sort((a, b) => a.localeCompare(b)),
  );

/**
 * What a decision changed in the decision it revises, read from the structure (not the free-text reason): a stop,
 * the category, the resources, the exemption; a revision that changed none of these is an indexation.
 */
type Decisionish = Pick<OcmwDecision, 'calculation'> & { kind?: OcmwDecision['kind']; category?: string | null };

export function revisionTypes(d: Decisionish, revised: Decisionish | undefined): RevisionType[] {
  if (!revised) return [];
  if (d.kind === 'stop') return ['stop'];
  const out: RevisionType[] = [];
  if ((d.category ?? null) !== (revised.category ?? null)) out.push('category');
  if (resourcesOf(d) !== resourcesOf(revised)) out.push('resources');
  if (d.calculation.exemptionCents !== revised.calculation.exemptionCents) out.push('exemption');
  return out.length > 0 ? out : ['indexation'];
}
