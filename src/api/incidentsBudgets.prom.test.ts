/**
 * fetchIncidentsBudgets against a REAL Prometheus (tests/prometheus): two incidents that ended at different times
 * share ONE /api/ds/query request, the earlier one pinned to its own end with the `@` modifier (evaluatedAt). Each
 * must equal the generator's exact tally, as the one-incident fetch does.
 */
import type { Slo } from '../domain/slo/model';
import { buildCounters, METRIC, serviceSeries, tally, setUpPrometheus, type HttpSeries } from '../../tests/prometheus';
import { fetchIncidentsBudgets } from './incidentBudget';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => prom.backend().srv,
}));

jest.setTimeout(60_000);

const STEP = 60;
const START = Date.UTC(2024, 5, 3) / 1000;
const END = START + 3 * 86400;
const WINDOW = 2 * 86400;
// Two incidents on sample times: A 20 minutes six hours before the end, B 10 minutes one hour before it.
const A = { start: END - 6 * 3600, end: END - 6 * 3600 + 20 * 60 };
const B = { start: END - 3600, end: END - 3600 + 10 * 60 };
const inside = (t: number, i: { start: number; end: number }) => t > i.start && t <= i.end;

function events(s: HttpSeries, t: number): number {
  if (inside(t, A)) {
    return { '503': 50, '500': 70 }[s.status] ?? 0;
  }
  if (inside(t, B)) {
    return { '200': 30, '500': 90 }[s.status] ?? 0;
  }
  return { '200': 60, '404': 3, '500': t % 600 === 0 ? 1 : 0, '503': 0 }[s.status] ?? 0;
}

const data = buildCounters({ startSec: START, endSec: END, stepSec: STEP, series: serviceSeries('cart'), events });

const slo = (id: string, target: number): Slo => ({
  id,
  name: id,
  service: 'cart',
  labels: {},
  sli: {
    kind: 'ratio',
    bad: `${METRIC}{service="cart",outcome="SERVER_ERROR"}`,
    total: `${METRIC}{service="cart"}`,
  },
  objective: { target },
  window: { type: 'rolling', duration: '2d' },
});

const prom = setUpPrometheus('incidents-budgets', data);
const REL = 1e-12;

describe('budgets of several incidents on a real Prometheus', () => {
  it('pins each incident to its own end in one request and matches the exact tally', async () => {
    const cart = slo('cart-availability', 0.99);
    const strict = slo('cart-strict', 0.999);
    const budgets = await fetchIncidentsBudgets(
      [
        { id: 'INC-A', startedAt: A.start * 1000, endedAt: A.end * 1000, slos: [cart, strict] },
        { id: 'INC-B', startedAt: B.start * 1000, endedAt: B.end * 1000, slos: [cart] },
      ],
      'prom'
    );
    expect(prom.backend().requests.map((r) => r.url)).toEqual(['/api/ds/query']);
    const sent = (prom.backend().requests[0].body as { queries: Array<{ expr: string }> }).queries.map((q) => q.expr);
    // A ended first: its queries are pinned; B ended last, at the request's time: its queries are as for one incident.
    expect(sent.filter((e) => e.includes(`@ ${A.end}.000`))).toHaveLength(4);
    expect(sent.filter((e) => e.includes('@'))).toHaveLength(4);

    for (const [id, incident, s, budget] of [
      ['INC-A', A, cart, 0.01],
      ['INC-A', A, strict, 0.001],
      ['INC-B', B, cart, 0.01],
    ] as const) {
      const bad = tally(data, (x) => x.outcome === 'SERVER_ERROR', incident.start, incident.end);
      const total = tally(data, () => true, incident.end - WINDOW, incident.end);
      const expected = bad / (budget * total);
      const got = budgets.get(id)!.get(s.id)!;
      expect(got.error).toBeUndefined();
      expect(Math.abs(got.consumed! - expected)).toBeLessThanOrEqual(REL * expected);
    }
  });
});
