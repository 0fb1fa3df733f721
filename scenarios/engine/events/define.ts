import type { WorldBuilder } from '../builder.ts';
import type { IsoDate, Organisation, Person } from '../model.ts';
import type { Rng } from '../rng.ts';
import type { DateExpr } from '../scenario-types.ts';

/** What an event kind sees while it applies one step of a timeline. */
export interface EventContext {
  builder: WorldBuilder;
  rng: Rng;
  /** Scenario id (or `background`), used in generated ids. */
  origin: string;
  /** The date the step happens. */
  date: IsoDate;
  /** The person a role names in this scenario. */
  person(role: string): Person;
  /** Resolves a date expression of the same scenario (`null` stays open-ended). */
  resolve(expr: DateExpr | null | undefined): IsoDate | null;
}

/** A JSON Schema fragment for an event's params (checked when scenario files load). */
export type ParamsSchema = Record<string, unknown>;

export interface EventKind<P = Record<string, unknown>> {
  kind: string;
  /** One line: what the event does to the world. */
  description: string;
  params: ParamsSchema;
  apply(ctx: EventContext, who: Person, params: P): void;
}

/**
 * Declares an event kind. Pure normalisation: registration is the row in `events/index.ts`.
 *
 * @example
 * export default defineEvent<{ country: string }>({ kind: 'stay-abroad', description: '…', params: {…}, apply(ctx, who, p) {…} });
 */
export function defineEvent<P>(def: EventKind<P>): EventKind<P> {
  return def;
}

export const dateExprSchema = {
  oneOf: [
    { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    {
      type: 'object',
      required: ['after'],
      additionalProperties: false,
      properties: {
        after: { type: 'string' },
        years: { type: 'integer' },
        months: { type: 'integer' },
        days: { type: 'integer' },
      },
    },
    {
      type: 'object',
      required: ['between'],
      additionalProperties: false,
      properties: {
        between: {
          type: 'array',
          minItems: 2,
          maxItems: 2,
          items: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
  ],
} as const;

export const untilSchema = { oneOf: [dateExprSchema, { type: 'null' }] } as const;

/** Euro amounts in params are written as numbers with cents (e.g. 1288.46) and stored as eurocent. */
export function cents(euros: number): number {
  return Math.round(euros * 100);
}

/**
 * The OCMW competent for where the person lives on `date`. Herstappe has no OCMW: its inhabitants are served
 * here by the OCMW of Tongeren (73083) — a modelling choice, not a legal statement.
 */
export function competentOcmw(ctx: EventContext, who: Person, date: IsoDate = ctx.date): Organisation {
  const nis = ctx.builder.addressOn(who, date)?.nis ?? '73083';
  const ocmw = ctx.builder.pools.ocmwByNis.get(nis) ?? ctx.builder.pools.ocmwByNis.get('73083');
  if (!ocmw) throw new Error(`no OCMW for municipality ${nis}`);
  return ocmw;
}
