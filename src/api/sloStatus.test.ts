import type { Slo } from '../domain/slo/model';
import { checkRequest } from '../../tests/contract/openapi';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { fetchSloSnapshots } from './sloStatus';

type Query = { refId: string; expr: string; datasource: { uid: string } };
let answer: (queries: Query[]) => Record<string, unknown> = () => ({});
const backend = createFakeBackend((req: RecordedRequest) => {
  const queries = (req.body as { queries: Query[] }).queries;
  return { data: { results: answer(queries) } };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const frame = (value: number, labels: Record<string, string> = {}) => ({
  schema: { fields: [{ name: 'Time' }, { name: 'Value', labels }] },
  data: { values: [[1000], [value]] },
});

const slo = (id: string, uid?: string): Slo => ({
  id,
  name: id,
  service: 'svc',
  sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  ...(uid ? { datasource: { uid } } : {}),
});

beforeEach(() => {
  backend.requests.length = 0;
});

describe('fetchSloSnapshots', () => {
  it('reads rule series for every SLO in one request per data source, whatever the SLO count', async () => {
    // Every SLO has rules: period error ratio 0.005 (half the 1% budget), burn rate 2.
    answer = (queries) =>
      Object.fromEntries(
        queries.map((q) => {
          const ids = q.expr.match(/slo_id=~"([^"]*)"/)![1].split('|');
          const value = q.refId === 'period' ? 0.005 : 2;
          return [q.refId, { frames: ids.map((id) => frame(value, { slo_id: id })) }];
        })
      );
    const ten = Array.from({ length: 10 }, (_, i) => slo(`s${i}`));
    const hundred = Array.from({ length: 100 }, (_, i) => slo(`s${i}`, i % 2 ? 'prom-b' : undefined));

    const small = await fetchSloSnapshots(ten, 'prom-a', 5000);
    const smallRequests = backend.requests.length;
    backend.requests.length = 0;
    const large = await fetchSloSnapshots(hundred, 'prom-a', 5000);

    expect(smallRequests).toBe(1);
    expect(backend.requests).toHaveLength(2); // two data sources
    expect(backend.requests.every((r) => checkRequest(r).length === 0)).toBe(true);
    // The answer gives 2 for the 5m error ratio too: impossible, so no 5m burn rate rather than 200×.
    expect(small.get('s3')).toEqual({ errorRatio: 0.005, sli: 0.995, remaining: 0.5, burnRate1h: 2, burnRate5m: null, status: 'at_risk', source: 'rules' });
    expect(large.size).toBe(100);
  });

  it('reads the 5m error ratio in the same request, as a burn rate, so a policy can use a 5m window', async () => {
    const values: Record<string, number> = { period: 0.002, burn: 3, ratio5m: 0.05 };
    answer = (queries) =>
      Object.fromEntries(queries.map((q) => [q.refId, { frames: [frame(values[q.refId], { slo_id: 'fast' })] }]));
    const result = await fetchSloSnapshots([slo('fast')], 'prom', 5000);
    expect(backend.requests).toHaveLength(1);
    const queries = (backend.requests[0].body as { queries: Query[] }).queries;
    expect(queries.map((q) => q.expr)).toContain('slo:sli_error:ratio_rate5m{slo_id=~"fast"}');
    // 5% errors over 5m on a 1% budget: burning 5× as fast as the budget allows.
    expect(result.get('fast')).toMatchObject({ burnRate1h: 3, burnRate5m: 5, source: 'rules' });
  });

  it('falls back to raw SLI queries, in one more request, for SLOs without rules', async () => {
    answer = (queries) =>
      Object.fromEntries(
        queries.map((q) => {
          if (q.refId === 'period') {
            return [q.refId, { frames: [frame(0, { slo_id: 'with-rules' })] }];
          }
          if (q.refId === 'burn') {
            return [q.refId, { frames: [frame(0, { slo_id: 'with-rules' })] }];
          }
          // raw: p0 = 30d error ratio, b0 = 1h error ratio
          return [q.refId, { frames: [frame(q.refId === 'p0' ? 0.02 : 0.1)] }];
        })
      );
    const result = await fetchSloSnapshots([slo('with-rules'), slo('no-rules')], 'prom', 5000);
    expect(backend.requests).toHaveLength(2);
    const rawQueries = (backend.requests[1].body as { queries: Query[] }).queries;
    expect(rawQueries.map((q) => q.expr)).toEqual([
      expect.stringContaining('[30d]'),
      expect.stringContaining('[1h]'),
    ]);
    expect(result.get('with-rules')).toMatchObject({ remaining: 1, status: 'healthy', source: 'rules' });
    // 0.02 error ratio on a 1% budget: overspent; 0.1 over 1h is a burn rate of 10.
    expect(result.get('no-rules')).toMatchObject({ errorRatio: 0.02, remaining: -1, burnRate1h: 10, status: 'exhausted', source: 'raw' });
  });

  it('shows no data, never 100% or 0%, when a series is missing', async () => {
    answer = (queries) => Object.fromEntries(queries.map((q) => [q.refId, { frames: [] }]));
    const result = await fetchSloSnapshots([slo('quiet')], 'prom', 5000);
    expect(result.get('quiet')).toEqual({ errorRatio: null, sli: null, remaining: null, burnRate1h: null, status: 'no_data', source: 'raw' });
  });

  it('marks every SLO of a failing data source as no data with the error, and leaves the others', async () => {
    const failing = createFakeBackend(() => ({ status: 502, data: { message: 'Bad Gateway' } }));
    const okFetch = backend.srv.fetch;
    backend.srv.fetch = (options) =>
      (options.data as { queries: Query[] }).queries[0].datasource.uid === 'down' ? failing.srv.fetch(options) : okFetch(options);
    answer = (queries) => Object.fromEntries(queries.map((q) => [q.refId, { frames: [frame(0.001, { slo_id: 'up' })] }]));
    try {
      const result = await fetchSloSnapshots([slo('up', 'fine'), slo('down', 'down')], undefined, 5000);
      expect(result.get('down')).toMatchObject({ status: 'no_data', error: expect.stringContaining('Bad Gateway') });
      expect(result.get('up')).toMatchObject({ status: 'healthy', source: 'rules' });
    } finally {
      backend.srv.fetch = okFetch;
    }
  });

  it('says which setting is missing when no data source is known', async () => {
    const result = await fetchSloSnapshots([slo('orphan')], undefined, 5000);
    expect(result.get('orphan')?.error).toMatch(/No data source/);
    expect(backend.requests).toEqual([]);
  });

  it('escapes SLO ids inside the slo_id regex', async () => {
    answer = () => ({});
    await fetchSloSnapshots([slo('a.b')], 'prom', 5000);
    const expr = (backend.requests[0].body as { queries: Query[] }).queries[0].expr;
    expect(expr).toBe('slo:sli_error:ratio_period{slo_id=~"a\\\\.b"}');
  });
});
