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
import { formReference } from '../knipperlichten/alerts.ts';
import { livingWagesView } from '../living-wages/view.ts';
import flow, { fromJson, fromXml, NS } from './flow.ts';
import { attestationsView, durationOf } from './view.ts';

const EXAMPLES = loadExamples(new URL('./examples/', import.meta.url));

let server: Server;
let homeless: Person;
beforeAll(async () => {
  server = await serverWith(flow);
  homeless = personOf(server, { scenario: 'homeless-reference-address', role: 'main' });
});
afterAll(() => server.store.close());

const example = (file: string) => exampleIn(EXAMPLES, file);
type Reply = {
  gpmiPiis?: { hasAttestation: boolean; period: unknown; prolongationPeriod: unknown };
  exonerationArt35?: { hasExoneration: boolean; firstExonerationDate: string; paymentExoneratedDays: number };
  attestations: { entryDate: string; status: number; reference: string; attestType: { code: number } }[];
};
const replyOf = async (file: string) =>
  (await runExample(server, 'list-of-attestations', example(file))).body as unknown as Reply;

describe('list of attestations through the JSON face', () => {
  itAnswersExamples(EXAMPLES, 'list-of-attestations', () => server);

  it('gives the PIIS first term and its prolongation, and the attestations of the run', async () => {
    const r = await replyOf('MSG00000-gpmi-piis-prolonged.json');
    expect(r.gpmiPiis).toEqual({
      hasAttestation: true,
      period: { startDate: '2023-11-06', endDate: '2024-11-05' },
      prolongationPeriod: { startDate: '2024-11-06', endDate: null },
    });
    expect(r.attestations.map((a) => [a.entryDate, a.status])).toEqual([
      ['2023-11-06', 2],
      ['2024-05-01', 2],
      ['2025-03-01', 1],
    ]);
  });

  it('uses the form reference knipperlichten uses for the same decision', async () => {
    const r = await replyOf('MSG00000-prime-installation.json');
    const premium = homeless.ocmwDecisions.find((d) => d.kind === 'installation-premium');
    expect(r.attestations).toHaveLength(1);
    expect(r.attestations[0]).toMatchObject({
      entryDate: '2025-04-14',
      reference: premium && formReference(premium.id),
      attestType: { code: 3 },
    });
  });

  it('counts the exonerated days from the first exoneration on', async () => {
    const r = await replyOf('MSG00000-exonerations-art35.json');
    expect(r.exonerationArt35).toEqual({
      hasExoneration: true,
      firstExonerationDate: '2021-06-01',
      paymentExoneratedDays: 245,
    });
  });

  it('answers hasAttestation false with MSG00100 when there is no PIIS', async () => {
    const r = await runExample(server, 'list-of-attestations', example('MSG00100-no-piis.json'));
    expect((r.body as unknown as Reply).gpmiPiis).toEqual({
      hasAttestation: false,
      period: null,
      prolongationPeriod: null,
    });
  });

  it('lists Mediprima cards as law-65 attestations', async () => {
    const r = await replyOf('MSG00000-statut65-urgent-medical-aid.json');
    expect(r.attestations.map((a) => [a.entryDate, a.attestType.code])).toEqual([
      ['2024-11-04', 5],
      ['2025-05-12', 5],
    ]);
  });
});

