import type { Context } from 'hono';
import { badRequest } from '../errors.ts';
import type { Text } from '../types.ts';

const MAX_BODY = 64 * 1024;

export type Body = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * A JSON body, or a 400 in both languages; an empty body is `undefined`. Shared by the attempt routes and the
 * workshop routes (it lives here so the workshop modules do not import the attempt routes that mount them).
 */
export async function jsonBody(c: Context): Promise<Body> {
  const text = await c.req.text();
  if (text.length > MAX_BODY)
    return {
      ok: false,
      response: badRequest(c, { nl: 'Het verzoek is te groot.', fr: 'La requête est trop grande.' }),
    };
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      response: badRequest(c, {
        nl: 'De inhoud van het verzoek is geen geldige JSON.',
        fr: 'Le contenu de la requête n’est pas du JSON valable.',
      }),
    };
  }
}

export type ObjectBody = { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

/**
 * A JSON object body (an empty body counts as `{}`), with only the fields named: anything else — an array, a
 * misspelt field — is a 400 that says what the body should look like.
 */
export async function objectBody(c: Context, allowed: readonly string[], shape: Text): Promise<ObjectBody> {
  const body = await jsonBody(c);
  if (!body.ok) return body;
  const value = body.value ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      response: badRequest(c, {
        nl: `De inhoud moet een JSON-object zijn: ${shape.nl}`,
        fr: `Le contenu doit être un objet JSON : ${shape.fr}`,
      }),
    };
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    return {
      ok: false,
      response: badRequest(c, {
        nl: `Onbekend veld ${unknown.map((k) => `"${k}"`).join(', ')}; toegelaten: ${allowed.join(', ')}.`,
        fr: `Champ inconnu ${unknown.map((k) => `« ${k} »`).join(', ')} ; admis : ${allowed.join(', ')}.`,
      }),
    };
  return { ok: true, value: value as Record<string, unknown> };
}
