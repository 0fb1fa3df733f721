import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKbo, makeKbo, parseKbo, validateKbo } from './kbo.ts';

describe('worked examples (computed by hand)', () => {
  it('12345678 = 97 × 127275 + 3, so the check is 94', () => {
    expect(makeKbo('12345678')).toBe('1234567894');
    expect(formatKbo('1234567894')).toBe('1234.567.894');
  });

  it('pads numbers: 8765432 = 97 × 90365 + 27, so 0876543270', () => {
    expect(makeKbo(8765432)).toBe('0876543270');
    expect(formatKbo('0876543270')).toBe('0876.543.270');
  });

  it('a multiple of 97 gives check 97; 19999999 = 97 × 206185 + 54 gives 43', () => {
    expect(makeKbo('00000097')).toBe('0000009797');
    expect(makeKbo(19_999_999)).toBe('1999999943');
  });
});

describe('parsing and validation', () => {
  it('accepts BE prefix, dots, spaces and dashes', () => {
    for (const input of ['0876543270', 'BE0876.543.270', 'be 0876 543 270', '0876-543-270', ' BE 0876.543.270 ']) {
      expect(parseKbo(input)).toBe('0876543270');
      expect(validateKbo(input)).toBe(true);
    }
  });

  it('rejects wrong check digits, lengths, letters and a first digit other than 0 or 1', () => {
    expect(validateKbo('0876543271')).toBe(false);
    expect(validateKbo('876543270')).toBe(false);
    expect(validateKbo('08765432700')).toBe(false);
    expect(validateKbo('0876A43270')).toBe(false);
    // 28765432 = 97 × 296550 + 82 → 15: right check digits, but a first digit of 2 is not allowed.
    expect(validateKbo('2876543215')).toBe(false);
    expect(validateKbo('')).toBe(false);
  });

  it('makeKbo and formatKbo throw on impossible input', () => {
    expect(() => makeKbo('28765432')).toThrow(/starts with 0 or 1/);
    expect(() => makeKbo('1234567')).toThrow(/8 digits/);
    expect(() => makeKbo(20_000_000)).toThrow(/0 or 1/);
    expect(() => makeKbo(-1)).toThrow(/8 digits/);
    expect(() => makeKbo(1.5)).toThrow(/8 digits/);
    expect(() => formatKbo('0876543271')).toThrow(/Invalid enterprise number "0876543271"/);
  });
});

describe('properties', () => {
  const first8 = fc.integer({ min: 0, max: 19_999_999 });

  it('make → validate → format → parse round trip', () => {
    fc.assert(
      fc.property(first8, (n) => {
        const kbo = makeKbo(n);
        expect(kbo).toMatch(/^[01]\d{9}$/);
        expect(kbo.slice(0, 8)).toBe(String(n).padStart(8, '0'));
        expect(Number(kbo.slice(8))).toBe(97 - (n % 97));
        expect(validateKbo(kbo)).toBe(true);
        expect(parseKbo(`BE${formatKbo(kbo)}`)).toBe(kbo);
      }),
      { numRuns: 2000 },
    );
  });

  it('every single changed digit is detected', () => {
    fc.assert(
      fc.property(first8, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const kbo = makeKbo(n);
        const changed = kbo.slice(0, pos) + ((Number(kbo[pos]) + delta) % 10) + kbo.slice(pos + 1);
        expect(validateKbo(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
