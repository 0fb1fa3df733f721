import { readdirSync, readFileSync } from 'node:fs';
import type { Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, Role } from '../../../scenarios/engine/model.ts';
import {
  type Example,
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
import { child, children, text } from '../../src/ksz/xml/dom.ts';
import { parseXmlSafely } from '../../src/ksz/xml/parse.ts';
import type { Server } from '../../src/server.ts';
import { attestationsView } from '../list-of-attestations/view.ts';
import flow, { fromJson, fromXml, NS } from './flow.ts';
import { answerReference, offsetOf, PAGE_SIZE } from './paging.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));

let server: Server;
let homeless: Person;
let longFile: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  homeless = personOf(server, { scenario: 'homeless-reference-address', role: 'main' });
  longFile = personOf(server, { scenario: 'inschakeling-ended-2015', role: 'main' });
});
afterAll(() => server.store.close());

interface JsonA036 {
  recentAnswer: boolean;
  ocmwCpas: string;
  attestationStatus: string;
  attestationId: string;
  updateAttestationId: string | null;
  creationDate: string;
  validityPeriod: { beginDate: string; endDate: string | null };
  categoryCode: number;
}
interface Reply {
  status: { code: string };
  inss?: string;
  nextAnswerReference?: string | null;
  attestations?: JsonA036[];
}

const example = (file: string): Example => exampleIn(EXAMPLES, file);
const replyOf = async (file: string) => (await runExample(server, 'l036', example(file))).body as unknown as Reply;

describe('L036 through the JSON face', () => {
  it('has an example for every code the flow documents', () => {
    const codes = new Set(EXAMPLES.map(([, e]) => e.expect.code));
    for (const code of ['MSG00000', 'MSG00100', 'MSG00005', 'MSG00006', 'MSG00007', 'MSG00008', 'MSG00009'])
      expect(codes).toContain(code);
    for (const code of ['MSG00011', 'MSG00012', 'MSG00013']) expect(codes).toContain(code);
  });

  itAnswersExamples(EXAMPLES, 'l036', () => server);

  it('chains revisions through UpdateAttestationID; only the last is in force and the recent answer', async () => {
    const r = await replyOf('MSG00000-revisions.json');
    const a = r.attestations ?? [];
    expect(
      a.map((x) => [x.validityPeriod.beginDate, x.validityPeriod.endDate, x.attestationStatus, x.recentAnswer]),
    ).toEqual([
      ['2023-11-06', '2024-04-30', '2', false],
      ['2024-05-01', '2025-02-28', '2', false],
      ['2025-03-01', null, '1', true],
    ]);
    expect(a[0]?.updateAttestationId).toBeNull();
    expect(a[1]?.updateAttestationId).toBe(a[0]?.attestationId);
    expect(a[2]?.updateAttestationId).toBe(a[1]?.attestationId);
    expect(a.every((x) => x.ocmwCpas === '0205431152' && x.categoryCode === 2)).toBe(true);
    expect(r).toMatchObject({ inss: homeless.insz, uniqueReference: 'dossier-2025-0017' });
  });

  it('pages by 10: the next page with the reference completes the list, and the last page has no reference', async () => {
    const first = await replyOf('MSG00000-first-page.json');
    const second = await replyOf('MSG00000-next-page.json');
    expect(first.attestations).toHaveLength(PAGE_SIZE);
    expect(first.nextAnswerReference).toBe(example('MSG00000-next-page.json').request.nextAnswerReference);
    expect(second.attestations).toHaveLength(6);
    expect(second.nextAnswerReference).toBeNull();
    const ids = [...(first.attestations ?? []), ...(second.attestations ?? [])].map((a) => a.attestationId);
    expect(new Set(ids).size).toBe(16);
    expect(second.attestations?.at(-1)).toMatchObject({ attestationStatus: '1', validityPeriod: { endDate: null } });
    expect(second.attestations?.[0]?.updateAttestationId).toBe(first.attestations?.at(-1)?.attestationId);
  });

  it('tells equivalent leefloon by its category code and the OCMWs apart', async () => {
    const eq = await replyOf('MSG00000-equivalent-leefloon.json');
    expect(eq.attestations?.map((a) => a.categoryCode)).toEqual([12, 12]);
    const two = await replyOf('MSG00000-two-ocmws.json');
    expect(new Set(two.attestations?.map((a) => a.ocmwCpas))).toEqual(new Set(['0288097225', '0286549678']));
  });

  it('shows a stop as the end of the attestation it stops', async () => {
    const r = await replyOf('MSG00000-stopped.json');
    expect(r.attestations).toEqual([
      expect.objectContaining({
        attestationStatus: '2',
        recentAnswer: true,
        validityPeriod: { beginDate: '2023-02-01', endDate: '2024-02-29' },
      }),
    ]);
  });

  it('answers MSG00100 with an empty list and the request echoed', async () => {
    const r = await replyOf('MSG00100-not-yet-in-network.json');
    expect(r).toMatchObject({ attestations: [], nextAnswerReference: null, period: { beginDate: '2025-05-01' } });
  });

  it('shows the attestations ListOfAttestations shows, with the same references and statuses', async () => {
    const r = await replyOf('MSG00000-revisions.json');
    const piis = attestationsView(homeless, 'GPMI_PIIS', null, '2025-06-30').attestations;
    expect(
      r.attestations?.map((a) => [a.attestationId, a.validityPeriod.beginDate, Number(a.attestationStatus)]),
    ).toEqual(piis.map((a) => [a.reference, a.entryDate, a.status]));
  });
});

