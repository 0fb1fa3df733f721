/**
 * The synthetic Belgium: the shape of a world. Every KSZ flow is a view of these facts at some date.
 *
 * Conventions:
 * - Dates are ISO strings `YYYY-MM-DD`; they compare correctly as strings.
 * - A period is `{ from, to }` with both ends inclusive; `to: null` means open-ended.
 * - Amounts are in eurocent (integers), as the KSZ sends them.
 * - Every fact carries the period during which it was true; `asOf` (see `as-of.ts`) selects by date.
 */

export type IsoDate = string;
export type Sex = 'M' | 'F';
export type Language = 'nl' | 'fr' | 'de';

export interface Period {
  from: IsoDate;
  to: IsoDate | null;
}

export type CivilState = 'single' | 'married' | 'legal-cohabitation' | 'divorced' | 'widowed' | 'separated';

export interface CivilStatePeriod extends Period {
  state: CivilState;
  /** INSZ of the spouse or legal cohabitant, when there is one. */
  partner?: string;
}

export interface AddressPeriod extends Period {
  nis: string;
  postcode: string;
  municipality: { nl: string; fr: string };
  street: string;
  houseNumber: string;
  box?: string;
  /** `main` = domicile; `reference` = reference address at an OCMW (homeless people). */
  kind: 'main' | 'reference';
  /** Country code when the person lives abroad (address outside Belgium). */
  country?: string;
}

export type HouseholdRole = 'head' | 'partner' | 'child' | 'parent' | 'other';

export interface HouseholdMembership extends Period {
  householdId: string;
  role: HouseholdRole;
}

export interface Employment extends Period {
  employerKbo: string;
  employerName: string;
  /** Paritair comité / joint committee, e.g. "200", "302". */
  jointCommittee: string;
  workerType: 'white-collar' | 'blue-collar' | 'student' | 'flexi' | 'art60';
  /** Weekly hours; 38 is full time. */
  hoursPerWeek: number;
  /** DIMONA declaration ids (in and out). */
  dimonaId: string;
  grossMonthlyCents: number;
}

export type UnemploymentKind = 'full' | 'inschakeling' | 'temporary' | 'youth-waiting';

export interface UnemploymentRight extends Period {
  id: string;
  kind: UnemploymentKind;
  /** RVA family category: cohabitant with family charge, single, cohabitant. */
  category: 'family-charge' | 'single' | 'cohabitant';
  dailyAmountCents: number;
  /** Payment institution (uitbetalingsinstelling). */
  paymentInstitution: 'ACV' | 'ABVV' | 'ACLVB' | 'HVW';
  /** For an inschakelingsuitkering: why it ended, when it did. */
  endReason?: 'limit-36-months' | 'work' | 'sanction' | 'other';
}

export interface UnemploymentSanction extends Period {
  reason: string;
  weeks: number;
}

export interface SelfEmployedPeriod extends Period {
  kind: 'active' | 'assimilated';
  occupation: 'main' | 'secondary';
  time: 'full' | 'half';
  /** Social insurance fund for the self-employed. */
  fund: string;
  /** Why the period is assimilated (illness, bridging right ...). */
  assimilationReason?: string;
}

export interface SelfEmployedCareer {
  periods: SelfEmployedPeriod[];
  /** Date the affiliation attestation was last filed or changed; before 2003 → may be missing from the old flow. */
  attestationChanged: IsoDate;
}

export interface GmdHolder extends Period {
  doctorRiziv: string;
  doctorName: string;
}

export interface HealthInsurancePeriod extends Period {
  /** Landsbond / union code, e.g. 100 (CM), 300 (Socialistische), 600 (HZIV). */
  mutualityCode: string;
  mutualityName: string;
  /** Titular or dependant (persoon ten laste). */
  status: 'titular' | 'dependant';
  titular?: string;
  increasedReimbursement: boolean;
}

export type LeefloonCategory = 'samenwonende' | 'alleenstaande' | 'gezinslast';

export interface OcmwDecision {
  id: string;
  ocmwKbo: string;
  decisionDate: IsoDate;
  kind: 'leefloon' | 'equivalent-leefloon' | 'installation-premium' | 'refusal' | 'stop';
  category?: LeefloonCategory;
  period: Period;
  /** Monthly amount granted (leefloon) or the one-off amount (installation premium). */
  amountCents: number;
  calculation: {
    /** The yearly-indexed category amount the decision started from. */
    baseMonthlyCents: number;
    /** Resources counted against it, monthly. */
    resources: { kind: string; monthlyCents: number }[];
    exemptionCents: number;
  };
  /** Id of the decision this one revises. */
  revises?: string;
  revisionReason?: string;
  socialWorker: { name: string; phone: string; email: string };
  /** GPMI/PIIS: individualised project for social integration. */
  piis: boolean;
}

export interface MediprimaCard extends Period {
  cardId: string;
  ocmwKbo: string;
  coverType: 'full' | 'partial' | 'hospital-only';
  supportLevel: '100%' | 'personal-contribution';
  beneficiaryStatus: 'illegal-stay' | 'asylum-seeker-without-code-207' | 'eu-without-insurance' | 'other';
  /** How the card ended (closed or stopped). */
  endReason?: 'closed' | 'stopped' | 'replaced';
  refundCodes: string[];
}

