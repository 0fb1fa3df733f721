import type { Text } from '../types.ts';

export type WorkshopErrorCode =
  | 'trainer-unauthorized'
  | 'trainer-only'
  | 'trainer-disabled'
  | 'unknown-workshop'
  | 'unknown-participant'
  | 'bad-state'
  | 'unknown-code'
  | 'unknown-rejoin-code'
  | 'workshop-ended'
  | 'pseudonym-taken'
  | 'too-many-tries'
  | 'workshop-not-started'
  | 'workshop-paused'
  | 'time-up'
  | 'exercise-done'
  | 'not-in-workshop';

/** The workshop API's error messages (docs/decisions/006-workshops.md): Dutch first, French second. */
export const WORKSHOP_MESSAGES: Record<WorkshopErrorCode, Text> = {
  'trainer-unauthorized': {
    nl: 'Alleen voor de lesgever: geef het lesgeverswachtwoord, TRAINER_PASSWORD (Authorization: Bearer … of HTTP Basic).',
    fr: 'Réservé au formateur : donnez le mot de passe du formateur (Authorization: Bearer … ou HTTP Basic).',
  },
  'trainer-only': {
    nl: 'Dit is een deelnemerstoken: alleen de lesgever kan workshops beheren.',
    fr: 'Ceci est un jeton de participant : seul le formateur peut gérer les ateliers.',
  },
  'trainer-disabled': {
    nl: 'Deze server heeft geen lesgeverswachtwoord: start hem met TRAINER_PASSWORD om workshops te beheren.',
    fr: 'Ce serveur n’a pas de mot de passe formateur : démarrez-le avec TRAINER_PASSWORD pour gérer des ateliers.',
  },
  'unknown-workshop': {
    nl: 'Deze workshop bestaat niet.',
    fr: 'Cet atelier n’existe pas.',
  },
  'unknown-participant': {
    nl: 'Deze deelnemer hoort niet bij deze workshop.',
    fr: 'Ce participant ne fait pas partie de cet atelier.',
  },
  'bad-state': {
    nl: 'Dat kan niet in de huidige toestand van de workshop.',
    fr: 'Ce n’est pas possible dans l’état actuel de l’atelier.',
  },
  'unknown-code': {
    nl: 'Geen workshop met deze code. Controleer de code op het scherm van de lesgever.',
    fr: 'Aucun atelier avec ce code. Vérifiez le code sur l’écran du formateur.',
  },
  'unknown-rejoin-code': {
    nl: 'Deze terugkeercode is niet (meer) geldig voor deze workshop. Vraag de lesgever om een nieuwe.',
    fr: 'Ce code de retour n’est pas (plus) valable pour cet atelier. Demandez-en un nouveau au formateur.',
  },
  'workshop-ended': {
    nl: 'Deze workshop is afgelopen.',
    fr: 'Cet atelier est terminé.',
  },
  'pseudonym-taken': {
    nl: 'Iemand in deze workshop gebruikt dit pseudoniem al (hoofdletters en accenten tellen niet). Kies een ander.',
    fr: 'Quelqu’un dans cet atelier utilise déjà ce pseudonyme (majuscules et accents ne comptent pas). Choisissez-en un autre.',
  },
  'too-many-tries': {
    nl: 'Te veel verkeerde codes. Wacht een minuut en probeer opnieuw.',
    fr: 'Trop de codes erronés. Attendez une minute et réessayez.',
  },
  'workshop-not-started': {
    nl: 'De workshop is nog niet begonnen: wacht tot de lesgever hem start.',
    fr: 'L’atelier n’a pas encore commencé : attendez que le formateur le lance.',
  },
  'workshop-paused': {
    nl: 'De workshop is gepauzeerd. Je antwoorden blijven bewaard in je browser; ga verder na de pauze.',
    fr: 'L’atelier est en pause. Vos réponses restent dans votre navigateur ; continuez après la pause.',
  },
  'time-up': {
    nl: 'De tijd is om: je kan niets meer starten of indienen.',
    fr: 'Le temps est écoulé : vous ne pouvez plus rien commencer ni remettre.',
  },
  'exercise-done': {
    nl: 'Je hebt deze oefening al ingediend: in een workshop telt één poging per oefening.',
    fr: 'Vous avez déjà remis cet exercice : dans un atelier, une tentative par exercice compte.',
  },
  'not-in-workshop': {
    nl: 'Deze oefening hoort niet bij je workshop.',
    fr: 'Cet exercice ne fait pas partie de votre atelier.',
  },
};

/** The 410 of joining an ended workshop: rejoining still works. */
export const JOIN_ENDED: Text = {
  nl: 'Deze workshop is afgelopen: nieuwe deelnemers kunnen niet meer aansluiten. Wie al deelnam, kan terugkeren met zijn terugkeercode.',
  fr: 'Cet atelier est terminé : de nouveaux participants ne peuvent plus le rejoindre. Qui y participait déjà peut revenir avec son code de retour.',
};
