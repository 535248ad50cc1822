/**
 * @jest-environment node
 */
import { logqlErrors } from './__fixtures__/lezer';
import { quoteLogqlString, unquoteLogqlString } from './logqlString';

describe('quoteLogqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', String.raw`"say \"hi\""`],
    [String.raw`C:\temp`, String.raw`"C:\\temp"`],
    ['line1\nline2\ttab\r', String.raw`"line1\nline2\ttab\r"`],
    ['bell\u0007', String.raw`"bell\u0007"`],
    ['café ✓', '"café ✓"'],
  ])('quotes %j as %s', (value, literal) => {
    expect(quoteLogqlString(value)).toBe(literal);
    expect(logqlErrors(`{a=${literal}}`)).toEqual([]);
  });
});

describe('unquoteLogqlString', () => {
  it.each(['', 'x', '"', '\\', String.raw`a\.b"c\\d|e`, '\u0000\u001f\u007f', 'tab\there', '😀'])(
    'inverts quoteLogqlString for %j',
    (value) => {
      expect(unquoteLogqlString(quoteLogqlString(value))).toBe(value);
    }
  );

  it('decodes Go escapes and raw backtick strings', () => {
    expect(unquoteLogqlString(String.raw`"\x41\u00e9\101\a"`)).toBe('Aé' + 'A\u0007');
    expect(unquoteLogqlString('`raw \\d "q"`')).toBe('raw \\d "q"');
  });

  it.each([
    ['an unknown escape, as Go does', String.raw`"a\.b"`],
    ['a raw newline', '"a\nb"'],
    ['an unescaped quote inside', '"a"b"'],
    ['a missing closing quote', '"abc'],
    ['a short hex escape', String.raw`"\x4"`],
    ['no quotes at all', 'abc'],
  ])('refuses %s', (_why, literal) => {
    expect(unquoteLogqlString(literal)).toBeUndefined();
  });
});
