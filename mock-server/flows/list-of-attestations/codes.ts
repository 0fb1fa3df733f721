/**
 * Code lists of the ListOfAttestations reply. The element names are from public CPAS client code; the code values
 * are not public, so every value below is modelled (descriptions "fr / nl", as the client splits them on "/").
 */

export const REQUEST_TYPES = ['GPMI_PIIS', 'STATUT65', 'EXONERATIONSART35', 'PRIME_INSTALLATION'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface Coded {
  code: number;
  fr: string;
  nl: string;
}

/** The type of aid the attestation is about. */
export const ATTEST_TYPES = {
  livingWage: { code: 1, fr: "Revenu d'intégration", nl: 'Leefloon' },
  equivalentLivingWage: { code: 2, fr: "Équivalent revenu d'intégration", nl: 'Equivalent leefloon' },
  installationPremium: { code: 3, fr: "Prime d'installation", nl: 'Installatiepremie' },
  urgentMedicalAid: { code: 5, fr: 'Aide médicale urgente', nl: 'Dringende medische hulp' },
} as const satisfies Record<string, Coded>;

/** The POD MI form the attestation rests on: form B of the RMI law, form B1 of the law of 2 April 1965 (sourced names). */
export const FORM_TYPES = {
  rmiDecision: { code: 10, fr: 'Formulaire B loi DIS (décision)', nl: 'Formulier B RMI-wet (beslissing)' },
  law65Decision: { code: 21, fr: 'Formulaire B1 loi 65 (décision)', nl: 'Formulier B1 wet 65 (beslissing)' },
} as const satisfies Record<string, Coded>;

/** Status of the attestation: in force, or changed/ended by a later decision known in the network. */
export const STATUSES = { inForce: 1, changed: 2 } as const;

/** How the person of the request relates to the attestation: always its beneficiary in the mock. */
export const RELATION_TYPES = {
  beneficiary: { code: 1, fr: 'Bénéficiaire', nl: 'Gerechtigde' },
} as const satisfies Record<string, Coded>;

/** Modelled: a GPMI/PIIS runs 12 months from its first decision; what follows in the same run is its prolongation. */
export const PIIS_FIRST_TERM_MONTHS = 12;

export const describe = (c: Coded): string => `${c.fr} / ${c.nl}`;