describe('list of attestations through the SSDN face', () => {
  const payload = (ssin: string, type: string, period = '') =>
    `<ns1:ListOfAttestationsRequest xmlns:ns1="${NS}" xmlns:ns2="${SSDN_COMMON_NS}"><ns1:SocialSecurityUser>${ssin}</ns1:SocialSecurityUser><ns1:RequestType>${type}</ns1:RequestType>${period}</ns1:ListOfAttestationsRequest>`;
  const send = (role: 'social-worker' | 'secretary', body: string) => {
    const { user, kbo } = userOf(server, role);
    return sendSsdn(
      server.app,
      ssdnEnvelope({
        userId: user.userId,
        orgUnit: kbo,
        serviceId: 'OCMWCPASListOfAttestations',
        version: '20080317',
        payload: body,
      }),
    );
  };
  const el = (parent: Element | null | undefined, name: string) => (parent ? child(parent, NS, name) : undefined);

  beforeAll(async () => {
    freshTenant(server);
    await register(server, homeless, { purpose: '2', from: '2023-01-01', to: null });
  });

  it('answers the GPMI/PIIS with its periods in the Common namespace and the attestations', async () => {
    const r = await send('social-worker', payload(homeless.insz, 'GPMI_PIIS'));
    expect(r.services[0]?.returnCode).toBe(0);
    const reply = r.services[0]?.payload;
    expect(reply?.localName).toBe('ListOfAttestationsReply');
    expect(reply?.prefix).toBe('ns3');
    const piis = el(reply, 'GpmiPiis');
    expect(piis?.getAttribute('hasAttestation')).toBe('true');
    const period = el(piis, 'period');
    expect(text(period && child(period, SSDN_COMMON_NS, 'StartDate'))).toBe('2023-11-06');
    const attestations = reply ? children(reply, NS, 'Attestation') : [];
    expect(attestations).toHaveLength(3);
    const first = attestations[0];
    expect(text(el(first, 'CPAS_KBOBCE_code'))).toBe('0205431152');
    expect(text(el(el(first, 'AttestType'), 'Description'))).toBe("Revenu d'intégration / Leefloon");
    expect(text(el(el(first, 'Duration'), 'Months'))).toBe('5');
  });

  it('reads a SearchPeriod in the Common namespace', async () => {
    const period = `<ns1:SearchPeriod><ns2:StartDate>2025-01-01</ns2:StartDate><ns2:EndDate>2025-12-31</ns2:EndDate></ns1:SearchPeriod>`;
    const r = await send('social-worker', payload(homeless.insz, 'PRIME_INSTALLATION', period));
    expect(r.services[0]?.returnCode).toBe(0);
    expect(r.services[0]?.payload && children(r.services[0].payload, NS, 'Attestation')).toHaveLength(1);
  });

  it('warns (ReturnCode 1) when there is nothing and still says hasExoneration="false"', async () => {
    const r = await send('social-worker', payload(homeless.insz, 'EXONERATIONSART35'));
    expect([r.services[0]?.returnCode, r.services[0]?.reasonCodes]).toEqual([1, ['39980100']]);
    expect(el(r.services[0]?.payload, 'ExonerationArt35')?.getAttribute('hasExoneration')).toBe('false');
  });

  it('refuses the secretary (39980013) without a reply payload', async () => {
    const r = await send('secretary', payload(homeless.insz, 'GPMI_PIIS'));
    expect([r.services[0]?.returnCode, r.services[0]?.reasonCodes]).toEqual([10000, ['39980013']]);
    expect(r.services[0]?.payload).toBeNull();
  });

  it('refuses an unknown request type naming RequestType (39980008)', async () => {
    const r = await send('social-worker', payload(homeless.insz, 'FORMULAIRES'));
    expect(r.services[0]?.reasonCodes).toEqual(['39980008']);
    expect(r.reply).toContain('RequestType');
  });
});

