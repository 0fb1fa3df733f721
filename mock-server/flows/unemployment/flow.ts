import { defineFlow } from '../../src/ksz/flows/define.ts';
import { consultActivationPaidSums, consultPaidSums, consultSanctionHistory } from './history.ts';
import { consultPayments, consultRights } from './rights.ts';
import { unemploymentWire } from './wire.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

const operations = [consultRights, consultPayments, consultPaidSums, consultSanctionHistory, consultActivationPaidSums];

export default defineFlow({
  id: 'unemployment',
  names: {
    nl: 'RVA — werkloosheidsgegevens (UnemploymentData v3)',
    fr: 'ONEM — données de chômage (UnemploymentData v3)',
    en: 'RVA/ONEM unemployment data (UnemploymentData v3)',
  },
  institution: 'RVA / ONEM (via KSZ)',
  fidelity: 'partial',
  basis:
    "UnemploymentData v3 (TSS) as public CPAS client code calls it (ksz-flows.md §4.3): operation names, legal context PCSA:SOCIAL_INQUIRY, searchCriteria with ssin and a date or a period (startMonth/endMonth, at most 48 months), response fields (paidSum: relatedMonth, dossierStatus COMPLETED/PROVISIONAL/NOT_STARTED, nbrOfAllowances, paidAmount/acceptedAmount in eurocent, paidMonth, theoricDailyAllowanceAmount, cbeNumber; rights: unemploymentCode, familyState, unemployedWorkerStatus) and the UD status codes. Modelled: namespaces and element order (no public WSDL), payments derived from the right (daily amount × days Monday–Saturday not suspended, paid the next month), the RVA check states by age of the month, payment institutions' enterprise numbers (synthetic), the sanction block, the role matrix (simulated). The world holds no activation allowances.",
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: {
    service: 'UnemploymentDataService',
    version: 3,
    wsdl: 'UnemploymentDataV3',
    operations: Object.fromEntries(operations.map((o) => [o.name, unemploymentWire(3, o.name)])),
  },
  operations,
  docs: 'mock-server/flows/unemployment/README.md',
});
