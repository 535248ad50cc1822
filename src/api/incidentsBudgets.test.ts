import { checkRequest } from '../../tests/contract/openapi';
import type { Slo } from '../domain/slo/model';
import { checkPromQL } from '../domain/slo/promql';
import { evaluatedAt, fetchIncidentsBudgets, incidentBudgetQueries } from './incidentBudget';
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
  sli: { kind: 'ratio', bad: 'errors_total{service="demo-api"}', total: 'requests_total{service="demo-api"}' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  ...(uid ? { datasource: { uid } } : {}),
});

const T = Date.UTC(2026, 10, 28, 10, 0, 0);
const MIN = 60_000;

beforeEach(() => {
  backend.requests.length = 0;
});

describe('fetchIncidentsBudgets', () => {
  it('sends one request per data source for all the incidents, each pinned to its own end', async () => {
    answer = (queries) => ({
      data: {
        results: Object.fromEntries(
          queries.map((q) => [q.refId, { frames: [frame(q.refId.startsWith('bad') ? 2500 : 1_000_000)] }])
        ),
      },
    });
    const incidents = Array.from({ length: 12 }, (_, i) => ({
      id: `INC-${i}`,
      startedAt: T + i * 60 * MIN,
      endedAt: T + i * 60 * MIN + 30 * MIN,
      slos: i % 2 === 0 ? [ratio('a'), ratio('b', 'other')] : [ratio('a')],
    }));
    const budgets = await fetchIncidentsBudgets(incidents, 'prom');

    expect(backend.requests.map((r) => (r.body as { queries: Query[] }).queries[0].datasource.uid)).toEqual([
      'prom',
      'other',
    ]);
    for (const req of backend.requests) {
      expect(checkRequest(req)).toEqual([]);
    }
    const prom = backend.requests[0].body as { from: string; to: string; queries: Query[] };
    expect(prom.from).toBe(String(T));
    expect(prom.to).toBe(String(T + 11 * 60 * MIN + 30 * MIN));
    expect(prom.queries).toHaveLength(24);
    // The incident that ended last needs no pinning; every other one is evaluated at its own end.
    const q0 = incidentBudgetQueries(ratio('a'), incidents[0].startedAt, incidents[0].endedAt);
    expect(prom.queries[0].expr).toBe(evaluatedAt(q0.bad, incidents[0].endedAt));
    expect(prom.queries[0].expr).toContain(`@ ${(incidents[0].endedAt / 1000).toFixed(3)}`);
    const q11 = incidentBudgetQueries(ratio('a'), incidents[11].startedAt, incidents[11].endedAt);
    expect(prom.queries.slice(-2).map((q) => q.expr)).toEqual([q11.bad, q11.total]);
    for (const q of prom.queries) {
      expect(checkPromQL(q.expr)).toEqual([]);
    }
    // (1 − 0.99) × 1,000,000 = 10,000 bad events of budget; 2,500 of them is 25%.
    expect(budgets.get('INC-0')!.get('a')?.consumed).toBeCloseTo(0.25, 12);
    expect(budgets.get('INC-0')!.get('b')?.consumed).toBeCloseTo(0.25, 12);
    expect([...budgets.get('INC-1')!.keys()]).toEqual(['a']);
  });

  it('marks the SLOs of a failed data source and of none, and keeps the others', async () => {
    answer = (queries) =>
      queries[0].datasource.uid === 'down'
        ? { status: 502, data: { message: 'bad gateway' } }
        : { data: { results: { bad0: { frames: [frame(0)] }, total0: { frames: [frame(100)] } } } };
    const budgets = await fetchIncidentsBudgets(
      [
        { id: 'INC-1', startedAt: T, endedAt: T + MIN, slos: [ratio('a', 'down'), ratio('b', 'up')] },
        { id: 'INC-2', startedAt: T, endedAt: T + MIN, slos: [ratio('c')] },
        { id: 'INC-3', startedAt: T, endedAt: T + MIN, slos: [] },
      ],
      undefined
    );
    expect(budgets.get('INC-1')!.get('a')?.error).toMatch(/bad gateway/);
    expect(budgets.get('INC-1')!.get('b')).toEqual({ window: '30d', consumed: 0 });
    expect(budgets.get('INC-2')!.get('c')?.error).toMatch(/No data source/);
    expect(budgets.get('INC-3')!.size).toBe(0);
    expect(backend.requests).toHaveLength(2);
  });
});
