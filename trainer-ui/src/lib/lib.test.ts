import { expect } from '@open-wc/testing';
import { parseBrief } from './brief.ts';
import { columnsOf, fitsTable, humanize, isCodeLabel, isMultilingual } from './data.ts';
import { formatDate, formatEuro, formatLongDate, parseAmount, parseDate } from './format.ts';
import { checkInsz, formatInsz } from './insz.ts';

describe('INSZ help', () => {
  it('accepts valid numbers before and after 2000 and BIS numbers, in any notation', () => {
    expect(checkInsz('94073172775').ok).to.equal(true);
    expect(checkInsz('94.07.31-727.75').ok).to.equal(true);
    expect(checkInsz('15052056686').ok, 'born 2015').to.equal(true);
    expect(checkInsz('94273172721')).to.deep.include({ ok: true, bis: true });
    expect(checkInsz('15452056675')).to.deep.include({ ok: true, bis: true });
  });

  it('says what is wrong', () => {
    expect(checkInsz('').problem).to.equal('empty');
    expect(checkInsz('9407317277').problem).to.equal('length');
    expect(checkInsz('94073172776').problem).to.equal('checksum');
    expect(checkInsz('94O73172775').problem).to.equal('digits');
  });

  it('formats as YY.MM.DD-SSS.CC (SSS = sequence), also while typing', () => {
    expect(formatInsz('94073172775')).to.equal('94.07.31-727.75');
    expect(formatInsz('9407')).to.equal('94.07');
    expect(formatInsz('9407317')).to.equal('94.07.31-7');
  });
});

describe('amounts and dates', () => {
  it('reads amounts the Belgian way', () => {
    expect(parseAmount('1.234,56')).to.equal(1234.56);
    expect(parseAmount('1234,5')).to.equal(1234.5);
    expect(parseAmount('€ 1 354,00')).to.equal(1354);
    expect(parseAmount('1234.56')).to.equal(1234.56);
    expect(parseAmount('1.234')).to.equal(1234);
    expect(parseAmount('12,3,4')).to.equal(null);
    expect(parseAmount('abc')).to.equal(null);
    expect(parseAmount('')).to.equal(null);
  });

  it('reads dates day first and refuses impossible ones', () => {
    expect(parseDate('6/11/2023')).to.equal('2023-11-06');
    expect(parseDate('06-11-2023')).to.equal('2023-11-06');
    expect(parseDate('2023-11-06')).to.equal('2023-11-06');
    expect(parseDate('31/02/2024')).to.equal(null);
    expect(parseDate('11/2023')).to.equal(null);
    expect(formatLongDate('2023-11-06', 'nl')).to.equal('6 november 2023');
    expect(formatLongDate('2023-11-06', 'fr')).to.equal('6 novembre 2023');
  });

  it('shows dates and euros', () => {
    expect(formatDate('2025-06-30')).to.equal('30/06/2025');
    expect(formatEuro(1295.91, 'nl')).to.match(/1\.295,91/);
    expect(formatEuro(1295.91, 'fr')).to.match(/1\s?295,91/);
  });
});

describe('reading KSZ answers', () => {
  it('recognises texts in two languages and coded values', () => {
    expect(isMultilingual({ nl: 'Gent', fr: 'Gand' })).to.equal(true);
    expect(isMultilingual({ nl: 'Gent', code: '1' })).to.equal(false);
    expect(isCodeLabel({ code: '01', label: 'Isolé' })).to.equal(true);
    expect(isCodeLabel({ code: 2, nl: 'alleenstaande', fr: 'isolé' })).to.equal(true);
  });

  it('makes tables of narrow records and cards of wide ones', () => {
    const rows = [{ from: '2020-01-01', to: null, municipality: { nis: '44021', name: 'Gent' } }];
    expect(columnsOf(rows).map((c) => c.path.join('.'))).to.deep.equal([
      'from',
      'to',
      'municipality.nis',
      'municipality.name',
    ]);
    expect(fitsTable(rows)).to.equal(true);
    const wide = [Object.fromEntries('abcdefghij'.split('').map((k) => [k, 1]))];
    expect(fitsTable(wide)).to.equal(false);
    expect(humanize('birthDate')).to.equal('Birth date');
  });
});

describe('the brief', () => {
  it('keeps paragraphs, bullets and bold, and never HTML', () => {
    const blocks = parseBrief('Eerste **vet** regel\ntweede\n\n- a\n- b\n\n<b>geen html</b>');
    expect(blocks.map((b) => b.kind)).to.deep.equal(['p', 'ul', 'p']);
    const first = blocks[0];
    expect(first?.kind === 'p' && first.lines[0]?.some((r) => r.bold && r.text === 'vet')).to.equal(true);
    const last = blocks[2];
    expect(last?.kind === 'p' && last.lines[0]?.[0]?.text).to.equal('<b>geen html</b>');
  });
});
