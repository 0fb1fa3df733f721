import { createHash, randomBytes } from 'node:crypto';
import type { Text } from '../types.ts';

/** Letters and digits that cannot be mistaken for each other on a projector or a phone (no I, L, O, 0, 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
const REJOIN_CODE_LENGTH = 8;

/** Ids of letters only (a-z): they go into tenant ids and URLs, and never look like an amount or a date. */
export function newId(length = 20): string {
  return [...randomBytes(length)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** A bearer token for a participant (only its hash is stored). */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Tokens, rejoin codes: kept as SHA-256 hashes only. */
export const hashToken = sha256;

/**
 * `length` characters of the code alphabet from a CSPRNG. Rejection sampling (bytes ≥ 248 are drawn again) keeps
 * every character equally likely: 248 = 8 × 31.
 */
function randomCode(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b >= 248) continue;
      out += CODE_ALPHABET[b % CODE_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** The code participants type to join (unique among workshops: the store checks). */
export const newJoinCode = (): string => randomCode(JOIN_CODE_LENGTH);

/** A personal rejoin code, `XXXX-XXXX`: shown once, stored as a hash of its normalised form. */
export function newRejoinCode(): string {
  const code = randomCode(REJOIN_CODE_LENGTH);
  return formatRejoinCode(code);
}

export const formatRejoinCode = (normalised: string): string => `${normalised.slice(0, 4)}-${normalised.slice(4)}`;

/** Codes are read case-insensitively, with spaces and dashes ignored (`ab3d-ef7h` = `AB3DEF7H`). */
export const normaliseCode = (input: string): string => input.toUpperCase().replace(/[\s-]+/g, '');

/** True when a normalised code could have been issued: the right length, only letters of the alphabet. */
export const isWellFormedCode = (normalised: string, kind: 'join' | 'rejoin'): boolean =>
  normalised.length === (kind === 'join' ? JOIN_CODE_LENGTH : REJOIN_CODE_LENGTH) &&
  [...normalised].every((ch) => CODE_ALPHABET.includes(ch));

/** The hash a rejoin code is stored as (normalised first, so `abcd efgh` finds `ABCD-EFGH`). */
export const hashRejoinCode = (input: string): string => sha256(`rejoin/${normaliseCode(input)}`);

/**
 * The form of a pseudonym that must be unique in a workshop: "Élise  Tafel" and "elise tafel" are the same person
 * to the people in the room.
 */
export const pseudonymKey = (pseudonym: string): string =>
  pseudonym.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');

/**
 * A pseudonym the room can read: no control or invisible formatting characters (a bidi override would turn the
 * projector's leaderboard around), and at least one letter or digit.
 */
export const readablePseudonym = (pseudonym: string): boolean =>
  !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(pseudonym) && /[\p{L}\p{N}]/u.test(pseudonym);

export const MAX_PSEUDONYM = 40;

/**
 * The one check of a pseudonym, for a workshop's participants and for those who practise alone: trimmed, 1 to
 * `MAX_PSEUDONYM` characters, readable. A refusal says why, in both languages.
 */
export function checkPseudonym(raw: unknown): { ok: true; name: string } | { ok: false; message: Text } {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name.length === 0 || name.length > MAX_PSEUDONYM)
    return {
      ok: false,
      message: {
        nl: `Kies een pseudoniem van 1 tot ${MAX_PSEUDONYM} tekens (geen echte naam nodig).`,
        fr: `Choisissez un pseudonyme de 1 à ${MAX_PSEUDONYM} caractères (pas besoin de votre vrai nom).`,
      },
    };
  if (!readablePseudonym(name))
    return {
      ok: false,
      message: {
        nl: 'Een pseudoniem bestaat uit letters, cijfers, spaties en leestekens, op één regel.',
        fr: 'Un pseudonyme se compose de lettres, de chiffres, d’espaces et de signes de ponctuation, sur une ligne.',
      },
    };
  return { ok: true, name };
}
