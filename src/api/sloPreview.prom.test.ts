/**
 * fetchSloPreview against a REAL Prometheus (tests/prometheus): 8 days of backfilled Micrometer counters with noisy
 * traffic, error bursts and a two-hour gap with no traffic at all. Ground truth is the generator's exact tally.
 */
import type { Slo } from '../domain/slo/model';
import {
  buildCounters,
  METRIC,
  prng,
  serviceSeries,
  tally,
  type HttpSeries,
  setUpPrometheus,
} from '../../tests/prometheus';
import { fetchSloPreview, PREVIEW_RANGE_MS, PREVIEW_STEP_MS } from './sloPreview';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => prom.backend().srv,
}));

jest.setTimeout(60_000);

const STEP = 60;
const START = Date.UTC(2024, 5, 3) / 1000;
const END = START + 8 * 86400; // on a whole hour, like the 1h steps Grafana aligns the range to
const GAP_FROM = START + 3 * 86400 + 10 * 3600; // no traffic in (GAP_FROM, GAP_TO]
const GAP_TO = GAP_FROM + 2 * 3600;

const rand = prng(11);
function events(s: HttpSeries, t: number): number {
  if (t > GAP_FROM && t <= GAP_TO) {
    return 0;
  }
  const r = rand();
  const burst = Math.floor(t / 3600) % 29 === 0; // an hour of errors now and then
  switch (s.status) {
    case '200':
      return 10 + Math.floor(r * 90);
    case '404':
      return Math.floor(r * 4);
    case '500':
      return burst ? 5 + Math.floor(r * 10) : r < 0.2 ? 1 : 0;
    default:
      return burst ? Math.floor(r * 8) : 0;
  }
}

const data = buildCounters({ startSec: START, endSec: END, stepSec: STEP, series: serviceSeries('search'), events });
const isBad = (s: HttpSeries) => s.outcome === 'SERVER_ERROR';
const isAny = () => true;

const slo: Slo = {
  id: 'search',
  name: 'search availability',
  service: 'search',
  labels: {},
  sli: {
    kind: 'ratio',
    bad: `${METRIC}{service="search",outcome="SERVER_ERROR"}`,
    total: `${METRIC}{service="search"}`,
  },
  objective: { target: 0.995 },
  window: { type: 'rolling', duration: '28d' },
};

const prom = setUpPrometheus('slo-preview', data);

// Every evaluation time (END, and the 1h steps from END − 7d) is a sample time and Prometheus 2.x ranges are
// closed, so rate() reads a sample at both ends and does not extrapolate: the ratios are the tally's, up to
// float rounding (relative 1e-12).
const REL = 1e-12;
function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(REL * Math.abs(expected));
}

describe('fetchSloPreview on a real Prometheus', () => {
  it('returns the exact 7-day error ratio and remaining budget', async () => {
    const preview = await fetchSloPreview(slo, 'prom', END * 1000);
    const week = PREVIEW_RANGE_MS / 1000;
    const ratio = tally(data, isBad, END - week, END) / tally(data, isAny, END - week, END);
    expectClose(preview.errorRatio, ratio);
    expectClose(preview.remaining, 1 - ratio / 0.005);
    expect(prom.backend().requests.filter((r) => r.url === '/api/ds/query')).toHaveLength(2);
  });

  it('returns the exact hourly SLI for every hour with traffic, and no point for hours without', async () => {
    const preview = await fetchSloPreview(slo, 'prom', END * 1000);
    const hour = PREVIEW_STEP_MS / 1000;
    const expected: Array<[number, number]> = [];
    for (let t = END - PREVIEW_RANGE_MS / 1000; t <= END; t += hour) {
      const total = tally(data, isAny, t - hour, t);
      if (total > 0) {
        expected.push([t * 1000, 1 - tally(data, isBad, t - hour, t) / total]);
      }
    }
    // 7 days of hourly points plus the end point, minus the two hours of the gap.
    expect(expected).toHaveLength(7 * 24 + 1 - 2);
    expect(preview.sli.map(([t]) => t)).toEqual(expected.map(([t]) => t));
    preview.sli.forEach(([, v], i) => expectClose(v, expected[i][1]));
    // The bursts are in the data: some hour is below 99%.
    expect(Math.min(...expected.map(([, v]) => v))).toBeLessThan(0.99);
  });

  it('gives null numbers, not zeros, for an SLO whose series do not exist', async () => {
    const none = {
      ...slo,
      sli: { ...slo.sli, bad: `${METRIC}{service="nope",outcome="SERVER_ERROR"}`, total: `${METRIC}{service="nope"}` },
    } as Slo;
    const preview = await fetchSloPreview(none, 'prom', END * 1000);
    expect(preview).toEqual({ sli: [], errorRatio: null, remaining: null });
  });
});
