import { config } from '@grafana/runtime';
import { checkRequest } from '../../tests/contract/openapi';
import { at, declared, ev } from '../domain/incident/__fixtures__/events';
import { foldIncident } from '../domain/incident/fold';
import { checkPromQL } from '../domain/slo/promql';
import {
  alertFirings,
  gatherPrefill,
  humanDuration,
  impactMarkdown,
  respondersFromTimeline,
  sloAlertsQuery,
  timelineMarkdown,
} from './postmortemPrefill';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { createFakeGrafana, incidentWithHandover, SLO } from './testing/postmortemFixtures';

let grafana = createFakeGrafana();
const backend = createFakeBackend((req: RecordedRequest) => grafana.respond(req));
jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

beforeEach(() => {
  grafana = createFakeGrafana();
  backend.requests.length = 0;
  config.appUrl = 'https://grafana.example.com/';
});

describe('sloAlertsQuery', () => {
  it('selects the alerts our rules emit for the SLO while firing', () => {
    expect(sloAlertsQuery(SLO)).toBe(
      'ALERTS{alertname=~"SLOErrorBudgetBurn|SLOMetricAbsent",slo_id="checkout-availability",alertstate="firing"}'
    );
  });

  it('uses the SLO’s own alert name', () => {
    expect(sloAlertsQuery({ ...SLO, alerting: { name: 'CheckoutBurn' } })).toContain(
      'alertname=~"CheckoutBurn|SLOMetricAbsent"'
    );
  });

  it('escapes label values, so an id with quotes and backslashes stays one valid matcher', () => {
    const expr = sloAlertsQuery({ ...SLO, id: 'a"b\\c', alerting: { name: 'x:y' } });
    expect(expr).toBe('ALERTS{alertname=~"x:y|SLOMetricAbsent",slo_id="a\\"b\\\\c",alertstate="firing"}');
    expect(checkPromQL(expr)).toEqual([]);
  });
});

describe('alertFirings', () => {
  const STEP = 60_000;
  it('makes one episode per run of points, closing it one step after its last point', () => {
    const labels = { alertname: 'SLOErrorBudgetBurn', slo_id: 's', severity: 'ticket', burnrate_tier: 'slow' };
    const points: Array<[number, number]> = [
      [at(0), 1],
      [at(1), 1],
      [at(2), 1],
      [at(10), 1],
    ];
    expect(alertFirings([{ labels, points }], STEP)).toEqual([
      { alertname: 'SLOErrorBudgetBurn', sloId: 's', severity: 'ticket', tier: 'slow', from: at(0), to: at(3) },
      { alertname: 'SLOErrorBudgetBurn', sloId: 's', severity: 'ticket', tier: 'slow', from: at(10), to: at(11) },
    ]);
  });

  it('returns nothing for no series', () => {
    expect(alertFirings([], STEP)).toEqual([]);
  });
});

describe('respondersFromTimeline', () => {
  it('records handovers and unassignments as closed entries', () => {
    const incident = foldIncident([
      declared(),
      ev('role_assigned', 12, { role: 'commander', to: { login: 'alice' } }),
      ev('role_assigned', 20, { role: 'commander', to: { login: 'bob', name: 'Bob B' }, from: { login: 'alice' } }),
      ev('role_assigned', 30, { role: 'commander', to: null, from: { login: 'bob' } }),
    ]).incident!;
    expect(respondersFromTimeline(incident)).toEqual([
      { role: 'commander', user: { login: 'alice' }, from: at(12), to: at(20) },
      { role: 'commander', user: { login: 'bob', name: 'Bob B' }, from: at(20), to: at(30) },
    ]);
  });
});

describe('texts', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [12 * 60_000, '12m'],
    [(3 * 60 + 20) * 60_000, '3h 20m'],
    [(52 * 60 + 5) * 60_000, '2d 4h'],
  ])('humanDuration(%i) = %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('says an open incident is ongoing and a missing budget is unknown', () => {
    const incident = foldIncident([declared({ sloIds: ['gone'] })]).incident!;
    const text = impactMarkdown(incident, [{ sloId: 'gone' }], at(70));
    expect(text).toContain('**Impact window:** 2026-11-28 10:00 UTC – ongoing (1h 10m so far)');
    expect(text).toContain('- Time to resolve: –');
    expect(text).toContain('- gone: unknown (the SLO no longer exists)');
  });

  it('keeps the first lines and counts the rest', () => {
    expect(timelineMarkdown(['- a', '- b', '- c'], 1)).toBe("- a\n- _2 more entries are on the incident's page._");
    expect(timelineMarkdown(['- a', '- b'])).toBe('- a\n- b');
  });
});

describe('gatherPrefill', () => {
  it('reads settings, then budgets and alerts in one /api/ds/query each, over the incident’s log window', async () => {
    const incident = incidentWithHandover();
    const { prefill, timeline } = await gatherPrefill(incident, at(24 * 60));
    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/plugins/sre-reliability-app/settings',
      'POST /api/ds/query',
      'POST /api/ds/query',
    ]);
    const alerts = backend.requests.find((r) => JSON.stringify(r.body ?? null).includes('ALERTS'))!;
    expect(alerts.body).toMatchObject({
      from: String(at(-5)),
      to: String(at(55)),
      queries: [{ refId: 'alerts0', expr: sloAlertsQuery(SLO), range: true, intervalMs: 60_000 }],
    });
    for (const r of backend.requests.slice(1)) {
      expect(checkRequest({ method: r.method, url: r.url, body: r.body })).toEqual([]);
    }
    expect(timeline.filter((l) => l.includes('SLO alert'))).toHaveLength(1);
    expect(prefill.budgets?.[0].consumed).toBeCloseTo(0.25, 12);
  });

  it('gives no Explore link without a Loki data source', async () => {
    grafana.settings = () => ({ data: { enabled: true, pinned: false, jsonData: { slos: [SLO] } } });
    const { prefill, timeline } = await gatherPrefill(incidentWithHandover(), at(24 * 60));
    expect(prefill.exploreUrl).toBeUndefined();
    expect(timeline).toContain(
      '- _SLO alerts of Checkout availability were not read: No data source: set one on the SLO or a default on the Admin page._'
    );
  });
});
