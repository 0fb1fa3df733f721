import { beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../mock-server/src/server.ts';
import { asOf } from '../../scenarios/engine/as-of.ts';
import type { Person } from '../../scenarios/engine/model.ts';
import { basic, testServer } from '../support/server.ts';

/**
 * The same citizen answers the same way in every flow: for every person of every named scenario, the identity
 * flows agree with each other and with the world on the address and the death, and the health-insurance flow
 * agrees with the world on the mutuality — all as of the tenant's date.
 */
const TODAY = '2025-06-30';
let server: Server;
let persons: Person[];
beforeAll(async () => {
  server = await testServer({ clock: TODAY });
  const world = server.tenants.get('default')?.world;
  persons = (world?.persons ?? []).filter(
    (p) =>
      !p.origin.startsWith('background') &&
      !p.replacedBy &&
      !p.cancelled &&
      p.birthDate.replace(/-00/g, '-01') <= TODAY,
  );
});

async function call(flow: string, operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await server.app.request(`/ksz/json/${flow}/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: basic('mw.gent', 'Oefenen-Gent-2025') },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe('cross-flow consistency for every named scenario', () => {
  it('covers the persons of every named scenario', () => {
    expect(new Set(persons.map((p) => p.origin)).size).toBeGreaterThanOrEqual(30);
  });

  it('identity, Tx25 and health insurance agree with each other and the world', async () => {
    const problems: string[] = [];
    for (const p of persons) {
      const reg = await call('manage-access', 'manageAccess', {
        ssin: p.insz,
        action: 'REGISTER',
        purpose: '1',
        period: { startDate: '2000-01-01' },
        proofOfAuthentication: { personData: { lastName: p.familyName, birthDate: p.birthDate } },
      });
      if ((reg.status as { code: string }).code !== 'MSG00000') {
        problems.push(`${p.origin}/${p.originRole}: registration ${(reg.status as { code: string }).code}`);
        continue;
      }
      const view = asOf(server.tenants.get('default')!.world, TODAY).person(p.insz);
      const ip = (await call('identify-person', 'identifyPerson', { ssin: p.insz })) as {
        searchResults?: {
          basic: { address?: { municipalityCode: string } };
          extended?: { deceaseDate?: string | null };
        }[];
      };
      const tx = (await call('retrieve-ti-groups', 'retrieveTI', {
        legalContext: 'PCSA:SOCIAL_INQUIRY',
        ssin: p.insz,
        language: 'nl',
      })) as {
        status: { code: string };
        addresses?: { to: string | null; municipality: { nis: string } }[];
        deathDate?: string | null;
      };
      const tag = `${p.origin}/${p.originRole}`;
      const deceased = p.deathDate !== undefined && p.deathDate <= TODAY;
      const ipAddress = ip.searchResults?.[0]?.basic.address?.municipalityCode ?? null;
      if (!deceased && view?.address && view.address.kind === 'main' && !view.address.country) {
        if (ipAddress !== view.address.nis)
          problems.push(`${tag}: IdentifyPerson address ${ipAddress} ≠ world ${view.address.nis}`);
        if (tx.status.code === 'MSG00000') {
          const current = tx.addresses?.find((a) => a.to === null)?.municipality.nis ?? null;
          if (current !== view.address.nis)
            problems.push(`${tag}: Tx25 address ${current} ≠ world ${view.address.nis}`);
        }
      }
      if (deceased) {
        if (ip.searchResults?.[0]?.extended?.deceaseDate !== p.deathDate)
          problems.push(`${tag}: IdentifyPerson death ≠ ${p.deathDate}`);
        if (tx.status.code === 'MSG00000' && tx.deathDate !== p.deathDate)
          problems.push(`${tag}: Tx25 death ${tx.deathDate} ≠ ${p.deathDate}`);
      } else {
        const hi = (await call('health-insurance', 'getInsuranceOrganizationInformations', {
          legalContext: 'social inquiry and financial help',
          ssin: p.insz,
        })) as {
          status: { code: string };
          result?: { insuringOrganization?: { code: string } };
        };
        const insured = view?.healthInsurance[0]?.mutualityCode ?? null;
        const answered = hi.status.code === 'MSG00000' ? (hi.result?.insuringOrganization?.code ?? null) : null;
        if (insured !== answered) problems.push(`${tag}: health insurance ${answered} ≠ world ${insured}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
