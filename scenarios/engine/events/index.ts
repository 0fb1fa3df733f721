import death from './death.ts';
import type { EventKind } from './define.ts';
import employment from './employment.ts';
import healthInsurance from './health-insurance.ts';
import installationPremium from './installation-premium.ts';
import leefloon from './leefloon.ts';
import leefloonRevision from './leefloon-revision.ts';
import leefloonStop from './leefloon-stop.ts';
import move from './move.ts';
import partner from './partner.ts';
import separate from './separate.ts';
import settle from './settle.ts';
import unemployment from './unemployment.ts';

/**
 * The closed vocabulary of life events: one row per kind. Scenario files name these in `timeline[].event`;
 * the background population uses the same kinds, so there is one engine for both.
 */
export const EVENT_KINDS = {
  settle,
  move,
  partner,
  separate,
  death,
  employment,
  unemployment,
  'health-insurance': healthInsurance,
  leefloon,
  'leefloon-revision': leefloonRevision,
  'leefloon-stop': leefloonStop,
  'installation-premium': installationPremium,
} as const satisfies Record<string, EventKind<never>>;

export type EventKindId = keyof typeof EVENT_KINDS;

export function eventKind(id: string): EventKind<Record<string, unknown>> | undefined {
  return (EVENT_KINDS as Record<string, EventKind<Record<string, unknown>> | undefined>)[id];
}
