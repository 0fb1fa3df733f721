import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_CITIZEN_SSIN } from '../../mock-server/src/ksz/ssdn/examples.ts';
import { buildSsdnReply } from '../../mock-server/src/ksz/ssdn/reply.ts';
import { describeWithReference, referenceDir, referenceMode, validateWithReference } from './validate.ts';

const fixture = (name: string) => readFileSync(join(referenceDir(), 'lino-framework_welfare', name), 'utf8');
const NOW = new Date('2025-06-30T08:15:00Z');

describe('referenceMode', () => {
  const saved = { dir: process.env.KSZ_REFERENCE_DIR, ci: process.env.CI };
  afterEach(() => {
    for (const [key, value] of [
      ['KSZ_REFERENCE_DIR', saved.dir],
      ['CI', saved.ci],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('skips locally and fails in CI, naming the missing path', () => {
    process.env.KSZ_REFERENCE_DIR = '/nonexistent/ksz-reference';
    delete process.env.CI;
    expect(referenceMode()).toMatchObject({
      mode: 'skip',
      reason: expect.stringContaining('/nonexistent/ksz-reference'),
    });
    process.env.CI = 'true';
    expect(referenceMode()).toMatchObject({
      mode: 'fail',
      reason: expect.stringContaining('/nonexistent/ksz-reference'),
    });
  });
});

describeWithReference('validateWithReference agrees with the reference README', () => {
  it.each([1, 2, 3, 4, 5])('the real reply demo_ipr_%i.xml validates (SSDN/Service + IdentifyPerson)', (n) => {
    expect(validateWithReference(fixture(`fixtures/demo_ipr_${n}.xml`), 'ssdn-reply', 'IdentifyPerson')).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('without the service schema the strict wildcard rejects the payload', () => {
    const r = validateWithReference(fixture('fixtures/demo_ipr_1.xml'), 'ssdn-reply');
    expect(r.valid).toBe(false);
    expect(r.errors.join('\n')).toContain('strict wildcard');
  });

  it.each([
    ['ipr_request_ssin_phonetic_test_cbss.xml', 'IdentifyPerson'],
    ['ipr_request_phonetic_only_test_cbss.xml', 'IdentifyPerson'],
    ['mar_request_register_test_cbss.xml', 'ManageAccess'],
  ])('the recorded request %s validates', (file, service) => {
    expect(validateWithReference(fixture(`extracted/requests/${file}`), 'ssdn-request', service).valid).toBe(true);
  });

  it('PerformInvestigation compiles despite the misspelt PerformInvetigationReply.xsd', () => {
    const reply = buildSsdnReply({
      resultSummary: { returnCode: 0 },
      message: { ticket: 'PERFORMINV00001', timeReceive: NOW, timeResponse: NOW },
      serviceReplies: [
        {
          resultSummary: { returnCode: 0 },
          serviceId: 'OCMWCPASPerformInvestigation',
          version: '20080604',
          payloadXml: `<ns3:PerformInvestigationReply xmlns:ns3="http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/PerformInvestigation"><ns3:SocialSecurityUser>${SAMPLE_CITIZEN_SSIN}</ns3:SocialSecurityUser></ns3:PerformInvestigationReply>`,
        },
      ],
    });
    expect(validateWithReference(reply, 'ssdn-reply', 'PerformInvestigation')).toEqual({ valid: true, errors: [] });
  });

  it('reports the reason of an invalid document', () => {
    const bad = fixture('fixtures/demo_ipr_1.xml').replace('<ns1:ReturnCode>0</ns1:ReturnCode>', '');
    const r = validateWithReference(bad, 'ssdn-reply', 'IdentifyPerson');
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toContain('ReturnCode');
  });
});
