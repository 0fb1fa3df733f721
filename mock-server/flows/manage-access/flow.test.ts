import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../scenarios/engine/model.ts';
import { describeWithReference, validateWithReference } from '../../../test/reference/validate.ts';
import { testServer } from '../../../test/support/server.ts';
import { manageAccessPayload, sendSsdn, ssdnEnvelope, userOf } from '../../../test/support/ssdn.ts';
import type { Server } from '../../src/server.ts';

let server: Server;
let person: Person;
beforeAll(async () => {
  server = await testServer();
  const world = server.tenants.get('default')?.world;
  const p = world?.persons.find((x) => x.origin === 'inschakeling-ended-2015');
  if (!p) throw new Error('scenario person missing');
  person = p;
});

function request(role: Parameters<typeof userOf>[1], payload: string, orgOverride?: string) {
  const { user, kbo } = userOf(server, role);
  return sendSsdn(
    server.app,
    ssdnEnvelope({
      userId: user.userId,
      orgUnit: orgOverride ?? kbo,
      serviceId: 'OCMWCPASManageAccess',
      version: '20050930',
      payload,
    }),
  );
}

const register = (ssin: string, extra: Partial<Parameters<typeof manageAccessPayload>[0]> = {}) =>
  manageAccessPayload({
    ssin,
    action: 'REGISTER',
    purpose: '1',
    start: '2025-06-01',
    end: '2025-12-31',
    lastName: person.familyName,
    birthDate: person.birthDate,
    ...extra,
  });

