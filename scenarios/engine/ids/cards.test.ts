import { describe, expect, it } from 'vitest';
import { formatIdentityCardNumber, identityCardNumber, sisCardNumber } from './cards.ts';

describe('card numbers derived from an INSZ', () => {
  it('are stable, shaped like the real ones, and differ between persons', () => {
    const a = identityCardNumber('85031412302');
    expect(identityCardNumber('85031412302')).toBe(a);
    expect(a).toMatch(/^\d{12}$/);
    expect(Number(a.slice(10))).toBe(Number(BigInt(a.slice(0, 10)) % 97n) || 97);
    expect(formatIdentityCardNumber(a)).toMatch(/^\d{3}-\d{7}-\d{2}$/);
    expect(identityCardNumber('04110224624')).not.toBe(a);
    expect(sisCardNumber('85031412302')).toMatch(/^[1-9]\d{9}$/);
  });
});
