import { indexOf } from '../../../scenarios/engine/as-of.ts';
import { defineFlow, defineOperation, type Status } from '../../src/ksz/flows/define.ts';
import { serviceStatus } from '../../src/ksz/flows/status.ts';
import { newStyleOperation } from '../_shared/commonv3.ts';
import { type CadnetRequest, fromJson, fromXml, jsonSchema, LANGUAGES, NATURES } from './request.ts';
import {
  type CadnetBusinessData,
  type CadnetOutcome,
  cadnetData,
  cadnetXml,
  knownAtFodFin,
  outcomeOf,
} from './view.ts';

export const LEGAL_CONTEXT = 'PCSA:SOCIAL_INQUIRY';

/**
 * Hoedanigheidscodes under which the POD MI (SPP IS) knows a person for the OCMW: the files whose resources the
 * OCMW investigates (simulated). Other codes — employment via the OCMW (6), debt mediation (7), service files (8),
 * other guidance (9), encadrant/participant (11, 12), staff (20, 21) — do not open Cadnet.
 */
export const PPSSI_QUALITY_CODES = ['1', '2', '3', '4', '5', '40'];

/** The SOAP face: operation `findProperties` and its criterion are sourced; service, namespace and elements modelled. */
export const CADNET_V1 = newStyleOperation('CadnetService', 1, 'findProperties');

/** Cadnet's textual statuses (ksz-flows.md §12.7) with the CPAS client's meaning, in English. */
const DESCRIPTIONS: Record<string, string> = {
  PERSON_WITH_PROPERTIES_AND_PARTNER: "The answer holds the partner's data and the person's properties.",
  PERSON_WITHOUT_PARTNER_WITH_PROPERTIES: "The answer holds the person's properties, and no partner.",
  PERSON_WITH_PARTNER_WITHOUT_PROPERTIES: "The answer holds the partner's data, and no property of the person.",
  PERSON_WITHOUT_PARTNER_AND_PROPERTIES: 'The answer holds neither a partner nor a property of the person.',
  PERSON_UNKNOWN_FODFIN: 'The person is not known to the FPS Finance.',
  VALIDATION_ERROR: 'A schema validation error occurred.',
  INSZ_UNKNOW_IN_LEGAL_CONTEXT_PPSSI:
    'The SSIN is unknown for the PCSA in the appropriate legal context of the PPS SI.',
};

const cadnetStatus = (value: Status['value'], code: string, field?: string, fieldValue?: string): Status =>
  serviceStatus(
    value,
    code,
    DESCRIPTIONS[code] ?? code,
    field ? [{ fieldName: field, fieldValue: fieldValue ?? '' }] : undefined,
  );

const find = defineOperation<CadnetRequest, CadnetBusinessData>({
  name: 'findProperties',
  description:
    "The cadastral situation of one person as the FPS Finance knows it today: the parcels (a share of) the person owns, with location, description, cadastral income and share, and the person's partner.",
  integration: true,
  jsonSchema,
  fromJson,
  fromXml,
  subject: (r) => ({ insz: r.ssin }),
  handle(ctx, r) {
    if (!NATURES[r.naturePerson])
      return {
        status: cadnetStatus('NO_RESULT', 'VALIDATION_ERROR', 'naturePerson', `${r.naturePerson} is not 1, 2 or 3`),
      };
    if (!(LANGUAGES as readonly string[]).includes(r.language))
      return { status: cadnetStatus('NO_RESULT', 'VALIDATION_ERROR', 'language', `${r.language} is not FR or NL`) };
    // The registrations in force today, as the access check sees them (an UNREGISTER sets the end date).
    const files = ctx.register
      .list({ insz: r.ssin, activeOn: ctx.asOf })
      .filter((x) => x.unregisteredAt === null || x.to !== null);
    if (!files.some((x) => PPSSI_QUALITY_CODES.includes(x.qualityCode)))
      return {
        status: cadnetStatus(
          'NO_RESULT',
          'INSZ_UNKNOW_IN_LEGAL_CONTEXT_PPSSI',
          'qualityCode',
          files.map((x) => x.qualityCode).join(' '),
        ),
      };
    const person = indexOf(ctx.world).persons.get(r.ssin);
    if (!person || !knownAtFodFin(person, ctx.today))
      return { status: cadnetStatus('NO_DATA_FOUND', 'PERSON_UNKNOWN_FODFIN', 'ssin', r.ssin) };
    const data = cadnetData(ctx.world, person, r, ctx.today);
    const outcome: CadnetOutcome = outcomeOf(data);
    return { status: cadnetStatus('DATA_FOUND', outcome), data };
  },
  toXml: (answer) => (answer.data ? { after: cadnetXml(answer.data) } : {}),
  toJson: (answer) => (answer.data ? { businessData: answer.data } : {}),
});

export default defineFlow({
  id: 'cadnet',
  names: {
    nl: 'Kadastrale gegevens (Cadnet)',
    fr: 'Données cadastrales (Cadnet)',
    en: 'Cadastral data (Cadnet)',
  },
  institution: 'FOD Financiën, Algemene Administratie Patrimoniumdocumentatie (via KSZ)',
  fidelity: 'partial',
  basis:
    'Sourced (ksz-flows.md §12.7; public CPAS client and console code): Cadnet "données cadastrales de la personne", operation findProperties(searchCriterion(naturalPerson(ssin), naturePerson 1 applicant | 2 cohabitant of the applicant | 3 maintenance debtor, language FR|NL)), data in businessData, and the textual statuses PERSON_WITH_PROPERTIES_AND_PARTNER, PERSON_WITHOUT_PARTNER_WITH_PROPERTIES, PERSON_WITHOUT_PARTNER_AND_PROPERTIES, PERSON_WITH_PARTNER_WITHOUT_PROPERTIES, PERSON_UNKNOWN_FODFIN, INVALID_RESPONSE_FODFIN, ERROR_FODFIN, VALIDATION_ERROR, INSZ_UNKNOW_IN_LEGAL_CONTEXT_CBSS, INSZ_UNKNOW_IN_LEGAL_CONTEXT_PPSSI, SSIN_PROBLEM with their meaning. Modelled: the service name, namespace and every element of businessData; the partner as the spouse or legal cohabitant; the parcels owned today; a person known to the FPS Finance by an assessment or a parcel; which hoedanigheidscodes the POD MI legal context accepts; the legal context PCSA:SOCIAL_INQUIRY (the console\'s only one); and the role matrix (social worker, financial manager). The parcels are the world\'s property facts (location NIS, description, cadastral income, share, period).',
  legalContexts: [LEGAL_CONTEXT],
  roles: ['social-worker', 'financial-manager'],
  soa: { service: 'CadnetService', version: 1, wsdl: 'CadnetV1', operations: { findProperties: CADNET_V1 } },
  operations: [find],
  docs: 'mock-server/flows/cadnet/README.md',
});
