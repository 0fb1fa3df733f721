import { describe, expect, it } from 'vitest';
import type { Person, World } from '../../../../scenarios/engine/model.ts';
import type { JournalEntry, Registration } from '../../store/types.ts';
import { score } from '../score.ts';
import type { AnswerValue, CheckDecl, Exercise, Facts, FlowFacts, Question, Variant } from '../types.ts';
import { SETUP_REGISTRANT } from '../types.ts';
import { CHECK_KINDS, CHECKS } from './index.ts';

const INSZ = '85010112345';
const OTHER = '90020254321';

function person(insz: string, familyName: string): Person {
  return {
    insz,
    kind: 'rr',
    givenName: 'Test',
    familyName,
    sex: 'F',
    birthDate: '1985-01-01',
    birthPlace: 'Gent',
    nationality: 'BE',
    language: 'nl',
    origin: 'unit',
    originRole: 'main',
    civilStates: [],
    addresses: [],
    households: [],
    employment: [],
    unemployment: [],
    unemploymentSanctions: [],
    healthInsurance: [],
    gmd: [],
    ocmwDecisions: [],
    mediprima: [],
    housing: {},
    led: [],
    pensions: [],
    handicap: [],
    sickness: [],
    childBenefits: [],
    taxes: [],
    property: [],
    energy: { socialTariff: [], heatingAllowances: [] },
    staysAbroad: [],
  };
}

const world: World = {
  preset: 'unit',
  seed: 0,
  span: { from: '2000-01-01', to: '2030-12-31' },
  organisations: [],
  users: [],
  households: [],
  persons: [person(INSZ, 'Vandenberghe'), person(OTHER, 'Peeters')],
};

const flows: FlowFacts[] = [
  {
    id: 'manage-access',
    roles: ['social-worker', 'financial-manager'],
    operations: [{ name: 'manageAccess', integration: false }],
  },
  {
    id: 'esv',
    roles: ['social-worker'],
    operations: [
      { name: 'requestSocialReport', integration: true },
      { name: 'getSocialReport', integration: true },
    ],
  },
  { id: 'kbi', roles: ['social-worker'], operations: [{ name: 'consultCivicIntegrationFile', integration: true }] },
  {
    id: 'living-wages',
    roles: ['social-worker', 'financial-manager'],
    operations: [{ name: 'getLivingWages', integration: true }],
  },
  { id: 'identify-person', roles: ['social-worker'], operations: [{ name: 'identifyPerson', integration: false }] },
];

const questions: Question[] = [
  {
    id: 'choice',
    kind: 'choice',
    prompt: { nl: 'Keuze', fr: 'Choix' },
    options: [
      { value: 'a', label: { nl: 'Optie A', fr: 'Option A' } },
      { value: 'b', label: { nl: 'Optie B', fr: 'Option B' } },
    ],
  },
  {
    id: 'multi',
    kind: 'multi',
    prompt: { nl: 'Meer', fr: 'Plusieurs' },
    options: ['x', 'y', 'z', 'esv', 'living-wages', 'kbi'].map((v) => ({ value: v, label: { nl: v, fr: v } })),
  },
  { id: 'amount', kind: 'amount', prompt: { nl: 'Bedrag', fr: 'Montant' }, unit: 'EUR' },
  { id: 'date', kind: 'date', prompt: { nl: 'Datum', fr: 'Date' } },
  { id: 'text', kind: 'text', prompt: { nl: 'Tekst', fr: 'Texte' } },
];

function exercise(check: Omit<CheckDecl, 'id' | 'points' | 'source'> & { points?: number }): Exercise {
  return {
    id: 'unit',
    family: 'infosec',
    title: { nl: 'Test', fr: 'Test' },
    difficulty: 1,
    today: '2025-10-01',
    actingRole: 'social-worker',
    subject: { candidates: [{ scenario: 'unit', role: 'main' }] },
    brief: { nl: 'Brief', fr: 'Brief' },
    hints: [
      { id: 'h1', cost: 1, text: { nl: 'Hint', fr: 'Indice' } },
      { id: 'h2', cost: 5, text: { nl: 'Hint', fr: 'Indice' } },
    ],
    questions,
    checks: [{ id: 'c', source: 'unit test', points: check.points ?? 4, ...check }],
  };
}

