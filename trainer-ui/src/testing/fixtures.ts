import type { Attempt, AttemptResult, ExerciseSummary, FlowEntry, Me } from '../api/types.ts';

/** Test data shaped like the training API and the mock KSZ answer (all synthetic). */

export const WORKSPACE = {
  tenant: 'tr-abc',
  basePath: '/t/tr-abc',
  username: 'mw.gent',
  password: 'Oefenen-Gent-2025',
  today: '2025-06-30',
};

export const EXERCISES: ExerciseSummary[] = [
  {
    id: 'infosec-desk',
    family: 'infosec',
    title: { nl: 'Aanvraag aan de balie', fr: 'Demande au guichet' },
    difficulty: 1,
  },
  {
    id: 'esv-current',
    family: 'esv',
    title: { nl: 'De huidige beslissing', fr: 'La décision actuelle' },
    difficulty: 2,
  },
  {
    id: 'kl-work',
    family: 'knipperlichten',
    title: { nl: 'Zwartwerk tijdens leefloon', fr: 'Travail non déclaré' },
    difficulty: 3,
  },
];

export const ME: Me = {
  id: 'p1',
  pseudonym: 'Vos',
  attempts: [{ id: 'a-old', exerciseId: 'esv-current', status: 'submitted', points: 3, max: 5 }],
};

export function attempt(overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: 'a1',
    exerciseId: 'esv-current',
    family: 'esv',
    title: { nl: 'De huidige beslissing', fr: 'La décision actuelle' },
    difficulty: 2,
    brief: {
      nl: 'Mevrouw **Koning** verhuist naar Gent.\n\nLees het ESV van het vorige OCMW:\n- de beslissingen\n- de bedragen',
      fr: 'Madame **Koning** déménage à Gand.\n\nLisez le RSE du CPAS précédent.',
    },
    status: 'open',
    hints: [
      { id: 'h1', cost: 1 },
      { id: 'h2', cost: 2 },
    ],
    questions: [
      {
        id: 'category',
        kind: 'choice',
        prompt: { nl: 'Welke categorie geldt nu?', fr: 'Quelle catégorie s’applique ?' },
        options: [
          { value: 'samenwonend', label: { nl: 'Samenwonend', fr: 'Cohabitant' } },
          { value: 'alleenstaand', label: { nl: 'Alleenstaand', fr: 'Isolé' } },
          { value: 'gezinslast', label: { nl: 'Met gezinslast', fr: 'Famille à charge' } },
        ],
      },
      {
        id: 'revised',
        kind: 'multi',
        prompt: { nl: 'Welke beslissingen werden herzien?', fr: 'Quelles décisions ont été révisées ?' },
        options: [
          { value: 'D1', label: { nl: 'Beslissing 1', fr: 'Décision 1' } },
          { value: 'D2', label: { nl: 'Beslissing 2', fr: 'Décision 2' } },
          { value: 'D3', label: { nl: 'Beslissing 3', fr: 'Décision 3' } },
        ],
      },
      {
        id: 'amount',
        kind: 'amount',
        prompt: { nl: 'Welk bedrag per maand?', fr: 'Quel montant par mois ?' },
        unit: 'EUR',
      },
      { id: 'since', kind: 'date', prompt: { nl: 'Sinds wanneer?', fr: 'Depuis quand ?' } },
      { id: 'why', kind: 'text', prompt: { nl: 'Waarom werd herzien?', fr: 'Pourquoi ?' } },
    ],
    workspace: WORKSPACE,
    subject: { insz: '88033195482', name: 'Annabel Koning' },
    ...overrides,
  };
}

export const RESULT: AttemptResult = {
  points: 3,
  max: 5,
  checks: [
    {
      id: 'category',
      passed: true,
      explanation: { nl: 'De laatste beslissing is alleenstaand.', fr: 'La dernière décision est isolé.' },
      source: 'Wet van 26 mei 2002, art. 14',
    },
    {
      id: 'amount',
      passed: false,
      explanation: { nl: 'Het bedrag was 1.354,00 euro.', fr: 'Le montant était 1.354,00 euros.' },
      source: 'ESV, beslissing D3',
    },
  ],
};

