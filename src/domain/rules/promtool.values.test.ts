/**
 * @jest-environment node
 */
/**
 * Recorded values against the real promtool: the event-weighted period ratio under uneven traffic, a
 * Micrometer-style latency histogram and a timeslices SLO. Expected numbers are computed by hand from the
 * synthetic traffic, not read back from the generator.
 */
import type { Slo } from '../slo/model';
import { runPromtool } from './testing/runPromtool';
import { approx, counterValues, firingTiers, type InputSeries, min, ratioSlo } from './testing/promtoolHarness';

describe('recorded SLI values in promtool', () => {
  it('records the event-weighted period ratio under uneven traffic, not an average of ratios', () => {
    // Minutes 1–10 and 191–240 idle; 11–70 busy (1000/min, no errors); 71–130 quiet (10/min, 1 error/min);
    // 131–190 busy again. Idle edges make every event fall inside exactly five recorded 5m windows.
    const total = (m: number): number =>
      (m > 10 && m <= 70) || (m > 130 && m <= 190) ? 1000 : m > 70 && m <= 130 ? 10 : 0;
    const bad = (m: number): number => (m > 70 && m <= 130 ? 1 : 0);
    // Data up to 240m, an hour boundary after the idle tail: the period ratio covers whole hours. The hourly rule
    // reads roll-ups at least a minute old (offset 1m), so the hour ending at 240m is counted from 241m on.
    const T = 240;
    let allBad = 0;
    let all = 0;
    for (let m = 1; m <= T; m++) {
      allBad += bad(m);
      all += total(m);
    }
    expect([allBad, all]).toEqual([60, 120600]);
    // Roll-ups up to 180m hold the 5m rates recorded at minutes 1–180; each holds a fifth of the events of the five
    // minutes before it, so an event of minute m counts for the share of its five rates recorded by then.
    let bad3h = 0;
    let all3h = 0;
    for (let m = 1; m <= 180; m++) {
      const share = Math.min(5, 180 - m + 1) / 5;
      bad3h += bad(m) * share;
      all3h += total(m) * share;
    }
    expect([bad3h, all3h]).toEqual([60, 108600]); // minutes 176–180 are busy: 2,000 events still to come
    const firstThreeHours = bad3h / all3h;
    const eventWeighted = allBad / all; // 60 / 120600 ≈ 0.000497
    // What Sloth-style averaging of 5m ratios gives on the same data (windows with traffic only).
    const ratios: number[] = [];
    for (let t = 5; t <= T; t++) {
      let b = 0;
      let n = 0;
      for (let m = t - 4; m <= t; m++) {
        b += bad(m);
        n += total(m);
      }
      if (n > 0) {
        ratios.push(b / n);
      }
    }
    const averageOfRatios = ratios.reduce((x, y) => x + y, 0) / ratios.length; // ≈ 0.0305, 61× too high
    expect(averageOfRatios / eventWeighted).toBeGreaterThan(50);
    runPromtool(
      [ratioSlo('uneven', 'shop', 0.999)],
      '1m',
      [
        { series: 'http_requests_total{job="shop",code="200"}', values: counterValues(T, (m) => total(m) - bad(m)) },
        { series: 'http_requests_total{job="shop",code="500"}', values: counterValues(T, bad) },
      ],
      [
        // At 240m the hour 180–240m is not counted yet: the ratio is that of the first three hours.
        approx('slo:sli_error:ratio_period{slo_id="uneven"}', min(T), firstThreeHours, 1e-12),
        approx('slo:sli_error:ratio_period{slo_id="uneven"}', min(T + 1), eventWeighted, 1e-12),
        approx('slo:error_budget_remaining:ratio{slo_id="uneven"}', min(T + 1), 1 - eventWeighted / 0.001, 1e-9),
        // The average of the recorded 5m ratios is what an averaging period SLI would report: far off.
        approx(
          `avg_over_time((slo:sli_error:ratio_rate5m{slo_id="uneven"} >= 0)[${T}m:1m])`,
          min(T),
          averageOfRatios,
          1e-12
        ),
      ]
    );
  }, 60000);

  it('computes a latency SLI from a Micrometer histogram (le="1.0" style) and filters by matchers', () => {
    // Per minute on /api/orders: 60 requests <= 0.1s, 30 in (0.1, 0.3], 8 in (0.3, 1], 2 slower: 100 in all.
    // /health is slow (50/min over 1s) and must be excluded by the uri matcher. 65 minutes: the period ratio is
    // built from whole hours, so it needs one.
    const T = 65;
    const labels = (uri: string, le: string): string =>
      `http_server_requests_seconds_bucket{uri="${uri}",method="GET",status="200",outcome="SUCCESS",le="${le}"}`;
    const input: InputSeries[] = [];
    for (const [le, n, health] of [
      ['0.1', 60, 0],
      ['0.3', 90, 0],
      ['1.0', 98, 0],
      ['+Inf', 100, 50],
    ] as const) {
      input.push({ series: labels('/api/orders', le), values: counterValues(T, () => n) });
      input.push({ series: labels('/health', le), values: counterValues(T, () => health) });
    }
    for (const [uri, n] of [
      ['/api/orders', 100],
      ['/health', 50],
    ] as const) {
      const count = `http_server_requests_seconds_count{uri="${uri}",method="GET",status="200",outcome="SUCCESS"}`;
      input.push({ series: count, values: counterValues(T, () => n) });
    }
    const latency = (id: string, threshold: number): Slo => ({
      id,
      name: id,
      service: 'orders',
      sli: {
        kind: 'latency',
        metric: 'http_server_requests_seconds',
        threshold,
        matchers: [{ name: 'uri', op: '=', value: '/api/orders' }],
      },
      objective: { target: 0.99 },
      window: { type: 'calendar', unit: 'month', timeZone: 'Europe/Paris' },
    });
    runPromtool([latency('orders-300ms', 0.3), latency('orders-1s', 1)], '1m', input, [
      approx('slo:sli_error:ratio_rate5m{slo_id="orders-300ms"}', min(T), 10 / 100),
      approx('slo:sli_error:ratio_period{slo_id="orders-300ms"}', min(T), 10 / 100),
      // threshold 1 must match the bucket written as le="1.0".
      approx('slo:sli_error:ratio_rate5m{slo_id="orders-1s"}', min(T), 2 / 100),
      approx('slo:sli_total:rate5m{slo_id="orders-1s"}', min(T), 100 / 60),
      // 0.1 error ratio on a 0.01 budget: burn rate 10 > medium's 6, < fast's 14.4. True from t=1m, for: 15m.
      firingTiers('orders-300ms', min(15), []),
      firingTiers('orders-300ms', min(16), ['medium']),
    ]);
  }, 60000);

  it('counts bad timeslices for a timeslices SLO', () => {
    // 5m slices, a slice is good when >= 95% of its requests succeed. 100 requests/min; slices 3, 7 and 8
    // (minutes 11–15, 31–40) fail 10% of requests (bad slices), the others fail 1% (good slices).
    const T = 60;
    const badSlices = [3, 7, 8];
    const errors = (m: number): number => (badSlices.includes(Math.ceil(m / 5)) ? 10 : 1);
    const slo: Slo = ratioSlo('slices', 'pay', 0.9, {
      budgeting: { method: 'timeslices', sliceDuration: '5m', sliceTarget: 0.95 },
    });
    const expectedPeriod = badSlices.length / (T / 5); // 3 of 12 slices
    runPromtool(
      [slo],
      '1m',
      [
        { series: 'http_requests_total{job="pay",code="200"}', values: counterValues(T, (m) => 100 - errors(m)) },
        { series: 'http_requests_total{job="pay",code="503"}', values: counterValues(T, errors) },
      ],
      [
        approx('slo:sli_slice_good:ratio{slo_id="slices"}', min(15), 0),
        approx('slo:sli_slice_good:ratio{slo_id="slices"}', min(20), 1),
        approx('slo:sli_error:ratio_period{slo_id="slices"}', min(T), expectedPeriod),
        approx('slo:sli_slice_bad:ratio_rate1h{slo_id="slices"}', min(T), expectedPeriod),
        approx('slo:error_budget_remaining:ratio{slo_id="slices"}', min(T), 1 - expectedPeriod / 0.1),
      ]
    );
  }, 60000);
});