describe('reading the request', () => {
  const element = (inner: string): Element => {
    const parsed = parseXmlSafely(
      `<ns1:ListOfAttestationsRequest xmlns:ns1="${NS}" xmlns:ns2="${SSDN_COMMON_NS}">${inner}</ns1:ListOfAttestationsRequest>`,
    );
    if (!parsed.ok) throw new Error('bad test XML');
    return parsed.doc.documentElement as unknown as Element;
  };
  const ssin = '<ns1:SocialSecurityUser>67031844357</ns1:SocialSecurityUser>';

  it('reads XML and JSON alike', () => {
    const period =
      '<ns1:SearchPeriod><ns2:StartDate>2024-01-01</ns2:StartDate><ns2:EndDate>2024-12-31</ns2:EndDate></ns1:SearchPeriod>';
    const expected = {
      ssin: '67031844357',
      requestType: 'STATUT65',
      period: { startDate: '2024-01-01', endDate: '2024-12-31' },
    };
    expect(fromXml(element(`${ssin}<ns1:RequestType>STATUT65</ns1:RequestType>${period}`))).toEqual(expected);
    expect(
      fromJson({
        socialSecurityUser: '67031844357',
        requestType: 'STATUT65',
        searchPeriod: { startDate: '2024-01-01', endDate: '2024-12-31' },
      }),
    ).toEqual(expected);
  });

  it.each([
    ['<ns1:RequestType>GPMI_PIIS</ns1:RequestType>', 'SocialSecurityUser'],
    [`${ssin}`, 'RequestType'],
    [`${ssin}<ns1:RequestType>A036</ns1:RequestType>`, 'RequestType'],
    [
      '<ns1:SocialSecurityUser>6703184435</ns1:SocialSecurityUser><ns1:RequestType>GPMI_PIIS</ns1:RequestType>',
      'SocialSecurityUser',
    ],
    [
      `${ssin}<ns1:RequestType>GPMI_PIIS</ns1:RequestType><ns1:SearchPeriod><ns2:StartDate>2024-01-01</ns2:StartDate></ns1:SearchPeriod>`,
      'SearchPeriod/EndDate',
    ],
    [
      `${ssin}<ns1:RequestType>GPMI_PIIS</ns1:RequestType><ns1:SearchPeriod><ns2:StartDate>2024-13-01</ns2:StartDate><ns2:EndDate>2024-12-31</ns2:EndDate></ns1:SearchPeriod>`,
      'SearchPeriod/StartDate',
    ],
    [`${ssin}<ns1:RequestType>GPMI_PIIS</ns1:RequestType><ns1:Sector>17</ns1:Sector>`, 'Sector'],
  ])('fromXml refuses %s naming %s', (inner, field) => {
    expect(requestError(() => fromXml(element(inner))).field).toBe(field);
  });

  it.each([
    [{ requestType: 'GPMI_PIIS' }, 'SocialSecurityUser'],
    [{ socialSecurityUser: '67031844357' }, 'RequestType'],
    [{ socialSecurityUser: '67031844357', requestType: 'GPMI_PIIS', searchPeriod: [] }, 'SearchPeriod'],
    [
      { socialSecurityUser: '67031844357', requestType: 'GPMI_PIIS', searchPeriod: { startDate: '2024-01-01' } },
      'SearchPeriod/EndDate',
    ],
  ])('fromJson refuses %j naming %s', (body, field) => {
    expect(requestError(() => fromJson(body as Record<string, unknown>)).field).toBe(field);
  });

  it('measures a period in months, weeks and days', () => {
    expect(durationOf({ from: '2023-11-06', to: '2024-04-30' })).toEqual({ months: 5, weeks: 3, days: 4 });
    expect(durationOf({ from: '2025-04-14', to: '2025-04-14' })).toEqual({ months: 0, weeks: 0, days: 1 });
    expect(durationOf({ from: '2025-04-14', to: null })).toBeNull();
  });
});

describe('the same decisions as LivingWages', () => {
  it('puts every leefloon attestation inside a living-wage period of the same OCMW', () => {
    const world = server.tenants.get('default')?.world as World;
    const named = world.persons.filter((p) => !p.origin.startsWith('background') && p.ocmwDecisions.length > 0);
    expect(named.length).toBeGreaterThan(10);
    for (const p of named)
      for (const type of ['GPMI_PIIS', 'EXONERATIONSART35', 'STATUT65'] as const) {
        const decisions = attestationsView(p, type, null, '2025-06-30').attestations.filter(
          (a) => a.attestType.code === 1 || a.attestType.code === 2,
        );
        const lw = livingWagesView(world, p, '2025-06-30', { grouping: 'perPcsa', flanders: false, window: null });
        for (const a of decisions) {
          const periods = lw?.grouping === 'perPcsa' ? lw.pcsas.find((g) => g.pcsa.cbeNumber === a.cpasKboBce) : null;
          const inside = periods?.periods.some(
            (x) => x.beginDate <= a.entryDate && (x.endDate === null || a.entryDate <= x.endDate),
          );
          expect(inside, `${p.origin}/${p.originRole} ${type} ${a.entryDate}`).toBe(true);
        }
      }
  });
});
