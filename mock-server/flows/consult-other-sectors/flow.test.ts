import type { Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, World } from '../../../scenarios/engine/model.ts';
import {
  exampleIn,
  freshTenant,
  itAnswersExamples,
  loadExamples,
  personOf,
  register,
  requestError,
  runExample,
  serverWith,
} from '../../../test/support/flows.ts';
import { sendSsdn, ssdnEnvelope, userOf } from '../../../test/support/ssdn.ts';
import { SSDN_COMMON_NS } from '../../src/ksz/ssdn/namespaces.ts';
import { child, children, text } from '../../src/ksz/xml/dom.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import type { Server } from '../../src/server.ts';
import { employmentsView } from '../dolsis/view.ts';
import { mergePeriods } from '../living-wages/attestations.ts';
import flow, { fromJson, fromXml, NS } from './flow.ts';
import { otherSectors } from './sectors.ts';

const TODAY = '2025-06-30';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));

let server: Server;
let unemployed: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  unemployed = personOf(server, { scenario: 'leefloon-and-unemployment', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
interface Line {
  sector: number;
  qualityCode: number;
  period: { startDate: string; endDate: string | null };
  sectorDescription?: { nl: string };
}
const linesOf = async (file: string) =>
  ((await runExample(server, 'consult-other-sectors', example(file))).body.consultations ?? []) as Line[];
const codes = (lines: Line[]) =>
  lines.map((l) => `${l.sector}.${l.qualityCode} ${l.period.startDate}…${l.period.endDate ?? ''}`);

describe('consult other sectors through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'consult-other-sectors', () => server);

  it('derives the sectors from the world: mutuality, RSZ until the job ended, RVA since', async () => {
    const lines = await linesOf('MSG00000-unemployment-after-work.json');
    expect(codes(lines)).toEqual(['11.1 2004-06-01…', '12.10 2015-03-02…2024-09-30', '18.1 2024-10-01…']);
    expect(lines[2]?.sectorDescription?.nl).toBe('Rijksdienst voor Arbeidsvoorziening (RVA)');
  });

  it('finds the child of a child benefit on the parent who receives it', async () => {
    expect(codes(await linesOf('MSG00000-child.json'))).toEqual(['7.104 2008-10-12…', '11.1 2008-10-12…']);
  });

  it('orders pensions by quality code, leaves out what ended before the requested period, merges allowances', async () => {
    expect(codes(await linesOf('MSG00000-pension-and-igo.json'))).toEqual([
      '5.30 2015-06-01…',
      '5.100 2015-01-01…',
      '11.1 1975-01-01…',
    ]);
    expect(codes(await linesOf('MSG00000-handicap.json'))).toEqual([
      '11.1 1982-02-15…',
      '16.3 2012-05-01…',
      '16.5 2012-05-01…',
    ]);
  });

  it('leaves the descriptions out when asked', async () => {
    const lines = await linesOf('MSG00000-without-descriptions.json');
    expect(lines[0]).toEqual({ sector: 11, qualityCode: 1, period: { startDate: '2004-06-01', endDate: null } });
  });

  it('refuses an integration with another quality code with MSG00012 naming the code', async () => {
    const r = await runExample(server, 'consult-other-sectors', example('MSG00012-other-quality-code.json'));
    const info = (r.body.status as { information?: { fieldName: string; fieldValue: string }[] }).information;
    expect(info?.[0]?.fieldValue).toContain('17.2');
  });

  it('never shows sector 17', async () => {
    const lines = await linesOf('MSG00000-self-employed.json');
    expect(lines.some((l) => l.sector === 17)).toBe(false);
  });
});

describe('consult other sectors through the SSDN face', () => {
  const payload = (ssin: string, quality = '2') =>
    `<ReferenceManagerRequest xmlns="${NS}" xmlns:common="${SSDN_COMMON_NS}"><ConsultOtherSectorsCriteria><QualityCodeRequestor>${quality}</QualityCodeRequestor><RequestedSsin>${ssin}</RequestedSsin><IntegratedPeriod><common:StartDate>2025-06-01</common:StartDate><common:EndDate>2025-06-30</common:EndDate></IntegratedPeriod><RequestedPeriod><common:StartDate>2015-01-01</common:StartDate><common:EndDate>2025-06-30</common:EndDate></RequestedPeriod><FetchDescriptions>true</FetchDescriptions></ConsultOtherSectorsCriteria></ReferenceManagerRequest>`;
  const send = (role: 'social-worker' | 'financial-manager', body: string) => {
    const { user, kbo } = userOf(server, role);
    return sendSsdn(
      server.app,
      ssdnEnvelope({
        userId: user.userId,
        orgUnit: kbo,
        serviceId: 'ReferenceManager.consult',
        version: '20050525',
        payload: body,
      }),
    );
  };

  beforeAll(async () => {
    freshTenant(server);
    await register(server, unemployed, { purpose: '2', from: '2025-01-01', to: null });
  });

  it('answers the consultations with their periods in the Common namespace', async () => {
    const r = await send('social-worker', payload(unemployed.insz));
    expect(r.services[0]?.returnCode).toBe(0);
    const reply = r.services[0]?.payload;
    expect(reply?.localName).toBe('ReferenceManagerReply');
    const result = reply ? child(reply, NS, 'ConsultOtherSectorsResult') : undefined;
    const lines = result ? children(result, NS, 'Consultation') : [];
    expect(lines.map((c) => `${text(child(c, NS, 'Sector'))}.${text(child(c, NS, 'QualityCode'))}`)).toEqual([
      '11.1',
      '12.10',
      '18.1',
    ]);
    const rsz = lines[1] as Element;
    const period = child(rsz, NS, 'Period') as Element;
    expect(text(child(period, SSDN_COMMON_NS, 'EndDate'))).toBe('2024-09-30');
    expect(text(child(rsz, NS, 'QualityCodeDescriptionFr'))).toBe('Salarié');
  });

  it('refuses the financial manager (39980013) without a payload', async () => {
    const r = await send('financial-manager', payload(unemployed.insz));
    expect([r.services[0]?.returnCode, r.services[0]?.reasonCodes, r.services[0]?.payload]).toEqual([
      10000,
      ['39980013'],
      null,
    ]);
  });

  it('answers 39980012 when the integration has another quality code', async () => {
    const r = await send('social-worker', payload(unemployed.insz, '3'));
    expect(r.services[0]?.reasonCodes).toEqual(['39980012']);
  });
});

describe('reading the request', () => {
  const element = (inner: string): Element => {
    const parsed = parseXmlSafely(
      `<ReferenceManagerRequest xmlns="${NS}" xmlns:common="${SSDN_COMMON_NS}"><ConsultOtherSectorsCriteria>${inner}</ConsultOtherSectorsCriteria></ReferenceManagerRequest>`,
    );
    if (!parsed.ok) throw new Error('bad test XML');
    return parsed.doc.documentElement as unknown as Element;
  };
  const q = '<QualityCodeRequestor>2</QualityCodeRequestor>';
  const ssin = '<RequestedSsin>81031374604</RequestedSsin>';
  const integrated =
    '<IntegratedPeriod><common:StartDate>2025-06-01</common:StartDate><common:EndDate>2025-06-30</common:EndDate></IntegratedPeriod>';
  const requested = '<RequestedPeriod><common:StartDate>2020-01-01</common:StartDate></RequestedPeriod>';

  it('reads XML and JSON alike; the requested period may stay open', () => {
    const expected = {
      qualityCodeRequestor: '2',
      ssin: '81031374604',
      integratedPeriod: { startDate: '2025-06-01', endDate: '2025-06-30' },
      requestedPeriod: { startDate: '2020-01-01', endDate: null },
      fetchDescriptions: false,
    };
    expect(fromXml(element(`${q}${ssin}${integrated}${requested}<FetchDescriptions>0</FetchDescriptions>`))).toEqual(
      expected,
    );
    expect(
      fromJson({
        qualityCodeRequestor: 2,
        requestedSsin: '81031374604',
        integratedPeriod: { startDate: '2025-06-01', endDate: '2025-06-30' },
        requestedPeriod: { startDate: '2020-01-01' },
        fetchDescriptions: false,
      }),
    ).toEqual(expected);
  });

  it.each([
    [`${ssin}${integrated}${requested}`, 'QualityCodeRequestor'],
    [`<QualityCodeRequestor>15</QualityCodeRequestor>${ssin}${integrated}${requested}`, 'QualityCodeRequestor'],
    [`${q}<RequestedSsin>8103137460</RequestedSsin>${integrated}${requested}`, 'RequestedSsin'],
    [
      `${q}${ssin}<IntegratedPeriod><common:StartDate>2025-06-01</common:StartDate></IntegratedPeriod>${requested}`,
      'IntegratedPeriod/EndDate',
    ],
    [`${q}${ssin}${integrated}`, 'RequestedPeriod'],
    [
      `${q}${ssin}${integrated}<RequestedPeriod><common:StartDate>2020-02-30</common:StartDate></RequestedPeriod>`,
      'RequestedPeriod/StartDate',
    ],
    [`${q}${ssin}${integrated}${requested}<FetchDescriptions>yes</FetchDescriptions>`, 'FetchDescriptions'],
  ])('fromXml refuses %s naming %s', (inner, field) => {
    expect(requestError(() => fromXml(element(inner))).field).toBe(field);
  });

  it.each([
    [{}, 'QualityCodeRequestor'],
    [{ qualityCodeRequestor: '2', requestedSsin: '81031374604' }, 'IntegratedPeriod'],
    [
      {
        qualityCodeRequestor: '2',
        requestedSsin: '81031374604',
        integratedPeriod: { startDate: '2025-06-30', endDate: '2025-06-01' },
        requestedPeriod: { startDate: '2020-01-01' },
      },
      'IntegratedPeriod/EndDate',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('declares a partial SSDN flow for the social worker', () => {
    expect(flow).toMatchObject({ id: 'consult-other-sectors', fidelity: 'partial', roles: ['social-worker'] });
    expect(flow.ssdn).toMatchObject({ serviceId: 'ReferenceManager.consult', version: '20050525' });
  });
});

describe('the same facts as the other flows', () => {
  it('shows as RSZ integrations (12.10) exactly the employments Dolsis shows, merged', () => {
    const world = server.tenants.get('default')?.world;
    const named = (world?.persons ?? []).filter((p) => !p.origin.startsWith('background') && p.employment.length > 0);
    expect(named.length).toBeGreaterThan(10);
    for (const p of named) {
      const all = { from: '1900-01-01', to: TODAY };
      const dolsis = employmentsView(p, 'activeInPeriod', all, TODAY).map((e) => ({
        from: e.period.beginDate,
        to: e.period.endDate,
      }));
      const rsz = otherSectors(world as World, p, TODAY, all)
        .filter((c) => c.sector === 12)
        .map((c) => c.period);
      expect(rsz, `${p.origin}/${p.originRole}`).toEqual(mergePeriods(dolsis));
    }
  });
});
