import {
  escapeLabelValue,
  expandWindow,
  isPlainSelector,
  isValidLabelName,
  matchersToSelector,
  parsePromQL,
} from './promql';

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
