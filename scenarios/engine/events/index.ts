import death from './death.ts';
import type { EventKind } from './define.ts';
import employment from './employment.ts';
import gmd from './gmd.ts';
import handicap from './handicap.ts';
import healthInsurance from './health-insurance.ts';
import heatingAllowance from './heating-allowance.ts';
import housingWaitlist from './housing-waitlist.ts';
import huurpremie from './huurpremie.ts';
import huursubsidie from './huursubsidie.ts';
import installationPremium from './installation-premium.ts';
import inszCancelled from './insz-cancelled.ts';
import inszReplaced from './insz-replaced.ts';
import kbi from './kbi.ts';
import led from './led.ts';
import leefloon from './leefloon.ts';
import leefloonRevision from './leefloon-revision.ts';
import leefloonStop from './leefloon-stop.ts';
import mediprima from './mediprima.ts';
import move from './move.ts';
import partner from './partner.ts';
import pension from './pension.ts';
import property from './property.ts';
import selfEmployed from './self-employed.ts';
import separate from './separate.ts';
import settle from './settle.ts';
import sickness from './sickness.ts';
import stayAbroad from './stay-abroad.ts';
import unemployment from './unemployment.ts';
import unemploymentSanction from './unemployment-sanction.ts';

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
  'unemployment-sanction': unemploymentSanction,
  'self-employed': selfEmployed,
  gmd,
  mediprima,
  kbi,
  'housing-waitlist': housingWaitlist,
  huurpremie,
  huursubsidie,
  led,
  pension,
  handicap,
  sickness,
  property,
  'heating-allowance': heatingAllowance,
  'stay-abroad': stayAbroad,
  'insz-replaced': inszReplaced,
  'insz-cancelled': inszCancelled,
} as const satisfies Record<string, EventKind<never>>;

export type EventKindId = keyof typeof EVENT_KINDS;

export function eventKind(id: string): EventKind<Record<string, unknown>> | undefined {
  return (EVENT_KINDS as Record<string, EventKind<Record<string, unknown>> | undefined>)[id];
}