const variant: Variant = {
  exerciseId: 'unit',
  number: 0,
  seed: 0,
  worldSeed: 0,
  today: '2025-10-01',
  username: 'mw.test',
  password: 'x',
  ocmwKbo: '0251951263',
  subject: { scenario: 'unit', role: 'main', insz: INSZ },
  placeholders: { nl: { name: 'Test Vandenberghe' }, fr: { name: 'Test Vandenberghe' } },
};

let nextId = 1;
function row(r: Partial<JournalEntry> & Pick<JournalEntry, 'flow' | 'operation'>): JournalEntry {
  return {
    id: nextId++,
    tenant: 'unit',
    at: '2025-10-01T10:00:00.000Z',
    asOf: '2025-10-01',
    organisation: '0251951263',
    userId: 'u',
    username: 'mw.test',
    role: 'social-worker',
    face: 'json',
    insz: INSZ,
    legalContext: null,
    registrationId: null,
    outcome: 'MSG00000',
    ok: true,
    latencyMs: 1,
    request: '{}',
    ...r,
  };
}

function registration(id: number, qualityCode: string, registeredBy = 'u'): Registration {
  return {
    id,
    tenant: 'unit',
    organisation: '0251951263',
    insz: INSZ,
    qualityCode,
    from: '2025-10-01',
    to: null,
    registeredBy,
    registeredAt: '2025-10-01T10:00:00.000Z',
    unregisteredAt: null,
  };
}

function run(
  check: Parameters<typeof exercise>[0],
  facts: Partial<Facts> & { answers?: Record<string, AnswerValue> } = {},
) {
  const result = score(exercise(check), variant, {
    answers: {},
    hints: [],
    journal: [],
    registrations: [],
    world,
    flows,
    ...facts,
  });
  const c = result.checks[0]!;
  return { passed: c.passed, points: result.points, max: result.max, explanation: c.explanation };
}

const explained = {
  explanation: { nl: 'Verwacht {expected}, gegeven {given}.', fr: 'Attendu {expected}, donné {given}.' },
};

describe('the check table', () => {
  it('is the closed vocabulary: each entry declares its own kind', () => {
    for (const kind of CHECK_KINDS) expect(CHECKS[kind].kind).toBe(kind);
    expect(CHECK_KINDS.length).toBeGreaterThanOrEqual(9);
  });
});

describe('answer-equals', () => {
  const check = { kind: 'answer-equals', params: { question: 'choice', expected: 'b' }, ...explained };
  it('passes on the expected option and explains with the option label', () => {
    const r = run(check, { answers: { choice: 'b' } });
    expect(r).toMatchObject({ passed: true, points: 4, max: 4 });
    expect(r.explanation.nl).toBe('Verwacht Optie B, gegeven Optie B.');
    expect(r.explanation.fr).toBe('Attendu Option B, donné Option B.');
  });
  it('fails on another option, and on no answer', () => {
    expect(run(check, { answers: { choice: 'a' } })).toMatchObject({ passed: false, points: 0 });
    expect(run(check, {})).toMatchObject({ passed: false, points: 0 });
    expect(run(check, {}).explanation.nl).toBe('Verwacht Optie B, gegeven —.');
  });
  it('compares dates in any Belgian notation and shows them as DD/MM/YYYY', () => {
    const date = { kind: 'answer-equals', params: { question: 'date', expected: '2023-11-06' }, ...explained };
    expect(run(date, { answers: { date: '06/11/2023' } }).passed).toBe(true);
    expect(run(date, { answers: { date: '2023-11-06' } }).passed).toBe(true);
    const wrong = run(date, { answers: { date: '2023-11-07' } });
    expect(wrong.passed).toBe(false);
    expect(wrong.explanation.nl).toBe('Verwacht 06/11/2023, gegeven 07/11/2023.');
  });
  it('compares text loosely and accepts any of several expected values', () => {
    const text = {
      kind: 'answer-equals',
      params: { question: 'text', expected: ['OCMW Mechelen', 'CPAS de Malines'] },
    };
    const e = { explanation: { nl: '-', fr: '-' } };
    expect(run({ ...text, ...e }, { answers: { text: 'mechelen' } }).passed).toBe(true);
    expect(run({ ...text, ...e }, { answers: { text: 'CPAS de Malines' } }).passed).toBe(true);
    expect(run({ ...text, ...e }, { answers: { text: 'Ocmw  Méchelen!' } }).passed).toBe(true);
    expect(run({ ...text, ...e }, { answers: { text: 'Mechelen-Noord' } }).passed).toBe(false);
    expect(run({ ...text, ...e }, { answers: { text: 'Leuven' } }).passed).toBe(false);
  });
});

