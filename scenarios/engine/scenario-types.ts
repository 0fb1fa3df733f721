import type { HouseholdRole, IsoDate, Language, Sex } from './model.ts';

/**
 * A scenario file (`scenarios/library/<id>.json`): a named life situation, data only, validated by
 * `scenarios/library/scenario.schema.json`. Its persons are created at birth; its timeline is a list of life
 * events (one engine table, `events/index.ts`) at dates that may depend on each other; its promises are the facts
 * the sweep test checks in the built world.
 */
export type DateExpr =
  | IsoDate
  | { after: string; years?: number; months?: number; days?: number }
  | { between: [IsoDate, IsoDate] };

export interface ScenarioPerson {
  role: string;
  sex?: Sex;
  born: DateExpr;
  /** Birth date parts unknown to the register (BIS holders): rendered as 00. */
  unknownBirth?: 'day' | 'month-and-day';
  nationality?: string;
  language?: Language;
  insz?: 'rr' | 'bis' | 'bis-unknown-sex';
  /** Take the family name of another role (children). */
  familyNameOf?: string;
  /** Roles of the parents: the child joins the first parent's household at birth. */
  parents?: string[];
  /** False for people without health insurance (no default mutuality). */
  insured?: boolean;
}

export interface ScenarioStep {
  id?: string;
  at: DateExpr;
  event: string;
  who: string;
  params?: Record<string, unknown>;
}

export interface ScenarioPromise {
  who: string;
  /** A list-valued field of Person (e.g. `unemployment`), or a dotted path to one (`housing.huurpremie.payments`). */
  fact: string;
  /** Every key/value here must be equal in at least `min` (default 1) items of the list. */
  match?: Record<string, unknown>;
  min?: number;
  /** A scalar field check instead of a list check, e.g. `{ "deathDate": "2023-03-14" }`. */
  equals?: unknown;
}

export interface Scenario {
  id: string;
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  remarks: string[];
  flows: string[];
  persons: ScenarioPerson[];
  timeline: ScenarioStep[];
  promises: ScenarioPromise[];
}

export type { HouseholdRole };
