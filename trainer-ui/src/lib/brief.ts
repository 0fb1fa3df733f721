/** A block of "markdown-light" text: a paragraph (with **bold** runs) or a bullet list. */
export type Block = { kind: 'p'; lines: Run[][] } | { kind: 'ul'; items: Run[][] };
export interface Run {
  text: string;
  bold: boolean;
}

function runs(line: string): Run[] {
  const out: Run[] = [];
  const parts = line.split(/(\*\*[^*]+\*\*)/g);
  for (const part of parts) {
    if (!part) continue;
    if (/^\*\*[^*]+\*\*$/.test(part)) out.push({ text: part.slice(2, -2), bold: true });
    else out.push({ text: part, bold: false });
  }
  return out;
}

/**
 * Splits the brief of an exercise into paragraphs (blank line between) and bullet lists (lines starting with `- ` or
 * `* `). No HTML is ever interpreted.
 */
export function parseBrief(text: string): Block[] {
  const blocks: Block[] = [];
  const bullet = /^\s*[-*]\s+/;
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let list: Extract<Block, { kind: 'ul' }> | null = null;
    let para: Extract<Block, { kind: 'p' }> | null = null;
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      if (bullet.test(line)) {
        para = null;
        if (!list) {
          list = { kind: 'ul', items: [] };
          blocks.push(list);
        }
        list.items.push(runs(line.replace(bullet, '')));
      } else {
        list = null;
        if (!para) {
          para = { kind: 'p', lines: [] };
          blocks.push(para);
        }
        para.lines.push(runs(line));
      }
    }
  }
  return blocks;
}
