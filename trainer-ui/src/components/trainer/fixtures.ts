import type { Console, ConsoleParticipant, Report, Workshop } from '../../api/trainer-types.ts';
import type { LeaderboardMode, WorkshopStatus } from '../../api/workshop-types.ts';
import { EXERCISES } from '../../testing/fixtures.ts';

/** Test data shaped like the trainer's side of the workshop API (docs/decisions/006-workshops.md). All synthetic. */

export const PASSWORD = 'Trainer-2025';

export { EXERCISES };

export function workshop(overrides: Partial<Workshop> = {}): Workshop {
  return {
    id: 'w1',
    code: 'HTK4PX',
    title: 'Leefloon en de KSZ — Gent',
    language: 'nl',
    exercises: EXERCISES,
    timeBoxMinutes: 45,
    status: 'running',
    createdAt: '2025-06-30T07:50:00Z',
    startedAt: '2025-06-30T08:00:00Z',
    endsAt: '2025-06-30T08:45:00Z',
    pausedAt: null,
    endedAt: null,
    revealed: false,
    leaderboard: 'named',
    joinUrl: 'http://192.168.1.20:8080/join?code=HTK4PX',
    participantCount: 3,
    ...overrides,
  };
}

/** Older workshops for the list (newest first, as the server sends them). */
export const WORKSHOPS: Workshop[] = [
  workshop(),
  workshop({
    id: 'w0',
    code: 'QMZ7RA',
    title: 'ESV lezen — Brugge',
    status: 'ended',
    createdAt: '2025-06-23T12:00:00Z',
    startedAt: '2025-06-23T12:10:00Z',
    endsAt: null,
    timeBoxMinutes: null,
    endedAt: '2025-06-23T13:55:00Z',
    participantCount: 18,
  }),
];

export const PSEUDONYMS = ['Vos', 'Uil', 'Das'];
export const ALIASES = ['Deelnemer 1', 'Deelnemer 2', 'Deelnemer 3'];

export const PARTICIPANTS: ConsoleParticipant[] = [
  {
    id: 'p1',
    pseudonym: 'Vos',
    alias: 'Deelnemer 1',
    joinedAt: '2025-06-30T07:55:00Z',
    currentExercise: 'esv-current',
    done: 1,
    points: 4,
    max: 5,
    lastAction: { kind: 'consulted', at: '2025-06-30T08:12:00Z', exerciseId: 'esv-current' },
    idleMinutes: 8,
    stuck: true,
    exercises: {
      'infosec-desk': { attemptId: 'a11', status: 'submitted', points: 4, max: 5, hints: 0 },
      'esv-current': { attemptId: 'a12', status: 'open', hints: 1 },
    },
  },
  {
    id: 'p2',
    pseudonym: 'Uil',
    alias: 'Deelnemer 2',
    joinedAt: '2025-06-30T07:56:00Z',
    currentExercise: null,
    done: 3,
    points: 12,
    max: 15,
    lastAction: { kind: 'submitted', at: '2025-06-30T08:18:00Z', exerciseId: 'kl-work' },
    idleMinutes: 2,
    stuck: false,
    exercises: {
      'infosec-desk': { attemptId: 'a21', status: 'submitted', points: 5, max: 5, hints: 0 },
      'esv-current': { attemptId: 'a22', status: 'submitted', points: 4, max: 5, hints: 1 },
      'kl-work': { attemptId: 'a23', status: 'submitted', points: 3, max: 5, hints: 2 },
    },
  },
  {
    id: 'p3',
    pseudonym: 'Das',
    alias: 'Deelnemer 3',
    joinedAt: '2025-06-30T08:19:00Z',
    currentExercise: 'infosec-desk',
    done: 0,
    points: 0,
    max: 0,
    lastAction: { kind: 'started', at: '2025-06-30T08:19:40Z', exerciseId: 'infosec-desk' },
    idleMinutes: 0,
    stuck: false,
    exercises: { 'infosec-desk': { attemptId: 'a31', status: 'open', hints: 0 } },
  },
];

