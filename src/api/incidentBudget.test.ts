import { checkRequest } from '../../tests/contract/openapi';
import type { Slo } from '../domain/slo/model';
import { parsePromQL } from '../domain/slo/promql';
import { fetchIncidentBudgets, incidentBudgetQueries, incidentWindowSeconds } from './incidentBudget';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

type Query = { refId: string; expr: string; datasource: { uid: string }; instant: boolean };
let answer: (queries: Query[]) => { status?: number; data: unknown } = () => ({ data: { results: {} } });
const backend = createFakeBackend((req: RecordedRequest) => answer((req.body as { queries: Query[] }).queries));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const frame = (value: number) => ({
  schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: {} }] },
  data: { values: [[1000], [value]] },
});

const ratio = (id: string, uid?: string): Slo => ({
  id,
  name: id,
  service: 'demo-api',
  sli: {
    kind: 'ratio',
    bad: 'http_server_requests_seconds_count{service="demo-api",outcome="SERVER_ERROR"}',
    total: 'http_server_requests_seconds_count{service="demo-api"}',
  },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  ...(uid ? { datasource: { uid } } : {}),
});

const latency: Slo = {
  id: 'lat',
  name: 'lat',
  service: 'demo-api',
  sli: {
    kind: 'latency',
    metric: 'http_server_requests_seconds',
    threshold: 0.3,
    matchers: [{ name: 'service', op: '=', value: 'demo-api' }],
  },
  objective: { target: 0.95 },
  window: { type: 'calendar', unit: 'month', timeZone: 'UTC' },
};
const availability: Slo = { ...latency, id: 'up', sli: { kind: 'availability', metric: 'up', matchers: [] } };
const freeform: Slo = {
  ...latency,
  id: 'ff',
  sli: { kind: 'freeform', errorRatio: 'sum(rate(errors[{{.window}}])) / sum(rate(requests[{{.window}}]))' },
};

const START = Date.UTC(2026, 10, 28, 10, 0, 0);
const END = START + 45 * 60_000;

beforeEach(() => {
  backend.requests.length = 0;
});

describe('incidentBudgetQueries', () => {
  it('counts bad events over the incident window and all events over the SLO window', () => {
    expect(incidentBudgetQueries(ratio('a'), START, END)).toEqual({
      bad: '(sum(rate(http_server_requests_seconds_count{service="demo-api",outcome="SERVER_ERROR"}[2700s])) or vector(0)) * 2700',
      total: 'sum(rate(http_server_requests_seconds_count{service="demo-api"}[30d])) * 2592000',
    });
  });

  it.each([ratio('a'), latency, availability, freeform])('gives PromQL that parses for a $sli.kind SLI', (slo) => {
    const { bad, total } = incidentBudgetQueries(slo, START, END);
    expect(parsePromQL(bad)).toEqual([]);
    expect(parsePromQL(total)).toEqual([]);
  });

  it('uses at least one second and 30d for a calendar month', () => {
    expect(incidentWindowSeconds(START, START)).toBe(1);
    expect(incidentBudgetQueries(latency, START, START).total).toMatch(/\[30d\]\)\) \* 2592000$/);
  });
});

describe('fetchIncidentBudgets', () => {
  it('sends one instant query request per data source that matches the Grafana API spec', async () => {
    answer = (queries) => ({
      data: {
        results: Object.fromEntries(
          queries.map((q) => [q.refId, { frames: [frame(q.refId.startsWith('bad') ? 500 : 1_000_000)] }])
        ),
      },
    });
    const budgets = await fetchIncidentBudgets(
      [ratio('a'), ratio('b'), ratio('c', 'other')],
      { startedAt: START, endedAt: END },
      'prom'
    );
    expect(backend.requests).toHaveLength(2);
    for (const req of backend.requests) {
      expect(checkRequest(req)).toEqual([]);
    }
    const first = backend.requests[0].body as { from: string; to: string; queries: Query[] };
    expect(first.to).toBe(String(END));
    expect(first.queries.map((q) => [q.refId, q.datasource.uid, q.instant])).toEqual([
      ['bad0', 'prom', true],
      ['total0', 'prom', true],
      ['bad1', 'prom', true],
      ['total1', 'prom', true],
    ]);
    // budget = (1 − 0.99) × 1,000,000 = 10,000 bad events; 500 of them is 5%.
    expect(budgets.get('a')?.consumed).toBeCloseTo(0.05, 12);
    expect(budgets.get('c')).toEqual({ window: '30d', consumed: expect.closeTo(0.05, 12) });
  });

  it('reports no data without traffic or series, and the error of a failed query', async () => {
    answer = (queries) => ({
      data: {
        results: {
          bad0: { frames: [frame(3)] },
          total0: { frames: [frame(0)] },
          bad1: { frames: [] },
          total1: { frames: [frame(10)] },
          [queries[4].refId]: { error: 'parse error' },
        },
      },
    });
    const budgets = await fetchIncidentBudgets(
      [ratio('a'), ratio('b'), ratio('c')],
      { startedAt: START, endedAt: END },
      'prom'
    );
    expect(budgets.get('a')).toEqual({ window: '30d' });
    expect(budgets.get('b')).toEqual({ window: '30d' });
    expect(budgets.get('c')).toEqual({ window: '30d', error: 'parse error' });
  });

  it('marks every SLO of a failed request, and SLOs without a data source, without throwing', async () => {
    answer = () => ({ status: 502, data: { message: 'bad gateway' } });
    const budgets = await fetchIncidentBudgets([ratio('a'), ratio('b')], { startedAt: START, endedAt: END }, undefined);
    expect(backend.requests).toHaveLength(0);
    expect(budgets.get('a')?.error).toMatch(/No data source/);
    const failed = await fetchIncidentBudgets([ratio('a')], { startedAt: START, endedAt: END }, 'prom');
    expect(failed.get('a')?.error).toMatch(/bad gateway/);
  });

  it('clamps a floating-point negative bad count to zero', async () => {
    answer = (queries) => ({
      data: {
        results: Object.fromEntries(
          queries.map((q) => [q.refId, { frames: [frame(q.refId.startsWith('bad') ? -1e-12 : 100)] }])
        ),
      },
    });
    const budgets = await fetchIncidentBudgets([latency], { startedAt: START, endedAt: END }, 'prom');
    expect(budgets.get('lat')).toEqual({ window: '30d', consumed: 0 });
  });
});
