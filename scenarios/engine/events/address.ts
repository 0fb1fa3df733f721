import { MUNICIPALITIES, type Municipality } from '../geo/municipalities.ts';
import type { AddressPeriod } from '../model.ts';
import { drawStreet } from '../names.ts';
import type { Rng } from '../rng.ts';

export type Region = Municipality['region'];

const WEIGHTED = MUNICIPALITIES.map((m) => [m, m.inhabitants] as const);
const BY_REGION = new Map<Region, (readonly [Municipality, number])[]>();
for (const entry of WEIGHTED) {
  const list = BY_REGION.get(entry[0].region) ?? [];
  list.push(entry);
  BY_REGION.set(entry[0].region, list);
}

/** A municipality by NIS code, or drawn by population (within a region when given). */
export function pickMunicipality(rng: Rng, nis?: string, region?: Region): Municipality {
  if (nis) {
    const m = MUNICIPALITIES.find((x) => x.nis === nis);
    if (!m) throw new Error(`unknown municipality NIS code ${nis}`);
    return m;
  }
  return rng.weighted(region ? (BY_REGION.get(region) ?? WEIGHTED) : WEIGHTED);
}

/** A synthetic street address in a real municipality. */
export function drawAddress(
  rng: Rng,
  m: Municipality,
  kind: AddressPeriod['kind'] = 'main',
): Omit<AddressPeriod, 'from' | 'to'> {
  const language = m.region === 'flanders' ? 'nl' : 'fr';
  const address: Omit<AddressPeriod, 'from' | 'to'> = {
    nis: m.nis,
    postcode: m.postcode,
    municipality: { nl: m.nl, fr: m.fr },
    street: drawStreet(rng, language),
    houseNumber: String(rng.int(1, 180)),
    kind,
  };
  if (rng.chance(0.15)) address.box = String(rng.int(1, 12));
  return address;
}

export function languageOf(m: Municipality): 'nl' | 'fr' | 'de' {
  return m.region === 'flanders' ? 'nl' : 'fr';
}
