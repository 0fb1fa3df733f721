/** A 1-based line and column in a text, as editors and xmllint report them. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Converts a UTF-16 index into a 1-based line/column, counting LF, CRLF and lone CR as line breaks
 * (XML's own end-of-line rule), so positions match what a vendor sees in an editor.
 *
 * @example
 * lineColumnAt('<a>\n<b/>', 5); // { line: 2, column: 2 }
 */
export function lineColumnAt(text: string, index: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
