/**
 * fetchIncidentBudgets (and the PromQL of incidentBudgetQueries) against a REAL Prometheus (tests/prometheus):
 * 3 days of steady traffic with a few background errors, and an incident of exactly 20 minutes during which every
 * request of the service fails. Ground truth is the generator's exact tally.
 */
import type { Slo } from '../domain/slo/model';
import { buildCounters, METRIC, serviceSeries, tally, type HttpSeries, setUpPrometheus } from '../../tests/prometheus';
import { fetchIncidentBudgets, incidentBudgetQueries } from './incidentBudget';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => prom.backend().srv,
}));

jest.setTimeout(60_000);

const STEP = 60;
const START = Date.UTC(2024, 5, 3) / 1000;
const END = START + 3 * 86400;
const WINDOW = 2 * 86400;
const INC_START = END - 6 * 3600; // the incident: (INC_START, INC_END], 20 minutes, both on sample times
const INC_END = INC_START + 20 * 60;

function events(s: HttpSeries, t: number): number {
  const inIncident = t > INC_START && t <= INC_END;
  if (inIncident) {
    // Every request fails: 50 a minute of 503 on the cart endpoint, 70 of 500 on orders.
    return { '503': 50, '500': 70 }[s.status] ?? 0;
  }
  // Otherwise 60 + 60 OK, 3 client errors and one 500 every 10 minutes.
  return { '200': 60, '404': 3, '500': t % 600 === 0 ? 1 : 0, '503': 0 }[s.status] ?? 0;
}

const data = buildCounters({ startSec: START, endSec: END, stepSec: STEP, series: serviceSeries('cart'), events });

const slo = (id: string, service: string, target: number): Slo => ({
  id,
  name: id,
  service,
  labels: {},
  sli: {
    kind: 'ratio',
    bad: `${METRIC}{service="${service}",outcome="SERVER_ERROR"}`,
    total: `${METRIC}{service="${service}"}`,
  },
  objective: { target },
  window: { type: 'rolling', duration: '2d' },
});

const prom = setUpPrometheus('incident-budget', data);

// The incident's ends and the SLO window's start are sample times and Prometheus 2.x ranges are closed, so
// `rate(x[Ns]) * N` reads a sample at both ends and equals the increase exactly (no extrapolation); only float
// rounding remains (relative 1e-12). An incident that starts or ends between two scrapes would be extrapolated by
// up to one scrape interval's worth of events.
const REL = 1e-12;

describe('incident budget on a real Prometheus', () => {
  it('consumed = bad events in the incident / (error budget × all events in the SLO window)', async () => {
    const cart = slo('cart-availability', 'cart', 0.99);
    const strict = slo('cart-strict', 'cart', 0.999);
    const missing = slo('ghost', 'ghost', 0.99);
    const budgets = await fetchIncidentBudgets(
      [cart, strict, missing],
      { startedAt: INC_START * 1000, endedAt: INC_END * 1000 },
      'prom'
    );

    const badInIncident = tally(data, (s) => s.outcome === 'SERVER_ERROR', INC_START, INC_END);
    const totalInWindow = tally(data, () => true, INC_END - WINDOW, INC_END);
    expect(badInIncident).toBe(20 * (50 + 70)); // 20 minutes × 120 failures (the background 500s are replaced)
    for (const [s, budget] of [
      [cart, 0.01],
      [strict, 0.001],
    ] as const) {
      const expected = badInIncident / (budget * totalInWindow);
      const got = budgets.get(s.id)!;
      expect(got.error).toBeUndefined();
      expect(got.window).toBe('2d');
      expect(Math.abs(got.consumed! - expected)).toBeLessThanOrEqual(REL * expected);
    }
    // No series for ghost: unknown, not 0.
    expect(budgets.get('ghost')).toEqual({ window: '2d' });
    // One request for the one data source, whatever the number of SLOs.
    expect(prom.backend().requests.map((r) => r.url)).toEqual(['/api/ds/query']);
  });

  it('the pure queries are what the fetcher sent', async () => {
    const cart = slo('cart-availability', 'cart', 0.99);
    await fetchIncidentBudgets([cart], { startedAt: INC_START * 1000, endedAt: INC_END * 1000 }, 'prom');
    const q = incidentBudgetQueries(cart, INC_START * 1000, INC_END * 1000);
    const body = prom.backend().requests[0].body as { queries: Array<{ expr: string }> };
    expect(body.queries.map((x) => x.expr)).toEqual([q.bad, q.total]);
  });
});
