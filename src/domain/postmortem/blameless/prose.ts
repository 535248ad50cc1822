/**
 * The prose of a Markdown section, as the blameless check reads it. Code, raw HTML, URLs, blockquotes and
 * double-quoted text are somebody else's words (a command, a log line, an alert, a chat message): the author
 * cannot rewrite them, so they are never flagged.
 */
import type { Nodes as MdastNodes, Parents as MdastParents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';

/** One block of prose (a paragraph or heading) with everything that is not checkable blanked out. */
export interface ProseBlock {
  /** Offset of `text` in the original Markdown (UTF-16 code units, as `String.prototype.slice` counts). */
  offset: number;
  /**
   * The block's source with the same length, so an index in `text` plus `offset` is an index in the Markdown.
   * Markup, code, URLs and quotes are spaces; line breaks are kept.
   */
  text: string;
}

// Double-quoted spans; single quotes are left alone because they double as apostrophes ("didn't").
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u201e': '\u201c' };

/**
 * Splits Markdown into prose blocks. Blocks are parsed separately so a sentence never runs from one list item or
 * paragraph into the next. Grafana renders Markdown as GFM, so bare URLs are links here too.
 */
export function proseBlocks(markdown: string): ProseBlock[] {
  const tree = fromMarkdown(markdown, {
    extensions: [gfmAutolinkLiteral()],
    mdastExtensions: [gfmAutolinkLiteralFromMarkdown()],
  });
  const blocks: ProseBlock[] = [];
  collectBlocks(tree, markdown, blocks);
  return blocks;
}

function collectBlocks(node: MdastNodes, markdown: string, blocks: ProseBlock[]): void {
  if (node.type === 'blockquote' || node.type === 'code' || node.type === 'html') {
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) {
      return;
    }
    const chars = blankCopy(markdown.slice(start, end));
    keepText(node, markdown, start, chars);
    blankQuotes(chars);
    blocks.push({ offset: start, text: chars.join('') });
    return;
  }
  if ('children' in node) {
    for (const child of node.children) {
      collectBlocks(child, markdown, blocks);
    }
  }
}

/** Copies the source of every checkable text node under `node` back into the blanked block. */
function keepText(node: MdastNodes, markdown: string, blockStart: number, chars: string[]): void {
  if (node.type === 'inlineCode' || node.type === 'html' || isAutolink(node)) {
    return;
  }
  if (node.type === 'text') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) {
      return;
    }
    for (let i = start; i < end; i++) {
      chars[i - blockStart] = markdown[i];
    }
    return;
  }
  if ('children' in node) {
    for (const child of (node as MdastParents).children) {
      keepText(child, markdown, blockStart, chars);
    }
  }
}

/** A link whose text is its address (`<https://…>`, a bare URL or e-mail): the text is a URL, not prose. */
function isAutolink(node: MdastNodes): boolean {
  if (node.type !== 'link') {
    return false;
  }
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== 'text') {
    return false;
  }
  const text = only.value;
  return node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`;
}

function blankCopy(source: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    chars.push(c === '\n' || c === '\r' ? c : ' ');
  }
  return chars;
}

/** Blanks each closed double-quoted span, quotes included; an unclosed quote blanks nothing. */
function blankQuotes(chars: string[]): void {
  let i = 0;
  while (i < chars.length) {
    const close = QUOTE_PAIRS[chars[i]];
    const end = close === undefined ? -1 : chars.indexOf(close, i + 1);
    if (end === -1) {
      i++;
      continue;
    }
    for (let j = i; j <= end; j++) {
      if (chars[j] !== '\n' && chars[j] !== '\r') {
        chars[j] = ' ';
      }
    }
    i = end + 1;
  }
}
