/**
 * @jest-environment node
 */
/**
 * Burn-rate alerts for SLO windows other than 30 days, against the real promtool. For each window the tiers come
 * from resolveTiers (scaled from the Workbook's 30-day tiers); what the tests check is the property that must hold
 * for any window: a service burning at exactly 1× (its budget lasts the window) never alerts, and a full outage
 * pages no later than theory says (long window × factor × budget / error ratio, to the next evaluation, plus `for`).
 */
import { detectionTime } from '../slo/budget';
import { resolveTiers } from '../slo/defaults';
import { parseDuration } from '../slo/durations';
import type { Slo } from '../slo/model';
import { runPromtool } from './testing/runPromtool';
import { approx, counterValues, type ExprTest, firingTiers, min, ratioSlo } from './testing/promtoolHarness';

const HOUR = 60;
const minutes = (d: string): number => parseDuration(d) / 60000;
/** First whole evaluation step (minutes) at which a detection time in ms has passed. */
const firstEval = (ms: number, stepMin: number): number => Math.floor(ms / 60000 / stepMin) * stepMin + stepMin;
const noAlerts = (at: number, slo: string): ExprTest => ({
  expr: `ALERTS{slo_id="${slo}"}`,
  eval_time: min(at),
  exp_samples: [],
});
const series = (job: string, ok: (m: number) => number, bad: (m: number) => number, T: number) => [
  { series: `http_requests_total{job="${job}",code="200"}`, values: counterValues(T, ok) },
  { series: `http_requests_total{job="${job}",code="500"}`, values: counterValues(T, bad) },
];

describe.each(['1d', '7d', '28d', '30d', '90d'])('a %s SLO at 99.9% in promtool', (duration) => {
  it('never alerts while burning at exactly 1×, and pages on an outage within theory', () => {
    const window = { type: 'rolling' as const, duration };
    const steady = ratioSlo('steady', 'steady', 0.999, { window });
    const outage = ratioSlo('outage', 'outage', 0.999, { window });
    const fast = resolveTiers(outage).find((t) => t.tier === 'fast')!;
    expect(fast.enabled).toBe(true);
    const L = minutes(fast.longWindow);
    // Healthy history fills the fast tier's long window, so theory's detection time is exact.
    const O = L + 10;
    const fire = O + firstEval(detectionTime(L * 60e3, fast.factor, 0.001, 1), 1) + minutes(fast.for);
    const S = minutes(fast.shortWindow);
    const E = fire + 20; // the outage lasts until 20 minutes after the page
    const T = Math.max(E + S + minutes(fast.for) + 5, 12 * HOUR);
    // 1 bad request in 1000 every minute: an error ratio of exactly the 0.1% budget.
    const input = [
      ...series(
        'steady',
        () => 999,
        () => 1,
        T
      ),
      ...series(
        'outage',
        (m) => (m > O && m <= E ? 0 : 1000),
        (m) => (m > O && m <= E ? 1000 : 0),
        T
      ),
    ];
    const checks: ExprTest[] = [
      ...[30, 2 * HOUR, 6 * HOUR, T].map((t) => noAlerts(t, 'steady')),
      approx('slo:burn_rate:ratio_rate1h{slo_id="steady"}', min(T), 1, 1e-9),
      firingTiers('outage', min(fire - 1), []),
      {
        expr: 'count(ALERTS{slo_id="outage",alertstate="firing",burnrate_tier="fast"})',
        eval_time: min(fire),
        exp_samples: [{ labels: '{}', value: 1 }],
      },
      // Recovery: the short window is clean S minutes after the outage; allow `for` and one evaluation more.
      {
        expr: 'ALERTS{slo_id="outage",burnrate_tier="fast"}',
        eval_time: min(E + S + minutes(fast.for) + 1),
        exp_samples: [],
      },
    ];
    runPromtool([steady, outage], '1m', input, checks);
  }, 120000);
});