describe('amount-within', () => {
  const check = { kind: 'amount-within', params: { question: 'amount', expected: 1314, tolerance: 1 }, ...explained };
  it('passes within the tolerance, also for Belgian notation, and shows amounts per language', () => {
    const r = run(check, { answers: { amount: '1.314,50' } });
    expect(r.passed).toBe(true);
    expect(r.explanation.nl).toBe('Verwacht 1.314,00 EUR, gegeven 1.314,50 EUR.');
    expect(r.explanation.fr).toMatch(/^Attendu 1\s314,00 EUR, donné 1\s314,50 EUR\.$/u);
    expect(run(check, { answers: { amount: 1313 } }).passed).toBe(true);
  });
  it('fails outside the tolerance or without an answer', () => {
    expect(run(check, { answers: { amount: 1312.5 } }).passed).toBe(false);
    expect(run(check, {}).passed).toBe(false);
  });
});

describe('flags-match', () => {
  const check = { kind: 'flags-match', params: { question: 'multi', expected: ['x', 'y'] }, ...explained };
  it('gives full points for exactly the expected set', () => {
    expect(run(check, { answers: { multi: ['y', 'x'] } })).toMatchObject({ passed: true, points: 4 });
  });
  it('gives points per flag found and takes them off per flag wrongly set', () => {
    expect(run(check, { answers: { multi: ['x'] } })).toMatchObject({ passed: false, points: 2 });
    expect(run(check, { answers: { multi: ['x', 'y', 'z'] } })).toMatchObject({ passed: false, points: 2 });
    expect(run(check, { answers: { multi: ['x', 'z'] } })).toMatchObject({ passed: false, points: 0 });
    expect(run(check, { answers: { multi: ['z'] } })).toMatchObject({ passed: false, points: 0 });
  });
  it('with nothing to flag, passes only when nothing is flagged', () => {
    const none = { kind: 'flags-match', params: { question: 'multi', expected: [] }, ...explained };
    expect(run(none, { answers: { multi: [] } })).toMatchObject({ passed: true, points: 4 });
    expect(run(none, {})).toMatchObject({ passed: true, points: 4 });
    expect(run(none, { answers: { multi: ['x'] } })).toMatchObject({ passed: false, points: 0 });
  });
  it('takes the expected set from a key function, limited to the options offered', () => {
    const keyed = {
      kind: 'flags-match',
      params: { question: 'multi', key: 'flows-allowed-for-role', keyParams: { role: 'financial-manager' } },
      ...explained,
    };
    // manage-access may also be used by the financial manager, but the question does not offer it.
    const r = run(keyed, { answers: { multi: ['living-wages'] } });
    expect(r).toMatchObject({ passed: true, points: 4 });
    expect(r.explanation.nl).toBe('Verwacht living-wages, gegeven living-wages.');
    expect(run(keyed, { answers: { multi: ['living-wages', 'esv'] } })).toMatchObject({ passed: false, points: 0 });
  });
});

