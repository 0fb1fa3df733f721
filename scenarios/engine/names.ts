import { fr, fr_BE, nl, nl_BE } from '@faker-js/faker';
import type { Language, Sex } from './model.ts';
import type { Rng } from './rng.ts';

/**
 * Name pools taken from Faker's locale data (nl_BE/nl and fr_BE/fr) and picked with our own seeded source:
 * Faker's data, our randomness, so a world depends only on its seed and is fast to draw.
 */
interface Pool {
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

type FirstNames = { male?: readonly string[]; female?: readonly string[]; generic?: readonly string[] };
type Definitions = { person?: { first_name?: FirstNames; last_name?: { generic?: readonly string[] } } };

function pool(...locales: Definitions[]): Pool {
  const male = new Set<string>();
  const female = new Set<string>();
  const family = new Set<string>();
  for (const l of locales) {
    for (const n of l.person?.first_name?.male ?? []) male.add(n);
    for (const n of l.person?.first_name?.female ?? []) female.add(n);
    for (const n of l.person?.last_name?.generic ?? []) family.add(n);
  }
  return { male: [...male].sort(), female: [...female].sort(), family: [...family].sort() };
}

// Names for people born abroad: a short, hand-made list of common names (transliterated), used only for
// synthetic newcomers. Not tied to any real person.
const FOREIGN: Record<string, Pool> = {
  MA: {
    male: ['Mohamed', 'Youssef', 'Karim', 'Said', 'Hamza', 'Rachid', 'Anouar', 'Bilal'],
    female: ['Fatima', 'Khadija', 'Nadia', 'Salma', 'Imane', 'Samira', 'Houda', 'Yasmina'],
    family: ['El Amrani', 'Benali', 'Bouzid', 'El Idrissi', 'Tahiri', 'Ouazzani', 'Chaouki', 'Haddouchi'],
  },
  SY: {
    male: ['Ahmad', 'Omar', 'Khaled', 'Rami', 'Fadi', 'Tarek'],
    female: ['Rania', 'Lina', 'Hiba', 'Nour', 'Dana', 'Maya'],
    family: ['Al Hamwi', 'Haddad', 'Kassab', 'Darwish', 'Suleiman', 'Nassar'],
  },
  AF: {
    male: ['Ahmad', 'Farid', 'Jawad', 'Naveed', 'Sami', 'Wahid'],
    female: ['Farida', 'Mariam', 'Nargis', 'Parwana', 'Soraya', 'Zahra'],
    family: ['Ahmadi', 'Hakimi', 'Karimi', 'Rahimi', 'Safi', 'Popal'],
  },
  RO: {
    male: ['Andrei', 'Ionut', 'Mihai', 'Bogdan', 'Florin', 'Razvan'],
    female: ['Ioana', 'Elena', 'Andreea', 'Mihaela', 'Roxana', 'Alina'],
    family: ['Popescu', 'Ionescu', 'Dumitru', 'Stan', 'Gheorghe', 'Munteanu'],
  },
  CD: {
    male: ['Patrick', 'Jean-Pierre', 'Christian', 'Junior', 'Serge', 'Didier'],
    female: ['Grace', 'Esther', 'Divine', 'Merveille', 'Sarah', 'Nadine'],
    family: ['Kabila', 'Mbuyi', 'Kalonji', 'Tshibangu', 'Ilunga', 'Mukendi'],
  },
  ER: {
    male: ['Yonas', 'Dawit', 'Tesfay', 'Semere', 'Filmon', 'Robel'],
    female: ['Helen', 'Senait', 'Selam', 'Freweini', 'Lidia', 'Saba'],
    family: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Berhane', 'Kidane', 'Woldu'],
  },
  PL: {
    male: ['Piotr', 'Tomasz', 'Krzysztof', 'Marcin', 'Pawel', 'Lukasz'],
    female: ['Anna', 'Katarzyna', 'Agnieszka', 'Magdalena', 'Joanna', 'Monika'],
    family: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik', 'Kaminski', 'Lewandowski'],
  },
  TR: {
    male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Murat', 'Burak'],
    female: ['Ayse', 'Fatma', 'Emine', 'Elif', 'Zeynep', 'Merve'],
    family: ['Yilmaz', 'Kaya', 'Demir', 'Celik', 'Sahin', 'Yildiz'],
  },
};

const POOLS: Record<'nl' | 'fr', Pool> = {
  nl: pool(nl_BE as Definitions, nl as Definitions),
  fr: pool(fr_BE as Definitions, fr as Definitions),
};

export const FOREIGN_NATIONALITIES = Object.keys(FOREIGN);

export function drawName(
  rng: Rng,
  sex: Sex,
  language: Language,
  nationality: string,
): { givenName: string; familyName: string } {
  const p = FOREIGN[nationality] ?? POOLS[language === 'fr' ? 'fr' : 'nl'];
  return {
    givenName: rng.pick(sex === 'M' ? p.male : p.female),
    familyName: rng.pick(p.family),
  };
}

export function drawFamilyName(rng: Rng, language: Language, nationality: string): string {
  const p = FOREIGN[nationality] ?? POOLS[language === 'fr' ? 'fr' : 'nl'];
  return rng.pick(p.family);
}

export function drawGivenName(rng: Rng, sex: Sex, language: Language, nationality: string): string {
  const p = FOREIGN[nationality] ?? POOLS[language === 'fr' ? 'fr' : 'nl'];
  return rng.pick(sex === 'M' ? p.male : p.female);
}

const STREETS_NL = [
  'Kerkstraat',
  'Stationsstraat',
  'Schoolstraat',
  'Molenstraat',
  'Dorpsstraat',
  'Nieuwstraat',
  'Kapelstraat',
  'Beekstraat',
  'Lindenlaan',
  'Veldstraat',
  'Hoogstraat',
  'Meersstraat',
  'Kouter',
  'Brugstraat',
  'Populierenlaan',
];
const STREETS_FR = [
  'Rue de la Station',
  "Rue de l'Église",
  'Rue du Moulin',
  'Rue de la Gare',
  'Place Communale',
  'Rue des Écoles',
  'Chaussée de Bruxelles',
  'Rue du Centre',
  'Avenue des Tilleuls',
  'Rue Haute',
  'Rue de la Chapelle',
  'Rue du Pont',
];

export function drawStreet(rng: Rng, language: Language): string {
  return rng.pick(language === 'fr' ? STREETS_FR : STREETS_NL);
}
