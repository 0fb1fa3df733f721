/**
 * The data tables of the knipperlichten flow. The real list of clignotant types and motivation codes is not public
 * (ksz-flows.md §8, UNVERIFIED): both tables are SIMULATED, built from the cross-checks the other flows make possible.
 */

export type AlertType =
  | 'EMPLOYMENT'
  | 'UNEMPLOYMENT_BENEFIT'
  | 'SICKNESS_BENEFIT'
  | 'PENSION'
  | 'STAY_ABROAD'
  | 'OTHER_OCMW'
  | 'HOUSEHOLD_CHANGE'
  | 'DEATH';

export interface AlertTypeRow {
  type: AlertType;
  /** Numeric code of the type (simulated). */
  code: string;
  label: { nl: string; fr: string; en: string };
  /** When the mock raises it: the rule, in one sentence. */
  trigger: string;
  /** The flow a trainee can check the evidence in. */
  evidenceFlow: string;
}

export const ALERT_TYPES: readonly AlertTypeRow[] = [
  {
    type: 'EMPLOYMENT',
    code: '10',
    label: {
      nl: 'Tewerkstelling tijdens leefloon',
      fr: "Occupation pendant le revenu d'intégration",
      en: 'Work during leefloon',
    },
    trigger:
      'a DIMONA employment overlaps a leefloon decision that counts no income from work (no exemption); art. 60 work for the paying OCMW itself is left out',
    evidenceFlow: 'Dolsis / DIMONA',
  },
  {
    type: 'UNEMPLOYMENT_BENEFIT',
    code: '20',
    label: { nl: 'Werkloosheidsuitkering', fr: 'Allocation de chômage', en: 'Unemployment benefit' },
    trigger: 'an RVA unemployment right overlaps a leefloon decision',
    evidenceFlow: 'UnemploymentData',
  },
  {
    type: 'SICKNESS_BENEFIT',
    code: '30',
    label: { nl: 'Ziekte-uitkering', fr: "Indemnité d'incapacité de travail", en: 'Sickness benefit' },
    trigger: 'a primary incapacity, invalidity or maternity benefit overlaps a leefloon decision',
    evidenceFlow: 'HealthCareInsurance',
  },
  {
    type: 'PENSION',
    code: '40',
    label: { nl: 'Pensioen of IGO', fr: 'Pension ou GRAPA', en: 'Pension or income guarantee' },
    trigger: 'a pension right (retirement, survivor, IGO) overlaps a leefloon decision',
    evidenceFlow: 'PensionRegister',
  },
  {
    type: 'STAY_ABROAD',
    code: '50',
    label: { nl: 'Lang verblijf in het buitenland', fr: "Long séjour à l'étranger", en: 'Long stay abroad' },
    trigger:
      'a stay abroad lasts beyond its first month (art. 23 §5 RMI law: payment is suspended after the first month abroad); the alert covers the leefloon paid after that month',
    evidenceFlow: 'RetrieveTIGroups / PerformInvestigation',
  },
  {
    type: 'OTHER_OCMW',
    code: '60',
    label: {
      nl: 'Leefloon bij een ander OCMW',
      fr: "Revenu d'intégration auprès d'un autre CPAS",
      en: 'Leefloon from another OCMW',
    },
    trigger: 'another OCMW pays leefloon or equivalent leefloon for the same period (each paying OCMW gets its alert)',
    evidenceFlow: 'LivingWages',
  },
  {
    type: 'HOUSEHOLD_CHANGE',
    code: '70',
    label: { nl: 'Gezinswijziging', fr: 'Modification de la composition de ménage', en: 'Household change' },
    trigger:
      'someone joins or leaves the household during a leefloon period, unless a decision of the paying OCMW changed the category on that very day',
    evidenceFlow: 'PerformInvestigation (family composition)',
  },
  {
    type: 'DEATH',
    code: '80',
    label: { nl: 'Overlijden', fr: 'Décès', en: 'Death' },
    trigger: 'a leefloon decision runs after the date of death',
    evidenceFlow: 'RetrieveTIGroups',
  },
];

export interface MotivationRow {
  /** Numeric, at most 20 positions (AlertReaction `motivation`). */
  code: string;
  label: { nl: string; fr: string; en: string };
  /** The reaction must then carry a comment. */
  commentRequired: boolean;
}

export const MOTIVATIONS: readonly MotivationRow[] = [
  {
    code: '1',
    label: {
      nl: 'Gekend en verrekend in de beslissing',
      fr: 'Connu et pris en compte dans la décision',
      en: 'Known and counted in the decision',
    },
    commentRequired: false,
  },
  {
    code: '2',
    label: {
      nl: 'Geen invloed op het recht of het bedrag',
      fr: 'Sans incidence sur le droit ou le montant',
      en: 'No effect on the right or the amount',
    },
    commentRequired: false,
  },
  {
    code: '3',
    label: {
      nl: 'Herziening beslist, terugvordering',
      fr: 'Révision décidée, récupération',
      en: 'Revision decided, recovery',
    },
    commentRequired: false,
  },
  {
    code: '4',
    label: {
      nl: 'Stopzetting beslist, terugvordering',
      fr: 'Retrait décidé, récupération',
      en: 'Stop decided, recovery',
    },
    commentRequired: false,
  },
  {
    code: '5',
    label: {
      nl: 'Voorschot op een uitkering: terugvordering bij de instelling',
      fr: "Avance sur allocation: récupération auprès de l'institution",
      en: 'Advance on a benefit: recovered from the institution',
    },
    commentRequired: false,
  },
  {
    code: '6',
    label: {
      nl: 'Uitzonderlijke omstandigheden aanvaard',
      fr: 'Circonstances exceptionnelles admises',
      en: 'Exceptional circumstances accepted',
    },
    commentRequired: true,
  },
  {
    code: '7',
    label: {
      nl: 'Foutieve gegevens bij de bron',
      fr: 'Données erronées à la source',
      en: 'Wrong data at the source',
    },
    commentRequired: true,
  },
  {
    code: '8',
    label: { nl: 'Onderzoek lopende', fr: 'Enquête en cours', en: 'Investigation ongoing' },
    commentRequired: false,
  },
  {
    code: '99',
    label: { nl: 'Andere', fr: 'Autre', en: 'Other' },
    commentRequired: true,
  },
];

export const alertType = (type: AlertType): AlertTypeRow => {
  const row = ALERT_TYPES.find((t) => t.type === type);
  if (!row) throw new Error(`unknown alert type ${type}`);
  return row;
};

export const motivation = (code: string): MotivationRow | undefined => MOTIVATIONS.find((m) => m.code === code);
