/**
 * @jest-environment node
 */
import { logqlErrors } from './__fixtures__/lezer';
import { buildLogSelector, escapeRegex, lineFilterExpr, mergeSelectors } from './logql';
import { unquoteLogqlString } from './logqlString';

/** The regex Loki would run for a `label=~"..."` selector: decoded from the literal and fully anchored. */
function lokiRegex(selector: string): RegExp {
  const literal = /=~(".*")\}$/.exec(selector)![1];
  return new RegExp(`^(?:${unquoteLogqlString(literal)!})$`);
}

const NASTY = String.raw`a.b"c\d|e`;

describe('buildLogSelector', () => {
  it('uses an equality matcher for one service', () => {
    const q = buildLogSelector(['checkout'], 'service');
    expect(q).toBe('{service="checkout"}');
    expect(logqlErrors(q)).toEqual([]);
  });

  it('uses a regex alternation for several services', () => {
    const q = buildLogSelector(['checkout', 'cart'], 'service_name');
    expect(q).toBe('{service_name=~"checkout|cart"}');
    expect(logqlErrors(q)).toEqual([]);
  });

  it('string-escapes a single hostile name', () => {
    const q = buildLogSelector([NASTY], 'app');
    expect(q).toBe(String.raw`{app="a.b\"c\\d|e"}`);
    expect(logqlErrors(q)).toEqual([]);
    expect(unquoteLogqlString(q.slice(5, -1))).toBe(NASTY);
  });

  it('regex-escapes, then string-escapes, names in an alternation', () => {
    const q = buildLogSelector([NASTY, 'cart'], 'job');
    // regex:   a\.b"c\\d\|e|cart    literal: each \ doubled and " escaped
    expect(q).toBe(String.raw`{job=~"a\\.b\"c\\\\d\\|e|cart"}`);
    expect(logqlErrors(q)).toEqual([]);
    const re = lokiRegex(q);
    expect(re.test(NASTY)).toBe(true);
    expect(re.test('cart')).toBe(true);
    for (const near of [String.raw`aXb"c\d|e`, String.raw`a.b"c\d`, 'e', String.raw`a.b"c\\d|e`, 'cartx']) {
      expect(re.test(near)).toBe(false);
    }
  });

  it('makes every RE2 metacharacter literal', () => {
    const name = 'x+y(z)[1]{2}^$*?';
    const q = buildLogSelector([name, 'other'], 'service');
    expect(logqlErrors(q)).toEqual([]);
    expect(lokiRegex(q).test(name)).toBe(true);
    expect(lokiRegex(q).test('xxy(z)[1]{2}^$*?')).toBe(false);
    expect(escapeRegex('a.b')).toBe(String.raw`a\.b`);
  });

  it('trims and de-duplicates names', () => {
    expect(buildLogSelector([' checkout ', 'checkout', ''], 'service')).toBe('{service="checkout"}');
  });

  it('appends an escaped line filter and ignores a blank one', () => {
    const q = buildLogSelector(['api'], 'service', String.raw`say "hi" \ bye`);
    expect(q).toBe(String.raw`{service="api"} |= "say \"hi\" \\ bye"`);
    expect(logqlErrors(q)).toEqual([]);
    expect(buildLogSelector(['api'], 'service', '   ')).toBe('{service="api"}');
    expect(lineFilterExpr(undefined)).toBe('');
  });

  it.each(['', '1abc', 'service-name', 'a b', 'x"}'])('refuses the label name %j', (label) => {
    expect(() => buildLogSelector(['api'], label)).toThrow(new RangeError(`"${label}" is not a valid Loki label name`));
  });

  it('refuses an empty service list, which would select every stream', () => {
    expect(() => buildLogSelector(['  '], 'service')).toThrow(new RangeError('a log selector needs at least one service'));
  });
});

describe('mergeSelectors', () => {
  it('ANDs the matchers and keeps a shared one once', () => {
    const r = mergeSelectors('{service="checkout"}', '{service="checkout", namespace="prod"}');
    expect(r).toEqual({ ok: true, selector: '{service="checkout", namespace="prod"}' });
    expect(r.ok && logqlErrors(r.selector)).toEqual([]);
  });

  it('re-escapes values from raw strings and keeps regex matchers intact', () => {
    const r = mergeSelectors(buildLogSelector([NASTY, 'cart'], 'job'), '{env!~`dev|test`, team=`a"b`}');
    expect(r).toEqual({
      ok: true,
      selector: String.raw`{job=~"a\\.b\"c\\\\d\\|e|cart", env!~"dev|test", team="a\"b"}`,
    });
    expect(r.ok && logqlErrors(r.selector)).toEqual([]);
  });

  it('refuses a selector with a pipeline, naming it', () => {
    expect(mergeSelectors('{service="x"} |= "err"')).toEqual({
      ok: false,
      error: 'cannot merge "{service=\\"x\\"} |= \\"err\\"": only a plain stream selector is allowed; found more at offset 14',
    });
  });

  it('refuses nothing to merge', () => {
    expect(mergeSelectors()).toEqual({ ok: false, error: 'there is no selector to merge' });
  });
});
