/** Shared by the postmortem api tests: an incident with handovers, an SLO, and a Grafana answering for both. */
import { config } from '@grafana/runtime';
import { at, declared, ev } from '../../domain/incident/__fixtures__/events';
import { foldIncident } from '../../domain/incident/fold';
import type { Incident } from '../../domain/incident/model';
import type { Slo } from '../../domain/slo/model';
import { createAnnotationStore } from './annotationStore';
import type { RecordedRequest } from './fakeBackend';

export const SLO: Slo = {
  id: 'checkout-availability',
  name: 'Checkout availability',
  service: 'checkout',
  sli: {
    kind: 'ratio',
    bad: 'http_server_requests_seconds_count{service="checkout",outcome="SERVER_ERROR"}',
    total: 'http_server_requests_seconds_count{service="checkout"}',
  },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};

export const XSS = '<img src=x onerror=alert(1)>';

/** Impact T0..T0+50m, detected at +5, declared at +10; commander alice → bob at +20; an XSS status update. */
export function incidentWithHandover(): Incident {
  return foldIncident([
    declared({ sloIds: [SLO.id] }),
    ev('role_assigned', 12, { role: 'commander', to: { login: 'alice', name: 'Alice A' } }),
    ev('role_assigned', 15, { role: 'techLead', to: { login: 'carol' } }),
    ev('status_update', 18, { audience: 'external', message: `Checkout degraded ${XSS}` }),
    ev('role_assigned', 20, { role: 'commander', to: { login: 'bob' }, from: { login: 'alice', name: 'Alice A' } }),
    ev('impact_ended', 40, {}),
    ev('resolved', 50, {}),
  ]).incident!;
}

const frame = (labels: Record<string, string>, times: number[], values: number[]) => ({
  schema: {
    fields: [
      { name: 'Time', type: 'time' },
      { name: 'Value', type: 'number', labels },
    ],
  },
  data: { values: [times, values] },
});

/** The ALERTS series the fake Prometheus returns: a fast-burn page firing from +3m to +25m (1-minute steps). */
export const FIRING_FROM = at(3);
export const FIRING_LAST = at(24);
const firingTimes = Array.from({ length: 22 }, (_, i) => at(3 + i));

export interface FakeGrafana {
  store: ReturnType<typeof createAnnotationStore>;
  /** Answers /api/ds/query: `bad*` 25, `total*` 10,000 (a quarter of a 99% budget), `alerts*` the firing. */
  dsQuery: (req: RecordedRequest) => { status?: number; data: unknown };
  settings: () => { status?: number; data: unknown };
  respond: (req: RecordedRequest) => { status?: number; data: unknown };
}

type Query = { refId: string; expr: string };

/** One fake Grafana: the in-memory annotation store, the app's settings and a Prometheus behind /api/ds/query. */
export function createFakeGrafana(): FakeGrafana {
  const fake: FakeGrafana = {
    store: createAnnotationStore(),
    dsQuery: (req) => {
      const results: Record<string, unknown> = {};
      for (const q of (req.body as { queries: Query[] }).queries) {
        const f = q.refId.startsWith('bad')
          ? frame({}, [at(50)], [25])
          : q.refId.startsWith('total')
            ? frame({}, [at(50)], [10_000])
            : frame(
                {
                  alertname: 'SLOErrorBudgetBurn',
                  alertstate: 'firing',
                  slo_id: SLO.id,
                  severity: 'page',
                  burnrate_tier: 'fast',
                },
                firingTimes,
                firingTimes.map(() => 1)
              );
        results[q.refId] = { status: 200, frames: [f] };
      }
      return { data: { results } };
    },
    settings: () => ({
      data: {
        enabled: true,
        pinned: false,
        jsonData: { settings: { defaultPrometheusUid: 'prom', lokiUid: 'loki' }, slos: [SLO] },
      },
    }),
    respond: (req) => {
      if (req.url === '/api/ds/query') {
        return fake.dsQuery(req);
      }
      if (req.url.startsWith('/api/plugins/')) {
        return fake.settings();
      }
      return fake.store.respond(req);
    },
  };
  return fake;
}

/** Acts as the given Grafana user from now on (currentLogin reads the boot data). */
export const as = (login: string) => {
  config.bootData.user = { ...config.bootData.user, login };
};
