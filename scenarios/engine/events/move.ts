import { drawAddress, pickMunicipality, type Region } from './address.ts';
import { defineEvent } from './define.ts';

/** A move: the whole household moves along unless `alone`, which also starts a new household. */
export default defineEvent<{ nis?: string; region?: Region; alone?: boolean; reference?: boolean }>({
  kind: 'move',
  description: 'Moves to a new address (with the household, or alone into a new household).',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      nis: { type: 'string', pattern: '^\\d{5}$' },
      region: { enum: ['flanders', 'wallonia', 'brussels'] },
      alone: { type: 'boolean' },
      reference: { type: 'boolean' },
    },
  },
  apply(ctx, who, p) {
    const b = ctx.builder;
    const address = drawAddress(
      ctx.rng,
      pickMunicipality(ctx.rng, p.nis, p.region),
      p.reference ? 'reference' : 'main',
    );
    const hh = b.householdOn(who, ctx.date);
    if (p.alone || !hh) {
      b.joinHousehold(who, b.newHousehold(ctx.origin), 'head', ctx.date);
      b.setAddress(who, address, ctx.date);
      return;
    }
    for (const member of b.membersOn(hh.householdId, ctx.date)) b.setAddress(member, address, ctx.date);
  },
});
