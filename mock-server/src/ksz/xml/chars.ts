/** A character outside XML 1.0's `Char` production, found by {@link firstForbiddenChar}. */
export interface ForbiddenChar {
  index: number;
  code: number;
  /** True for a lone UTF-16 surrogate (an encoding problem rather than a forbidden control character). */
  surrogate: boolean;
}

/**
 * The first character XML 1.0 cannot carry (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF, lone surrogates),
 * at or after `from`. A plain loop: it runs over every request and reply, and beats a regular expression here.
 *
 * @example
 * firstForbiddenChar('ok\u0001'); // { index: 2, code: 1, surrogate: false }
 */
export function firstForbiddenChar(text: string, from = 0): ForbiddenChar | undefined {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c >= 0xe000 && c <= 0xfffd) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, code: c, surrogate: true };
    }
    return { index: i, code: c, surrogate: c >= 0xdc00 && c <= 0xdfff };
  }
  return undefined;
}

/**
 * Replaces every character XML cannot carry by U+FFFD, so text from anywhere can be written into a reply.
 *
 * @example
 * replaceForbiddenChars('a\u0000b'); // 'a\uFFFDb'
 */
export function replaceForbiddenChars(text: string): string {
  let bad = firstForbiddenChar(text);
  if (bad === undefined) return text;
  let out = '';
  let start = 0;
  while (bad !== undefined) {
    out += `${text.slice(start, bad.index)}\uFFFD`;
    start = bad.index + 1;
    bad = firstForbiddenChar(text, start);
  }
  return out + text.slice(start);
}
