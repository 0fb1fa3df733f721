import type { Lang } from '../i18n/index.ts';

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE' };

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text);
}

/** `2025-06-30` → `30/06/2025` (the Belgian way in both languages); other text unchanged. */
export function formatDate(text: string): string {
  const m = ISO_DATE.exec(text);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : text;
}

/** `1234.5` → `€ 1.234,50` (nl) / `1 234,50 €` (fr). */
export function formatEuro(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR' }).format(amount);
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/**
 * An amount as people type it in Belgium: `1.234,56`, `1234,56`, `1 234,56`, `1234.56`, `€ 950`. Returns null
 * when it is not a number.
 */
export function parseAmount(text: string): number | null {
  let t = text.replace(/[€\s\u00a0\u202f]/g, '').replace(/EUR$/i, '');
  if (!t) return null;
  if (!/^-?[\d.,]+$/.test(t)) return null;
  const lastComma = t.lastIndexOf(',');
  const lastDot = t.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    t = t.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    if ((t.match(/,/g) ?? []).length > 1) return null;
    t = t.replace(',', '.');
  } else if (lastDot >= 0 && /^-?\d{1,3}(\.\d{3})+$/.test(t)) {
    t = t.split('.').join('');
  }
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

/**
 * A date as people type it in Belgium: `6/11/2023`, `06-11-2023`, `06.11.2023`, or ISO `2023-11-06` → ISO, or null
 * when it is not a real date.
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const be = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (be) [d, m, y] = [Number(be[1]), Number(be[2]), Number(be[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `2023-11-06` → `6 november 2023` / `6 novembre 2023`: no doubt about day and month. */
export function formatLongDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
