import { NOW, SLOS, SNAPSHOTS, incidentAnnotations } from './fixtures';

export interface FakeRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

export interface Scenario {
  /** Path under the app, e.g. `slos`. */
  route: string;
  /** Text that must be on the page before the screenshot is taken. */
  waitFor: string;
  user: { orgRole: 'Admin' | 'Editor' | 'Viewer'; login: string; isGrafanaAdmin: boolean; orgId: number };
  dataSourceSrv: object;
  respond: (req: FakeRequest) => { status?: number; data: unknown };
}

// run.ts imports this file in Node, where @grafana/data cannot load, so roles are plain strings.
const admin = { orgRole: 'Admin' as const, login: 'admin', isGrafanaAdmin: false, orgId: 1 };
const prometheus = { uid: 'prometheus', name: 'Prometheus', type: 'prometheus', meta: { id: 'prometheus', info: { logos: {} } } };
const loki = { uid: 'loki', name: 'Loki', type: 'loki', meta: { id: 'loki', info: { logos: {} } } };
const dataSourceSrv = {
  getList: (filters?: { type?: string }) => [prometheus, loki].filter((d) => !filters?.type || d.type === filters.type),
  getInstanceSettings: (ref: string | { uid?: string } | null) => [prometheus, loki].find((d) => d.uid === (typeof ref === 'string' ? ref : ref?.uid)),
  get: async () => ({}),
  reload: async () => {},
};

const settings = {
  enabled: true,
  pinned: true,
  jsonData: { settings: { defaultPrometheusUid: 'prometheus', lokiUid: 'loki', logServiceLabel: 'service' }, slos: SLOS },
};

type Query = { refId: string; expr: string };
const frame = (value: number, labels: Record<string, string>) => ({
  schema: { fields: [{ name: 'Time' }, { name: 'Value', labels }] },
  data: { values: [[NOW], [value]] },
});

/** Answers /api/ds/query like Prometheus would for the recording-rule series of the fixture SLOs. */
function dsQuery(body: { queries: Query[] }) {
  const results: Record<string, object> = {};
  for (const q of body.queries) {
    const ids = q.expr.match(/slo_id=~"([^"]*)"/)?.[1].split('|') ?? [];
    const pick = q.expr.startsWith('slo:sli_error:ratio_period') ? 'period' : 'burn';
    results[q.refId] = {
      frames: ids.filter((id) => SNAPSHOTS[id]).map((id) => frame(SNAPSHOTS[id][pick], { slo_id: id })),
    };
  }
  return { results };
}

function common(req: FakeRequest) {
  if (req.path === '/api/plugins/sre-reliability-app/settings') {
    return { data: settings };
  }
  if (req.path === '/api/ds/query') {
    return { data: dsQuery(req.body as { queries: Query[] }) };
  }
  if (req.path === '/api/annotations') {
    const { regions, events } = incidentAnnotations();
    return { data: req.search.getAll('tags').includes('sre-incident-event') ? events : regions };
  }
  return { status: 404, data: { message: `no fixture for ${req.method} ${req.path}` } };
}

export const SCENARIOS: Record<string, Scenario> = {
  slos: { route: 'slos', waitFor: 'Checkout requests succeed', user: admin, dataSourceSrv, respond: common },
  overview: { route: 'overview', waitFor: 'Checkout answers within 300 ms', user: admin, dataSourceSrv, respond: common },
  incidents: { route: 'incidents', waitFor: 'Checkout returns 5xx for card payments', user: admin, dataSourceSrv, respond: common },
  'incident-declare': { route: 'incidents/new', waitFor: 'SEV1', user: admin, dataSourceSrv, respond: common },
};
