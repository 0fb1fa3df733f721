import type { Person, World } from './model.ts';

/** Counts of persons carrying each flow-relevant fact: what the CLI and `npm start` print. */
export const FACT_COUNTERS: readonly (readonly [string, (p: Person) => boolean])[] = [
  ['BIS number', (p) => p.kind === 'bis' && !p.replacedBy],
  ['INSZ replaced', (p) => p.replacedBy !== undefined],
  ['INSZ cancelled', (p) => p.cancelled !== undefined],
  ['deceased', (p) => p.deathDate !== undefined],
  ['employment (DIMONA)', (p) => p.employment.length > 0],
  ['unemployment (RVA)', (p) => p.unemployment.length > 0],
  ['inschakelingsuitkering', (p) => p.unemployment.some((u) => u.kind === 'inschakeling')],
  ['self-employed (RSVZ)', (p) => (p.selfEmployed?.periods.length ?? 0) > 0],
  [
    'leefloon / equivalent',
    (p) => p.ocmwDecisions.some((d) => d.kind === 'leefloon' || d.kind === 'equivalent-leefloon'),
  ],
  ['installation premium', (p) => p.ocmwDecisions.some((d) => d.kind === 'installation-premium')],
  ['Mediprima card', (p) => p.mediprima.length > 0],
  ['health insurance', (p) => p.healthInsurance.length > 0],
  ['GMD', (p) => p.gmd.length > 0],
  ['KBI file', (p) => p.kbi !== undefined],
  ['huurpremie', (p) => p.housing.huurpremie !== undefined],
  ['huursubsidie', (p) => p.housing.huursubsidie !== undefined],
  ['LED evidence', (p) => p.led.length > 0],
  ['pension', (p) => p.pensions.length > 0],
  ['handicap', (p) => p.handicap.length > 0],
  ['sickness benefit', (p) => p.sickness.length > 0],
  ['child benefits (paid to)', (p) => p.childBenefits.length > 0],
  ['tax assessment', (p) => p.taxes.length > 0],
  ['property', (p) => p.property.length > 0],
  ['heating allowance', (p) => p.energy.heatingAllowances.length > 0],
  ['social tariff', (p) => p.energy.socialTariff.length > 0],
  ['stay abroad', (p) => p.staysAbroad.length > 0],
];

export interface WorldSummary {
  persons: number;
  households: number;
  organisations: number;
  users: number;
  byScenario: Record<string, number>;
  byFact: Record<string, number>;
}

export function summarise(world: World): WorldSummary {
  const byScenario: Record<string, number> = {};
  for (const p of world.persons) {
    const key = p.origin.startsWith('background-') ? 'background' : p.origin;
    byScenario[key] = (byScenario[key] ?? 0) + 1;
  }
  const byFact: Record<string, number> = {};
  for (const [label, test] of FACT_COUNTERS) byFact[label] = world.persons.filter(test).length;
  return {
    persons: world.persons.length,
    households: world.households.length,
    organisations: world.organisations.length,
    users: world.users.length,
    byScenario,
    byFact,
  };
}

export function formatSummary(world: World, s: WorldSummary = summarise(world)): string {
  const lines = [
    `World: preset ${world.preset}, seed ${world.seed}, timelines ${world.span.from} … ${world.span.to} (synthetic data)`,
    `  ${s.persons} persons, ${s.households} households, ${s.organisations} organisations, ${s.users} users`,
    '  by scenario:',
    ...Object.entries(s.byScenario)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `    ${k.padEnd(44)} ${String(v).padStart(7)}`),
    '  persons with:',
    ...Object.entries(s.byFact).map(([k, v]) => `    ${k.padEnd(44)} ${String(v).padStart(7)}`),
  ];
  return lines.join('\n');
}