describe('ManageAccess (SSDN) through the front door', () => {
  it('registers a person with the right proof and lists the registration', async () => {
    const r = await request('social-worker', register(person.insz));
    expect(r.http).toBe(200);
    expect(r.returnCode).toBe(0);
    expect(r.services[0]?.returnCode).toBe(0);
    expect(r.services[0]?.payload?.localName).toBe('ManageAccessReply');
    const list = await request(
      'social-worker',
      manageAccessPayload({ ssin: person.insz, action: 'LIST', start: '2025-01-01', end: '2025-12-31' }),
    );
    expect(list.services[0]?.returnCode).toBe(0);
    expect(list.reply).toContain('<ns3:Purpose>1</ns3:Purpose>');
    expect(list.reply).toContain('<ns3:Register>SECONDARY</ns3:Register>');
    const rows = server.store.registrations.list('default', { insz: person.insz });
    expect(rows.map((x) => [x.qualityCode, x.from, x.to])).toContainEqual(['1', '2025-06-01', '2025-12-31']);
  });

  it('refuses a registration whose proof of authentication does not match the person', async () => {
    const r = await request('social-worker', register(person.insz, { lastName: 'Iemand Anders' }));
    expect(r.returnCode).toBe(10000);
    expect(r.services[0]?.reasonCodes).toEqual(['39980008']);
    expect(r.services[0]?.diagnostics.join(' ')).toMatch(/proof of authentication/i);
  });

  it('unregisters, after which the registration no longer covers the period', async () => {
    const ssin = person.insz;
    await request(
      'social-worker',
      register(ssin, { purpose: '4', start: '2025-03-01', end: null as unknown as string }),
    );
    const r = await request(
      'social-worker',
      manageAccessPayload({ ssin, action: 'UNREGISTER', purpose: '4', start: '2025-07-01' }),
    );
    expect(r.returnCode).toBe(0);
    const row = server.store.registrations.list('default', { insz: ssin }).find((x) => x.qualityCode === '4');
    expect(row?.to).toBe('2025-06-30');
  });

  it.each([
    ['a purpose outside sector 17', { purpose: '99' }, '39980008'],
    ['an end before the start', { start: '2025-06-01', end: '2025-01-01' }, '39980008'],
    ['an impossible date', { start: '2025-02-30' }, '39980008'],
  ])('answers %s with invalid data', async (_label, extra, code) => {
    const r = await request('social-worker', register(person.insz, extra));
    expect(r.services[0]?.reasonCodes).toEqual([code]);
  });

  it('refuses an INSZ with a wrong check digit (MSG00011) and an unknown one (MSG00005)', async () => {
    const wrong = `${person.insz.slice(0, 9)}${String((Number(person.insz.slice(9)) + 1) % 100).padStart(2, '0')}`;
    expect((await request('social-worker', register(wrong))).services[0]?.reasonCodes).toEqual(['39980011']);
    // A valid structure that the world does not hold.
    const world = server.tenants.get('default')?.world;
    const taken = new Set(world?.persons.map((p) => p.insz));
    let unknown = '';
    for (let seq = 997; seq > 0 && !unknown; seq -= 2) {
      const first9 = `010101${String(seq).padStart(3, '0')}`;
      const candidate = `${first9}${String(97 - (Number(first9) % 97)).padStart(2, '0')}`;
      if (!taken.has(candidate)) unknown = candidate;
    }
    expect((await request('social-worker', register(unknown))).services[0]?.reasonCodes).toEqual(['39980005']);
  });

  it('refuses a replaced INSZ with the new number (MSG00006) and a cancelled one (MSG00007)', async () => {
    const world = server.tenants.get('default')?.world;
    const replaced = world?.persons.find((p) => p.replacedBy && p.replacedBy.date <= '2025-06-01');
    const cancelled = world?.persons.find((p) => p.cancelled && p.cancelled.date <= '2025-06-01');
    expect(replaced && cancelled).toBeTruthy();
    const r1 = await request('social-worker', register(replaced?.insz ?? ''));
    expect(r1.services[0]?.reasonCodes).toEqual(['39980006']);
    expect(r1.reply).toContain(replaced?.replacedBy?.insz ?? 'x');
    const r2 = await request('social-worker', register(cancelled?.insz ?? ''));
    expect(r2.services[0]?.reasonCodes).toEqual(['39980007']);
  });

  it('refuses the security adviser (role matrix) and journals the refusal', async () => {
    const before = server.store.journal.query('default').length;
    const r = await request('security-adviser', register(person.insz));
    expect(r.services[0]?.reasonCodes).toEqual(['39980013']);
    const rows = server.store.journal.query('default');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      role: 'security-adviser',
      flow: 'manage-access',
      outcome: 'MSG00013',
      ok: false,
      insz: person.insz,
    });
  });

  it('refuses an unknown user and a wrong organisation for the whole envelope', async () => {
    const { kbo } = userOf(server, 'social-worker');
    const unknownUser = await sendSsdn(
      server.app,
      ssdnEnvelope({
        userId: '00010100190',
        orgUnit: kbo,
        serviceId: 'OCMWCPASManageAccess',
        version: '20050930',
        payload: register(person.insz),
      }),
    );
    expect(unknownUser.returnCode).toBe(10000);
    expect(unknownUser.reasonCodes).toEqual(['39980013']);
    expect(unknownUser.services).toEqual([]);
    const wrongOrg = await request('social-worker', register(person.insz), '0200000097');
    expect(wrongOrg.reasonCodes).toEqual(['39980013']);
  });

  it('names the services it knows when the ServiceId is unknown', async () => {
    const { user, kbo } = userOf(server, 'social-worker');
    const r = await sendSsdn(
      server.app,
      ssdnEnvelope({
        userId: user.userId,
        orgUnit: kbo,
        serviceId: 'OCMWCPASNoSuchService',
        version: '20050930',
        payload: '<x:Nothing xmlns:x="urn:x"/>',
      }),
    );
    expect(r.services[0]?.reasonCodes).toEqual(['39990003']);
    expect(r.services[0]?.diagnostics.join(' ')).toContain('OCMWCPASManageAccess 20050930');
  });
});

describeWithReference('ManageAccess replies against the KSZ schemas', () => {
  it('validates the OK reply, the LIST reply and a refusal', async () => {
    const ok = await request('social-worker', register(person.insz, { start: '2025-08-01', end: '2025-08-31' }));
    const list = await request(
      'social-worker',
      manageAccessPayload({ ssin: person.insz, action: 'LIST', start: '2025-01-01' }),
    );
    const refused = await request('social-worker', register(person.insz, { lastName: 'Niemand' }));
    for (const r of [ok, list, refused]) {
      const result = validateWithReference(r.reply, 'ssdn-reply', 'ManageAccess');
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });
});
