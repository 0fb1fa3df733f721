import { beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../mock-server/src/server.ts';
import type { Person } from '../../scenarios/engine/model.ts';
import { basic, testServer } from '../support/server.ts';

/**
 * The access checks answer in one fixed order (docs/decisions/002-access-check-order.md): when several rules are
 * broken at once, the first in that order is the one reported. Shown on the KBI flow (social workers only,
 * legal context PCSA:SOCIAL_INQUIRY, integration required, refuses the deceased).
 */
let server: Server;
let n = 0;
beforeAll(async () => {
  server = await testServer();
});

const who = (scenario: string, role = 'main'): Person => {
  const p = server.tenants.get('default')?.world.persons.find((x) => x.origin === scenario && x.originRole === role);
  if (!p) throw new Error(`${scenario}/${role} missing`);
  return p;
};

async function consult(opts: {
  user?: string;
  password?: string;
  legalContext?: string;
  ssin: string;
  register?: Person;
}): Promise<string> {
  const tenant = `order-${++n}`;
  server.tenants.create({ id: tenant, preset: 'small', seed: 1, clock: '2025-06-30' });
  if (opts.register) {
    const p = opts.register;
    const reg = await server.app.request(`/t/${tenant}/ksz/json/manage-access/manageAccess`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic('mw.gent', 'Oefenen-Gent-2025') },
      body: JSON.stringify({
        ssin: p.insz,
        action: 'REGISTER',
        purpose: '2',
        period: { startDate: '2020-01-01' },
        proofOfAuthentication: { personData: { lastName: p.familyName, birthDate: p.birthDate } },
      }),
    });
    expect(((await reg.json()) as { status: { code: string } }).status.code).toBe('MSG00000');
  }
  const res = await server.app.request(`/t/${tenant}/ksz/json/kbi/consultCivicIntegrationFile`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: basic(opts.user ?? 'mw.gent', opts.password ?? 'Oefenen-Gent-2025'),
    },
    body: JSON.stringify({ legalContext: opts.legalContext ?? 'PCSA:SOCIAL_INQUIRY', ssin: opts.ssin }),
  });
  return ((await res.json()) as { status: { code: string } }).status.code;
}

const badCheckDigits = (insz: string) =>
  `${insz.slice(0, 9)}${String((Number(insz.slice(9)) + 1) % 100).padStart(2, '0')}`;

describe('the order of the access checks', () => {
  it('credentials before anything else', async () => {
    expect(await consult({ password: 'wrong', legalContext: 'nonsense', ssin: '123' })).toBe('MSG00013');
  });
  it('role before legal context, INSZ and integration', async () => {
    expect(await consult({ user: 'fb.gent', legalContext: 'nonsense', ssin: '123' })).toBe('MSG00013');
  });
  it('legal context before the INSZ', async () => {
    expect(await consult({ legalContext: 'nonsense', ssin: badCheckDigits(who('newcomer-inburgering').insz) })).toBe(
      'MSG00013',
    );
  });
  it('INSZ structure before whether it is known or integrated', async () => {
    expect(await consult({ ssin: badCheckDigits(who('newcomer-inburgering').insz) })).toBe('MSG00011');
  });
  it('replaced before integration', async () => {
    const old = server.tenants
      .get('default')
      ?.world.persons.find((p) => p.origin === 'newcomer-inburgering' && p.replacedBy);
    expect(await consult({ ssin: old?.insz ?? '' })).toBe('MSG00006');
  });
  it('integration before deceased', async () => {
    expect(await consult({ ssin: who('deceased-partner-widowed', 'deceased').insz })).toBe('MSG00012');
  });
  it('deceased last, once integrated', async () => {
    const dead = who('deceased-partner-widowed', 'deceased');
    expect(await consult({ ssin: dead.insz, register: dead })).toBe('MSG00009');
  });
  it('and the OK answer once every rule holds', async () => {
    const p = who('newcomer-inburgering');
    expect(await consult({ ssin: p.insz, register: p })).toBe('MSG00000');
  });
});
