import type { KbiFile } from '../model.ts';
import type { DateExpr } from '../scenario-types.ts';
import { dateExprSchema, defineEvent, untilSchema } from './define.ts';

/** Course providers for NT2 (Dutch as a second language): kinds of provider, no particular school. */
const NT2_PROVIDERS = [
  'Centrum voor Volwassenenonderwijs (CVO)',
  'Centrum voor Basiseducatie (CBE)',
  'Universitair Talencentrum',
] as const;

type Nt2Param = {
  level: KbiFile['nt2'][number]['level'];
  provider?: string;
  from?: DateExpr;
  until?: DateExpr | null;
  status?: KbiFile['nt2'][number]['status'];
};

/**
 * The KBI file (Kruispuntbank Inburgering) of an inburgeraar: the first event opens it with a trajectory; later
 * events change its status (a finished or stopped trajectory ends on that date), record the contract and the
 * certificate, and add NT2 courses (VVSG page; ksz-flows.md §9; fields modelled on GeefDossierKBI).
 */
export default defineEvent<{
  kind?: KbiFile['trajectory']['kind'];
  status?: KbiFile['trajectory']['status'];
  until?: DateExpr | null;
  contract?: DateExpr;
  certificate?: DateExpr;
  nt2?: Nt2Param[];
}>({
  kind: 'kbi',
  description:
    'Opens or updates the KBI civic-integration file: trajectory kind and status, contract, certificate, NT2 courses.',
  params: {
    type: 'object',
    additionalProperties: false,
    properties: {
      kind: { enum: ['verplicht', 'rechthebbend', 'vrijwillig'] },
      status: { enum: ['lopend', 'afgerond', 'stopgezet'] },
      until: untilSchema,
      contract: dateExprSchema,
      certificate: dateExprSchema,
      nt2: {
        type: 'array',
        items: {
          type: 'object',
          required: ['level'],
          additionalProperties: false,
          properties: {
            level: { enum: ['A1', 'A2', 'B1', 'B2'] },
            provider: { type: 'string', minLength: 3 },
            from: dateExprSchema,
            until: untilSchema,
            status: { enum: ['lopend', 'behaald', 'gestopt'] },
          },
        },
      },
    },
  },
  apply(ctx, who, p) {
    let file = who.kbi;
    if (!file) {
      const region = ctx.builder.pools.municipalities.find(
        (m) => m.nis === ctx.builder.addressOn(who, ctx.date)?.nis,
      )?.region;
      file = {
        registeredBy:
          region === 'brussels' ? 'Huis van het Nederlands Brussel' : 'Agentschap Integratie en Inburgering',
        trajectory: {
          from: ctx.date,
          to: ctx.resolve(p.until),
          kind: p.kind ?? 'verplicht',
          status: p.status ?? 'lopend',
        },
        nt2: [],
      };
      who.kbi = file;
    } else {
      if (p.kind) file.trajectory.kind = p.kind;
      if (p.until !== undefined) file.trajectory.to = ctx.resolve(p.until);
      if (p.status) {
        file.trajectory.status = p.status;
        if (p.status !== 'lopend') file.trajectory.to = ctx.date;
      }
    }
    const contract = ctx.resolve(p.contract);
    if (contract) file.contract = { signedOn: contract };
    const certificate = ctx.resolve(p.certificate);
    if (certificate) file.certificate = { issuedOn: certificate };
    for (const course of p.nt2 ?? []) {
      file.nt2.push({
        level: course.level,
        provider: course.provider ?? ctx.rng.pick(NT2_PROVIDERS),
        period: { from: ctx.resolve(course.from) ?? ctx.date, to: ctx.resolve(course.until) },
        status: course.status ?? 'lopend',
      });
    }
  },
});
