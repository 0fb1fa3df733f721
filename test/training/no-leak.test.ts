import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import { fillText, formatAmount, formatDate } from '../../mock-server/src/training/text.ts';
import type { Exercise } from '../../mock-server/src/training/types.ts';
import { type AttemptView, answerKey, call, type TrainingServer, trainingServer } from '../support/training.ts';

/**
 * Answer keys never leave the server before submission: for every exercise, a participant's variant's key is
 * computed here (server-side code), and none of its values appears in any API answer the participant can get
 * before submitting — the catalogue, the new attempt, the attempt read back, every hint.
 */
let server: TrainingServer;
const exercises = loadExercises();
const ATTEMPT_FIELDS = [
  'brief',
  'difficulty',
  'exerciseId',
  'family',
  'hints',
  'id',
  'questions',
  'status',
  'title',
  'workspace',
];

beforeAll(async () => {
  server = await trainingServer();
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a key value could be written: amounts in every notation (and in cents), dates ISO and Belgian. */
function patterns(value: string | number): RegExp[] {
  if (typeof value === 'number') {
    const forms = new Set([
      value.toFixed(2),
      value.toFixed(2).replace('.', ','),
      formatAmount(value, 'nl'),
      formatAmount(value, 'fr'),
      String(Math.round(value * 100)),
    ]);
    if (Number.isInteger(value)) forms.add(String(value));
    return [...forms].map((f) => new RegExp(`(?<![\\d.,])${escapeRe(f).replace(/\s/gu, '\\s')}(?![\\d])`, 'u'));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return [value, formatDate(value)].map((f) => new RegExp(escapeRe(f)));
  return [new RegExp(`\\b${escapeRe(value)}\\b`, 'i')];
}

function questionOf(x: Exercise, id: string | undefined) {
  return x.questions.find((q) => q.id === id);
}

describe('before submission', () => {
  it('no value of any exercise’s answer key appears in any answer the participant gets', async () => {
    const token = (await call<{ token: string }>(server.app, 'POST', '/api/participants', { body: {} })).body.token;
    const catalogue = (await call(server.app, 'GET', '/api/exercises')).text;
    let searched = 0;
    for (const x of exercises) {
      const created = await call<AttemptView>(server.app, 'POST', '/api/attempts', {
        token,
        body: { exerciseId: x.id },
      });
      expect(created.status).toBe(201);
      const a = created.body;
      const read = await call<AttemptView>(server.app, 'GET', `/api/attempts/${a.id}`, { token });
      const hints = await Promise.all(
        x.hints.map((h) => call(server.app, 'POST', `/api/attempts/${a.id}/hints/${h.id}`, { token })),
      );
      const texts = [catalogue, created.text, read.text, ...hints.map((h) => h.text)];

      // Nothing but the contract's fields, and the questions exactly as the exercise file has them.
      for (const view of [created.body, read.body]) {
        expect(
          Object.keys(view)
            .filter((k) => k !== 'subject')
            .sort(),
        ).toEqual(ATTEMPT_FIELDS);
        const v = server.training.attempts.get(a.id)!.variant;
        expect(view.questions).toEqual(x.questions.map((q) => ({ ...q, prompt: fillText(q.prompt, v.placeholders) })));
      }
      for (const t of texts)
        expect(t).not.toMatch(/"(expected|key|keyParams|checks|params|result|answers|explanation)"/);

      const world = server.tenants.get(a.workspace.tenant)!.world;
      const key = answerKey(x, server.training.attempts.get(a.id)!.variant, world, server);
      for (const k of key) {
        const q = questionOf(x, k.question);
        const values: (string | number | null)[] = Array.isArray(k.value) ? k.value : [k.value];
        for (const value of values) {
          if (value === null) continue;
          // Choice and multi keys are option values, which every participant sees; what must not leak is which one.
          if (q?.kind === 'choice' || q?.kind === 'multi') {
            const label = q.options?.find((o) => o.value === String(value))?.label;
            for (const t of [read.body.brief.nl, read.body.brief.fr, ...hints.map((h) => h.text)])
              for (const l of label ? [label.nl, label.fr] : [])
                expect(t, `${x.id}/${k.check}`).not.toMatch(new RegExp(`(?<!\\p{L})${escapeRe(l)}(?!\\p{L})`, 'u'));
            continue;
          }
          // Small counts (hours, weeks, number of decisions) are too short to search as text; their questions
          // and the fields above are checked instead.
          if (typeof value === 'number' && Number.isInteger(value) && value < 100) continue;
          for (const p of patterns(value)) {
            searched++;
            for (const t of texts) expect(t, `${x.id}/${k.check}: ${String(value)} leaked (${p})`).not.toMatch(p);
          }
        }
      }
    }
    expect(searched).toBeGreaterThan(40);
  });

  it('the values searched for do appear in the result after submission (the search would have found them)', async () => {
    const token = (await call<{ token: string }>(server.app, 'POST', '/api/participants', { body: {} })).body.token;
    const a = (
      await call<AttemptView>(server.app, 'POST', '/api/attempts', {
        token,
        body: { exerciseId: 'esv-resources-property' },
      })
    ).body;
    const x = exercises.find((e) => e.id === a.exerciseId)!;
    const world = server.tenants.get(a.workspace.tenant)!.world;
    const key = answerKey(x, server.training.attempts.get(a.id)!.variant, world, server);
    const submitted = await call(server.app, 'POST', `/api/attempts/${a.id}/submit`, { token, body: { answers: {} } });
    const amount = key.find((k) => k.check === 'amount')!.value as number;
    const from = key.find((k) => k.check === 'from')!.value as string;
    expect(submitted.text).toMatch(patterns(amount)[2]!);
    expect(submitted.text).toMatch(patterns(from)[1]!);
  });
});
