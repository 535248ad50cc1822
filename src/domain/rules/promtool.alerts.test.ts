/**
 * @jest-environment node
 */
/**
 * Burn-rate alerts against the real promtool: outage, healthy service and slow burn. Expected fire and reset
 * times come from theory (SRE Workbook): a constant error ratio e trips a tier after
 * longWindow × factor × budget / e, rounded up to the next rule evaluation, and fires `for` later.
 */
import { detectionTime } from '../slo/budget';
import { runPromtool } from './testing/runPromtool';
import { approx, counterValues, firingTiers, min, ratioSlo } from './testing/promtoolHarness';

const HOUR = 60;
const DAY = 24 * HOUR;
/** First whole evaluation step (minutes) at which a detection time in ms has passed. */
const firstEval = (ms: number, stepMin: number): number => Math.floor(ms / 60000 / stepMin) * stepMin + stepMin;

describe('burn-rate alerts in promtool (99.9% over 30d, budget 0.001)', () => {
  it('pages the fast tier first on a 100% outage, then medium, and resets after the short windows', () => {
    const O = 6 * HOUR; // 6h of healthy history fills the fast and medium long windows
    const E = O + 20; // outage of 20 minutes
    const reqs = 100;
    const ok = counterValues(E + 40, (m) => (m > O && m <= E ? 0 : reqs));
    const bad = counterValues(E + 40, (m) => (m > O && m <= E ? reqs : 0));
    // fast: 1h × 14.4 × 0.001 / 1 = 51.84 s → true at the 1m evaluation, firing after for: 2m.
    const fastFire = O + firstEval(detectionTime(3600e3, 14.4, 0.001, 1), 1) + 2;
    // medium: 6h × 6 × 0.001 / 1 = 129.6 s → true at +3m, firing after for: 15m.
    const mediumFire = O + firstEval(detectionTime(6 * 3600e3, 6, 0.001, 1), 1) + 15;
    expect([fastFire - O, mediumFire - O]).toEqual([3, 18]);
    const slo = ratioSlo('outage', 'api', 0.999, { alerting: { runbookUrl: 'https://runbooks.example.com/api' } });
    runPromtool(
      [slo],
      '1m',
      [
        { series: 'http_requests_total{job="api",code="200"}', values: ok },
        { series: 'http_requests_total{job="api",code="500"}', values: bad },
      ],
      [
        firingTiers('outage', min(O), []),
        firingTiers('outage', min(fastFire - 1), []),
        firingTiers('outage', min(fastFire), ['fast']),
        firingTiers('outage', min(mediumFire - 1), ['fast']),
        firingTiers('outage', min(mediumFire), ['fast', 'medium']),
        // The 5m short window is clean 5 minutes after the outage: fast resets, medium (30m) keeps firing.
        firingTiers('outage', min(E + 4), ['fast', 'medium']),
        firingTiers('outage', min(E + 5), ['medium']),
        firingTiers('outage', min(E + 29), ['medium']),
        firingTiers('outage', min(E + 30), []),
        // 1h ratio at fastFire: 3 bad minutes of 60 → 0.05 → burn rate 50.
        approx('slo:burn_rate:ratio_rate1h{slo_id="outage"}', min(fastFire), 50, 1e-6),
      ],
      [
        {
          eval_time: min(fastFire),
          alertname: 'SLOErrorBudgetBurn',
          exp_alerts: [
            {
              exp_labels: {
                slo_id: 'outage',
                slo_service: 'api',
                severity: 'page',
                burnrate_tier: 'fast',
                long_window: '1h',
                short_window: '5m',
              },
              exp_annotations: {
                summary: 'SLO "Availability outage" (api) is burning its error budget too fast',
                description:
                  'Error budget burn rate is 50x over the last 1h and above 14.4x over the last 5m too. ' +
                  'At 14.4x, 2% of the 30d error budget is spent in 1h.',
                runbook_url: 'https://runbooks.example.com/api',
                slo_url: 'https://grafana.example.com/a/sre-reliability-app/slos/outage',
              },
            },
          ],
        },
      ]
    );
  }, 60000);

  it('stays quiet for a healthy service at 0.01% errors, and minEvents silences a low-traffic outage', () => {
    const T = 3 * HOUR;
    const healthy = ratioSlo('healthy', 'web', 0.999, { alerting: { absentAlert: true } });
    // 1 request a minute, all failing: 60 events per hour < minEvents, so no tier may fire.
    const tiny = ratioSlo('tiny', 'cron', 0.999, { alerting: { minEvents: 1000 } });
    runPromtool(
      [healthy, tiny],
      '1m',
      [
        { series: 'http_requests_total{job="web",code="200"}', values: counterValues(T, () => 9999) },
        { series: 'http_requests_total{job="web",code="500"}', values: counterValues(T, () => 1) },
        { series: 'http_requests_total{job="cron",code="500"}', values: counterValues(T, () => 1) },
      ],
      [
        ...[30, 60, 120, T].map((t) => ({ expr: 'ALERTS', eval_time: min(t), exp_samples: [] })),
        // error ratio 1/10000 = 0.0001 → burn rate 0.1, 10% of the budget used over the data seen.
        approx('slo:burn_rate:ratio_rate1h{slo_id="healthy"}', min(T), 0.1, 1e-9),
        approx('slo:error_budget_remaining:ratio{slo_id="healthy"}', min(T), 0.9, 1e-9),
        approx('slo:burn_rate:ratio_rate1h{slo_id="tiny"}', min(T), 1000, 1e-6),
      ]
    );
  }, 60000);

  it('opens tickets but never pages for a slow burn at 5x the budget', () => {
    const B = DAY; // a full day of healthy history fills the slow tier's 1d window
    const T = B + 16 * HOUR;
    const e = 0.005;
    const ok = counterValues(T, (m) => (m > B ? 995 : 1000));
    const bad = counterValues(T, (m) => (m > B ? 5 : 0));
    // slow: 1d × 3 × 0.001 / 0.005 = 14.4h = 864 min → first 5m evaluation after it is 865, firing after for: 1h.
    const slowFire = B + firstEval(detectionTime(DAY * 60e3, 3, 0.001, e), 5) + 60;
    expect(slowFire - B).toBe(925);
    // long (3d/6h, factor 1) sees only 1d of history, so it trips earlier than theory; it is a ticket too.
    runPromtool(
      [ratioSlo('slow', 'batch', 0.999)],
      '5m',
      [
        { series: 'http_requests_total{job="batch",code="200"}', values: ok },
        { series: 'http_requests_total{job="batch",code="500"}', values: bad },
      ],
      [
        ...[B + 60, B + 6 * HOUR, slowFire, T].map((t) => ({
          expr: 'ALERTS{severity="page"}',
          eval_time: min(t),
          exp_samples: [],
        })),
        firingTiers('slow', min(slowFire - 5), ['long']),
        firingTiers('slow', min(slowFire), ['long', 'slow']),
      ]
    );
  }, 60000);
});
