import { drawBackgroundHousehold } from './background.ts';
import { WorldBuilder } from './builder.ts';
import { finishWorld } from './finish.ts';
import { loadLibrary } from './library.ts';
import type { Organisation, User, World } from './model.ts';
import { loadPreset, type Preset } from './presets.ts';
import { createRng } from './rng.ts';
import { runScenario } from './run-scenario.ts';
import type { Scenario } from './scenario-types.ts';

export interface BuildOptions {
  preset: string;
  seed: number;
  /** Overrides the preset's number of background households. */
  households?: number;
  /** Only this named scenario (plus background households). */
  scenario?: string;
  /** Called now and then with the number of background households done. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Builds a world from a preset and a seed. Named scenarios come first, each from its own random stream, so
 * they do not change when the number of background households does; same options → the same world, byte for byte.
 *
 * @example
 * const world = buildWorld({ preset: 'small', seed: 7 });
 * world.persons.length; // ~500
 */
export function buildWorld(opts: BuildOptions, library: Scenario[] = loadLibrary()): World {
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0)
    throw new Error(`seed must be a non-negative integer, got ${opts.seed}`);
  const preset = loadPreset(opts.preset);
  const households = opts.households ?? preset.households;
  if (!Number.isSafeInteger(households) || households < 0 || households > 1_000_000)
    throw new Error(`households must be an integer from 0 to 1,000,000, got ${households}`);
  const scenarios = selectScenarios(preset, library, opts.scenario);
  const b = new WorldBuilder(opts.seed);
  // Users first: their INSZ-shaped ids then never depend on how many persons follow.
  const users = makeUsers(b, preset, opts.seed);
  for (const s of scenarios) runScenario(b, s, createRng(`${opts.seed}/scenario:${s.id}`));
  const bg = createRng(`${opts.seed}/background`);
  for (let i = 0; i < households; i++) {
    const rng = bg.fork(String(i));
    runScenario(b, drawBackgroundHousehold(rng, i + 1), rng);
    if (opts.onProgress && (i + 1) % 1000 === 0) opts.onProgress(i + 1, households);
  }
  finishWorld(b, opts.seed);
  let from = '9999-12-31';
  for (const p of b.persons) {
    const d = p.birthDate.replace(/-00/g, '-01');
    if (d < from) from = d;
  }
  return {
    preset: preset.id,
    seed: opts.seed,
    span: { from: from.slice(0, 4) < '1956' ? from : '1956-01-01', to: '2030-12-31' },
    organisations: b.organisations,
    users,
    households: b.households(),
    persons: b.persons,
  };
}

function selectScenarios(preset: Preset, library: Scenario[], only?: string): Scenario[] {
  if (only !== undefined) {
    const s = library.find((x) => x.id === only);
    if (!s) throw new Error(`unknown scenario "${only}" (known: ${library.map((x) => x.id).join(', ')})`);
    return [s];
  }
  if (preset.scenarios === 'all') return library;
  return preset.scenarios.map((id) => {
    const s = library.find((x) => x.id === id);
    if (!s) throw new Error(`preset ${preset.id} names unknown scenario "${id}"`);
    return s;
  });
}

function makeUsers(b: WorldBuilder, preset: Preset, seed: number): User[] {
  const rng = createRng(`${seed}/users`);
  return preset.users.map((u) => {
    const ocmw: Organisation | undefined = b.pools.ocmwByNis.get(u.ocmwNis);
    if (!ocmw) throw new Error(`preset ${preset.id}: user ${u.username} names NIS ${u.ocmwNis}, which has no OCMW`);
    const birth = rng.date('1965-01-01', '1999-12-31');
    const userId = b.insz.allocate(birth, rng.chance(0.5) ? 'M' : 'F', () => rng.next());
    const domain = ocmw.name.nl
      .toLowerCase()
      .replace(/^ocmw /, '')
      .replace(/[^a-z]+/g, '');
    return {
      userId,
      username: u.username,
      password: u.password,
      name: u.name,
      email: `${u.username}@ocmw-${domain}.example`,
      organisation: ocmw.id,
      role: u.role,
    };
  });
}
