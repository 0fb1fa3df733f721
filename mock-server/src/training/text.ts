import type { Text } from './types.ts';

export type Lang = keyof Text;
export const LANGS: readonly Lang[] = ['nl', 'fr'];

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The placeholder names a text uses (`{name}` → `name`). */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);

/** Fills `{name}`-style placeholders; unknown ones stay as they are. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (all, name: string) => (Object.hasOwn(values, name) ? values[name]! : all));
}

export const fillText = (text: Text, values: { nl: Record<string, string>; fr: Record<string, string> }): Text => ({
  nl: fill(text.nl, values.nl),
  fr: fill(text.fr, values.fr),
});

/** A date the Belgian way, DD/MM/YYYY. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const numberFormats = {
  nl: new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  fr: new Intl.NumberFormat('fr-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** An amount as nl-BE (1.314,00) or fr-BE (1 314,00) writes it. */
export const formatAmount = (n: number, lang: Lang): string => numberFormats[lang].format(n);