describe('alerts in promtool: edge cases', () => {
  it('ignores a counter reset mid-window: no alert, and the period ratio stays exact', () => {
    const T = 8 * HOUR;
    const R = 4 * HOUR + 17; // the process restarts: both counters start again from 0
    const reset = (perMinute: number) => {
      const before = counterValues(R - 1, () => perMinute)
        .split(' ')
        .map(Number);
      const after = counterValues(T - R, () => perMinute)
        .split(' ')
        .map(Number);
      return [...before, ...after].join(' ');
    };
    runPromtool(
      [ratioSlo('restart', 'restart', 0.999)],
      '1m',
      [
        { series: 'http_requests_total{job="restart",code="200"}', values: reset(4999) },
        { series: 'http_requests_total{job="restart",code="500"}', values: reset(1) },
      ],
      [
        ...[R - 1, R, R + 1, R + 5, R + 60, T].map((t) => noAlerts(t, 'restart')),
        // 1 in 5000 on both sides of the reset: the whole-hour period ratio is 0.0002 exactly.
        approx('slo:sli_error:ratio_period{slo_id="restart"}', min(T), 0.0002, 1e-9),
        approx('slo:sli_error:ratio_rate1h{slo_id="restart"}', min(R + 30), 0.0002, 1e-9),
      ]
    );
  }, 60000);

  it('counts an hour of 5m slices as 12, not 13, at minutes divisible by 5 (minEvents and timeslices)', () => {
    // minEvents 62 with one (failing) request a minute: no hour ever sees more than 60 events, so no alert may
    // fire; a [1h:5m] subquery at a 5-minute boundary would count 13 × 5 = 65.
    const slower = (['medium', 'slow', 'long'] as const).map((tier) => ({ tier, enabled: false }));
    const guarded = ratioSlo('guarded', 'cron', 0.999, { alerting: { minEvents: 62, tiers: slower } });
    // Timeslices: healthy for an hour, then every slice bad. At 120m the last hour's slices are all bad, so the
    // bad-slice fraction is 1; a range including its start would add the good slice at 60m and read 12/13.
    const sliced: Slo = ratioSlo('sliced', 'batch', 0.99, {
      budgeting: { method: 'timeslices', sliceDuration: '5m', sliceTarget: 0.95 },
    });
    const T = 3 * HOUR;
    runPromtool(
      [guarded, sliced],
      '1m',
      [
        { series: 'http_requests_total{job="cron",code="500"}', values: counterValues(T, () => 1) },
        ...series(
          'batch',
          (m) => (m <= 60 ? 100 : 0),
          (m) => (m <= 60 ? 0 : 100),
          T
        ),
      ],
      [
        ...[60, 65, 90, 120, 150, 175, T].map((t) => noAlerts(t, 'guarded')),
        approx('slo:sli_slice_bad:ratio_rate1h{slo_id="sliced"}', min(120), 1, 1e-12),
        approx('slo:sli_slice_bad:ratio_rate1h{slo_id="sliced"}', min(90), 0.5, 1e-12),
      ]
    );
  }, 60000);

  it('keeps label values with template braces and dollars literal, identical on series and alerts', () => {
    const labels = { tenant: '{{ tenant }}', note: 'v={{ $value }}', cost: 'team$ops', brace: '}}{{' };
    const slo = ratioSlo('templ', 'templ', 0.999, { labels });
    const T = 2 * HOUR;
    const O = HOUR;
    const exp = { slo_id: 'templ', slo_service: 'templ', ...labels };
    runPromtool(
      [slo],
      '1m',
      series(
        'templ',
        (m) => (m > O ? 0 : 100),
        (m) => (m > O ? 100 : 0),
        T
      ),
      [
        {
          expr: 'slo:burn_rate:ratio_rate1h{tenant="{{ tenant }}",note="v={{ $value }}",cost="team$ops",brace="}}{{"}',
          eval_time: min(T),
          exp_samples: [
            {
              labels: `slo:burn_rate:ratio_rate1h{brace="}}{{",cost="team$ops",note="v={{ $value }}",slo_id="templ",slo_service="templ",tenant="{{ tenant }}"}`,
              value: 1000,
            },
          ],
        },
        ...['fast', 'medium'].map((tier) => {
          const t = resolveTiers(slo).find((x) => x.tier === tier)!;
          const matchers = Object.entries({ ...exp, burnrate_tier: tier, long_window: t.longWindow })
            .map(([k, v]) => `${k}="${v}"`)
            .join(',');
          return {
            expr: `count(ALERTS{alertstate="firing",${matchers}})`,
            eval_time: min(T),
            exp_samples: [{ labels: '{}', value: 1 }],
          };
        }),
      ]
    );
  }, 60000);

  it('leaves out a tier no error ratio can reach (90% objective) and still pages on an outage', () => {
    const slo = ratioSlo('low', 'low', 0.9);
    const tiers = resolveTiers(slo);
    expect(tiers.filter((t) => t.enabled).map((t) => t.tier)).toEqual(['medium', 'slow', 'long']);
    const O = 6 * HOUR;
    // medium (6× of a 10% budget over 6h/30m): the 6h ratio passes 0.6 after about 216 minutes, + for 15m.
    const T = O + 240;
    runPromtool(
      [slo],
      '1m',
      series(
        'low',
        (m) => (m > O ? 0 : 100),
        (m) => (m > O ? 100 : 0),
        T
      ),
      [
        { expr: 'ALERTS{burnrate_tier="fast"}', eval_time: min(T), exp_samples: [] },
        firingTiers('low', min(T), ['long', 'medium', 'slow']),
      ]
    );
  }, 60000);
});
