import { drawAddress, pickMunicipality } from './address.ts';
import { defineEvent } from './define.ts';

/** The partner leaves the household for an address of their own; a marriage becomes a divorce when asked. */
export default defineEvent<{ from: string; divorce?: boolean }>({
  kind: 'separate',
  description:
    'The named partner moves out to a new household; civil states follow (divorced, or single after legal cohabitation).',
  params: {
    type: 'object',
    required: ['from'],
    additionalProperties: false,
    properties: { from: { type: 'string' }, divorce: { type: 'boolean' } },
  },
  apply(ctx, who, p) {
    const b = ctx.builder;
    const leaving = ctx.person(p.from);
    b.joinHousehold(leaving, b.newHousehold(ctx.origin), 'head', ctx.date);
    const current = b.addressOn(who, ctx.date);
    const m = pickMunicipality(ctx.rng, current?.nis);
    b.setAddress(leaving, drawAddress(ctx.rng, m), ctx.date);
    const state = who.civilStates[who.civilStates.length - 1]?.state;
    if (state === 'married') {
      const next = p.divorce ? 'divorced' : 'separated';
      b.setCivilState(who, next, ctx.date, p.divorce ? undefined : leaving.insz);
      b.setCivilState(leaving, next, ctx.date, p.divorce ? undefined : who.insz);
    } else if (state === 'legal-cohabitation') {
      b.setCivilState(who, 'single', ctx.date);
      b.setCivilState(leaving, 'single', ctx.date);
    }
  },
});
