import {
  checkPromQL,
  escapeLabelValue,
  expandWindow,
  isPlainSelector,
  isValidLabelName,
  matchersToSelector,
  parsePromQL,
} from './promql';
import { TYPE_ERRORS, TYPE_OK } from './testing/promqlCases';

describe('promql helpers', () => {
  it('escapes backslash, quote and newline', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it('builds selectors with escaped values', () => {
    expect(matchersToSelector('up', [])).toBe('up');
    expect(
      matchersToSelector('http_requests_total', [
        { name: 'job', op: '=', value: 'api' },
        { name: 'path', op: '=~', value: '/a"b' },
      ])
    ).toBe('http_requests_total{job="api",path=~"/a\\"b"}');
    expect(parsePromQL(matchersToSelector('x', [{ name: 'v', op: '=', value: 'q"\\\n' }]))).toEqual([]);
  });

  it('reports syntax errors with offset and line:column', () => {
    expect(parsePromQL('sum(rate(x[5m]))')).toEqual([]);
    const [e] = parsePromQL('sum(rate(x[5m])');
    expect(e).toMatchObject({ offset: 15, line: 1, column: 16, message: 'unexpected end of expression' });
    const [e2] = parsePromQL('sum(\n  rate(x[5m]) +\n)');
    expect(e2).toMatchObject({ line: 3, column: 1 });
    expect(parsePromQL('  ')[0].message).toMatch(/empty/);
  });

  it('expands every window placeholder, tolerating spaces', () => {
    expect(expandWindow('rate(a[{{.window}}]) / rate(b[{{ .window }}])', '5m')).toBe('rate(a[5m]) / rate(b[5m])');
  });

  it('tells plain selectors from templates', () => {
    expect(isPlainSelector('http_requests_total{code!~"5.."}')).toBe(true);
    expect(isPlainSelector('  up ')).toBe(true);
    expect(isPlainSelector('sum(rate(x[{{.window}}]))')).toBe(false);
    expect(isPlainSelector('rate(x[5m])')).toBe(false);
    expect(isPlainSelector('x[5m]')).toBe(false);
    expect(isPlainSelector('x{')).toBe(false);
  });

  it('validates label names', () => {
    expect(isValidLabelName('team_1')).toBe(true);
    expect(isValidLabelName('__name__')).toBe(false);
    expect(isValidLabelName('1team')).toBe(false);
    expect(isValidLabelName('team-name')).toBe(false);
  });
});

describe('checkPromQL: types as Prometheus checks them', () => {
  it.each(TYPE_ERRORS)('refuses %s', (expr, message, column) => {
    expect(checkPromQL(expr)).toContainEqual({ kind: 'type', message, line: 1, column, offset: column - 1 });
  });

  it.each(TYPE_OK)('accepts %s', (expr) => {
    expect(checkPromQL(expr)).toEqual([]);
  });

  it('reports syntax errors first, as kind syntax', () => {
    expect(checkPromQL('sum(rate(up[5m])')).toEqual([
      { kind: 'syntax', message: 'unexpected end of expression', line: 1, column: 17, offset: 16 },
    ]);
  });

  it('gives line and column on multi-line queries', () => {
    expect(checkPromQL('sum(\n  rate(up)\n)')).toEqual([expect.objectContaining({ line: 2, column: 8, offset: 12 })]);
  });

  it('checks the whole of a query longer than an editor parses up front', () => {
    const long = `sum(rate(up{a="${'x'.repeat(150_000)}"}[5m])) + rate(up)`;
    expect(checkPromQL(long).map((p) => p.message)).toEqual([
      'expected type range vector in call to function "rate", got instant vector',
    ]);
  });
});
