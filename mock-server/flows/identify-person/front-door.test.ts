import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateWithOurs } from '../../../test/reference/ours.ts';
import { referenceMode, validateWithReference } from '../../../test/reference/validate.ts';
import flow, { NS } from './flow.ts';
import { examplesOf, frontDoor, postSendXml, sendJsonExample, serviceOutcome } from './testkit.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const examples = examplesOf(HERE);
const door = await frontDoor([flow]);
const reference = referenceMode().mode === 'run';

describe('identify-person through the front door', () => {
  it('has an example for the OK case and every code of the flow, on both faces', () => {
    const codes = new Set(examples.map((e) => `${e.face}:${e.code}`));
    for (const c of [
      'OK',
      '12007001',
      '21007001',
      '22007007',
      '31000007',
      '31009001',
      '39980100',
      '39980005',
      '39980006',
      '39980008',
      '39980011',
      '39980013',
    ])
      expect(codes).toContain(`ssdn:${c}`);
    for (const c of [
      'MSG00000',
      '12007001',
      '21007001',
      '22007007',
      '31000007',
      '31009001',
      'MSG00100',
      'MSG00005',
      'MSG00006',
      'MSG00008',
      'MSG00011',
      'MSG00013',
    ])
      expect(codes).toContain(`json:${c}`);
  });

  for (const ex of examples.filter((e) => e.face === 'ssdn')) {
    it(`SSDN ${ex.file} answers ${ex.code}`, async () => {
      const { status, reply } = await postSendXml(door.app, ex.text);
      expect(status).toBe(200);
      const out = serviceOutcome(reply);
      if (ex.code === 'OK') {
        expect(out).toMatchObject({ returnCode: '0', reasonCodes: [], payload: 'IdentifyPersonReply' });
      } else {
        expect(out.reasonCodes[0]).toBe(ex.code);
        const severity = ex.code.startsWith('1')
          ? 'INFORMATION'
          : ex.code.startsWith('2') || ex.code === '39980100'
            ? 'WARNING'
            : 'ERROR';
        expect(out.severities[0]).toBe(severity);
        expect(out.returnCode).toBe(severity === 'ERROR' ? '10000' : severity === 'WARNING' ? '1' : '0');
        expect(out.payload).toBe(severity === 'ERROR' ? undefined : 'IdentifyPersonReply');
      }
      if (reference)
        expect(validateWithReference(reply, 'ssdn-reply', 'IdentifyPerson')).toEqual({ valid: true, errors: [] });
      expect(validateWithOurs(reply, 'ssdn-reply')).toEqual({ valid: true, errors: [] });
    });
  }

  for (const ex of examples.filter((e) => e.face === 'json')) {
    it(`JSON ${ex.file} answers ${ex.code}`, async () => {
      const { status, json } = await sendJsonExample(door, flow.id, ex.json!);
      expect(status).toBe(ex.json!.expect.http ?? 200);
      expect((json.status as { code: string }).code, ex.json!.description).toBe(ex.code);
      if (ex.code === 'MSG00000') expect((json.searchResults as unknown[]).length).toBeGreaterThan(0);
    });
  }

  it('carries the person in the payload of the OK example, with the namespace of the service', async () => {
    const ex = examples.find((e) => e.file === 'OK-ssin.ssdn.xml')!;
    const { reply } = await postSendXml(door.app, ex.text);
    expect(reply).toContain(`<ns3:IdentifyPersonReply xmlns:ns3="${NS}">`);
    expect(reply).toContain('<ns3:SocialSecurityUser>82060482345</ns3:SocialSecurityUser>');
  });

  it('journals a phonetic search without an INSZ and an SSIN search with it', async () => {
    const phonetic = examples.find((e) => e.file === 'OK-phonetic.ssdn.xml')!;
    const bySsin = examples.find((e) => e.file === 'OK-ssin.ssdn.xml')!;
    await postSendXml(door.app, phonetic.text);
    await postSendXml(door.app, bySsin.text);
    const [last, before] = door.store.journal.query(door.tenant, { flow: flow.id, limit: 2 });
    const entries = [last, before].sort((a, b) => a!.id - b!.id);
    expect(entries.map((e) => e?.insz)).toEqual([null, '82060482345']);
  });
});