describe('answer-refusal', () => {
  const check = { kind: 'answer-refusal', params: { question: 'choice', refuse: ['a'] }, ...explained };
  it('passes when the trainee refuses, fails otherwise', () => {
    expect(run(check, { answers: { choice: 'a' } }).passed).toBe(true);
    expect(run(check, { answers: { choice: 'b' } }).passed).toBe(false);
    expect(run(check, {}).passed).toBe(false);
  });
});

describe('journal-registered-before-consult', () => {
  const check = { kind: 'journal-registered-before-consult', params: { qualityCodes: ['1'] }, ...explained };
  const register = row({ flow: 'manage-access', operation: 'manageAccess' });
  const consult = (registrationId: number | null, outcome = 'MSG00000') =>
    row({ flow: 'esv', operation: 'getSocialReport', registrationId, outcome, ok: outcome === 'MSG00000' });

  it('passes when every consultation relied on a registration with a right code', () => {
    const r = run(check, { journal: [register, consult(1)], registrations: [registration(1, '1')] });
    expect(r.passed).toBe(true);
    expect(r.explanation.nl).toBe('Verwacht 1, gegeven 1.');
  });
  it('fails with a wrong code, and says which', () => {
    const r = run(check, { journal: [register, consult(1)], registrations: [registration(1, '2')] });
    expect(r.passed).toBe(false);
    expect(r.explanation.nl).toBe('Verwacht 1, gegeven 2.');
  });
  it('fails when a consultation came before the registration (MSG00012)', () => {
    const journal = [consult(null, 'MSG00012'), register, consult(1)];
    expect(run(check, { journal, registrations: [registration(1, '1')] }).passed).toBe(false);
  });
  it('fails when the trainee also registered with another code, even if unused', () => {
    const registrations = [registration(1, '1'), registration(2, '2')];
    expect(run(check, { journal: [register, register, consult(1)], registrations }).passed).toBe(false);
  });
  it('fails when nothing was consulted', () => {
    expect(run(check, { journal: [register], registrations: [registration(1, '1')] }).passed).toBe(false);
  });
  it('does not hold the exercise’s own setup registration against the trainee, but needs a right code for use', () => {
    const setup = registration(1, '2', SETUP_REGISTRANT);
    expect(run(check, { journal: [consult(1)], registrations: [setup] }).passed).toBe(false);
    const own = registration(2, '1');
    expect(run(check, { journal: [register, consult(2)], registrations: [setup, own] }).passed).toBe(true);
  });
});

describe('journal-consulted', () => {
  const check = {
    kind: 'journal-consulted',
    params: { flows: [{ flow: 'esv', operations: ['getSocialReport'] }, { flow: 'living-wages' }] },
    ...explained,
  };
  it('passes when each flow was answered about the subject', () => {
    const journal = [
      row({ flow: 'esv', operation: 'getSocialReport' }),
      row({ flow: 'living-wages', operation: 'getLivingWages' }),
    ];
    expect(run(check, { journal })).toMatchObject({ passed: true, points: 4 });
  });
  it('gives a share per flow, and does not count refusals, other operations or other persons', () => {
    const journal = [
      row({ flow: 'esv', operation: 'requestSocialReport' }),
      row({ flow: 'esv', operation: 'getSocialReport', ok: false, outcome: 'MSG00012' }),
      row({ flow: 'living-wages', operation: 'getLivingWages' }),
      row({ flow: 'esv', operation: 'getSocialReport', insz: OTHER }),
    ];
    expect(run(check, { journal })).toMatchObject({ passed: false, points: 2 });
    expect(run(check, {})).toMatchObject({ passed: false, points: 0 });
  });
});