export const FLOWS: FlowEntry[] = [
  {
    id: 'identify-person',
    names: { nl: 'Identificatie van een persoon', fr: "Identification d'une personne" },
    institution: 'KSZ',
    operations: ['identifyPerson'],
    legalContexts: [],
    roles: ['social-worker'],
    qualityCodes: null,
    fidelity: 'real',
  },
  {
    id: 'manage-access',
    names: { nl: 'Beheer integratierepertorium', fr: 'Gestion du répertoire' },
    institution: 'KSZ',
    operations: ['manageAccess'],
    legalContexts: [],
    roles: ['social-worker'],
    qualityCodes: null,
    fidelity: 'real',
  },
  {
    id: 'retrieve-ti-groups',
    names: { nl: 'Rijksregister — transactie 25', fr: 'Registre national — transaction 25' },
    institution: 'Rijksregister (via KSZ)',
    operations: ['retrieveTI'],
    legalContexts: ['PCSA:SOCIAL_INQUIRY'],
    roles: ['social-worker'],
    qualityCodes: null,
    fidelity: 'real',
  },
  {
    id: 'esv',
    names: { nl: 'Elektronisch Sociaal Verslag (ESV)', fr: 'Rapport social électronique (RSE)' },
    institution: 'OCMW/CPAS (via KSZ)',
    operations: ['requestSocialReport', 'getSocialReport'],
    legalContexts: ['PCSA:SOCIAL_INQUIRY'],
    roles: ['social-worker'],
    qualityCodes: null,
    fidelity: 'simulated',
  },
];

const ssin = { type: 'string', pattern: '^\\d{11}$' };
const lc = { enum: ['PCSA:SOCIAL_INQUIRY'] };
export const OPENAPI = {
  openapi: '3.1.0',
  paths: {
    '/ksz/json/retrieve-ti-groups/retrieveTI': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['legalContext', 'ssin'],
                properties: {
                  legalContext: lc,
                  ssin,
                  language: { enum: ['nl', 'fr', 'de'], description: 'language of the labels' },
                  history: { type: 'boolean', description: 'all facts over time' },
                },
              },
            },
          },
        },
      },
    },
    '/ksz/json/esv/requestSocialReport': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: { type: 'object', required: ['legalContext', 'ssin'], properties: { legalContext: lc, ssin } },
            },
          },
        },
      },
    },
    '/ksz/json/esv/getSocialReport': {
      post: {
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['legalContext', 'ssin', 'ticket'],
                properties: { legalContext: lc, ssin, ticket: { type: 'string', format: 'uuid' } },
              },
            },
          },
        },
      },
    },
  },
};

export const IDENTIFIED = {
  status: { value: 'DATA_FOUND', code: 'MSG00000', description: 'Treatment completed successfully.' },
  searchResults: [
    {
      origin: 'RN_RR',
      basic: {
        socialSecurityUser: '88033195482',
        lastName: 'KONING',
        firstName: 'ANNABEL',
        birthDate: '1988-03-31',
        gender: 2,
        address: {
          countryCode: 150,
          municipalityCode: '44021',
          municipality: { nl: 'GENT', fr: 'GAND' },
          postalCode: '9000',
          street: { nl: 'KORENMARKT' },
          houseNumber: '12',
          box: null,
        },
      },
      extended: null,
    },
  ],
};

export const REGISTERED = {
  status: { value: 'DATA_FOUND', code: 'MSG00000', description: 'Treatment completed successfully.' },
  originalRequest: {
    ssin: '88033195482',
    purpose: '2',
    period: { startDate: '2025-06-30', endDate: null },
    action: 'REGISTER',
  },
  registrations: [
    {
      purpose: '2',
      purposeLabel: { nl: 'Leefloon', fr: "Revenu d'intégration" },
      period: { startDate: '2025-06-30', endDate: null },
      register: 'SECONDARY',
    },
  ],
};

