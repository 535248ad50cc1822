import { checkRequest } from '../../tests/contract/openapi';
import { createFakeBackend } from './testing/fakeBackend';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { parseResults, queryPrometheus, resolveDatasource } from './dsQuery';

let answer: unknown = {};
let status = 200;
const backend = createFakeBackend(() => ({ status, data: answer }));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

beforeEach(() => {
  backend.requests.length = 0;
  status = 200;
});

describe('queryPrometheus (POST /api/ds/query)', () => {
  it('sends every query in one request that matches the Grafana API spec', async () => {
    answer = { results: {} };
    await queryPrometheus(
      'prom',
      [
        { refId: 'A', expr: 'up' },
        { refId: 'B', expr: 'sum(rate(x[5m]))' },
      ],
      { from: 1000, to: 2000, instant: true }
    );
    expect(backend.requests).toHaveLength(1);
    const [req] = backend.requests;
    expect(checkRequest(req)).toEqual([]);
    expect(req.body).toMatchObject({
      from: '1000',
      to: '2000',
      queries: [
        { refId: 'A', expr: 'up', datasource: { uid: 'prom', type: 'prometheus' }, instant: true, range: false },
        { refId: 'B', expr: 'sum(rate(x[5m]))', instant: true },
      ],
    });
  });

  it('would be caught by the contract check if it dropped a required field', () => {
    expect(checkRequest({ method: 'POST', url: '/api/ds/query', body: { queries: [] } }).join()).toMatch(
      /required property 'from'/
    );
  });
});

describe('a batch in which one query fails', () => {
  // Grafana answers HTTP 400 for the whole request, with every query's result (and the failing one's error).
  const body = {
    results: {
      A: { status: 200, frames: [{ schema: { fields: [{ name: 'Time' }, { name: 'Value' }] }, data: { values: [[1], [0.5]] } }] },
      B: { status: 400, error: 'bad_data: 1:5: parse error: unexpected "}"', frames: [] },
    },
  };

  it('keeps the good results and reports the error only for the failing query', async () => {
    status = 400;
    answer = body;
    const result = await queryPrometheus('prom', [{ refId: 'A', expr: 'up' }, { refId: 'B', expr: 'up}' }], { from: 1, to: 2 });
    expect(result.A.series[0].points).toEqual([[1, 0.5]]);
    expect(result.B).toEqual({ series: [], error: 'bad_data: 1:5: parse error: unexpected "}"' });
  });

  it("still throws, with Grafana's message, when the failure is not per query", async () => {
    status = 403;
    answer = { message: 'Access denied to data source' };
    await expect(queryPrometheus('prom', [{ refId: 'A', expr: 'up' }], { from: 1, to: 2 })).rejects.toThrow(
      'POST /api/ds/query failed (403): Access denied to data source'
    );
  });
});

describe('parseResults', () => {
  it('reads labelled series from data frames, dropping null and NaN points', () => {
    const response = {
      results: {
        A: {
          frames: [
            {
              schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: { slo_id: 'a' } }] },
              data: { values: [[1, 2, 3], [0.5, null, 0.25]] },
            },
            {
              schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: { slo_id: 'b' } }] },
              data: { values: [[1], [NaN]] },
            },
          ],
        },
        B: { error: 'parse error at char 3', frames: [] },
      },
    };
    expect(parseResults(response, [{ refId: 'A', expr: '' }, { refId: 'B', expr: '' }, { refId: 'C', expr: '' }])).toEqual({
      A: {
        series: [
          { labels: { slo_id: 'a' }, points: [[1, 0.5], [3, 0.25]] },
          { labels: { slo_id: 'b' }, points: [] },
        ],
      },
      B: { series: [], error: 'parse error at char 3' },
      C: { series: [] },
    });
  });
});

describe('the data source type', () => {
  const sent = () => (backend.requests.at(-1)?.body as { queries: Array<{ datasource: unknown }> }).queries[0].datasource;

  it("uses the SLO's own type, e.g. Amazon Managed Prometheus", async () => {
    await queryPrometheus({ uid: 'amp', type: 'grafana-amazonprometheus-datasource' }, [{ refId: 'A', expr: 'up' }], {
      from: 1,
      to: 2,
    }).catch(() => undefined);
    expect(sent()).toEqual({ uid: 'amp', type: 'grafana-amazonprometheus-datasource' });
  });

  it("asks Grafana's data source service for the type of a bare uid, e.g. VictoriaMetrics", async () => {
    setDataSourceSrv({
      getInstanceSettings: (uid: string) => (uid === 'vm' ? { uid, type: 'victoriametrics-metrics-datasource' } : undefined),
    } as unknown as DataSourceSrv);
    await queryPrometheus('vm', [{ refId: 'A', expr: 'up' }], { from: 1, to: 2 }).catch(() => undefined);
    expect(sent()).toEqual({ uid: 'vm', type: 'victoriametrics-metrics-datasource' });
    expect(resolveDatasource('unknown')).toEqual({ uid: 'unknown', type: 'prometheus' });
  });
});

describe('parseResults with Grafana\'s decoder', () => {
  it('restores NaN and +Inf sent as entities instead of reading them as numbers or nulls', () => {
    const response = {
      results: {
        A: {
          frames: [
            {
              schema: { fields: [{ name: 'Time', type: 'time' }, { name: 'Value', type: 'number', labels: { slo_id: 'a' } }] },
              data: { values: [[1, 2, 3], [0.5, null, null]], entities: [null, { NaN: [1], Inf: [2] }] },
            },
          ],
        },
      },
    };
    expect(parseResults(response as never, [{ refId: 'A', expr: '' }]).A.series[0].points).toEqual([[1, 0.5]]);
  });
});
