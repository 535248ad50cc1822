import { checkRequest } from '../../tests/contract/openapi';
import { createFakeBackend } from './testing/fakeBackend';
import { parseResults, queryPrometheus } from './dsQuery';

let answer: unknown = {};
const backend = createFakeBackend(() => ({ data: answer }));

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

beforeEach(() => {
  backend.requests.length = 0;
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
