import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, MUNICIPALITIES_BY_REGION, municipalityByNis } from './municipalities.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const referencePath = path.resolve(repoRoot, '../shared/domain/data/belgian_municipalities_2020.csv');
const referencePresent = existsSync(referencePath);
// On CI the reference data must be there: a silent skip would hide a broken checkout.
const mustCheckReference = process.env.CI === 'true';

/**
 * The reference file's `zip` column sometimes holds a secondary postcode of the municipality (a former
 * deelgemeente) or a postcode of another municipality (Diest, La Louvière), not the main one kept in our table.
 * Listed here with the reference's value, so a corrected reference shows up as a failing test.
 */
const REFERENCE_ZIP_DIFFERS: ReadonlyMap<string, string> = new Map([
  ['12014', '2221'], // Heist-op-den-Berg: 2220
  ['12025', '2801'], // Mechelen: 2800
  ['23025', '1852'], // Grimbergen: 1850
  ['23027', '1501'], // Halle: 1500
  ['24020', '2100'], // Diest: 3290
  ['24062', '3001'], // Leuven: 3000
  ['25072', '1401'], // Nijvel: 1400
  ['25091', '1332'], // Rixensart: 1330
  ['25112', '1301'], // Waver: 1300
  ['25121', '1341'], // Ottignies-Louvain-la-Neuve: 1340
  ['31005', '8310'], // Brugge: 8000
  ['33011', '8904'], // Ieper: 8900
  ['33021', '8972'], // Poperinge: 8970
  ['34022', '8511'], // Kortrijk: 8500
  ['34040', '8792'], // Waregem: 8790
  ['41002', '9310'], // Aalst: 9300
  ['44021', '9051'], // Gent: 9000
  ['46021', '9111'], // Sint-Niklaas: 9100
  ['53053', '7024'], // Bergen: 7000
  ['55040', '7061'], // Zinnik: 7060
  ['56016', '6464'], // Chimay: 6460
  ['57081', '7534'], // Doornik: 7500
  ['57096', '7711'], // Moeskroen: 7700
  ['57097', '7783'], // Komen-Waasten: 7780
  ['58001', '7866'], // La Louvière: 7100
  ['62063', '4031'], // Luik: 4000
  ['62108', '4601'], // Wezet: 4600
  ['63040', '4728'], // Kelmis: 4720
  ['63061', '4731'], // Raeren: 4730
  ['63067', '4784'], // Sankt Vith: 4780
  ['73107', '3631'], // Maasmechelen: 3630
  ['84010', '6834'], // Bouillon: 6830
]);

interface ReferenceRow {
  nis: string;
  nl: string;
  fr: string;
  inhabitants: number;
  zip: string;
}

// The reference quotes some fields and not others; names contain no quotes, but commas inside quotes are handled.
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

let reference: Map<string, ReferenceRow> | undefined;

function loadReference(): Map<string, ReferenceRow> {
  if (reference) return reference;
  if (!existsSync(referencePath)) {
    throw new Error(`Reference data is missing: ${referencePath} (expected beside the repository in ../shared).`);
  }
  const lines = readFileSync(referencePath, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = splitCsvLine(lines[0] ?? '');
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`Reference data has no column "${name}".`);
    return index;
  };
  const [nis, nl, fr, inhabitants, zip] = ['NIS_code', 'municipality_NL', 'municipality_FR', 'inhabitants', 'zip'].map(
    col,
  ) as [number, number, number, number, number];
  reference = new Map();
  for (const line of lines.slice(1)) {
    const f = splitCsvLine(line);
    const row = { nis: f[nis]!, nl: f[nl]!, fr: f[fr]!, inhabitants: Number(f[inhabitants]), zip: f[zip]! };
    reference.set(row.nis, row);
  }
  return reference;
}

describe('municipality table', () => {
  it('has unique 5-digit NIS codes and 4-digit postcodes', () => {
    const codes = MUNICIPALITIES.map((m) => m.nis);
    expect(new Set(codes).size).toBe(codes.length);
    for (const m of MUNICIPALITIES) {
      expect(m.nis).toMatch(/^\d{5}$/);
      expect(m.postcode).toMatch(/^\d{4}$/);
      expect(m.inhabitants).toBeGreaterThan(0);
    }
  });

  it('includes Herstappe, the smallest municipality', () => {
    const herstappe = municipalityByNis('73028');
    expect(herstappe).toMatchObject({ nl: 'Herstappe', province: 'Limburg', region: 'flanders' });
    expect(Math.min(...MUNICIPALITIES.map((m) => m.inhabitants))).toBe(herstappe?.inhabitants);
  });

  it('covers every region, every province and all 19 Brussels municipalities', () => {
    expect(MUNICIPALITIES_BY_REGION.flanders.length).toBeGreaterThan(0);
    expect(MUNICIPALITIES_BY_REGION.wallonia.length).toBeGreaterThan(0);
    expect(MUNICIPALITIES_BY_REGION.brussels).toHaveLength(19);
    expect(MUNICIPALITIES_BY_REGION.brussels.every((m) => m.province === 'Brussel' && m.nis.startsWith('21'))).toBe(
      true,
    );
    expect(new Set(MUNICIPALITIES.map((m) => m.province)).size).toBe(11);
    const total = Object.values(MUNICIPALITIES_BY_REGION).reduce((n, list) => n + list.length, 0);
    expect(total).toBe(MUNICIPALITIES.length);
  });

  it('keeps provinces and regions consistent with the NIS code', () => {
    // The first NIS digit is the province (2 = both Brabants and Brussels), a fixed Statbel convention.
    const byDigit: Record<string, string[]> = {
      '1': ['Antwerpen'],
      '2': ['Vlaams-Brabant', 'Waals-Brabant', 'Brussel'],
      '3': ['West-Vlaanderen'],
      '4': ['Oost-Vlaanderen'],
      '5': ['Henegouwen'],
      '6': ['Luik'],
      '7': ['Limburg'],
      '8': ['Luxemburg'],
      '9': ['Namen'],
    };
    for (const m of MUNICIPALITIES) expect(byDigit[m.nis[0]!]).toContain(m.province);
  });

  it('finds by NIS code', () => {
    expect(municipalityByNis('21004')?.fr).toBe('Bruxelles');
    expect(municipalityByNis('63023')?.nl).toBe('Eupen');
    expect(municipalityByNis('00000')).toBeUndefined();
  });
});

describe.skipIf(!referencePresent && !mustCheckReference)('municipality table against the reference data', () => {
  it('finds the reference data', () => {
    expect(referencePresent, `Reference data is missing: ${referencePath}`).toBe(true);
  });

  it.each(MUNICIPALITIES.map((m) => [m.nis, m.nl, m] as const))('%s %s matches the reference', (_nis, _nl, m) => {
    const row = loadReference().get(m.nis);
    expect(row, `NIS ${m.nis} is not in the reference data`).toBeDefined();
    if (!row) return;
    expect(m.nl).toBe(row.nl);
    expect(m.fr).toBe(row.fr);
    expect(Math.abs(m.inhabitants - row.inhabitants)).toBeLessThanOrEqual(row.inhabitants * 0.01);
    const expectedZip = REFERENCE_ZIP_DIFFERS.get(m.nis) ?? m.postcode;
    expect(row.zip).toBe(expectedZip);
  });

  it('lists only real deviations of the reference zip column', () => {
    for (const [nis, zip] of REFERENCE_ZIP_DIFFERS) {
      expect(municipalityByNis(nis), `deviation listed for unknown NIS ${nis}`).toBeDefined();
      expect(municipalityByNis(nis)?.postcode).not.toBe(zip);
    }
  });
});
