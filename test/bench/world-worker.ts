import { base, en, Faker, nl_BE } from '@faker-js/faker';
import { loadLibrary } from '../../scenarios/engine/library.ts';
import { buildWorld } from '../../scenarios/engine/world.ts';

/**
 * One measurement in its own process (so peak memory is its own): prints JSON
 * `{ name, persons, ms, maxRssMb }` on stdout.
 */
const [mode, arg] = process.argv.slice(2);
const started = performance.now();
let persons = 0;
let libraryMs = 0;
let buildMs: number | undefined;
if (mode === 'faker-baseline') {
  // Baseline: plain seeded Faker persons (name, birth date, address), no timelines.
  const faker = new Faker({ locale: [nl_BE, en, base] });
  faker.seed(1);
  const n = Number(arg);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      givenName: faker.person.firstName(),
      familyName: faker.person.lastName(),
      birthDate: faker.date.birthdate({ refDate: '2025-06-30T00:00:00Z' }).toISOString().slice(0, 10),
      street: faker.location.street(),
      city: faker.location.city(),
    });
  }
  persons = out.length;
} else if (mode === 'world') {
  // The scenario library is loaded and validated once per process (a server builds many worlds from it).
  const library = loadLibrary();
  libraryMs = performance.now() - started;
  const [preset, households] = (arg ?? 'default').split(':');
  const t = performance.now();
  const world = buildWorld(
    { preset: preset ?? 'default', seed: 1, ...(households ? { households: Number(households) } : {}) },
    library,
  );
  buildMs = performance.now() - t;
  persons = world.persons.length;
}
const ms = buildMs ?? performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ mode, arg, persons, ms, libraryMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
