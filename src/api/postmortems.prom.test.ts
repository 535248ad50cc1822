/**
 * The SLO alerts of a postmortem's timeline against a REAL Prometheus: ALERTS series as Prometheus writes them (1
 * while firing, absent otherwise), backfilled; gatherPrefill reads them through the /api/ds/query adapter. Proves the
 * selector (escaped alternation of alert names, slo_id, firing only) picks exactly this SLO's alerts of the window.
 */
import { labelText, OpenMetricsWriter } from '../../bench/openmetrics';
import { at, T0 } from '../domain/incident/__fixtures__/events';
import { createPrometheusBackend, startPrometheusFromOpenMetrics, type PromFixture } from '../../tests/prometheus';
import { gatherPrefill } from './postmortemPrefill';
import { incidentWithHandover, SLO } from './testing/postmortemFixtures';

let backend: ReturnType<typeof createPrometheusBackend>;
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));
jest.setTimeout(60_000);
// jsdom lacks structuredClone, which the adapter's settings route uses; the settings are plain JSON.
globalThis.structuredClone ??= <T>(value: T): T => JSON.parse(JSON.stringify(value));

const MIN = 60;
const T0S = T0 / 1000;
const alert = (alertname: string, alertstate: string, slo_id: string, severity = 'page') => ({
  alertname,
  alertstate,
  severity,
  slo_id,
  slo_service: 'checkout',
});
// [labels, firing intervals in seconds after T0 (start inclusive, end exclusive)]; the incident is T0..T0+50m.
const SERIES: Array<[Record<string, string>, Array<[number, number]>]> = [
  [alert('SLOErrorBudgetBurn', 'firing', SLO.id), [[3 * MIN, 25 * MIN]]],
  [alert('SLOMetricAbsent', 'firing', SLO.id, 'ticket'), [[30 * MIN, 36 * MIN]]],
  // Not this SLO's, not firing, not ours, or outside the window: none may appear.
  [alert('SLOErrorBudgetBurn', 'firing', 'cart-availability'), [[3 * MIN, 25 * MIN]]],
  [alert('SLOErrorBudgetBurn', 'pending', SLO.id), [[1 * MIN, 3 * MIN]]],
  [alert('DiskFull', 'firing', SLO.id), [[10 * MIN, 20 * MIN]]],
  [alert('SLOErrorBudgetBurn', 'firing', SLO.id), [[-3 * 3600, -2 * 3600]]],
];

let prom: PromFixture;
beforeAll(async () => {
  prom = await startPrometheusFromOpenMetrics('postmortem-alerts', async (file) => {
    const w = new OpenMetricsWriter(file);
    await w.family('ALERTS', 'gauge');
    for (const [labels, intervals] of SERIES) {
      for (const [from, to] of intervals) {
        for (let t = T0S + from; t < T0S + to; t += 60) {
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

describe('SLO alerts in the prefilled timeline, on a real Prometheus', () => {
  it('lists each firing episode of this SLO’s alerts in the incident window, and nothing else', async () => {
    backend = createPrometheusBackend({
      promUrl: prom.server.url,
      settings: { enabled: true, pinned: false, jsonData: { settings: { defaultPrometheusUid: 'prom' }, slos: [SLO] } },
    });
    const { timeline } = await gatherPrefill(incidentWithHandover(), at(24 * 60));
    const alerts = timeline.filter((l) => l.includes('SLO alert') || l.startsWith('- _'));
    // Backfilled samples carry no staleness marker, so each episode reads as firing for Prometheus' 5-minute
    // lookback after its last sample: 10:24 → until 10:30, 10:35 → until 10:41 (the last point plus one step).
    expect(alerts).toEqual([
      '- **2026-11-28 10:03 UTC**: SLO alert SLOErrorBudgetBurn (page) fired for Checkout availability, until 2026-11-28 10:30 UTC',
      '- **2026-11-28 10:30 UTC**: SLO alert SLOMetricAbsent (ticket) fired for Checkout availability, until 2026-11-28 10:41 UTC',
    ]);
  });
});