describe('L036 through the SSDN face', () => {
  const payload = (inss: string, begin: string, end: string, next = '') =>
    `<ns1:L036RequestReply xmlns:ns1="${NS}">${next ? `<ns1:L036 processType="L"><ns1:Request><ns1:NextAnswerReference>${next}</ns1:NextAnswerReference></ns1:Request></ns1:L036>` : '<ns1:L036 processType="L"/>'}<ns1:UniqueReference>TEST-1</ns1:UniqueReference><ns1:INSS>${inss}</ns1:INSS><ns1:Period><ns1:BeginDate>${begin}</ns1:BeginDate><ns1:EndDate>${end}</ns1:EndDate></ns1:Period><ns1:AuthorizedUser><UserID>00000000097</UserID><Email>a@b.example</Email><MatrixID>17</MatrixID><MatrixSubID>1</MatrixSubID></ns1:AuthorizedUser></ns1:L036RequestReply>`;
  const send = (role: Role, body: string) => {
    const { user, kbo } = userOf(server, role);
    return sendSsdn(
      server.app,
      ssdnEnvelope({
        userId: user.userId,
        orgUnit: kbo,
        serviceId: 'OCMWCPASL036',
        version: '20060315',
        payload: body,
      }),
    );
  };
  const el = (parent: Element | null | undefined, path: string): Element | undefined => {
    let at: Element | undefined = parent ?? undefined;
    for (const name of path.split('/')) at = at ? child(at, NS, name) : undefined;
    return at;
  };

  beforeAll(async () => {
    freshTenant(server);
    await register(server, homeless, { purpose: '2', from: '2023-01-01', to: null });
    await register(server, longFile, { purpose: '2', from: '2015-01-01', to: null });
  });

  it('answers L036RequestReply/L036/AnswerOK with the A036 in the ns3 prefix', async () => {
    const r = await send('social-worker', payload(homeless.insz, '2023-01-01', '2025-12-31'));
    expect(r.services[0]?.returnCode).toBe(0);
    const reply = r.services[0]?.payload;
    expect([reply?.localName, reply?.prefix]).toEqual(['L036RequestReply', 'ns3']);
    expect(el(reply, 'L036')?.getAttribute('processType')).toBe('L');
    const answer = el(reply, 'L036/AnswerOK');
    expect(answer && child(answer, NS, 'NextAnswerReference')).toBeUndefined();
    const a036 = answer ? children(answer, NS, 'A036') : [];
    expect(a036).toHaveLength(3);
    const last = a036[2];
    expect(text(el(last, 'RecentAnswer'))).toBe('true');
    expect(text(el(last, 'OcmwCpas'))).toBe('0205431152');
    expect(text(el(last, 'Attestation/AttestationIdentification/AttestationStatus'))).toBe('1');
    expect(text(el(last, 'Attestation/AttestationIdentification/UpdateAttestationID'))).toBe(
      text(el(a036[1], 'Attestation/AttestationIdentification/AttestationID')),
    );
    expect(text(el(last, 'Attestation/AttestationIdentification/CreationDate'))).toBe('2025-02-20');
    expect(text(el(last, 'Attestation/Details/ValidityPeriod/BeginDate'))).toBe('2025-03-01');
    expect(el(last, 'Attestation/Details/ValidityPeriod/EndDate')).toBeUndefined();
    expect(text(el(last, 'Attestation/Details/CategoryCode'))).toBe('2');
    expect(text(el(reply, 'INSS'))).toBe(homeless.insz);
    expect(text(el(reply, 'UniqueReference'))).toBe('TEST-1');
  });

  it('pages like the CPAS client: ask again with NextAnswerReference until none comes back', async () => {
    const seen: string[] = [];
    let next = '';
    let calls = 0;
    do {
      const r = await send('social-worker', payload(longFile.insz, '2015-01-01', '2025-12-31', next));
      expect(r.services[0]?.returnCode).toBe(0);
      const answer = el(r.services[0]?.payload, 'L036/AnswerOK');
      next = text(answer && child(answer, NS, 'NextAnswerReference'));
      for (const a of answer ? children(answer, NS, 'A036') : [])
        seen.push(text(el(a, 'Attestation/AttestationIdentification/AttestationID')));
      calls++;
    } while (next !== '' && calls < 5);
    expect(calls).toBe(2);
    expect(seen).toHaveLength(16);
    expect(new Set(seen).size).toBe(16);
  });

  it('reads the elements nested in L036 as well', async () => {
    const nested = `<ns1:L036RequestReply xmlns:ns1="${NS}"><ns1:L036 processType="L"><ns1:INSS>${homeless.insz}</ns1:INSS><ns1:Period><ns1:BeginDate>2023-01-01</ns1:BeginDate><ns1:EndDate>2025-12-31</ns1:EndDate></ns1:Period></ns1:L036></ns1:L036RequestReply>`;
    const r = await send('social-worker', nested);
    expect(r.services[0]?.returnCode).toBe(0);
    expect(children(el(r.services[0]?.payload, 'L036/AnswerOK') as Element, NS, 'A036')).toHaveLength(3);
  });

  it('warns (ReturnCode 1, 39980100) when nothing is known in the period', async () => {
    const r = await send('social-worker', payload(homeless.insz, '2023-01-01', '2023-06-30'));
    expect([r.services[0]?.returnCode, r.services[0]?.reasonCodes]).toEqual([1, ['39980100']]);
    expect(children(el(r.services[0]?.payload, 'L036/AnswerOK') as Element, NS, 'A036')).toHaveLength(0);
  });

  it('refuses the secretary (39980013) without a payload', async () => {
    const r = await send('secretary', payload(homeless.insz, '2023-01-01', '2025-12-31'));
    expect([r.services[0]?.returnCode, r.services[0]?.reasonCodes]).toEqual([10000, ['39980013']]);
    expect(r.services[0]?.payload).toBeNull();
  });

  it('refuses a period the registration does not cover (39980012)', async () => {
    const r = await send('social-worker', payload(homeless.insz, '2016-01-01', '2025-12-31'));
    expect(r.services[0]?.reasonCodes).toEqual(['39980012']);
  });

  it('refuses a reference of another period (39980008) naming Request/NextAnswerReference', async () => {
    const other = answerReference({ from: '2015-01-01', to: '2025-12-31' }, '2025-06-30', 10);
    const r = await send('social-worker', payload(homeless.insz, '2023-01-01', '2025-12-31', other));
    expect([r.services[0]?.returnCode, r.services[0]?.reasonCodes]).toEqual([10000, ['39980008']]);
    expect(r.reply).toContain('Request/NextAnswerReference');
  });
});