export function consoleData(
  opts: { status?: WorkshopStatus; leaderboard?: LeaderboardMode; revealed?: boolean; language?: 'nl' | 'fr' } = {},
): Console {
  const paused = opts.status === 'paused';
  return {
    workshop: workshop({
      status: opts.status ?? 'running',
      leaderboard: opts.leaderboard ?? 'named',
      revealed: opts.revealed ?? false,
      language: opts.language ?? 'nl',
      pausedAt: paused ? '2025-06-30T08:15:00Z' : null,
    }),
    serverNow: '2025-06-30T08:20:00Z',
    stuckMinutes: 5,
    participants: PARTICIPANTS,
    exercises: [
      {
        id: 'infosec-desk',
        title: EXERCISES[0]!.title,
        family: 'infosec',
        submitted: 2,
        open: 1,
        meanPercent: 90,
        buckets: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
        checks: [
          {
            id: 'registered',
            passed: 2,
            failed: 0,
            explanation: {
              nl: 'Eerst inschrijven in het integratierepertorium, dan pas raadplegen.',
              fr: 'D’abord inscrire au répertoire, ensuite consulter.',
            },
          },
          {
            id: 'refused',
            passed: 1,
            failed: 1,
            explanation: {
              nl: 'De vraag naar het ziekenfonds was niet nodig voor dit dossier.',
              fr: 'La demande à la mutualité n’était pas nécessaire.',
            },
          },
        ],
      },
      {
        id: 'esv-current',
        title: EXERCISES[1]!.title,
        family: 'esv',
        submitted: 1,
        open: 1,
        meanPercent: 80,
        buckets: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
        checks: [
          {
            id: 'category',
            passed: 1,
            failed: 0,
            explanation: { nl: 'De laatste beslissing is …', fr: 'La dernière décision est …' },
          },
        ],
      },
      {
        id: 'kl-work',
        title: EXERCISES[2]!.title,
        family: 'knipperlichten',
        submitted: 1,
        open: 0,
        meanPercent: 60,
        buckets: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
        checks: [],
      },
    ],
    leaderboard: [
      { rank: 1, participantId: 'p2', pseudonym: 'Uil', alias: 'Deelnemer 2', points: 12, max: 15, done: 3 },
      { rank: 2, participantId: 'p1', pseudonym: 'Vos', alias: 'Deelnemer 1', points: 4, max: 5, done: 1 },
      { rank: 3, participantId: 'p3', pseudonym: 'Das', alias: 'Deelnemer 3', points: 0, max: 0, done: 0 },
    ],
  };
}

export const QR_SVG =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="29" height="29"><rect width="29" height="29" fill="#fff"/><path d="M4 4h7v7H4zM18 4h7v7h-7zM4 18h7v7H4z"/></svg>';

export const REPORT: Report = {
  workshop: workshop(),
  generatedAt: '2025-06-30T08:50:00Z',
  participants: [
    {
      id: 'p1',
      pseudonym: 'Vos',
      joinedAt: '2025-06-30T07:55:00Z',
      points: 4,
      max: 5,
      attempts: [
        {
          attemptId: 'a11',
          exerciseId: 'infosec-desk',
          title: EXERCISES[0]!.title,
          family: 'infosec',
          status: 'submitted',
          submittedAt: '2025-06-30T08:10:00Z',
          points: 4,
          max: 5,
          hints: [{ id: 'h1', cost: 1 }],
          answers: [
            {
              questionId: 'register',
              prompt: { nl: 'Welke hoedanigheidscode gebruik je?', fr: 'Quel code qualité utilisez-vous ?' },
              value: '2',
              display: '2 — Leefloon',
            },
            {
              questionId: 'since',
              prompt: { nl: 'Vanaf welke datum?', fr: 'À partir de quelle date ?' },
              value: '2025-06-30',
              display: '30/06/2025',
            },
          ],
          checks: [
            {
              id: 'registered',
              passed: true,
              explanation: { nl: 'Eerst inschrijven, dan raadplegen.', fr: 'D’abord inscrire, ensuite consulter.' },
              source: 'Wet van 15 januari 1990, art. 6',
            },
            {
              id: 'refused',
              passed: false,
              explanation: {
                nl: 'De vraag naar het ziekenfonds was niet nodig.',
                fr: 'La demande à la mutualité n’était pas nécessaire.',
              },
              source: 'Beraadslaging 12/013',
            },
          ],
        },
        {
          attemptId: 'a12',
          exerciseId: 'esv-current',
          title: EXERCISES[1]!.title,
          family: 'esv',
          status: 'open',
          submittedAt: null,
          points: null,
          max: null,
          hints: [],
          answers: [],
          checks: [],
        },
      ],
    },
    {
      id: 'p2',
      pseudonym: 'Uil',
      joinedAt: '2025-06-30T07:56:00Z',
      points: 5,
      max: 5,
      attempts: [
        {
          attemptId: 'a21',
          exerciseId: 'infosec-desk',
          title: EXERCISES[0]!.title,
          family: 'infosec',
          status: 'submitted',
          submittedAt: '2025-06-30T08:09:00Z',
          points: 5,
          max: 5,
          hints: [],
          answers: [
            {
              questionId: 'register',
              prompt: { nl: 'Welke hoedanigheidscode gebruik je?', fr: 'Quel code qualité utilisez-vous ?' },
              value: '2',
              display: '2 — Leefloon',
            },
          ],
          checks: [
            {
              id: 'registered',
              passed: true,
              explanation: { nl: 'Eerst inschrijven, dan raadplegen.', fr: 'D’abord inscrire, ensuite consulter.' },
              source: 'Wet van 15 januari 1990, art. 6',
            },
          ],
        },
      ],
    },
  ],
};

/** The same answer of the API to `POST …/start` etc.: the workshop in its new state. */
export function reply(status: WorkshopStatus, extra: Partial<Workshop> = {}): { json: Workshop } {
  return { json: workshop({ status, ...extra }) };
}
