import { addDays, addYears, maxDate, minDate } from './dates.ts';
import { FOREIGN_NATIONALITIES } from './names.ts';
import type { Rng } from './rng.ts';
import type { Scenario, ScenarioPerson, ScenarioStep } from './scenario-types.ts';

const LAST_EVENT = '2030-12-31';

/**
 * Draws one background household as a scenario in memory, from simple distributions (household type, ages,
 * region, work, benefits). It is played by the same engine as the named scenarios.
 */
export function drawBackgroundHousehold(rng: Rng, index: number): Scenario {
  const type = rng.weighted([
    ['single', 30],
    ['couple', 22],
    ['family', 26],
    ['single-parent', 10],
    ['elderly', 12],
  ] as const);
  const elderly = type === 'elderly';
  const headBorn = elderly ? rng.date('1930-01-01', '1958-12-31') : rng.date('1958-01-01', '2004-12-31');
  const region = rng.weighted([
    ['flanders', 58],
    ['wallonia', 32],
    ['brussels', 10],
  ] as const);
  const language = region === 'flanders' ? 'nl' : 'fr';
  const nationality = rng.chance(0.12) ? rng.pick(FOREIGN_NATIONALITIES) : 'BE';
  const persons: ScenarioPerson[] = [{ role: 'head', born: headBorn, nationality, language }];
  const timeline: ScenarioStep[] = [];
  let settled = maxDate(addYears(headBorn, rng.int(19, 27)), '1975-01-01');
  if (settled > '2026-06-30') settled = addYears(headBorn, 18);
  timeline.push({ id: 'settle', at: settled, event: 'settle', who: 'head', params: { region } });

  const withPartner = type === 'couple' || type === 'family' || (elderly && rng.chance(0.5));
  if (withPartner) {
    const partnerBorn = addDays(headBorn, rng.int(-2500, 2500));
    persons.push({ role: 'partner', born: partnerBorn, nationality, language });
    const at = maxDate(addYears(maxDate(headBorn, partnerBorn), rng.int(20, 30)), addDays(settled, rng.int(0, 900)));
    timeline.push({
      id: 'together',
      at,
      event: 'partner',
      who: 'head',
      params: {
        with: 'partner',
        type: rng.weighted([
          ['married', 5],
          ['legal-cohabitation', 3],
          ['de-facto', 2],
        ] as const),
      },
    });
  }
  if (type === 'family' || type === 'single-parent') {
    const children = rng.int(1, 3);
    for (let c = 0; c < children; c++) {
      const born = addDays(maxDate(settled, addYears(headBorn, 20)), rng.int(300, 4500));
      if (born > '2026-06-30') continue;
      persons.push({ role: `child${c + 1}`, born, nationality, language, parents: ['head'], familyNameOf: 'head' });
    }
  }
  workHistory(rng, timeline, 'head', headBorn, settled);
  if (withPartner) workHistory(rng, timeline, 'partner', persons[1]?.born as string, settled);
  if (elderly && rng.chance(0.3)) {
    const death = rng.date('2016-01-01', '2026-10-31');
    // Nothing happens to the head after death: drop later steps (rare: a late job of someone born in the 1950s).
    for (let i = timeline.length - 1; i >= 0; i--) {
      const s = timeline[i];
      if (s?.who === 'head' && typeof s.at === 'string' && s.at > death) timeline.splice(i, 1);
    }
    timeline.push({ at: death, event: 'death', who: 'head' });
  } else if (rng.chance(0.04) && addDays(settled, 400) < '2028-12-31') {
    timeline.push({
      at: rng.date(addDays(settled, 400), '2028-12-31'),
      event: 'move',
      who: 'head',
      params: { region },
    });
  }
  return {
    id: `background-${index}`,
    title: { nl: 'achtergrondgezin', en: 'background household' },
    description: { nl: 'achtergrondgezin', en: 'background household' },
    remarks: [],
    flows: [],
    persons,
    timeline,
    promises: [],
  };
}

function workHistory(rng: Rng, timeline: ScenarioStep[], who: string, born: string, settled: string): void {
  let at = maxDate(addYears(born, rng.int(18, 24)), settled);
  const retire = addYears(born, 65);
  const lastWorkDay = addDays(retire, -1);
  for (let job = 0; job < 4 && at < '2026-06-01' && at < retire; job++) {
    if (rng.chance(0.18)) {
      const months = rng.int(3, 20);
      timeline.push({
        at,
        event: 'unemployment',
        who,
        params: { kind: 'full', until: { after: `u-${who}-${job}`, months, days: -1 } },
        id: `u-${who}-${job}`,
      });
      at = addDays(at, months * 30 + 5);
      continue;
    }
    if (rng.chance(0.05) && at >= '2005-08-01') {
      const months = rng.int(4, 30);
      timeline.push({
        id: `ll-${who}-${job}`,
        at,
        event: 'leefloon',
        who,
        params: {
          category: rng.pick(['samenwonende', 'alleenstaande', 'gezinslast']),
          until: { after: `ll-${who}-${job}`, months, days: -1 },
        },
      });
      at = addDays(at, months * 30 + 5);
      continue;
    }
    const years = rng.int(1, 12);
    const end = addDays(addYears(at, years), -1);
    let until: string | null = end >= LAST_EVENT || (job === 3 && rng.chance(0.6)) ? null : minDate(end, lastWorkDay);
    // Nobody keeps working past the pension age: an open job ends the day before.
    if (until === null && retire <= LAST_EVENT) until = lastWorkDay;
    if (rng.chance(0.07)) {
      timeline.push({
        at,
        event: 'self-employed',
        who,
        params: { kind: 'active', occupation: 'main', time: 'full', until },
      });
    } else {
      timeline.push({ at, event: 'employment', who, params: { until } });
    }
    if (until === null || until >= lastWorkDay) break;
    at = addDays(until, rng.int(1, 200));
  }
  if (retire <= LAST_EVENT && retire >= '1990-01-01') {
    timeline.push({
      at: retire,
      event: 'pension',
      who,
      params: { kind: 'retirement', monthly: rng.int(1_100, 2_300) },
    });
    if (rng.chance(0.04))
      timeline.push({ at: retire, event: 'pension', who, params: { kind: 'igo', monthly: rng.int(150, 500) } });
  }
}
