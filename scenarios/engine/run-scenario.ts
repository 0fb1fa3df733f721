import { realDate, type WorldBuilder } from './builder.ts';
import { addDays, addMonths, addYears } from './dates.ts';
import type { EventContext } from './events/define.ts';
import { eventKind } from './events/index.ts';
import type { IsoDate, Person } from './model.ts';
import { drawName } from './names.ts';
import type { Rng } from './rng.ts';
import type { DateExpr, Scenario, ScenarioStep } from './scenario-types.ts';

/** Thrown when a scenario cannot be played; names the scenario and the JSON path. */
export class ScenarioError extends Error {
  constructor(
    readonly scenario: string,
    readonly path: string,
    message: string,
  ) {
    super(`scenario ${scenario}, ${path}: ${message}`);
  }
}

/**
 * Plays one scenario into the builder: creates its persons, then applies its timeline in date order (steps on the
 * same date keep their file order). Returns the persons by role.
 *
 * @example
 * const persons = runScenario(builder, scenario, createRng('1/scenario:deceased'));
 */
export function runScenario(builder: WorldBuilder, scenario: Scenario, rng: Rng): Map<string, Person> {
  const anchors = new Map<string, IsoDate>();
  const resolving = new Set<string>();
  const stepsById = new Map<string, ScenarioStep>();
  scenario.timeline.forEach((s) => {
    if (s.id) stepsById.set(s.id, s);
  });
  const bornExpr = new Map(scenario.persons.map((p) => [p.role, p.born] as const));
  const drawn = new Map<string, IsoDate>();

  const resolve = (expr: DateExpr | null | undefined, path: string): IsoDate | null => {
    if (expr === null || expr === undefined) return null;
    if (typeof expr === 'string') return expr;
    if ('between' in expr) {
      // One draw per place and range: two `between` params of the same step must not share a date.
      const key = `${path}:${expr.between[0]}/${expr.between[1]}`;
      let d = drawn.get(key);
      if (!d) {
        d = rng.date(expr.between[0], expr.between[1]);
        drawn.set(key, d);
      }
      return d;
    }
    const base = anchor(expr.after, path);
    let d = addYears(base, expr.years ?? 0);
    d = addMonths(d, expr.months ?? 0);
    return addDays(d, expr.days ?? 0);
  };

  const anchor = (name: string, path: string): IsoDate => {
    const known = anchors.get(name);
    if (known) return known;
    if (resolving.has(name)) throw new ScenarioError(scenario.id, path, `date reference "${name}" is circular`);
    resolving.add(name);
    let d: IsoDate | null = null;
    if (name.startsWith('born:')) {
      const role = name.slice(5);
      const e = bornExpr.get(role);
      if (e === undefined) throw new ScenarioError(scenario.id, path, `"${name}" names no person role`);
      d = resolve(e, `/persons/${role}/born`);
    } else {
      const step = stepsById.get(name);
      if (!step) throw new ScenarioError(scenario.id, path, `"${name}" names no step id`);
      d = resolve(step.at, `/timeline/${name}/at`);
    }
    resolving.delete(name);
    if (!d) throw new ScenarioError(scenario.id, path, `"${name}" has no date`);
    anchors.set(name, d);
    return d;
  };

  const persons = new Map<string, Person>();
  const parentsOf = new Map<string, string[]>();
  scenario.persons.forEach((def, i) => {
    const path = `/persons/${i}`;
    const born = realDate(anchor(`born:${def.role}`, `${path}/born`));
    const sex = def.sex ?? (rng.chance(0.5) ? 'M' : 'F');
    const nationality = def.nationality ?? 'BE';
    const language = def.language ?? 'nl';
    const name = drawName(rng, sex, language, nationality);
    if (def.familyNameOf) {
      const other = persons.get(def.familyNameOf);
      if (!other)
        throw new ScenarioError(scenario.id, `${path}/familyNameOf`, `"${def.familyNameOf}" must be declared earlier`);
      name.familyName = other.familyName;
    }
    const birthDate =
      def.unknownBirth === 'day'
        ? `${born.slice(0, 8)}00`
        : def.unknownBirth === 'month-and-day'
          ? `${born.slice(0, 5)}00-00`
          : born;
    const kind = def.insz === 'bis' || def.insz === 'bis-unknown-sex' ? 'bis' : 'rr';
    try {
      const person = builder.createPerson({
        rng,
        sex,
        birthDate,
        givenName: name.givenName,
        familyName: name.familyName,
        nationality,
        language,
        birthPlace: nationality === 'BE' ? 'België' : nationality,
        kind,
        sexKnown: def.insz !== 'bis-unknown-sex',
        origin: scenario.id,
        originRole: def.role,
      });
      if (def.insured === false) builder.uninsured.add(person.insz);
      persons.set(def.role, person);
    } catch (e) {
      throw new ScenarioError(scenario.id, path, (e as Error).message);
    }
    if (def.parents?.length) parentsOf.set(def.role, def.parents);
  });

  const person = (role: string, path: string): Person => {
    const p = persons.get(role);
    if (!p) throw new ScenarioError(scenario.id, path, `"${role}" is not a person role of this scenario`);
    return p;
  };

  type Planned = { date: IsoDate; order: number; run: () => void };
  const plan: Planned[] = [];
  for (const [role, parents] of parentsOf) {
    const child = person(role, `/persons/${role}`);
    const date = realDate(child.birthDate);
    plan.push({
      date,
      order: -1,
      run: () => {
        const parent = person(parents[0] ?? '', `/persons/${role}/parents`);
        const hh = builder.householdOn(parent, date);
        const address = builder.addressOn(parent, date);
        if (!hh || !address)
          throw new ScenarioError(
            scenario.id,
            `/persons/${role}`,
            `parent "${parents[0]}" has no household on ${date}`,
          );
        builder.joinHousehold(child, hh.householdId, 'child', date);
        const { from: _f, to: _t, ...rest } = address;
        builder.setAddress(child, rest, date);
      },
    });
  }
  scenario.timeline.forEach((step, i) => {
    const path = `/timeline/${i}`;
    const kind = eventKind(step.event);
    if (!kind) throw new ScenarioError(scenario.id, `${path}/event`, `unknown event kind "${step.event}"`);
    const date = step.id ? anchor(step.id, `${path}/at`) : resolve(step.at, `${path}/at`);
    if (!date) throw new ScenarioError(scenario.id, `${path}/at`, 'a step needs a date');
    plan.push({
      date,
      order: i,
      run: () => {
        const ctx: EventContext = {
          builder,
          rng,
          origin: scenario.id,
          date,
          person: (role) => person(role, `${path}/params`),
          resolve: (expr) => resolve(expr, `${path}/params`),
        };
        const who = person(step.who, `${path}/who`);
        if (who.deathDate && who.deathDate < date)
          throw new ScenarioError(
            scenario.id,
            path,
            `"${step.who}" died on ${who.deathDate}, before this step (${date})`,
          );
        try {
          kind.apply(ctx, who, step.params ?? {});
        } catch (e) {
          if (e instanceof ScenarioError) throw e;
          throw new ScenarioError(scenario.id, path, (e as Error).message);
        }
      },
    });
  });
  plan.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  for (const p of plan) p.run();
  return persons;
}
