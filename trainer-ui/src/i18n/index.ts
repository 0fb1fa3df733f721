import type { Bilingual } from '../api/types.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

/** The two languages of the product: Dutch (nl-BE) first, French (fr-BE) second. */
export type Lang = 'nl' | 'fr';
export const LANGS: readonly Lang[] = ['nl', 'fr'];

export type MessageKey = keyof typeof nl;
export type Catalogue = Record<MessageKey, string>;
/** Keys that come as a pair `<base>.one` / `<base>.other` (singular / plural). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

export const catalogues: Record<Lang, Catalogue> = { nl, fr };

export type Params = Record<string, string | number>;

/** The message in a language with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = catalogues[lang][key] ?? catalogues.nl[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Singular or plural form by `n` (also available as `{n}`). */
export function translatePlural(lang: Lang, base: PluralBase, n: number, params?: Params): string {
  const key = `${base}.${n === 1 ? 'one' : 'other'}` as MessageKey;
  return translate(lang, key, { n, ...params });
}

/** The text of a server value in the current language (falls back to Dutch). */
export function pick(text: Bilingual | Partial<Bilingual> | string | null | undefined, lang: Lang): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.nl ?? text.fr ?? '';
}

/** A key of a catalogue when it exists (for data-driven labels such as field names and status codes). */
export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

const LANG_KEY = 'ksz-sandbox.lang';

function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'fr' ? 'fr' : 'nl';
  } catch {
    return 'nl';
  }
}

/**
 * The current language of the page: one value, kept in `localStorage`, mirrored on `<html lang>`. Components follow
 * it through `LocaleController`; changing it fires `change`.
 */
class Locale extends EventTarget {
  #lang: Lang = storedLang();

  get lang(): Lang {
    return this.#lang;
  }

  set(lang: Lang, opts: { persist?: boolean } = {}): void {
    if (lang === this.#lang) return;
    this.#lang = lang;
    if (opts.persist !== false) {
      try {
        globalThis.localStorage?.setItem(LANG_KEY, lang);
      } catch {
        // storage blocked: the choice lasts for this page only
      }
    }
    this.apply();
    this.dispatchEvent(new Event('change'));
  }

  /** Puts the language on the document (`lang`, title). */
  apply(): void {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = lang2tag(this.#lang);
  }
}

export function lang2tag(lang: Lang): string {
  return lang === 'fr' ? 'fr-BE' : 'nl-BE';
}

export const locale = new Locale();
