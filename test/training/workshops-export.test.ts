import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercises } from '../../mock-server/src/training/catalogue.ts';
import { formatAmount } from '../../mock-server/src/training/text.ts';
import { parseCsv, RESULT_COLUMNS } from '../support/csv.ts';
import {
  type AttemptView,
  asTrainer,
  call,
  errorCode,
  joinAs,
  newWorkshop,
  TRAINER_PASSWORD,
  type TrainingServer,
  trainingServer,
  type WorkshopReply,
} from '../support/training.ts';

/** The results CSV (exactly the submitted attempts, RFC 4180, defused) and the trainer's report. */
const TWO = 'esv-two-ocmws';
const CURRENT = 'esv-current-decision';
const NEIGHBOUR = 'infosec-colleague-neighbour';
const titles = new Map(loadExercises().map((x) => [x.id, x.title]));
let server: TrainingServer;
let w: WorkshopReply;
const submittedIds: string[] = [];
let formulaId = '';

/** The body's bytes as text with the byte order mark kept (`Response.text()` drops it). */
const bodyText = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

beforeAll(async () => {
  server = await trainingServer();
  w = await newWorkshop(server.app, [TWO, CURRENT, NEIGHBOUR], { start: true });
  const formula = await joinAs(server.app, w.code, '=SUM(1+1)');
  const plain = await joinAs(server.app, w.code, 'Gewoon, met "komma"');
  formulaId = formula.participant.id;
  const start = async (token: string, exerciseId: string) =>
    (await call<AttemptView>(server.app, 'POST', '/api/attempts', { token, body: { exerciseId } })).body;
  const submit = async (token: string, a: AttemptView, answers: Record<string, unknown>) => {
    const r = await call(server.app, 'POST', `/api/attempts/${a.id}/submit`, { token, body: { answers } });
    expect(r.status, r.text).toBe(200);
    submittedIds.push(a.id);
  };
  const two = await start(formula.token, TWO);
  await call(server.app, 'POST', `/api/attempts/${two.id}/hints/per-ocmw`, { token: formula.token });
  await submit(formula.token, two, { count: '2', current: '@Gent, "OCMW"', overlap: '01/02/2024', action: 'add-up' });
  await start(formula.token, CURRENT); // left open: not in the CSV
  await submit(plain.token, await start(plain.token, NEIGHBOUR), { reaction: 'refuse', rules: ['purpose', 'consent'] });
  await submit(plain.token, await start(plain.token, CURRENT), { amount: '1.314,50', since: '2024-03-01' });
});

const download = (query = '') =>
  server.app.request(`/api/workshops/${w.id}/results.csv${query}`, {
    headers: { Authorization: `Bearer ${TRAINER_PASSWORD}` },
  });

describe('GET /api/workshops/:id/results.csv', () => {
  it('one row per submitted attempt with exactly what was stored; BOM, CRLF, an attachment', async () => {
    const res = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="workshop-${w.code}-resultaten.csv"`);
    const text = await bodyText(res);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.join(',')).toBe(RESULT_COLUMNS);
    expect(rows.map((r) => r[6]).sort()).toEqual([...submittedIds].sort());
    for (const row of rows) {
      const cell = Object.fromEntries(header!.map((k, i) => [k, row[i]!]));
      const a = server.training.attempts.get(cell.attempt_id!)!;
      const p = server.training.participants.get(a.participantId)!;
      expect(cell).toEqual({
        workshop_code: w.code,
        participant: p.id === formulaId ? `'${p.pseudonym}` : p.pseudonym,
        participant_id: p.id,
        exercise_id: a.exerciseId,
        exercise_title: titles.get(a.exerciseId)!.nl,
        family: a.exerciseId.split('-')[0],
        attempt_id: a.id,
        submitted_at: a.submittedAt,
        points: String(a.result!.points),
        max: String(a.result!.max),
        percent: String(Math.round((a.result!.points / a.result!.max) * 1000) / 10),
        hints: a.hints.join('|'),
        answers: JSON.stringify(a.answers),
      });
    }
    expect(rows.find((r) => r[3] === TWO)![11]).toBe('per-ocmw');
    expect(text).toContain('"Gewoon, met ""komma"""');
  });

  it('?delimiter=semicolon: the same cells, semicolons, decimal commas for Excel with Belgian settings', async () => {
    const comma = parseCsv((await bodyText(await download())).slice(1));
    const excel = await download('?delimiter=semicolon');
    expect(excel.headers.get('Content-Disposition')).toMatch(/filename="workshop-\w+-resultaten-excel\.csv"/);
    const semicolon = await bodyText(excel);
    expect(semicolon.startsWith('\uFEFFworkshop_code;participant;')).toBe(true);
    const semi = parseCsv(semicolon.slice(1), ';');
    expect(semi.length).toBe(comma.length);
    // points, max and percent (columns 8–10) with a decimal comma; every other cell the same.
    const expected = comma.map((row) => row.map((cell, i) => (i >= 8 && i <= 10 ? cell.replace('.', ',') : cell)));
    expect(semi).toEqual(expected);
    expect((await download('?delimiter=tab')).status).toBe(400);
  });
});

