import { closeOpen } from '../builder.ts';
import type { HandicapRecognition } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { cents, dateExprSchema, defineEvent, untilSchema } from './define.ts';

type AllowanceParam = {
  kind: HandicapRecognition['allowances'][number]['kind'];
  monthly: number;
  from?: DateExpr;
  until?: DateExpr | null;
};

/**
 * A recognition by the DG Persons with a Handicap (HandiFlux): the self-reliance points and the allowances paid —
 * IVT (income replacement), IT (integration), THAB (assistance to the elderly). A new recognition replaces the
 * running one from this date (ksz-flows.md §12.3; amounts modelled).
 */
export default defineEvent<{ points: number; until?: DateExpr | null; allowances?: AllowanceParam[] }>({
  kind: 'handicap',
  description: 'Recognises a handicap (points) with IVT / IT / THAB allowances; replaces the running recognition.',
  params: {
    type: 'object',
    required: ['points'],
    additionalProperties: false,
    properties: {
      points: { type: 'integer', minimum: 0, maximum: 18 },
      until: untilSchema,
      allowances: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'monthly'],
          additionalProperties: false,
          properties: {
            kind: { enum: ['IVT', 'IT', 'THAB'] },
            monthly: { type: 'number', minimum: 0 },
            from: dateExprSchema,
            until: untilSchema,
          },
        },
      },
    },
  },
  apply(ctx, who, p) {
    const running = who.handicap[who.handicap.length - 1];
    closeOpen(who.handicap, ctx.date);
    if (running && running.to !== null)
      for (const a of running.allowances)
        if (a.period.to === null || a.period.to > running.to) a.period.to = running.to;
    const to = ctx.resolve(p.until);
    who.handicap.push({
      from: ctx.date,
      to,
      points: p.points,
      allowances: (p.allowances ?? []).map((a) => ({
        kind: a.kind,
        monthlyCents: cents(a.monthly),
        period: { from: ctx.resolve(a.from) ?? ctx.date, to: a.until !== undefined ? ctx.resolve(a.until) : to },
      })),
    });
  },
});
