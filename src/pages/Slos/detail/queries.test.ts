import { makeSlo } from '../__fixtures__/slos';
import { burnRateExpr, burnRateThresholds, burnRateTiers, incidentTags, sloMatcher, sloQueries } from './queries';

const slo = makeSlo('checkout');

describe('sloQueries', () => {
  it('reads the recorded series of this SLO only', () => {
    const q = sloQueries(slo);
    expect(q.sli.expr).toBe('1 - slo:sli_error:ratio_period{slo_id="checkout"}');
    expect(q.budgetRemaining.expr).toBe('slo:error_budget_remaining:ratio{slo_id="checkout"}');
    expect(q.burnRate1h.expr).toBe('slo:burn_rate:ratio_rate1h{slo_id="checkout"}');
    expect(q.burnRate6h.expr).toBe('slo:sli_error:ratio_rate6h{slo_id="checkout"} / 0.001');
    expect(q.alerts).toMatchObject({
      expr: 'ALERTS{alertname="SLOErrorBudgetBurn", slo_id="checkout"}',
      instant: true,
      format: 'table',
    });
  });

  it('has one burn-rate series per enabled tier, on its long window', () => {
    const q = sloQueries(makeSlo('x', { alerting: { tiers: [{ tier: 'long', enabled: false }] } }));
    expect(q.tierBurnRates.map((t) => [t.legendFormat, t.expr])).toEqual([
      ['fast (1h)', 'slo:sli_error:ratio_rate1h{slo_id="x"} / 0.001'],
      ['medium (6h)', 'slo:sli_error:ratio_rate6h{slo_id="x"} / 0.001'],
      ['slow (1d)', 'slo:sli_error:ratio_rate1d{slo_id="x"} / 0.001'],
    ]);
    expect(new Set(q.tierBurnRates.map((t) => t.refId)).size).toBe(3);
  });

  it('uses the configured alert name', () => {
    expect(sloQueries(makeSlo('x', { alerting: { name: 'Burn' } })).alerts.expr).toBe(
      'ALERTS{alertname="Burn", slo_id="x"}'
    );
  });

  it('escapes the id and alert name, so a quote cannot break out of the matcher', () => {
    const odd = makeSlo('a"b\\c', { alerting: { name: 'X"' } });
    expect(sloMatcher(odd)).toBe('{slo_id="a\\"b\\\\c"}');
    expect(sloQueries(odd).alerts.expr).toBe('ALERTS{alertname="X\\"", slo_id="a\\"b\\\\c"}');
  });

  it('reads the bad-slice ratio for timeslices SLOs', () => {
    const ts = makeSlo('t', { budgeting: { method: 'timeslices', sliceDuration: '1m', sliceTarget: 0.95 } });
    expect(burnRateExpr(ts, '360m')).toBe('slo:sli_slice_bad:ratio_rate6h{slo_id="t"} / 0.001');
  });
});

describe('burnRateThresholds', () => {
  it('puts a step at each tier factor, ascending, red for page and orange for ticket tiers', () => {
    expect(burnRateThresholds(burnRateTiers(slo))).toEqual([
      { value: null, color: 'green' },
      { value: 1, color: 'orange' },
      { value: 3, color: 'orange' },
      { value: 6, color: 'red' },
      { value: 14.4, color: 'red' },
    ]);
  });
});

it('incidentTags requires both the incident tag and the SLO tag', () => {
  expect(incidentTags(slo)).toEqual(['sre-incident', 'slo:checkout']);
});
