import { expect } from '@open-wc/testing';
import { FAMILIES } from '../api/types.ts';
import type { InszProblem } from '../lib/insz.ts';
import { SECTOR17_CODES } from '../lib/quality-codes.ts';
import { fr } from './fr.ts';
import { catalogues, hasKey, LANGS, pick, translate, translatePlural } from './index.ts';
import { nl } from './nl.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues (nl-BE, fr-BE)', () => {
  it('have exactly the same keys in both languages', () => {
    const nlKeys = Object.keys(nl).sort();
    const frKeys = Object.keys(fr).sort();
    const onlyNl = nlKeys.filter((k) => !frKeys.includes(k));
    const onlyFr = frKeys.filter((k) => !nlKeys.includes(k));
    expect(onlyNl, 'keys missing in fr.ts').to.deep.equal([]);
    expect(onlyFr, 'keys missing in nl.ts').to.deep.equal([]);
    expect(nlKeys.length).to.be.greaterThan(200);
  });

  it('have no empty message and the same placeholders in both languages', () => {
    for (const lang of LANGS)
      for (const [key, text] of Object.entries(catalogues[lang]))
        expect(text.trim(), `${lang} ${key} is empty`).to.not.equal('');
    for (const key of Object.keys(nl) as (keyof typeof nl)[])
      expect(placeholders(fr[key]), `placeholders of ${key}`).to.deep.equal(placeholders(nl[key]));
  });

  it('have both forms of every plural and the keys the code builds at run time', () => {
    for (const key of Object.keys(nl)) {
      if (key.endsWith('.one')) expect(hasKey(key.replace(/\.one$/, '.other')), key).to.equal(true);
      if (key.endsWith('.other')) expect(hasKey(key.replace(/\.other$/, '.one')), key).to.equal(true);
    }
    const built = [
      ...FAMILIES.flatMap((f) => [`family.${f}.title`, `family.${f}.desc`]),
      ...[1, 2, 3].map((d) => `difficulty.${d}`),
      ...SECTOR17_CODES.map((c) => `quality.${c}`),
      ...(['empty', 'length', 'digits', 'checksum', 'date'] satisfies InszProblem[]).map((p) => `ws.insz.problem.${p}`),
      ...['DATA_FOUND', 'NO_DATA_FOUND', 'NO_RESULT'].map((v) => `status.value.${v}`),
      ...['MSG00000', 'MSG00011', 'MSG00012', 'MSG00013'].map((c) => `status.${c}`),
      ...['real', 'partial', 'simulated'].map((f) => `fidelity.${f}`),
      ...['social-worker', 'financial-manager', 'secretary', 'security-adviser'].map((r) => `role.${r}`),
    ];
    for (const key of built) expect(hasKey(key), `missing key ${key}`).to.equal(true);
  });

  it('marks synthetic data in both languages', () => {
    expect(translate('nl', 'app.synthetic')).to.equal('Synthetische gegevens — geen echte personen');
    expect(translate('fr', 'app.synthetic')).to.contain('synthétiques');
  });

  it('fills placeholders, chooses singular or plural, and picks server texts by language', () => {
    expect(translate('nl', 'catalogue.best', { points: 4, max: 5 })).to.equal('Beste score: 4/5');
    expect(translatePlural('nl', 'hints.cost', 1)).to.equal('kost 1 punt');
    expect(translatePlural('fr', 'hints.cost', 3)).to.equal('coûte 3 points');
    expect(pick({ nl: 'Hallo', fr: 'Bonjour' }, 'fr')).to.equal('Bonjour');
    expect(pick({ nl: 'Hallo' }, 'fr')).to.equal('Hallo');
  });
});