export interface KbiFile {
  registeredBy: string;
  trajectory: Period & {
    kind: 'verplicht' | 'rechthebbend' | 'vrijwillig';
    status: 'lopend' | 'afgerond' | 'stopgezet';
  };
  contract?: { signedOn: IsoDate };
  certificate?: { issuedOn: IsoDate };
  nt2: {
    level: 'A1' | 'A2' | 'B1' | 'B2';
    provider: string;
    period: Period;
    status: 'lopend' | 'behaald' | 'gestopt';
  }[];
}

export interface HousingFacts {
  waitingList?: Period & { company: string; companyKbo: string; fileNumber: string };
  huurpremie?: {
    potentiallyEntitled: boolean;
    refusalReason?: string;
    payments: { date: IsoDate; amountCents: number }[];
  };
  huursubsidie?: {
    company: string;
    fileNumber: string;
    status: 'in behandeling' | 'toegekend' | 'geweigerd' | 'stopgezet';
    refusalReason?: string;
    partner?: string;
    payments: { date: IsoDate; amountCents: number }[];
  };
}

export interface LedEvidence {
  id: string;
  kind: 'diploma' | 'certificate' | 'experience';
  title: string;
  level?: string;
  institution: string;
  issuedOn: IsoDate;
  source: 'authentic' | 'self-declared';
  verified: boolean;
}

export interface PensionRight extends Period {
  kind: 'retirement' | 'survivor' | 'igo';
  monthlyCents: number;
  institution: 'FPD' | 'RSVZ' | 'PDOS';
}

export interface HandicapRecognition extends Period {
  points: number;
  allowances: { kind: 'IVT' | 'IT' | 'THAB'; monthlyCents: number; period: Period }[];
}

export interface SicknessPeriod extends Period {
  kind: 'primary-incapacity' | 'invalidity' | 'maternity';
  dailyCents: number;
}

export interface ChildBenefit extends Period {
  child: string;
  fund: string;
  monthlyCents: number;
}

export interface TaxAssessment {
  incomeYear: number;
  taxableIncomeCents: number;
  assessmentDate: IsoDate;
}

export interface PropertyParcel {
  id: string;
  nis: string;
  description: string;
  cadastralIncomeCents: number;
  share: string;
  period: Period;
}

export interface EnergyFacts {
  socialTariff: Period[];
  heatingAllowances: { date: IsoDate; amountCents: number; ocmwKbo: string }[];
}

export interface StayAbroad extends Period {
  country: string;
}

export interface Person {
  insz: string;
  kind: 'rr' | 'bis';
  givenName: string;
  familyName: string;
  sex: Sex;
  /** `YYYY-MM-DD`; month or day `00` when unknown (possible for BIS holders). */
  birthDate: IsoDate;
  birthPlace: string;
  nationality: string;
  language: Language;
  deathDate?: IsoDate;
  /** The INSZ that replaced this one, and from when. */
  replacedBy?: { insz: string; date: IsoDate };
  /** The INSZ this one replaced. */
  replaces?: string;
  cancelled?: { date: IsoDate };
  /** Scenario id that produced the person, or `background`. */
  origin: string;
  /** The role the person plays in its scenario (`main`, `partner` ...). */
  originRole: string;
  civilStates: CivilStatePeriod[];
  addresses: AddressPeriod[];
  households: HouseholdMembership[];
  employment: Employment[];
  unemployment: UnemploymentRight[];
  unemploymentSanctions: UnemploymentSanction[];
  selfEmployed?: SelfEmployedCareer;
  healthInsurance: HealthInsurancePeriod[];
  gmd: GmdHolder[];
  ocmwDecisions: OcmwDecision[];
  mediprima: MediprimaCard[];
  kbi?: KbiFile;
  housing: HousingFacts;
  led: LedEvidence[];
  pensions: PensionRight[];
  handicap: HandicapRecognition[];
  sickness: SicknessPeriod[];
  childBenefits: ChildBenefit[];
  taxes: TaxAssessment[];
  property: PropertyParcel[];
  energy: EnergyFacts;
  staysAbroad: StayAbroad[];
}

export interface Household {
  id: string;
  /** Members over time, derived from the persons' memberships. */
  members: { insz: string; role: HouseholdRole; from: IsoDate; to: IsoDate | null }[];
  origin: string;
}

export interface Organisation {
  id: string;
  kind: 'ocmw' | 'housing-company' | 'employer' | 'social-secretariat';
  kbo: string;
  name: { nl: string; fr: string };
  nis?: string;
  /** For an OCMW: its place in the KSZ network (sector 17, subsector 1). */
  matrix?: { id: number; subId: number };
}

export type Role = 'social-worker' | 'financial-manager' | 'secretary' | 'security-adviser';

export interface User {
  /** The user id the KSZ sees: an INSZ-shaped number (synthetic). */
  userId: string;
  username: string;
  /** Synthetic training credential; published in the README on purpose. */
  password: string;
  name: string;
  email: string;
  organisation: string;
  role: Role;
}

export interface World {
  preset: string;
  seed: number;
  span: { from: IsoDate; to: IsoDate };
  organisations: Organisation[];
  users: User[];
  households: Household[];
  persons: Person[];
}
