/**
 * A small parser for plain LogQL stream selectors (`{name op "value", ...}`), enough to merge selectors and
 * re-escape their values. Domain code may not import @grafana/* (so not lezer-logql); the tests check this
 * parser's output against lezer-logql instead.
 */
import { unquoteLogqlString } from './logqlString';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface StreamMatcher {
  name: string;
  op: MatchOp;
  /** The decoded value: for `=~` and `!~` a regex, unescaped from its string literal. */
  value: string;
}

export type ParseSelectorResult = { ok: true; matchers: StreamMatcher[] } | { ok: false; error: string };

const OPS: readonly MatchOp[] = ['=~', '!~', '!=', '='];

/** Parses a plain stream selector; anything after the closing brace (a pipeline) is an error. */
export function parseSelector(input: string): ParseSelectorResult {
  let i = 0;
  const fail = (what: string): ParseSelectorResult => ({ ok: false, error: `${what} at offset ${i}` });
  const skipSpace = (): void => {
    while (i < input.length && /\s/.test(input[i])) {
      i++;
    }
  };

  skipSpace();
  if (input[i] !== '{') {
    return fail('expected "{"');
  }
  i++;
  const matchers: StreamMatcher[] = [];
  for (;;) {
    skipSpace();
    const name = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(input.slice(i))?.[0];
    if (name === undefined) {
      return fail(matchers.length === 0 ? 'expected a label matcher (empty selectors match nothing)' : 'expected a label name');
    }
    i += name.length;
    skipSpace();
    const op = OPS.find((o) => input.startsWith(o, i));
    if (op === undefined) {
      return fail('expected one of = != =~ !~');
    }
    i += op.length;
    skipSpace();
    const literal = readLiteral(input, i);
    const value = literal === undefined ? undefined : unquoteLogqlString(literal);
    if (literal === undefined || value === undefined) {
      return fail('expected a valid string literal');
    }
    i += literal.length;
    matchers.push({ name, op, value });
    skipSpace();
    if (input[i] === ',') {
      i++;
      continue;
    }
    if (input[i] === '}') {
      i++;
      break;
    }
    return fail('expected "," or "}"');
  }
  skipSpace();
  return i === input.length ? { ok: true, matchers } : fail('only a plain stream selector is allowed; found more');
}

/** The raw literal (quotes included) starting at `start`, found by scanning for the unescaped closing quote. */
function readLiteral(input: string, start: number): string | undefined {
  const quote = input[start];
  if (quote !== '"' && quote !== '`') {
    return undefined;
  }
  for (let j = start + 1; j < input.length; j++) {
    if (quote === '"' && input[j] === '\\') {
      j++;
    } else if (input[j] === quote) {
      return input.slice(start, j + 1);
    }
  }
  return undefined;
}
