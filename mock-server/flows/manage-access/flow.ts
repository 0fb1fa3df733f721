import type { Element } from '@xmldom/xmldom';
import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { dayBefore, isValidIsoDate } from '../../../scenarios/engine/dates.ts';
import { identityCardNumber, sisCardNumber } from '../../../scenarios/engine/ids/cards.ts';
import { defineFlow, defineOperation, type FlowContext, RequestError } from '../../src/ksz/flows/define.ts';
import { OK, serviceStatus } from '../../src/ksz/flows/status.ts';
import { child, text } from '../../src/ksz/xml/dom.ts';
import { XmlWriter } from '../../src/ksz/xml/writer.ts';
import type { Registration } from '../../src/store/types.ts';

const NS = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/OCMW_CPAS/ManageAccess';
const COMMON = 'http://www.ksz-bcss.fgov.be/XSD/SSDN/Common';

/** Hoedanigheidscodes of sector 17 (OCMW/CPAS), ksz-flows.md §2.2 after the KSZ list. */
export const SECTOR17_QUALITY_CODES: Record<string, { nl: string; fr: string }> = {
  '1': { nl: 'Dossier in onderzoek', fr: 'Dossier en examen' },
  '2': { nl: 'Leefloon', fr: "Revenu d'intégration" },
  '3': { nl: 'Equivalent leefloon', fr: "Équivalent revenu d'intégration" },
  '4': { nl: 'Andere hulp', fr: 'Autre aide' },
  '5': { nl: 'Inwonende', fr: 'Cohabitant' },
  '6': { nl: 'Persoon tewerkgesteld via OCMW', fr: "Personne occupée par le biais d'un CPAS" },
  '7': {
    nl: 'Collectieve schuldbemiddeling / budgetbegeleiding',
    fr: 'Médiation collective de dettes / accompagnement budgétaire',
  },
  '8': { nl: 'Dienstendossier', fr: 'Dossiers de service' },
  '9': { nl: 'Andere vormen van begeleiding', fr: "Autres formes d'accompagnement" },
  '11': { nl: 'Encadrant', fr: 'Encadrant' },
  '12': { nl: 'Deelnemer', fr: 'Participant' },
  '20': { nl: 'Medewerker in onderzoek', fr: 'Collaborateur en enquête' },
  '21': { nl: 'Medewerker (definitief)', fr: 'Collaborateur (définitif)' },
  '40': { nl: 'Begunstigde verwarmingstoelage', fr: "Bénéficiaire de l'allocation de chauffage" },
};

type Action = 'REGISTER' | 'UNREGISTER' | 'LIST';
type Proof =
  | { sisCardNumber: string }
  | { identityCardNumber: string }
  | { personData: { lastName: string; firstName?: string; birthDate: string } };

export interface ManageAccessRequest {
  ssin: string;
  purpose: string | null;
  period: { startDate: string; endDate: string | null };
  action: Action;
  register: 'PRIMARY' | 'SECONDARY' | 'ALL' | null;
  proof: Proof | null;
}

interface ManageAccessResult {
  registrations: Registration[];
}

function checkPeriod(p: { startDate: string; endDate: string | null }): void {
  if (!isValidIsoDate(p.startDate))
    throw new RequestError(`Period/StartDate is not a date: ${p.startDate}`, 'Period/StartDate');
  if (p.endDate !== null && !isValidIsoDate(p.endDate))
    throw new RequestError(`Period/EndDate is not a date: ${p.endDate}`, 'Period/EndDate');
  if (p.endDate !== null && p.endDate < p.startDate)
    throw new RequestError('Period/EndDate is before Period/StartDate', 'Period/EndDate');
  if (p.startDate < '1900-01-01' || (p.endDate ?? '2099-12-31') > '2099-12-31')
    throw new RequestError('the period is outside 1900–2099', 'Period');
}

function validated(r: ManageAccessRequest): ManageAccessRequest {
  if (!/^\d{11}$/.test(r.ssin)) throw new RequestError('SSIN must be 11 digits', 'SSIN');
  if (!['REGISTER', 'UNREGISTER', 'LIST'].includes(r.action))
    throw new RequestError(`Action must be REGISTER, UNREGISTER or LIST, got "${r.action}"`, 'Action');
  checkPeriod(r.period);
  if (r.action !== 'LIST') {
    if (r.purpose === null) throw new RequestError(`${r.action} needs a Purpose (hoedanigheidscode)`, 'Purpose');
    if (!SECTOR17_QUALITY_CODES[r.purpose])
      throw new RequestError(
        `Purpose ${r.purpose} is not a hoedanigheidscode of sector 17 (${Object.keys(SECTOR17_QUALITY_CODES).join(', ')})`,
        'Purpose',
      );
  }
  if (r.action === 'REGISTER' && r.proof === null)
    throw new RequestError('REGISTER needs a ProofOfAuthentication', 'ProofOfAuthentication');
  return r;
}