describe('GET /api/workshops/:id/report', () => {
  it('every participant with their attempts, answers as displayed, and the explanations', async () => {
    const r = await asTrainer<{
      workshop: WorkshopReply;
      generatedAt: string;
      participants: {
        id: string;
        points: number;
        max: number;
        attempts: {
          exerciseId: string;
          status: string;
          points: number | null;
          hints: { id: string; cost: number }[];
          answers: { questionId: string; prompt: { nl: string }; value: unknown; display: string }[];
          checks: { explanation: { nl: string }; source: string }[];
        }[];
      }[];
    }>(server.app, 'GET', `/api/workshops/${w.id}/report`);
    expect(r.status).toBe(200);
    expect(r.body.workshop.id).toBe(w.id);
    const [first, second] = r.body.participants;
    expect(first!.id).toBe(formulaId);
    const [two, open] = first!.attempts;
    expect(open).toMatchObject({ exerciseId: CURRENT, status: 'open', points: null, answers: [], checks: [] });
    expect(two!.hints).toEqual([{ id: 'per-ocmw', cost: 1 }]);
    expect(two!.answers.map((a) => [a.questionId, a.display])).toEqual([
      ['count', 'Twee'],
      ['current', '@Gent, "OCMW"'],
      ['overlap', '01/02/2024'],
      ['action', 'Ik tel beide bedragen op als bestaansmiddel'],
    ]);
    expect(two!.answers[2]!.value).toBe('2024-02-01');
    expect(two!.checks.every((c) => c.explanation.nl.length > 0 && c.source.length > 0)).toBe(true);
    const byExercise = new Map(second!.attempts.map((a) => [a.exerciseId, a]));
    expect(byExercise.get(CURRENT)!.answers.find((a) => a.questionId === 'amount')!.display).toBe(
      formatAmount(1314.5, 'nl'),
    );
    expect(byExercise.get(NEIGHBOUR)!.answers.find((a) => a.questionId === 'rules')!.display).toMatch(
      /^Doelbinding: .+, De buur moet eerst schriftelijk toestemming geven$/,
    );
    expect(second!.points).toBe(second!.attempts.reduce((s, a) => s + (a.points ?? 0), 0));

    const one = await asTrainer<{ participants: { id: string }[] }>(
      server.app,
      'GET',
      `/api/workshops/${w.id}/report?participant=${second!.id}`,
    );
    expect(one.body.participants.map((p) => p.id)).toEqual([second!.id]);
    const nobody = await asTrainer(server.app, 'GET', `/api/workshops/${w.id}/report?participant=nobody`);
    expect([nobody.status, errorCode(nobody)]).toEqual([404, 'unknown-participant']);
  });

  it('a French workshop shows titles and answers in French', async () => {
    const fr = await newWorkshop(server.app, [NEIGHBOUR], { start: true, language: 'fr' });
    const p = await joinAs(server.app, fr.code, 'Table 2');
    const a = (
      await call<AttemptView>(server.app, 'POST', '/api/attempts', { token: p.token, body: { exerciseId: NEIGHBOUR } })
    ).body;
    await call(server.app, 'POST', `/api/attempts/${a.id}/submit`, {
      token: p.token,
      body: { answers: { rules: ['purpose'] } },
    });
    const csv = await call(server.app, 'GET', `/api/workshops/${fr.id}/results.csv`, { token: TRAINER_PASSWORD });
    expect(csv.text).toContain(titles.get(NEIGHBOUR)!.fr);
    const report = await asTrainer<{ participants: { attempts: { answers: { display: string }[] }[] }[] }>(
      server.app,
      'GET',
      `/api/workshops/${fr.id}/report`,
    );
    expect(report.body.participants[0]!.attempts[0]!.answers[0]!.display).toMatch(/^Finalité/);
    const view = await asTrainer<{ participants: { alias: string }[] }>(server.app, 'GET', `/api/workshops/${fr.id}`);
    expect(view.body.participants.map((x) => x.alias)).toEqual(['Participant 1']);
  });
});
