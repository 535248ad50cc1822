/**
 * fetchSloSnapshots against a REAL Prometheus with backfilled Micrometer counters (tests/prometheus). Three SLOs:
 * - checkout: no rules installed → the RAW fallback path; noisy traffic and a 503 burst in the last hour;
 * - payments: generated recording rules backfilled → the RULES path; steady traffic;
 * - ghost: its series do not exist → no_data.
 * Ground truth is the generator's exact tally of events, never the code's output.
 */
import { errorRatioSeries, generatePrometheusRules, SERIES, type RecordingRule } from '../domain/rules';
import type { Slo } from '../domain/slo/model';
import {
  backfillRules,
  buildCounters,
  METRIC,
  prng,
  ruleLevels,
  serviceSeries,
  tally,
  type HttpSeries,
  setUpPrometheus,
} from '../../tests/prometheus';
import { fetchSloSnapshots } from './sloStatus';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => prom.backend().srv,
}));

jest.setTimeout(60_000);

const STEP = 60;
const START = Date.UTC(2024, 5, 3) / 1000;
const END = START + 3 * 86400; // 3 days of data: the 2d window plus room for rates before it
const WINDOW_SEC = 2 * 86400;

const slo = (id: string, target: number): Slo => ({
  id,
  name: `${id} availability`,
  service: id,
  labels: { team: 'prom-test' },
  sli: { kind: 'ratio', bad: `${METRIC}{service="${id}",outcome="SERVER_ERROR"}`, total: `${METRIC}{service="${id}"}` },
  objective: { target },
  window: { type: 'rolling', duration: '2d' },
});

const checkout = slo('checkout', 0.99);
const payments = slo('payments', 0.99);
const ghost = slo('ghost', 0.999);

const rand = prng(7);
function events(s: HttpSeries, t: number): number {
  if (s.service === 'payments') {
    // Steady: 100 + 100 OK, 5 client errors, 1 server error (503) per minute.
    return { '200': 100, '404': 5, '500': 0, '503': 1 }[s.status] ?? 0;
  }
  const r = rand();
  switch (s.status) {
    case '200':
      return 20 + Math.floor(r * 130);
    case '404':
      return Math.floor(r * 6);
    case '500':
      return r < 0.3 ? 1 : 0;
    default:
      // 503: a burst of 20 a minute in the last hour only.
      return t > END - 3600 ? 20 : 0;
  }
}

const data = buildCounters({
  startSec: START,
  endSec: END,
  stepSec: STEP,
  series: [...serviceSeries('checkout'), ...serviceSeries('payments')],
  events,
});

const bad = (svc: string) => (s: HttpSeries) => s.service === svc && s.outcome === 'SERVER_ERROR';
const all = (svc: string) => (s: HttpSeries) => s.service === svc;
const truthRatio = (svc: string, seconds: number) =>
  tally(data, bad(svc), END - seconds, END) / tally(data, all(svc), END - seconds, END);

// Only payments has rules: backfill what fetchSloSnapshots reads (period ratio, 1h burn rate, 5m error ratio) and
// their inputs.
const prom = setUpPrometheus('slo-status', data, async (fixture) => {
  const rules = generatePrometheusRules([payments], { interval: `${STEP}s` }).groups.flatMap((g) =>
    g.rules.filter((r): r is RecordingRule => 'record' in r)
  );
  const levels = ruleLevels(rules, [SERIES.periodErrorRatio, SERIES.burnRate1h, errorRatioSeries('5m')]);
  await backfillRules(fixture.server, levels, END - WINDOW_SEC - 2 * 3600, END, STEP);
});

// The instant query runs at END, a sample time, and Prometheus 2.x ranges are closed: `rate(x[2d])` then reads a
// sample at both ends, so there is no extrapolation and rate × window is exactly the tally. What remains is float
// rounding of sums of ~10^5, hence a relative tolerance of 1e-12.
const REL = 1e-12;
const close = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(REL * Math.abs(expected));
};

describe('fetchSloSnapshots on a real Prometheus', () => {
  it('reads the rule series for payments, falls back to raw queries for checkout, and finds no data for ghost', async () => {
    const snaps = await fetchSloSnapshots([checkout, payments, ghost], 'prom', END * 1000);

    // Two /api/ds/query requests for one data source: the rule series, then the raw fallback for the rest.
    expect(prom.backend().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/ds/query',
      'POST /api/ds/query',
    ]);

    const c = snaps.get('checkout')!;
    const cRatio = truthRatio('checkout', WINDOW_SEC);
    const cBurn = truthRatio('checkout', 3600) / 0.01;
    expect(c.source).toBe('raw');
    expect(c.error).toBeUndefined();
    close(c.errorRatio, cRatio);
    close(c.sli, 1 - cRatio);
    close(c.remaining, 1 - cRatio / 0.01);
    close(c.burnRate1h, cBurn);
    // The data make the status unambiguous: budget left, but burning ≥ 6× in the last hour.
    expect(cBurn).toBeGreaterThan(6);
    expect(1 - cRatio / 0.01).toBeGreaterThan(0.25);
    expect(c.status).toBe('burning_fast');
    // The raw fallback reads 1h only: no 5m burn rate rather than a guess.
    expect(c.burnRate5m).toBeUndefined();

    const p = snaps.get('payments')!;
    // Steady traffic: every 5m and 1h rate is the same, so the rules' hourly roll-up (an average of rates) equals the
    // event-weighted ratio; the only difference left is float rounding. Under uneven traffic it does not (see
    // bench/results/budget-30d.md); this test checks the path and the labels, not that weighting.
    const pRatio = truthRatio('payments', WINDOW_SEC);
    expect(pRatio).toBe(1 / 206);
    expect(p.source).toBe('rules');
    close(p.errorRatio, pRatio);
    close(p.remaining, 1 - pRatio / 0.01);
    close(p.burnRate1h, truthRatio('payments', 3600) / 0.01);
    // The 5m burn rate comes from the recorded slo:sli_error:ratio_rate5m, read in the same (first) request.
    close(p.burnRate5m ?? null, truthRatio('payments', 300) / 0.01);
    expect(p.status).toBe('healthy');

    const g = snaps.get('ghost')!;
    expect(g).toMatchObject({
      source: 'raw',
      errorRatio: null,
      sli: null,
      remaining: null,
      burnRate1h: null,
      status: 'no_data',
    });
  });

  it('uses the raw path for every SLO when no rules exist for them, with the same exact numbers', async () => {
    const paymentsNoRules = { ...payments, id: 'payments-raw' };
    const snaps = await fetchSloSnapshots([paymentsNoRules], 'prom', END * 1000);
    const p = snaps.get('payments-raw')!;
    expect(p.source).toBe('raw');
    close(p.errorRatio, 1 / 206);
    close(p.burnRate1h, 1 / 206 / 0.01);
  });

  it('keeps the other SLOs of a batch when Prometheus rejects one query (Grafana answers the batch with 400)', async () => {
    const broken: Slo = { ...checkout, id: 'broken', sli: { kind: 'ratio', bad: 'sum(rate(x[5m]', total: METRIC } };
    const paymentsNoRules = { ...payments, id: 'payments-raw' };
    const snaps = await fetchSloSnapshots([broken, paymentsNoRules], 'prom', END * 1000);
    expect(snaps.get('broken')).toMatchObject({ status: 'no_data', errorRatio: null });
    // Prometheus's own message reaches the user, not just "Bad Request".
    expect(snaps.get('broken')!.error).toMatch(/parse error/);
    close(snaps.get('payments-raw')!.errorRatio, 1 / 206);
  });
});
