import { checkRequest } from '../../tests/contract/openapi';
import type { Slo } from '../domain/slo/model';
import { incidentBudgetQueries } from './incidentBudget';
import { fetchReleaseBudgets, listReleases, parseRelease, RELEASE_LIMIT } from './releases';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

let responder: (req: RecordedRequest) => { status?: number; data: unknown } = () => ({ data: [] });
const backend = createFakeBackend((req) => responder(req));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const SLO: Slo = {
  id: 'checkout-availability',
  name: 'Checkout',
  service: 'checkout',
  sli: {
    kind: 'ratio',
    bad: 'http_server_requests_seconds_count{service="checkout",outcome="SERVER_ERROR"}',
    total: 'http_server_requests_seconds_count{service="checkout"}',
  },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
  datasource: { uid: 'prom', type: 'prometheus' },
};

const gateAnnotation = (
  id: number,
  time: number,
  decision: string,
  extra: { tags?: string[]; data?: unknown } = {}
) => ({
  id,
  time,
  tags: ['sre-release', 'service:checkout', 'version:1.4.2', `decision:${decision}`, ...(extra.tags ?? [])],
  data: extra.data ?? { decision },
});

const frame = (value: number) => ({
  schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: {} }] },
  data: { values: [[NOW], [value]] },
});

beforeEach(() => {
  backend.requests.length = 0;
});

describe('listReleases', () => {
  it('lists the service releases of a range with ONE GET /api/annotations that matches the spec, newest first', async () => {
    responder = () => ({
      data: [gateAnnotation(1, NOW - 7200_000, 'ship'), gateAnnotation(2, NOW - 3600_000, 'blocked')],
    });
    const { releases, truncated } = await listReleases({ service: 'checkout', from: NOW - 86_400_000, to: NOW });
    expect(backend.requests).toHaveLength(1);
    expect(checkRequest(backend.requests[0])).toEqual([]);
    expect(backend.requests[0].params).toEqual({
      tags: ['sre-release', 'service:checkout'],
      matchAny: false,
      type: 'annotation',
      from: NOW - 86_400_000,
      to: NOW,
      limit: RELEASE_LIMIT + 1,
    });
    expect(truncated).toBe(false);
    expect(releases.map((r) => [r.annotationId, r.decision, r.version])).toEqual([
      [2, 'blocked', '1.4.2'],
      [1, 'ship', '1.4.2'],
    ]);
  });

  it('says when the range holds more releases than the limit', async () => {
    responder = () => ({ data: [1, 2, 3].map((i) => gateAnnotation(i, NOW - i, 'ship')) });
    const { releases, truncated } = await listReleases({ service: 'checkout', from: 0, to: NOW, limit: 2 });
    expect(truncated).toBe(true);
    expect(releases).toHaveLength(2);
  });

  it('reads the exception the gate records (exception = reason, approver at the top level)', () => {
    const r = parseRelease(
      gateAnnotation(3, NOW, 'ship', {
        tags: ['exception'],
        data: { decision: 'ship', exception: 'CVE fix', approver: 'sam', exceptionUsed: true },
      })
    );
    expect(r).toEqual({
      annotationId: 3,
      time: NOW,
      version: '1.4.2',
      decision: 'ship',
      exception: { reason: 'CVE fix', approver: 'sam' },
    });
    // An exception given to a gate that did not need it is not a release through a freeze.
    expect(
      parseRelease(gateAnnotation(4, NOW, 'ship', { data: { exception: null, approver: 'sam' } })).exception
    ).toBeUndefined();
    expect(parseRelease({ id: 5, time: NOW, tags: ['sre-release', 'decision:maybe'] }).decision).toBe('unknown');
  });
});

describe('fetchReleaseBudgets', () => {
  it('asks ONE /api/ds/query for all releases: bad events since each, and the events of the SLO window', async () => {
    const releases = [
      { annotationId: 1, time: NOW - 3600_000 },
      { annotationId: 2, time: NOW - 600_000 },
    ];
    responder = () => ({
      data: {
        results: {
          bad0: { frames: [frame(50)] },
          bad1: { frames: [frame(10)] },
          total: { frames: [frame(1_000_000)] },
        },
      },
    });
    const budgets = await fetchReleaseBudgets(SLO, releases, SLO.datasource, NOW);
    expect(backend.requests).toHaveLength(1);
    expect(checkRequest(backend.requests[0])).toEqual([]);
    const body = backend.requests[0].body as {
      from: string;
      to: string;
      queries: Array<{ refId: string; expr: string; instant: boolean }>;
    };
    expect(body.to).toBe(String(NOW));
    expect(body.queries.map((q) => [q.refId, q.expr, q.instant])).toEqual([
      ['bad0', incidentBudgetQueries(SLO, NOW - 3600_000, NOW).bad, true],
      ['bad1', incidentBudgetQueries(SLO, NOW - 600_000, NOW).bad, true],
      ['total', incidentBudgetQueries(SLO, NOW, NOW).total, true],
    ]);
    expect(body.queries[0].expr).toMatch(/\[3600s\].* \* 3600$/);
    // Budget = (1 − 0.999) × 1,000,000 = 1,000 bad events: 50 bad is 5%, 10 bad is 1%.
    expect(budgets.get(1)?.consumed).toBeCloseTo(0.05, 12);
    expect(budgets.get(2)?.consumed).toBeCloseTo(0.01, 12);
    expect(budgets.get(1)?.window).toBe('30d');
  });

  it('marks no data per release and a query error on the release it belongs to', async () => {
    responder = () => ({
      status: 400,
      data: { results: { bad0: { error: 'parse error' }, bad1: { frames: [] }, total: { frames: [frame(10)] } } },
    });
    const budgets = await fetchReleaseBudgets(
      SLO,
      [
        { annotationId: 1, time: NOW - 1000 },
        { annotationId: 2, time: NOW - 1000 },
      ],
      SLO.datasource,
      NOW
    );
    expect(budgets.get(1)).toEqual({ window: '30d', error: 'parse error' });
    expect(budgets.get(2)).toEqual({ window: '30d' });
  });

  it('sends nothing without releases or without a data source', async () => {
    expect((await fetchReleaseBudgets(SLO, [], SLO.datasource, NOW)).size).toBe(0);
    const none = await fetchReleaseBudgets(SLO, [{ annotationId: 1, time: NOW }], undefined, NOW);
    expect(none.get(1)?.error).toMatch(/No data source/);
    expect(backend.requests).toEqual([]);
  });
});
