import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new tenant or admin token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 (hex) of a token: what the store keeps, so a copied database does not hand out working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const HEX_HASH = /^[0-9a-f]{64}$/;
// Compared against when there is no stored hash, so a miss costs as much as a wrong token.
const NO_HASH = '0'.repeat(64);

/** Constant-time check of `token` against a stored hash; `undefined` (no such tenant) always fails, just as slowly. */
export function tokenMatches(storedHash: string | undefined, token: string): boolean {
  const expected = storedHash !== undefined && HEX_HASH.test(storedHash) ? storedHash : NO_HASH;
  const same = timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(expected, 'hex'));
  return same && expected === storedHash;
}
