import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Text } from './types.ts';
import { WORKSHOP_MESSAGES, type WorkshopErrorCode } from './workshops/messages.ts';

export type ErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'unknown-exercise'
  | 'unknown-hint'
  | 'already-submitted'
  | 'bad-request'
  | 'workspace-missing'
  | WorkshopErrorCode;

/** The API's error messages: Dutch first, French second. */
export const MESSAGES: Record<Exclude<ErrorCode, 'bad-request'>, Text> = {
  unauthorized: {
    nl: 'Meld je eerst aan als deelnemer: het token (Authorization: Bearer …) ontbreekt of is ongeldig.',
    fr: 'Inscrivez-vous d’abord comme participant : le jeton (Authorization: Bearer …) manque ou n’est pas valable.',
  },
  forbidden: {
    nl: 'Deze poging hoort bij een andere deelnemer.',
    fr: 'Cette tentative appartient à un autre participant.',
  },
  'not-found': {
    nl: 'Deze poging bestaat niet.',
    fr: 'Cette tentative n’existe pas.',
  },
  'unknown-exercise': {
    nl: 'Deze oefening bestaat niet: kies er een uit GET /api/exercises.',
    fr: 'Cet exercice n’existe pas : choisissez-en un dans GET /api/exercises.',
  },
  'unknown-hint': {
    nl: 'Deze oefening heeft geen hint met die id.',
    fr: 'Cet exercice n’a pas d’indice avec cet identifiant.',
  },
  'already-submitted': {
    nl: 'Deze poging is al ingediend: de eerste indiening blijft gelden. Start een nieuwe poging voor een nieuwe variant.',
    fr: 'Cette tentative a déjà été remise : la première remise reste valable. Commencez une nouvelle tentative pour une nouvelle variante.',
  },
  'workspace-missing': {
    nl: 'De oefenomgeving van deze poging bestaat niet meer (verwijderd door de beheerder). Start een nieuwe poging.',
    fr: 'L’environnement de cette tentative n’existe plus (supprimé par l’administrateur). Commencez une nouvelle tentative.',
  },
  ...WORKSHOP_MESSAGES,
};

/** `{ error: { code, message: { nl, fr } } }` with its HTTP status. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message?: Text,
  headers?: Record<string, string>,
): Response {
  const text = message ?? (code === 'bad-request' ? BAD_REQUEST : MESSAGES[code]);
  return c.json({ error: { code, message: text } }, status, headers);
}

const BAD_REQUEST: Text = {
  nl: 'Het verzoek is niet geldig.',
  fr: 'La requête n’est pas valable.',
};

/** A 400 with a specific reason. */
export const badRequest = (c: Context, message: Text): Response => apiError(c, 400, 'bad-request', message);
