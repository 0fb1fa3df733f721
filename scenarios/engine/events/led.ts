import type { LedEvidence } from '../model.ts';
import { defineEvent } from './define.ts';

/**
 * A piece of evidence in the LED (Leer- en Ervaringsbewijzen databank): a diploma, certificate or proof of
 * experience issued on this date, from an authentic source or declared by the person, verified or not
 * (VVSG page; ksz-flows.md §11; fields modelled).
 */
export default defineEvent<{
  kind: LedEvidence['kind'];
  title: string;
  level?: string;
  institution: string;
  source?: LedEvidence['source'];
  verified?: boolean;
}>({
  kind: 'led',
  description:
    'Adds a diploma, certificate or experience proof to the LED (authentic or self-declared, verified or not).',
  params: {
    type: 'object',
    required: ['kind', 'title', 'institution'],
    additionalProperties: false,
    properties: {
      kind: { enum: ['diploma', 'certificate', 'experience'] },
      title: { type: 'string', minLength: 3 },
      level: { type: 'string', minLength: 1 },
      institution: { type: 'string', minLength: 3 },
      source: { enum: ['authentic', 'self-declared'] },
      verified: { type: 'boolean' },
    },
  },
  apply(ctx, who, p) {
    const source = p.source ?? 'authentic';
    const evidence: LedEvidence = {
      id: ctx.builder.nextId(`LED${who.insz}`),
      kind: p.kind,
      title: p.title,
      institution: p.institution,
      issuedOn: ctx.date,
      source,
      verified: p.verified ?? source === 'authentic',
    };
    if (p.level) evidence.level = p.level;
    who.led.push(evidence);
  },
});
