import { checkRequest } from '../../tests/contract/openapi';
import type { Sla } from '../domain/sla/model';
import { lastSlaPeriods } from '../domain/sla/period';
import type { Slo } from '../domain/slo/model';
import { parsePromQL } from '../domain/slo/promql';
import { measuredUntil } from '../domain/sla/queries';
import { fetchSlaResults, slaExclusions } from './slaCompliance';
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

const slo: Slo = {
  id: 'api',
  name: 'API',
  service: 'api',
  sli: { kind: 'ratio', bad: 'req_total{code="500"}', total: 'req_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};
const sla: Sla = {
  id: 'acme',
  name: 'Acme',
  services: ['api'],
  indicator: { sloId: 'api' },
  target: 0.999,
  method: { kind: 'events' },
  period: { unit: 'month', timeZone: 'Europe/Berlin' },
  credits: [{ below: 0.999, creditPercent: 10 }],
};
const NOW = Date.UTC(2026, 2, 15, 12, 0, 30);
const periods = lastSlaPeriods(NOW, 'month', 'Europe/Berlin', 12);

beforeEach(() => {
  backend.requests.length = 0;
});

describe('fetchSlaResults', () => {
  it('reads 12 periods with ONE /api/ds/query request that matches the Grafana API spec', async () => {
    answer = (queries) => ({
      data: {
        results: Object.fromEntries(
          queries.map((q) => [q.refId, { frames: [frame(q.refId.endsWith('_bad') ? 2000 : 1_000_000)] }])
        ),
      },
    });
    const maintenance = [
      {
        id: 'm',
        title: 'upgrade',
        services: ['api', 'db'],
        start: periods[11].start + 3_600_000,
        end: periods[11].start + 7_200_000,
      },
    ];
    const results = await fetchSlaResults(sla, [slo], periods, maintenance, NOW, 'prom');
    expect(backend.requests).toHaveLength(1);
    expect(checkRequest(backend.requests[0])).toEqual([]);
    const body = backend.requests[0].body as { queries: Query[] };
    expect(body.queries).toHaveLength(24);
    for (const q of body.queries) {
      expect(q.datasource.uid).toBe('prom');
      expect(q.instant).toBe(true);
      expect(parsePromQL(q.expr)).toEqual([]);
    }
    expect(results).toHaveLength(12);
    expect(results[0]).toMatchObject({ standing: 'breached', creditPercent: 10, running: false });
    expect(results[0].achieved).toBeCloseTo(0.998, 12);
    expect(results[11]).toMatchObject({ running: true, creditPercent: 0 });
    expect(results[11].exclusions).toEqual([expect.objectContaining({ id: 'm', title: 'upgrade' })]);
    // The running month is read up to the last minute surely written (its sample is written up to a minute later).
    const until = measuredUntil(NOW);
    expect(until).toBe(Date.UTC(2026, 2, 15, 11, 59));
    expect(body.queries.find((q) => q.refId === 'p11_bad')!.expr).toContain(
      `@ ${((until + 59_999) / 1000).toFixed(3)}`
    );
  });

  it('no answer or no events is no data; a failed query surfaces its error', async () => {
    answer = () => ({ data: { results: { p0_total: { frames: [frame(0)] } } } });
    const [r] = await fetchSlaResults(sla, [slo], periods.slice(0, 1), [], NOW, 'prom');
    expect(r.standing).toBe('no_data');
    answer = (queries) => ({
      status: 400,
      data: { results: { [queries[0].refId]: { error: 'bad_data: parse error' } } },
    });
    await expect(fetchSlaResults(sla, [slo], periods.slice(0, 1), [], NOW, 'prom')).rejects.toThrow('parse error');
  });

  it('needs the SLO and a data source, and sends nothing without them', async () => {
    await expect(fetchSlaResults(sla, [], periods, [], NOW, 'prom')).rejects.toThrow('indicator.sloId: no SLO "api"');
    await expect(fetchSlaResults(sla, [slo], periods, [], NOW)).rejects.toThrow(/No data source/);
    expect(backend.requests).toHaveLength(0);
  });

  it('a period entirely in the future or excluded sends no query for it', async () => {
    answer = () => ({ data: { results: {} } });
    const future = lastSlaPeriods(NOW + 40 * 86_400_000, 'month', 'Europe/Berlin', 1);
    const [r] = await fetchSlaResults(sla, [slo], future, [], NOW, 'prom');
    expect(r.standing).toBe('no_data');
    expect(backend.requests).toHaveLength(0);
  });
});

describe('slaExclusions', () => {
  it('applies windows that share a service with the SLA and are not cancelled', () => {
    const w = (id: string, services: string[], cancelled?: boolean) => ({
      id,
      title: id,
      services,
      start: 0,
      end: 1,
      cancelled,
    });
    expect(
      slaExclusions({ services: ['api', 'web'] }, [w('a', ['web']), w('b', ['db']), w('c', ['api'], true)]).map(
        (x) => x.id
      )
    ).toEqual(['a']);
  });
});
