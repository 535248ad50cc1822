/**
 * Plain LogQL stream selectors (`{name op "value", ...}`), parsed with @grafana/lezer-logql, the grammar Grafana's
 * own Loki editor uses, so the app accepts exactly what Loki's query editor accepts. The grammar finds the
 * structure; this module only turns its tree into matchers and its error nodes into messages a user can act on.
 */
import { parser } from '@grafana/lezer-logql';
import { unquoteLogqlString } from './logqlString';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface StreamMatcher {
  name: string;
  op: MatchOp;
  /** The decoded value: for `=~` and `!~` a regex, unescaped from its string literal. */
  value: string;
}

export type ParseSelectorResult = { ok: true; matchers: StreamMatcher[] } | { ok: false; error: string };

// Node names of lezer-logql's matcher operators.
const OPS: Readonly<Record<string, MatchOp>> = { Eq: '=', Neq: '!=', Re: '=~', Nre: '!~' };

/** Parses a plain stream selector; anything after the closing brace (a pipeline) is an error. */
export function parseSelector(input: string): ParseSelectorResult {
  const top = parser.parse(input).topNode;
  const fail = (what: string, at: number): ParseSelectorResult => ({ ok: false, error: `${what} at offset ${at}` });

  const error = firstError(top);
  if (error) {
    return fail(describeError(input, error), error.from);
  }
  const logExpr = top.getChild('Expr')?.firstChild;
  const selector = logExpr?.name === 'LogExpr' ? logExpr.firstChild : null;
  if (!logExpr || selector?.name !== 'Selector') {
    return fail('expected "{"', 0);
  }
  if (selector.nextSibling) {
    return fail('only a plain stream selector is allowed; found more', selector.nextSibling.from);
  }

  const matchers: StreamMatcher[] = [];
  for (const m of matchersOf(selector)) {
    const name = m.getChild('Identifier');
    const op = OPS[m.firstChild?.nextSibling?.name ?? ''];
    const literal = m.getChild('String');
    const value = literal ? unquoteLogqlString(input.slice(literal.from, literal.to)) : undefined;
    if (!name || !op || !literal || value === undefined) {
      return fail('expected a valid string literal', literal?.from ?? m.from);
    }
    matchers.push({ name: input.slice(name.from, name.to), op: op, value });
  }
  return { ok: true, matchers };
}

/** The selector's matchers in source order: lezer nests `Matchers` left-recursively, one level per comma. */
function matchersOf(selector: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  selector.cursor().iterate((n) => {
    if (n.name === 'Matcher') {
      found.push(n.node);
      return false;
    }
    return true;
  });
  return found;
}

function firstError(root: SyntaxNode): SyntaxNode | undefined {
  return firstMatching(root, (n) => n.type.isError);
}

function firstNamed(root: SyntaxNode, name: string): SyntaxNode | undefined {
  return firstMatching(root, (n) => n.name === name);
}

function firstMatching(root: SyntaxNode, test: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  root.cursor().iterate((n) => {
    if (!found && test(n.node)) {
      found = n.node;
    }
    return !found;
  });
  return found;
}

/** Says what the grammar expected where it found an error, from where the error sits in the tree. */
function describeError(input: string, error: SyntaxNode): string {
  const parent = error.parent;
  const selector = ancestor(error, 'Selector');
  // The grammar recovers from a missing "{" by inserting it, so check the source for it.
  if (!selector || (error.from === selector.from && input[selector.from] !== '{')) {
    const before = selector ?? firstNamed(top(error), 'Selector');
    return before && before.to <= error.from ? 'only a plain stream selector is allowed; found more' : 'expected "{"';
  }
  if (parent?.name === 'Matcher') {
    return error.prevSibling && OPS[error.prevSibling.name] !== undefined
      ? 'expected a valid string literal'
      : 'expected one of = != =~ !~';
  }
  const matchers = selector.getChild('Matchers');
  if (!matchers || matchers.from >= error.from) {
    return 'expected a label matcher (empty selectors match nothing)';
  }
  return input.slice(0, error.from).trimEnd().endsWith(',') ? 'expected a label name' : 'expected "," or "}"';
}

function ancestor(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) {
    if (n.name === name) {
      return n;
    }
  }
  return null;
}

function top(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) {
    n = n.parent;
  }
  return n;
}