describe('journal-not-consulted', () => {
  it('about the subject: fails on a listed flow, also when refused; other flows are fine', () => {
    const check = { kind: 'journal-not-consulted', params: { about: 'subject', flows: ['kbi'] }, ...explained };
    const kbi = row({ flow: 'kbi', operation: 'consultCivicIntegrationFile', ok: false, outcome: 'MSG00012' });
    const r = run(check, { journal: [kbi] });
    expect(r.passed).toBe(false);
    expect(r.explanation.nl).toBe('Verwacht —, gegeven kbi.');
    expect(run(check, { journal: [row({ flow: 'esv', operation: 'getSocialReport' })] }).passed).toBe(true);
    expect(run(check, { journal: [{ ...kbi, insz: OTHER }] }).passed).toBe(true);
  });
  it('about others: any request about another person fails (curiosity)', () => {
    const check = { kind: 'journal-not-consulted', params: { about: 'others' }, ...explained };
    expect(run(check, { journal: [row({ flow: 'esv', operation: 'getSocialReport' })] }).passed).toBe(true);
    expect(run(check, { journal: [row({ flow: 'esv', operation: 'getSocialReport', insz: OTHER })] }).passed).toBe(
      false,
    );
  });
  it('about anyone: the journal must be empty', () => {
    const check = { kind: 'journal-not-consulted', params: { about: 'anyone' }, ...explained };
    expect(run(check, {}).passed).toBe(true);
    expect(
      run(check, { journal: [row({ flow: 'identify-person', operation: 'identifyPerson', insz: null })] }).passed,
    ).toBe(false);
  });
});

describe('journal-refused', () => {
  const check = { kind: 'journal-refused', params: {}, ...explained };
  it('passes when nothing about the subject was asked or registered', () => {
    expect(run(check, { journal: [row({ flow: 'esv', operation: 'getSocialReport', insz: OTHER })] }).passed).toBe(
      true,
    );
  });
  it('fails on a registration or a consultation of the subject', () => {
    expect(run(check, { journal: [row({ flow: 'manage-access', operation: 'manageAccess' })] }).passed).toBe(false);
    expect(run(check, { registrations: [registration(1, '1')] }).passed).toBe(false);
  });
  it('fails on a search by name without an INSZ (looking someone up by name is looking them up)', () => {
    const search = row({
      flow: 'identify-person',
      operation: 'identifyPerson',
      insz: null,
      request: '{"lastName":"VANDENBERGHE","birthDate":"1985-01-01"}',
    });
    expect(run(check, { journal: [search] }).passed).toBe(false);
    expect(run(check, { journal: [{ ...search, request: '{"lastName":"Peeters"}' }] }).passed).toBe(true);
  });
});

describe('journal-no-refusal', () => {
  const check = { kind: 'journal-no-refusal', params: { outcomes: ['MSG00013'] }, ...explained };
  it('fails when the KSZ refused a request with a listed code, and names it', () => {
    const refused = row({ flow: 'esv', operation: 'requestSocialReport', ok: false, outcome: 'MSG00013' });
    const r = run(check, { journal: [refused] });
    expect(r.passed).toBe(false);
    expect(r.explanation.nl).toBe('Verwacht —, gegeven esv (MSG00013).');
    expect(run(check, { journal: [{ ...refused, outcome: 'MSG00012' }] }).passed).toBe(true);
  });
});

describe('score', () => {
  const check = { kind: 'answer-equals', params: { question: 'choice', expected: 'b' }, ...explained };
  it('deducts the cost of the hints taken (each once), never below 0', () => {
    expect(run(check, { answers: { choice: 'b' }, hints: ['h1'] })).toMatchObject({ points: 3, max: 4 });
    expect(run(check, { answers: { choice: 'b' }, hints: ['h1', 'h2'] })).toMatchObject({ points: 0, max: 4 });
    expect(run(check, { answers: { choice: 'b' }, hints: ['unknown'] })).toMatchObject({ points: 4 });
  });
  it('is a pure function of its facts: the same facts give the same result', () => {
    const facts = { answers: { choice: 'b' }, hints: ['h1'] };
    expect(run(check, facts)).toEqual(run(check, facts));
  });
  it('fills the variant placeholders in the explanation', () => {
    const named = { ...check, explanation: { nl: '{name}: {given}', fr: '{name} : {given}' } };
    expect(run(named, { answers: { choice: 'a' } }).explanation).toEqual({
      nl: 'Test Vandenberghe: Optie A',
      fr: 'Test Vandenberghe : Option A',
    });
  });
});
