/** @jest-environment node */
import { capId, durationSeconds, formatSelector, makeId, parseSelector, readTarget, slugify } from './normalize';

describe('readTarget: each format by its own definition, never by magnitude', () => {
  it.each([
    [0.999, 'fraction', 0.999],
    ['0.995', 'fraction', 0.995],
    [0.5, 'fraction', 0.5],
    [99.9, 'percent', 0.999],
    ['99.9', 'percent', 0.999],
    [95, 'percent', 0.95],
    ['90', 'percent', 0.9],
    [0.5, 'percent', 0.005],
    [1.5, 'percent', 0.015],
  ] as const)('%p as a %s gives %p', (raw, scale, expected) => {
    expect(readTarget(raw, 'spec.target', scale)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [1.5, 'fraction'],
    [99.9, 'fraction'],
    [1, 'fraction'],
    [100, 'percent'],
    [150, 'percent'],
    ['100', 'percent'],
    ['99.9%', 'percent'],
    [0, 'percent'],
    [-1, 'fraction'],
    ['abc', 'fraction'],
    [null, 'fraction'],
    [undefined, 'percent'],
    [true, 'fraction'],
  ] as const)('refuses %p as a %s, naming the field and the expected form', (raw, scale) => {
    const r = readTarget(raw, 'doc[0].spec.objectives[0].target', scale);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.path).toBe('doc[0].spec.objectives[0].target');
      expect(r.problem.message).toMatch(
        scale === 'fraction'
          ? /^target must be a fraction between 0 and 1/
          : /^target must be a percentage between 0 and 100/
      );
    }
  });
});

describe('ids', () => {
  it('slugifies and prefixes the service once', () => {
    expect(slugify('  Requests Availability!! ')).toBe('requests-availability');
    expect(makeId('myservice', 'requests-availability')).toBe('myservice-requests-availability');
    expect(makeId('prom', 'prom-metrics-latency')).toBe('prom-metrics-latency');
    expect(makeId('api', 'api')).toBe('api');
  });

  it('caps ids at 63 characters, deterministically and without collisions on a shared prefix', () => {
    const a = capId(`${'x'.repeat(70)}-a`);
    const b = capId(`${'x'.repeat(70)}-b`);
    expect(a).toHaveLength(63);
    expect(a).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
    expect(a).not.toBe(b);
    expect(capId(`${'x'.repeat(70)}-a`)).toBe(a);
    expect(capId('short-id')).toBe('short-id');
  });
});

describe('selectors', () => {
  it('parses metric and matchers with every operator and escapes', () => {
    expect(parseSelector('http_requests_total{job="api", code=~"5..",path!="/a\\"b",x!~\'y\'}')).toEqual({
      metric: 'http_requests_total',
      matchers: [
        { name: 'job', op: '=', value: 'api' },
        { name: 'code', op: '=~', value: '5..' },
        { name: 'path', op: '!=', value: '/a"b' },
        { name: 'x', op: '!~', value: 'y' },
      ],
    });
    expect(parseSelector('up')).toEqual({ metric: 'up', matchers: [] });
  });

  it('rejects anything that is not a plain selector', () => {
    expect(parseSelector('sum(rate(x[5m]))')).toBeUndefined();
    expect(parseSelector('x[5m]')).toBeUndefined();
    expect(parseSelector('x{a="b"')).toBeUndefined();
    expect(parseSelector('')).toBeUndefined();
  });

  it('formats back to an equivalent selector', () => {
    const text = 'm{a="1",b=~"x|y\\\\.z"}';
    const sel = parseSelector(text)!;
    expect(formatSelector(sel.metric, sel.matchers)).toBe(text);
  });

  it('reads Prometheus durations', () => {
    expect(durationSeconds('200ms')).toBe(0.2);
    expect(durationSeconds('1h30m')).toBe(5400);
    expect(durationSeconds('4w')).toBe(4 * 7 * 86400);
    expect(durationSeconds('1M')).toBeUndefined();
  });
});
