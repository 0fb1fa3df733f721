import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateWithOurs } from '../../../test/reference/ours.ts';
import { referenceMode, validateWithReference } from '../../../test/reference/validate.ts';
import identifyPerson from '../identify-person/flow.ts';
import {
  examplesOf,
  frontDoor,
  postJson,
  postSendXml,
  register,
  sendJsonExample,
  serviceOutcome,
  userWithRole,
} from '../identify-person/testkit.ts';
import flow from './flow.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const examples = examplesOf(HERE);
const door = await frontDoor([identifyPerson, flow]);
const socialWorker = userWithRole(door.world, 'social-worker');
const reference = referenceMode().mode === 'run';

/** The person an example asks about. */
const subjectOf = (text: string) =>
  /SocialSecurityUser>(\d+)</.exec(text)?.[1] ?? /"socialSecurityUser": "(\d+)"/.exec(text)?.[1];

// Every person of the examples is integrated for the OCMW, except where the example is about not being integrated.
const notIntegrated = new Set(
  examples.filter((e) => /^(39980012|MSG00012)-/.test(e.file)).map((e) => subjectOf(e.text)),
);
for (const insz of new Set(examples.map((e) => subjectOf(e.text)))) {
  if (insz && !notIntegrated.has(insz)) register(door, socialWorker, insz);
}

describe('perform-investigation through the front door', () => {
  it('has an example for the OK case and every refusal, on both faces', () => {
    const codes = new Set(examples.map((e) => `${e.face}:${e.code}`));
    for (const c of ['OK', '39980100', '39980012', '39980009', '39980005', '39980008', '39980013'])
      expect(codes).toContain(`ssdn:${c}`);
    for (const c of ['MSG00000', 'MSG00100', 'MSG00012', 'MSG00009', 'MSG00005', 'MSG00008', 'MSG00013'])
      expect(codes).toContain(`json:${c}`);
  });

  for (const ex of examples.filter((e) => e.face === 'ssdn')) {
    it(`SSDN ${ex.file} answers ${ex.code}`, async () => {
      const { status, reply } = await postSendXml(door.app, ex.text);
      expect(status).toBe(200);
      const out = serviceOutcome(reply);
      if (ex.code === 'OK') {
        expect(out).toMatchObject({ returnCode: '0', reasonCodes: [], payload: 'PerformInvestigationReply' });
      } else if (ex.code === '39980100') {
        expect(out).toMatchObject({
          returnCode: '1',
          severities: ['WARNING'],
          reasonCodes: [ex.code],
          payload: 'PerformInvestigationReply',
        });
      } else {
        expect(out).toMatchObject({
          returnCode: '10000',
          severities: ['ERROR'],
          reasonCodes: [ex.code],
          payload: undefined,
        });
      }
      if (reference)
        expect(validateWithReference(reply, 'ssdn-reply', 'PerformInvestigation')).toEqual({ valid: true, errors: [] });
      expect(validateWithOurs(reply, 'ssdn-reply')).toEqual({ valid: true, errors: [] });
    });
  }

  for (const ex of examples.filter((e) => e.face === 'json')) {
    it(`JSON ${ex.file} answers ${ex.code}`, async () => {
      const { status, json, insz } = await sendJsonExample(door, flow.id, ex.json!);
      expect(status).toBe(ex.json!.expect.http ?? 200);
      expect((json.status as { code: string }).code, ex.json!.description).toBe(ex.code);
      if (ex.code === 'MSG00000') expect(json.socialSecurityUser).toBe(insz);
    });
  }

  it('needs an integration, but IdentifyPerson (which starts a file) does not', async () => {
    const mother = '85111455415';
    const identify = await postJson(door.app, 'identify-person', 'identifyPerson', socialWorker, { ssin: mother });
    expect((identify.json.status as { code: string }).code).toBe('MSG00000');
    const investigate = await postJson(door.app, flow.id, 'performInvestigation', socialWorker, {
      socialSecurityUser: mother,
    });
    expect(investigate.json.status).toMatchObject({ code: 'MSG00012' });
  });

  it('journals the investigation with the registration it relied on', async () => {
    const ex = examples.find((e) => e.file === 'OK-all-groups.ssdn.xml')!;
    await postSendXml(door.app, ex.text);
    const [entry] = door.store.journal.query(door.tenant, { flow: flow.id, limit: 1 });
    expect(entry).toMatchObject({ insz: subjectOf(ex.text), outcome: 'MSG00000', ok: true, face: 'ssdn' });
    expect(entry?.registrationId).not.toBeNull();
  });
});