export const REFUSED = {
  status: {
    value: 'NO_RESULT',
    code: 'MSG00012',
    description: 'The SSIN is not sufficiently integrated for your organization.',
    information: [{ fieldName: 'details', fieldValue: 'no integration covering the requested date or period' }],
  },
};

export const TX25 = {
  status: { value: 'DATA_FOUND', code: 'MSG00000', description: 'Treatment completed successfully.' },
  asOf: '2025-06-30',
  person: { ssin: '88033195482', lastName: 'Koning', firstNames: ['Annabel'], sex: 'F', birthDate: '1988-03-31' },
  addresses: [
    {
      from: '2025-06-01',
      to: null,
      kind: 'main',
      municipality: { nis: '44021', name: 'Gent' },
      postalCode: '9000',
      street: 'Korenmarkt',
      houseNumber: '12',
    },
  ],
  decisions: [
    {
      id: 'D1',
      amountCents: 129591,
      period: { from: '2020-09-01', to: '2021-05-31' },
      category: { code: 3, nl: 'gezinslast', fr: 'famille à charge' },
    },
  ],
};

// --- Live workshops (docs/decisions/006-workshops.md): the participant's side ---

type ParticipantWorkshop = import('../api/workshop-types.ts').ParticipantWorkshop;
type JoinReply = import('../api/workshop-types.ts').JoinReply;
type Bilingual = import('../api/types.ts').Bilingual;

/** A running workshop with a time box: 12:34 left by the server's clock (whatever the browser's clock says). */
export function participantWorkshop(overrides: Partial<ParticipantWorkshop> = {}): ParticipantWorkshop {
  return {
    id: 'w1',
    code: 'K7P4QX',
    title: 'VVSG Gent — namiddag',
    language: 'nl',
    status: 'running',
    startedAt: '2031-03-04T13:00:00.000Z',
    endsAt: '2031-03-04T14:12:34.000Z',
    serverNow: '2031-03-04T14:00:00.000Z',
    revealed: false,
    // The trainer's order, not the catalogue's.
    exercises: [EXERCISES[2]!, EXERCISES[0]!, EXERCISES[1]!],
    ...overrides,
  };
}

/** A workshop participant: exercise 1 submitted, exercise 2 open, exercise 3 not started. */
export function workshopMe(workshop: Partial<ParticipantWorkshop> = {}, overrides: Partial<Me> = {}): Me {
  return {
    id: 'p7',
    pseudonym: 'Tafel 3',
    attempts: [
      { id: 'a-kl', exerciseId: 'kl-work', status: 'submitted', points: 4, max: 6 },
      { id: 'a1', exerciseId: 'infosec-desk', status: 'open' },
    ],
    workshop: participantWorkshop(workshop),
    ...overrides,
  };
}

export function joinReply(overrides: Partial<JoinReply> = {}): JoinReply {
  return {
    token: 'tok-ws',
    rejoinCode: 'K7P4-9QXM',
    participant: { id: 'p7', pseudonym: 'Tafel 3' },
    workshop: participantWorkshop({ status: 'lobby', startedAt: null, endsAt: null }),
    ...overrides,
  };
}

/** The result of a workshop attempt before the trainer reveals the explanations. */
export const WITHHELD_RESULT: AttemptResult = {
  points: 3,
  max: 5,
  revealed: false,
  checks: [
    { id: 'category', passed: true },
    { id: 'amount', passed: false },
    { id: 'journal', passed: true },
  ],
};

export function apiError(code: string, nl: string, fr: string): { error: { code: string; message: Bilingual } } {
  return { error: { code, message: { nl, fr } } };
}
