import type { Sli, Slo } from './model';
import { parsePromQL } from './promql';
import { badRateQuery, errorRatioQuery, leMatcher, totalRateQuery } from './sli';

const s = (sli: Sli): Pick<Slo, 'sli'> => ({ sli });

describe('SLI queries', () => {
  it('wraps plain counter selectors and defaults a missing bad counter to 0', () => {
    const slo = s({ kind: 'ratio', bad: 'req_total{code=~"5.."}', total: 'req_total' });
    expect(totalRateQuery(slo, '5m')).toBe('sum(rate(req_total[5m]))');
    expect(badRateQuery(slo, '1h')).toBe('(sum(rate(req_total{code=~"5.."}[1h])) or vector(0))');
    expect(errorRatioQuery(slo, '5m')).toBe(
      '((sum(rate(req_total{code=~"5.."}[5m])) or vector(0)) / sum(rate(req_total[5m])))'
    );
  });

  it('derives bad = total − good', () => {
    const slo = s({ kind: 'ratio', good: 'req_total{code!~"5.."}', total: 'req_total' });
    expect(badRateQuery(slo, '5m')).toBe(
      '(sum(rate(req_total[5m])) - (sum(rate(req_total{code!~"5.."}[5m])) or vector(0)))'
    );
  });

  it('expands templates as given', () => {
    const slo = s({ kind: 'ratio', bad: 'sum(rate(e[{{.window}}]))', total: 'sum(rate(t[{{.window}}]))' });
    expect(errorRatioQuery(slo, '30m')).toBe('((sum(rate(e[30m]))) / (sum(rate(t[30m]))))');
  });

  it('formats le exactly for fractions and accepts 1 and 1.0 for whole numbers', () => {
    expect(leMatcher(0.3)).toBe('le="0.3"');
    expect(leMatcher(0.25)).toBe('le="0.25"');
    expect(leMatcher(1)).toBe('le=~"1|1\\\\.0"');
    const slo = s({
      kind: 'latency',
      metric: 'http_server_requests_seconds',
      threshold: 0.3,
      matchers: [{ name: 'uri', op: '=', value: '/x' }],
    });
    expect(totalRateQuery(slo, '5m')).toBe('sum(rate(http_server_requests_seconds_count{uri="/x"}[5m]))');
    expect(badRateQuery(slo, '5m')).toBe(
      '(sum(rate(http_server_requests_seconds_count{uri="/x"}[5m])) - sum(rate(http_server_requests_seconds_bucket{uri="/x",le="0.3"}[5m])))'
    );
  });

  it('models availability as samples: ratio 1 − avg, bad = count − sum', () => {
    const slo = s({ kind: 'availability', metric: 'probe_success', matchers: [{ name: 'job', op: '=', value: 'bb' }] });
    expect(errorRatioQuery(slo, '1h')).toBe('(1 - avg(avg_over_time(probe_success{job="bb"}[1h])))');
    expect(totalRateQuery(slo, '5m')).toBe('(sum(count_over_time(probe_success{job="bb"}[5m])) / 300)');
    expect(badRateQuery(slo, '5m')).toBe(
      '((sum(count_over_time(probe_success{job="bb"}[5m])) - sum(sum_over_time(probe_success{job="bb"}[5m]))) / 300)'
    );
  });

  it('weights freeform SLIs by time and drops NaN', () => {
    const slo = s({ kind: 'freeform', errorRatio: 'a[{{.window}}]' });
    expect(badRateQuery(slo, '5m')).toBe('((a[5m]) >= 0)');
    expect(totalRateQuery(slo, '5m')).toBe('(((a[5m]) >= 0) * 0 + 1)');
  });

  it('produces parseable PromQL for every kind and window', () => {
    const slis: Sli[] = [
      { kind: 'ratio', bad: 'e_total', total: 't_total' },
      { kind: 'ratio', good: 'sum(rate(g[{{.window}}]))', total: 't_total' },
      { kind: 'latency', metric: 'h_seconds', threshold: 2, matchers: [] },
      { kind: 'availability', metric: 'up', matchers: [] },
      { kind: 'freeform', errorRatio: '1 - avg_over_time(x[{{.window}}])' },
    ];
    for (const sli of slis) {
      for (const q of [errorRatioQuery, badRateQuery, totalRateQuery]) {
        expect(parsePromQL(`${q(s(sli), '3d')} / 0.001 > 1`)).toEqual([]);
      }
    }
  });
});
