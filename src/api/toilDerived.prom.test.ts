/**
 * Pages as derived toil against a REAL Prometheus: ALERTS series as Prometheus writes them (1 while firing, absent
 * otherwise), backfilled; listDerivedToil reads them through the /api/ds/query adapter and makes one entry per
 * firing episode of a page-severity alert.
 */
import { labelText, OpenMetricsWriter } from '../../bench/openmetrics';
import { createPrometheusBackend, startPrometheusFromOpenMetrics, type PromFixture } from '../../tests/prometheus';
import { listDerivedToil } from './toilDerived';

let backend: ReturnType<typeof createPrometheusBackend>;
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));
jest.setTimeout(60_000);

const H = 3600;
const START = Date.UTC(2026, 10, 2) / 1000;
const alert = (alertname: string, severity: string, extra: Record<string, string> = {}) => ({
  alertname,
  alertstate: 'firing',
  severity,
  ...extra,
});
// [labels, firing intervals in seconds after START (start inclusive, end exclusive)]
const FIRING: Array<[Record<string, string>, Array<[number, number]>]> = [
  [
    alert('SLOErrorBudgetBurn', 'page', { slo_id: 'checkout-availability', slo_service: 'checkout' }),
    [
      [10 * H, 10 * H + 30 * 60],
      [12 * H, 12 * H + 15 * 60],
    ],
  ],
  [
    alert('SLOErrorBudgetBurn', 'ticket', { slo_id: 'checkout-availability', slo_service: 'checkout' }),
    [[9 * H, 14 * H]],
  ],
  [alert('DiskFull', 'page', { service: 'db "main"' }), [[20 * H, 20 * H + 5 * 60]]],
];

let prom: PromFixture;
beforeAll(async () => {
  prom = await startPrometheusFromOpenMetrics('toil-pages', async (file) => {
    const w = new OpenMetricsWriter(file);
    await w.family('ALERTS', 'gauge');
    for (const [labels, intervals] of FIRING) {
      for (const [from, to] of intervals) {
        for (let t = START + from; t < START + to; t += 60) {
          w.sample('ALERTS' + labelText(labels), 1, t);
        }
      }
    }
    await w.close();
  });
});
afterAll(async () => {
  await prom?.close();
});
beforeEach(() => {
  backend = createPrometheusBackend({
    promUrl: prom.server.url,
    settings: { enabled: true, pinned: false, jsonData: {} },
  });
  jest.spyOn(Date, 'now').mockReturnValue((START + 2 * 24 * H) * 1000);
});

describe('pages as derived toil on a real Prometheus', () => {
  // A rule-evaluating Prometheus writes a staleness marker when an alert stops firing; backfilled samples carry
  // none, so here each episode reads as firing for Prometheus' 5-minute lookback after its last sample.
  const LOOKBACK_MIN = 5;

  it('makes one entry per firing episode of a page alert, and none for tickets', async () => {
    const range = { from: START * 1000, to: (START + 24 * H) * 1000 };
    const { entries, problems } = await listDerivedToil(range, {
      incidents: false,
      pages: true,
      datasourceUid: 'prom',
    });
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.task, e.team, new Date(e.at).toISOString(), e.durationMinutes, e.derived])).toEqual([
      ['Page: DiskFull (db "main")', 'db "main"', '2026-11-02T20:00:00.000Z', 5 + LOOKBACK_MIN, 'page'],
      [
        'Page: SLOErrorBudgetBurn (checkout-availability)',
        'checkout',
        '2026-11-02T12:00:00.000Z',
        15 + LOOKBACK_MIN,
        'page',
      ],
      [
        'Page: SLOErrorBudgetBurn (checkout-availability)',
        'checkout',
        '2026-11-02T10:00:00.000Z',
        30 + LOOKBACK_MIN,
        'page',
      ],
    ]);
    expect(entries.every((e) => e.kind === 'oncall_page')).toBe(true);
  });

  it('says pages are missing when no data source is set, rather than showing none', async () => {
    const range = { from: START * 1000, to: (START + 24 * H) * 1000 };
    const { entries, problems } = await listDerivedToil(range, { incidents: false, pages: true });
    expect(entries).toEqual([]);
    expect(problems[0].message).toMatch(/^pages are missing: set a default Prometheus data source/);
  });
});
