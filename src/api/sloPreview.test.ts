import type { Slo } from '../domain/slo/model';
import { checkRequest } from '../../tests/contract/openapi';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { PREVIEW_RANGE_MS, fetchSloPreview } from './sloPreview';

type Body = {
  from: string;
  to: string;
  queries: Array<{ refId: string; expr: string; instant: boolean; intervalMs?: number }>;
};

let respond: (body: Body) => unknown;
const backend = createFakeBackend((req: RecordedRequest) => ({ data: respond(req.body as Body) }));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const slo: Slo = {
  id: 'a',
  name: 'A',
  service: 'api',
  sli: { kind: 'availability', metric: 'probe_success', matchers: [{ name: 'job', op: '=', value: 'api' }] },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};

const frame = (times: number[], values: number[]) => ({
  schema: { fields: [{ name: 'Time' }, { name: 'Value' }] },
  data: { values: [times, values] },
});

beforeEach(() => {
  backend.requests.length = 0;
});

describe('fetchSloPreview', () => {
  it('sends a 7-day hourly range query and a 7-day instant query that match the Grafana API spec', async () => {
    respond = () => ({ results: {} });
    await fetchSloPreview(slo, 'prom', 1_000_000_000_000);
    expect(backend.requests).toHaveLength(2);
    backend.requests.forEach((r) => expect(checkRequest(r)).toEqual([]));
    const [range, instant] = backend.requests.map((r) => r.body as Body);
    expect(range).toMatchObject({ from: String(1_000_000_000_000 - PREVIEW_RANGE_MS), to: '1000000000000' });
    expect(range.queries[0]).toMatchObject({
      expr: '(1 - avg(avg_over_time(probe_success{job="api"}[1h])))',
      instant: false,
      intervalMs: 3600000,
    });
    expect(instant.queries[0]).toMatchObject({
      expr: '(1 - avg(avg_over_time(probe_success{job="api"}[7d])))',
      instant: true,
    });
  });

  it('turns error ratios into the SLI and the remaining budget', async () => {
    respond = (body) =>
      body.queries[0].instant
        ? { results: { total: { frames: [frame([3], [0.005])] } } }
        : { results: { ratio: { frames: [frame([1, 2], [0.01, 0])] } } };
    const preview = await fetchSloPreview(slo, 'prom');
    expect(preview.sli).toEqual([
      [1, 0.99],
      [2, 1],
    ]);
    expect(preview.errorRatio).toBe(0.005);
    expect(preview.remaining).toBeCloseTo(0.5);
  });

  it('gives no data for empty results and throws the data source error', async () => {
    respond = () => ({ results: {} });
    await expect(fetchSloPreview(slo, 'prom')).resolves.toEqual({ sli: [], errorRatio: null, remaining: null });
    respond = (body) => ({ results: { [body.queries[0].refId]: { error: 'bad_data: parse error' } } });
    await expect(fetchSloPreview(slo, 'prom')).rejects.toThrow('bad_data: parse error');
  });
});