function fromXml(el: Element): ManageAccessRequest {
  const get = (name: string) => {
    const e = child(el, NS, name);
    return e ? text(e).trim() : null;
  };
  const period = child(el, NS, 'Period');
  const start = period ? child(period, COMMON, 'StartDate') : undefined;
  const end = period ? child(period, COMMON, 'EndDate') : undefined;
  const proofEl = child(el, NS, 'ProofOfAuthentication');
  let proof: Proof | null = null;
  if (proofEl) {
    const sis = child(proofEl, NS, 'SISCardNumber');
    const eid = child(proofEl, NS, 'IdentityCardNumber');
    const pd = child(proofEl, NS, 'PersonData');
    if (sis) proof = { sisCardNumber: text(sis).trim() };
    else if (eid) proof = { identityCardNumber: text(eid).trim() };
    else if (pd) {
      const first = child(pd, NS, 'FirstName');
      proof = {
        personData: {
          lastName: text(child(pd, NS, 'LastName')).trim(),
          ...(first ? { firstName: text(first).trim() } : {}),
          birthDate: text(child(pd, NS, 'BirthDate')).trim(),
        },
      };
    }
  }
  const ssin = get('SSIN');
  if (ssin === null) throw new RequestError('SSIN is missing', 'SSIN');
  if (!start) throw new RequestError('Period/StartDate is missing', 'Period');
  const action = get('Action');
  if (action === null) throw new RequestError('Action is missing', 'Action');
  return validated({
    ssin,
    purpose: get('Purpose'),
    period: { startDate: stripOffset(text(start).trim()), endDate: end ? stripOffset(text(end).trim()) : null },
    action: action as Action,
    register: (get('QueryRegister') as ManageAccessRequest['register']) ?? null,
    proof,
  });
}

/** Real clients send `2012-05-24+02:00` as well as `2012-05-24`. */
function stripOffset(date: string): string {
  return date.replace(/(Z|[+-]\d{2}:\d{2})$/, '');
}

