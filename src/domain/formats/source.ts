import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** A place in the user's file: 1-based line and column. */
export interface SourcePos {
  line: number;
  column: number;
}

/**
 * Turns the internal paths importers build (`doc[1].spec.slos[0]`) into paths of the user's document and finds the
 * line and column of the node each one names, from the yaml library's source ranges.
 */
export class SourceMap {
  constructor(
    private readonly docs: Document[],
    private readonly lines: LineCounter
  ) {}

  /** The document index of an internal path (`doc[2]...` gives 2). */
  docIndex(path: string): number | undefined {
    const m = /^doc\[(\d+)\]/.exec(path);
    return m ? Number(m[1]) : undefined;
  }

  /**
   * The path as the user reads it: without the `doc[i]` prefix when the file holds a single document (a path naming
   * the whole document keeps it, so that it is never empty).
   */
  display(path: string): string {
    const m = /^doc\[\d+\](.*)$/.exec(path);
    if (!m || !m[1] || this.docs.length > 1) {
      return path;
    }
    return m[1].startsWith('.') ? m[1].slice(1) : m[1];
  }

  /** True when the internal path names a node that exists in the user's document. */
  exists(path: string): boolean {
    const m = /^doc\[(\d+)\](.*)$/.exec(path);
    const root = m ? (this.docs[Number(m[1])]?.contents as Node | null | undefined) : undefined;
    return !!root && walk(root, m![2], true) !== undefined;
  }

  /** Line and column of the node the path names, or of its nearest existing parent. */
  locate(path: string): SourcePos | undefined {
    const m = /^doc\[(\d+)\](.*)$/.exec(path);
    const doc = m ? this.docs[Number(m[1])] : undefined;
    if (!doc) {
      return undefined;
    }
    const root = doc.contents as Node | null;
    const node = root ? walk(root, m![2]) : undefined;
    const offset = node?.range?.[0] ?? doc.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

function keyText(k: unknown): string | undefined {
  if (isScalar(k)) {
    return String(k.value);
  }
  return typeof k === 'string' ? k : undefined;
}

/**
 * Follows `.key` and `[i]` segments; keys may hold dots (`pyrra.dev/team`), so the longest matching key wins. Stops
 * at the nearest existing node, or gives undefined when `exact` and the path does not exist.
 */
function walk(node: Node, rest: string, exact = false): Node | undefined {
  if (rest === '') {
    return node;
  }
  const miss = exact ? undefined : node;
  const idx = /^\[(\d+)\]/.exec(rest);
  if (idx) {
    const item = isSeq(node) ? node.items[Number(idx[1])] : undefined;
    return item && typeof item === 'object' ? walk(item as Node, rest.slice(idx[0].length), exact) : miss;
  }
  if (!rest.startsWith('.') || !isMap(node)) {
    return miss;
  }
  const tail = rest.slice(1);
  let best: { len: number; node: Node | undefined } | undefined;
  for (const pair of node.items) {
    const k = keyText(pair.key);
    if (k === undefined || !tail.startsWith(k)) {
      continue;
    }
    const after = tail.slice(k.length);
    if ((after === '' || after.startsWith('.') || after.startsWith('[')) && (!best || k.length > best.len)) {
      const value = pair.value as Node | null;
      const target = value && value.range ? value : (pair.key as Node);
      best = {
        len: k.length,
        node: after === '' ? target : value ? walk(value, after, exact) : exact ? undefined : target,
      };
    }
  }
  return best ? best.node : miss;
}