describe('the SSDN examples', () => {
  const dir = new URL('./examples/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ssdn.xml'));
  const code = (prefix: string) => (prefix === 'OK' ? [] : [prefix]);

  it('has an SSDN form for every JSON example', () => {
    expect(files).toHaveLength(EXAMPLES.length);
  });

  it.each(files)('%s answers like its JSON twin', async (file) => {
    const [prefix = '', ...rest] = file.slice(0, -'.ssdn.xml'.length).split('-');
    const twin = EXAMPLES.find(([f]) => f.slice(f.indexOf('-') + 1, -'.json'.length) === rest.join('-'))?.[1];
    if (!twin) throw new Error(`no JSON twin for ${file}`);
    freshTenant(server, twin.clock ?? '2025-06-30');
    if (twin.person && twin.register) await register(server, personOf(server, twin.person), twin.register);
    const r = await sendSsdn(server.app, readFileSync(new URL(file, dir), 'utf8'));
    expect(r.services).toHaveLength(1);
    expect(r.services[0]?.reasonCodes).toEqual(code(prefix));
    if (prefix === 'OK') expect(r.services[0]?.payload?.localName).toBe('L036RequestReply');
  });
});

describe('reading the request', () => {
  const element = (inner: string, processType = 'L'): Element => {
    const parsed = parseXmlSafely(
      `<ns1:L036RequestReply xmlns:ns1="${NS}"><ns1:L036 processType="${processType}"/>${inner}</ns1:L036RequestReply>`,
    );
    if (!parsed.ok) throw new Error('bad test XML');
    return parsed.doc.documentElement as unknown as Element;
  };
  const inss = '<ns1:INSS>67031844357</ns1:INSS>';
  const period =
    '<ns1:Period><ns1:BeginDate>2024-01-01</ns1:BeginDate><ns1:EndDate>2024-12-31</ns1:EndDate></ns1:Period>';

  it('reads XML and JSON alike', () => {
    const expected = {
      uniqueReference: 'R-1',
      inss: '67031844357',
      period: { beginDate: '2024-01-01', endDate: '2024-12-31' },
      nextAnswerReference: null,
    };
    expect(fromXml(element(`<ns1:UniqueReference>R-1</ns1:UniqueReference>${inss}${period}`))).toEqual(expected);
    expect(
      fromJson({
        uniqueReference: 'R-1',
        inss: '67031844357',
        period: { beginDate: '2024-01-01', endDate: '2024-12-31' },
      }),
    ).toEqual(expected);
  });

  it.each([
    [period, 'INSS'],
    [inss, 'Period'],
    ['<ns1:INSS>6703184435</ns1:INSS>' + period, 'INSS'],
    [`${inss}<ns1:Period><ns1:BeginDate>2024-01-01</ns1:BeginDate></ns1:Period>`, 'Period/EndDate'],
    [
      `${inss}<ns1:Period><ns1:BeginDate>2024-13-01</ns1:BeginDate><ns1:EndDate>2024-12-31</ns1:EndDate></ns1:Period>`,
      'Period/BeginDate',
    ],
    [
      `${inss}<ns1:Period><ns1:BeginDate>2024-12-31</ns1:BeginDate><ns1:EndDate>2024-01-01</ns1:EndDate></ns1:Period>`,
      'Period/EndDate',
    ],
    [`${inss}${period}<ns1:Sector>17</ns1:Sector>`, 'Sector'],
  ])('fromXml refuses %s naming %s', (inner, field) => {
    expect(requestError(() => fromXml(element(inner))).field).toBe(field);
  });

  it('refuses another processType, a missing L036 and a malformed NextAnswerReference', () => {
    expect(requestError(() => fromXml(element(`${inss}${period}`, 'M'))).field).toBe('L036/@processType');
    const noL036 = parseXmlSafely(`<ns1:L036RequestReply xmlns:ns1="${NS}">${inss}${period}</ns1:L036RequestReply>`);
    if (!noL036.ok) throw new Error('bad test XML');
    expect(requestError(() => fromXml(noL036.doc.documentElement as unknown as Element)).field).toBe('L036');
    const bad = parseXmlSafely(
      `<ns1:L036RequestReply xmlns:ns1="${NS}"><ns1:L036 processType="L"><ns1:Request><ns1:NextAnswerReference>next</ns1:NextAnswerReference></ns1:Request></ns1:L036>${inss}${period}</ns1:L036RequestReply>`,
    );
    if (!bad.ok) throw new Error('bad test XML');
    expect(requestError(() => fromXml(bad.doc.documentElement as unknown as Element)).field).toBe(
      'Request/NextAnswerReference',
    );
  });

  it.each([
    [{ period: { beginDate: '2024-01-01', endDate: '2024-12-31' } }, 'INSS'],
    [{ inss: '67031844357' }, 'Period'],
    [{ inss: '67031844357', period: [] }, 'Period'],
    [{ inss: '67031844357', period: { beginDate: '2024-01-01' } }, 'Period/EndDate'],
    [
      { inss: '67031844357', period: { beginDate: '2024-01-01', endDate: '2024-12-31' }, nextAnswerReference: 7 },
      'Request/NextAnswerReference',
    ],
    [
      {
        inss: '67031844357',
        period: { beginDate: '2024-01-01', endDate: '2024-12-31' },
        uniqueReference: 'x'.repeat(65),
      },
      'UniqueReference',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('seals the reference to the period and the day', () => {
    const window = { from: '2015-01-01', to: '2025-12-31' };
    const ref = answerReference(window, '2025-06-30', 10);
    expect(offsetOf(ref, window, '2025-06-30')).toBe(10);
    expect(offsetOf(ref, window, '2025-07-01')).toBeNull();
    expect(offsetOf(ref, { from: '2016-01-01', to: '2025-12-31' }, '2025-06-30')).toBeNull();
    expect(offsetOf(answerReference(window, '2025-06-30', 0), window, '2025-06-30')).toBeNull();
  });
});
