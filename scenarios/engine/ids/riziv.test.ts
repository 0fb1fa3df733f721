import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRiziv,
  GP_QUALIFICATIONS,
  isGeneralPractitioner,
  makeRiziv,
  parseRiziv,
  validateRiziv,
} from './riziv.ts';

describe('worked examples (computed by hand)', () => {
  it('identifier 23456: 123456 = 97 × 1272 + 72, so the check is 25', () => {
    const riziv = makeRiziv(23456);
    expect(riziv).toBe('12345625003');
    expect(formatRiziv(riziv)).toBe('1-23456-25-003');
    expect(isGeneralPractitioner(riziv)).toBe(true);
  });

  it('identifier 54321 with qualification 004: 154321 = 97 × 1590 + 91, so the check is 06', () => {
    expect(makeRiziv('54321', '004')).toBe('15432106004');
  });

  it('identifier 00000: 100000 = 97 × 1030 + 90, so the check is 07', () => {
    expect(makeRiziv(0)).toBe('10000007003');
    expect(formatRiziv('10000007003')).toBe('1-00000-07-003');
  });

  it('a non-GP qualification is valid but not a GP', () => {
    expect(isGeneralPractitioner(makeRiziv(23456, '000'))).toBe(false);
  });
});

describe('parsing and validation', () => {
  it('accepts dashes, slashes, dots and spaces', () => {
    for (const input of ['12345625003', '1-23456-25-003', '1/23456/25/003', '1.23456.25.003', ' 1 23456 25 003 ']) {
      expect(parseRiziv(input)).toBe('12345625003');
    }
  });

  it('rejects wrong check digits, lengths, letters and other professions', () => {
    expect(validateRiziv('12345626003')).toBe(false);
    expect(validateRiziv('1234562500')).toBe(false);
    expect(validateRiziv('123456250030')).toBe(false);
    expect(validateRiziv('1234562500A')).toBe(false);
    // 323456 = 97 × 3334 + 58 → 39: right check digits, but profession 3 is not a doctor.
    expect(validateRiziv('32345639003')).toBe(false);
  });

  it('throws on impossible input', () => {
    expect(() => makeRiziv(100_000)).toThrow(/5 digits/);
    expect(() => makeRiziv('1234')).toThrow(/5 digits/);
    expect(() => makeRiziv(1, '3')).toThrow(/3 digits/);
    expect(() => formatRiziv('12345626003')).toThrow(/Invalid RIZIV number/);
    expect(() => isGeneralPractitioner('x')).toThrow(/Invalid RIZIV number/);
  });
});

describe('properties', () => {
  const input = fc.record({
    identifier: fc.integer({ min: 0, max: 99_999 }),
    qualification: fc.oneof(fc.constantFrom(...GP_QUALIFICATIONS), fc.integer({ min: 0, max: 999 }).map(String)),
  });
  const make = (i: { identifier: number; qualification: string }) =>
    makeRiziv(i.identifier, i.qualification.padStart(3, '0'));

  it('make → validate → format → parse round trip', () => {
    fc.assert(
      fc.property(input, (i) => {
        const riziv = make(i);
        expect(riziv).toMatch(/^1\d{10}$/);
        expect(Number(riziv.slice(6, 8))).toBe(97 - (Number(riziv.slice(0, 6)) % 97));
        expect(validateRiziv(riziv)).toBe(true);
        expect(parseRiziv(formatRiziv(riziv))).toBe(riziv);
      }),
      { numRuns: 1000 },
    );
  });

  it('a changed digit in the first 8 is detected', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (i, pos, delta) => {
        const riziv = make(i);
        const changed = riziv.slice(0, pos) + ((Number(riziv[pos]) + delta) % 10) + riziv.slice(pos + 1);
        expect(validateRiziv(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
