/**
 * LogQL string literals follow Go's rules (Loki unquotes them with strconv.Unquote): double-quoted with
 * backslash escapes, or backtick-quoted raw. These two functions are exact inverses on every string.
 */

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Quotes a value as a LogQL double-quoted string literal, escaping `\`, `"` and control characters. */
export function quoteLogqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (SIMPLE_ESCAPES[ch] !== undefined) {
      out += SIMPLE_ESCAPES[ch];
    } else if (code < 0x20 || code === 0x7f) {
      // A raw control character is a syntax error in a Go string literal.
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

const DECODE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Decodes a LogQL string literal (with its quotes) the way Loki does; undefined when it is not a valid literal.
 * `\x` and octal escapes are taken as code points, which equals Go's bytes for ASCII, the only case we write.
 */
export function unquoteLogqlString(literal: string): string | undefined {
  if (literal.length >= 2 && literal.startsWith('`') && literal.endsWith('`')) {
    const body = literal.slice(1, -1);
    return body.includes('`') ? undefined : body;
  }
  if (literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"')) {
    return undefined;
  }
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"' || ch === '\n') {
      return undefined;
    }
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) {
      return undefined;
    }
    if (DECODE[next] !== undefined) {
      out += DECODE[next];
    } else if (HEX_DIGITS[next] !== undefined) {
      const hex = body.slice(i + 1, i + 1 + HEX_DIGITS[next]);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX_DIGITS[next]) {
        return undefined;
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) {
        return undefined;
      }
      out += String.fromCodePoint(code);
      i += hex.length;
    } else if (/^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      // Go rejects unknown escapes such as `\.`; so must we, or we would accept what Loki refuses.
      return undefined;
    }
  }
  return out;
}