function fromJson(body: Record<string, unknown>): ManageAccessRequest {
  const period = (body.period ?? {}) as Record<string, unknown>;
  const proof = body.proofOfAuthentication as Proof | undefined;
  if (typeof body.ssin !== 'string') throw new RequestError('ssin (11 digits) is required', 'ssin');
  if (typeof period.startDate !== 'string')
    throw new RequestError('period.startDate (YYYY-MM-DD) is required', 'period.startDate');
  if (typeof body.action !== 'string')
    throw new RequestError('action (REGISTER, UNREGISTER or LIST) is required', 'action');
  return validated({
    ssin: body.ssin,
    purpose: body.purpose === undefined || body.purpose === null ? null : String(body.purpose),
    period: { startDate: period.startDate, endDate: typeof period.endDate === 'string' ? period.endDate : null },
    action: body.action as Action,
    register: (body.queryRegister as ManageAccessRequest['register']) ?? null,
    proof: proof ?? null,
  });
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();

function proofMatches(ctx: FlowContext, r: ManageAccessRequest): boolean {
  const person = indexOf(ctx.world).persons.get(r.ssin);
  if (!person || !r.proof) return false;
  if ('sisCardNumber' in r.proof) return r.proof.sisCardNumber === sisCardNumber(person.insz);
  if ('identityCardNumber' in r.proof)
    return r.proof.identityCardNumber.replace(/\D/g, '') === identityCardNumber(person.insz);
  const pd = r.proof.personData;
  if (fold(pd.lastName) !== fold(person.familyName)) return false;
  if (pd.firstName && !fold(person.givenName).startsWith(fold(pd.firstName).split(' ')[0] ?? '')) return false;
  // An incomplete birth date (00) matches on the parts it gives.
  const [y, m, d] = pd.birthDate.split('-');
  const [py, pm, pdd] = person.birthDate.split('-');
  return y === py && (m === '00' || m === pm) && (d === '00' || d === pdd);
}

const overlaps = (reg: Registration, p: ManageAccessRequest['period']) =>
  reg.from <= (p.endDate ?? '9999-12-31') && (reg.to ?? '9999-12-31') >= p.startDate && reg.unregisteredAt === null;

const manage = defineOperation<ManageAccessRequest, ManageAccessResult>({
  name: 'manageAccess',
  description:
    'REGISTER, UNREGISTER or LIST a person in the integration register (verwijzingsrepertorium) of the OCMW.',
  integration: false,
  jsonSchema: {
    type: 'object',
    required: ['ssin', 'action', 'period'],
    properties: {
      ssin: { type: 'string', pattern: '^\\d{11}$' },
      purpose: {
        type: 'string',
        description: 'hoedanigheidscode within sector 17, e.g. "1" (dossier in onderzoek), "2" (leefloon)',
      },
      period: {
        type: 'object',
        required: ['startDate'],
        properties: { startDate: { type: 'string', format: 'date' }, endDate: { type: 'string', format: 'date' } },
      },
      action: { enum: ['REGISTER', 'UNREGISTER', 'LIST'] },
      queryRegister: { enum: ['PRIMARY', 'SECONDARY', 'ALL'] },
      proofOfAuthentication: {
        oneOf: [
          { type: 'object', required: ['sisCardNumber'], properties: { sisCardNumber: { type: 'string' } } },
          { type: 'object', required: ['identityCardNumber'], properties: { identityCardNumber: { type: 'string' } } },
          {
            type: 'object',
            required: ['personData'],
            properties: {
              personData: {
                type: 'object',
                required: ['lastName', 'birthDate'],
                properties: {
                  lastName: { type: 'string' },
                  firstName: { type: 'string' },
                  birthDate: { type: 'string' },
                },
              },
            },
          },
        ],
      },
    },
  },
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin, date: r.period.startDate }),
  handle(ctx, r) {
    if (r.action === 'LIST') {
      return {
        status: OK(),
        data: { registrations: ctx.register.list({ insz: r.ssin }).filter((x) => overlaps(x, r.period)) },
      };
    }
    if (r.action === 'REGISTER') {
      if (!proofMatches(ctx, r))
        return {
          status: serviceStatus('NO_RESULT', 'MSG00008', 'The proof of authentication does not match the person.', [
            { fieldName: 'ProofOfAuthentication', fieldValue: 'does not match the data of this INSZ' },
          ]),
        };
      ctx.register.add({ insz: r.ssin, qualityCode: r.purpose ?? '1', from: r.period.startDate, to: r.period.endDate });
      return {
        status: OK(),
        data: { registrations: ctx.register.list({ insz: r.ssin }).filter((x) => overlaps(x, r.period)) },
      };
    }
    const ended: Registration[] = [];
    for (const reg of ctx.register.list({ insz: r.ssin })) {
      if (reg.qualityCode !== r.purpose || !overlaps(reg, r.period)) continue;
      ctx.register.end(reg.id, r.period.startDate > reg.from ? dayBefore(r.period.startDate) : dayBefore(reg.from));
      ended.push(reg);
    }
    if (ended.length === 0)
      return {
        status: serviceStatus('NO_DATA_FOUND', 'MSG00100', 'No registration with this purpose overlaps the period.', [
          { fieldName: 'Purpose', fieldValue: r.purpose ?? '' },
        ]),
        data: { registrations: [] },
      };
    return {
      status: OK(),
      data: { registrations: ctx.register.list({ insz: r.ssin }).filter((x) => overlaps(x, r.period)) },
    };
  },
  toXml(answer, ctx, r) {
    const w = new XmlWriter();
    const period = (from: string, to: string | null) => {
      w.open('ns3:Period').leaf('common:StartDate', from).optionalLeaf('common:EndDate', to).close();
    };
    w.open('ns3:ManageAccessReply', { 'xmlns:ns3': NS, 'xmlns:common': COMMON });
    w.open('ns3:OriginalRequest')
      .leaf('ns3:SSIN', r.ssin)
      .leaf('ns3:Purpose', r.purpose ?? '0');
    period(r.period.startDate, r.period.endDate);
    w.leaf('ns3:Action', r.action).optionalLeaf(
      'ns3:Register',
      r.action === 'LIST' ? (r.register ?? 'SECONDARY') : null,
    );
    w.close();
    for (const reg of answer.data?.registrations ?? []) {
      w.open('ns3:Registrations').leaf('ns3:Purpose', reg.qualityCode);
      period(reg.from, reg.to);
      w.leaf('ns3:OrgUnit', ctx.organisation.nis ?? ctx.organisation.kbo)
        .leaf('ns3:Register', 'SECONDARY')
        .close();
    }
    w.close();
    return { after: w.toString() };
  },
  toJson(answer, _ctx, r) {
    return {
      originalRequest: { ssin: r.ssin, purpose: r.purpose, period: r.period, action: r.action },
      registrations: (answer.data?.registrations ?? []).map((reg) => ({
        purpose: reg.qualityCode,
        purposeLabel: SECTOR17_QUALITY_CODES[reg.qualityCode] ?? null,
        period: { startDate: reg.from, endDate: reg.to },
        register: 'SECONDARY',
      })),
    };
  },
});

export default defineFlow({
  id: 'manage-access',
  names: {
    nl: 'Beheer integratierepertorium (ManageAccess)',
    fr: 'Gestion du répertoire des références (ManageAccess)',
    en: 'Integration register (ManageAccess)',
  },
  institution: 'KSZ',
  fidelity: 'real',
  basis:
    'SSDN OCMWCPASManageAccess v20050930: request and reply elements as in the KSZ XSD (ksz-flows.md §2.3). Quality codes from the KSZ list (§2.2). Matching the proof of authentication and which overlapping registrations are returned are modelled.',
  legalContexts: [],
  roles: ['social-worker', 'financial-manager', 'secretary'],
  answersDeceased: true,
  ssdn: { serviceId: 'OCMWCPASManageAccess', version: '20050930', namespace: NS },
  operations: [manage],
  docs: 'mock-server/flows/manage-access/README.md',
});
