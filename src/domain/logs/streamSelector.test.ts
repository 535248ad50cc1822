/**
 * @jest-environment node
 */
import { logqlErrors } from './__fixtures__/lezer';
import { checkStreamSelector } from './streamSelector';

describe('checkStreamSelector', () => {
  it.each([
    ['{namespace="shop", app="cart"}', '{namespace="shop", app="cart"}'],
    ['  { namespace = "shop",app="cart" }  ', '{namespace="shop", app="cart"}'],
    ['{app=~`cart|check\\d`}', '{app=~"cart|check\\\\d"}'],
    ['{app=~".+", env!="dev"}', '{app=~".+", env!="dev"}'],
    ['{env!~"dev|test", team="a\\"b"}', '{env!~"dev|test", team="a\\"b"}'],
    // RE2's flag group is not JavaScript; the rest of the regex still decides.
    ['{app=~"(?i)cart"}', '{app=~"(?i)cart"}'],
    // Not JavaScript syntax at all: Loki judges it, we do not refuse it.
    ['{app=~"(?P<n>cart)"}', '{app=~"(?P<n>cart)"}'],
  ])('accepts %s as %s, which lezer-logql parses cleanly', (input, selector) => {
    expect(checkStreamSelector(input)).toEqual({ ok: true, selector });
    expect(logqlErrors(selector)).toEqual([]);
  });

  it.each([
    ['', 'it is empty; write one such as {app="cart"}'],
    ['   ', 'it is empty; write one such as {app="cart"}'],
    ['  app="cart"', 'expected "{" at offset 2'],
    ['app="cart"', 'expected "{" at offset 0'],
    ['{}', 'expected a label matcher (empty selectors match nothing) at offset 1'],
    ['{app="cart" env="x"}', 'expected "," or "}" at offset 12'],
    ['{app="cart}', 'expected a valid string literal at offset 5'],
    ['{app="cart"} |= "error"', 'only a plain stream selector is allowed; found more at offset 13'],
  ])('refuses %j: %s', (input, error) => {
    expect(checkStreamSelector(input)).toEqual({ ok: false, error });
  });

  it.each(['{app=""}', '{app!="cart"}', '{app=~".*"}', '{app=~"(?i).*"}', '{app!~"x", env=~"|prod"}'])(
    'refuses %s, which Loki rejects because it could select every stream',
    (input) => {
      expect(checkStreamSelector(input)).toEqual({
        ok: false,
        error: expect.stringMatching(/^Loki needs at least one = or =~ matcher that cannot match an empty value/),
      });
    }
  );
});
