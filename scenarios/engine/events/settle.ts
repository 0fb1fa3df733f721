import { drawAddress, pickMunicipality, type Region } from './address.ts';
import { defineEvent } from './define.ts';

/** First address in Belgium (arrival, or founding a household) in a new or an existing household. */
export default defineEvent<{
  nis?: string;
  region?: Region;
  join?: string;
  as?: 'head' | 'partner' | 'child' | 'parent' | 'other';
  reference?: boolean;
}>({
  kind: 'settle',
  description: 'Takes up a domicile (or an OCMW reference address) and founds or joins a household.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      nis: { type: 'string', pattern: '^\\d{5}$' },
      region: { enum: ['flanders', 'wallonia', 'brussels'] },
      join: { type: 'string' },
      as: { enum: ['head', 'partner', 'child', 'parent', 'other'] },
      reference: { type: 'boolean' },
    },
  },
  apply(ctx, who, p) {
    const b = ctx.builder;
    if (p.join) {
      const host = ctx.person(p.join);
      const hh = b.householdOn(host, ctx.date);
      const address = b.addressOn(host, ctx.date);
      if (!hh || !address) throw new Error(`settle: ${p.join} has no household or address on ${ctx.date}`);
      b.joinHousehold(who, hh.householdId, p.as ?? 'other', ctx.date);
      const { from: _f, to: _t, ...rest } = address;
      b.setAddress(who, rest, ctx.date);
      return;
    }
    const m = pickMunicipality(ctx.rng, p.nis, p.region);
    b.joinHousehold(who, b.newHousehold(ctx.origin), p.as ?? 'head', ctx.date);
    b.setAddress(who, drawAddress(ctx.rng, m, p.reference ? 'reference' : 'main'), ctx.date);
  },
});
