/**
 * @jest-environment node
 */
import { parseSelector } from './parseSelector';

describe('parseSelector', () => {
  it('reads matchers with every operator and decodes their values', () => {
    expect(parseSelector(' { service = "check\\"out" ,env=~"prod|stg", a!="", b!~`x\\d` } ')).toEqual({
      ok: true,
      matchers: [
        { name: 'service', op: '=', value: 'check"out' },
        { name: 'env', op: '=~', value: 'prod|stg' },
        { name: 'a', op: '!=', value: '' },
        { name: 'b', op: '!~', value: 'x\\d' },
      ],
    });
  });

  it('finds the closing quote past escaped quotes and braces inside values', () => {
    expect(parseSelector('{a="}\\"{"}')).toEqual({ ok: true, matchers: [{ name: 'a', op: '=', value: '}"{' }] });
  });

  it.each([
    ['', 'expected "{" at offset 0'],
    ['{}', 'expected a label matcher (empty selectors match nothing) at offset 1'],
    ['{1a="b"}', 'expected a label matcher (empty selectors match nothing) at offset 1'],
    ['{a="b",}', 'expected a label name at offset 7'],
    ['{a=="b"}', 'expected one of = != =~ !~ at offset 2'],
    ['{a~"b"}', 'expected one of = != =~ !~ at offset 2'],
    ['{a="b\\.c"}', 'expected a valid string literal at offset 3'],
    ['{a="b}', 'expected a valid string literal at offset 3'],
    ['{a="b" c="d"}', 'expected "," or "}" at offset 7'],
    ['{a="b"} |= "x"', 'only a plain stream selector is allowed; found more at offset 8'],
    ['{a="b"}}', 'only a plain stream selector is allowed; found more at offset 7'],
    ['x{a="b"}', 'expected "{" at offset 0'],
    ['a="b"', 'expected "{" at offset 0'],
    ['sum(count_over_time({a="b"}[5m]))', 'expected "{" at offset 0'],
    ['{a.b="c"}', 'expected one of = != =~ !~ at offset 2'],
    ["{a='b'}", 'expected a valid string literal at offset 3'],
    ['{a="b"', 'expected "," or "}" at offset 6'],
    ['{ a="b" , }', 'expected a label name at offset 10'],
  ])('refuses %j: %s', (input, error) => {
    expect(parseSelector(input)).toEqual({ ok: false, error });
  });

  it('reads many matchers in source order (the grammar nests them one level per comma)', () => {
    const names = 'abcdefgh'.split('');
    const parsed = parseSelector(`{${names.map((n) => `${n}="${n}"`).join(',')}}`);
    expect(parsed.ok && parsed.matchers.map((m) => m.name)).toEqual(names);
  });

  it('accepts what Loki accepts around a selector: a trailing # comment, newlines', () => {
    expect(parseSelector('{\n  a="b"\n} # payments API')).toEqual({
      ok: true,
      matchers: [{ name: 'a', op: '=', value: 'b' }],
    });
  });
});
