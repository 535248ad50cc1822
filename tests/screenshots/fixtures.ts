import type { ErrorBudgetPolicy } from '../../src/domain/policy/model';
import type { Slo } from '../../src/domain/slo/model';
import type { IncidentEvent } from '../../src/domain/incident/events';
import { foldIncident } from '../../src/domain/incident/fold';
import { eventAnnotation, incidentAnnotation } from '../../src/domain/incident/annotations';

/** The screenshots' clock: a fixed instant so pictures do not change from run to run. */
export const NOW = Date.UTC(2026, 10, 27, 14, 30);
const H = 3_600_000;

const ratio = (id: string, name: string, service: string, team: string, target: number, duration = '30d'): Slo => ({
  id,
  name,
  service,
  labels: { team },
  sli: {
    kind: 'ratio',
    bad: `http_server_requests_seconds_count{service="${service}",outcome="SERVER_ERROR"}`,
    total: `http_server_requests_seconds_count{service="${service}"}`,
  },
  objective: { target },
  window: { type: 'rolling', duration },
  revision: 1,
});

/**
 * One error-budget policy besides the built-in Workbook default, named by checkout-availability: its 69% budget
 * left is under this policy's 75% at-risk threshold, so the list and the SLO page show "Ship with approval".
 */
export const POLICIES: ErrorBudgetPolicy[] = [
  {
    id: 'payments-strict',
    name: 'Payments strict',
    description: 'Payments ship with approval once a quarter of the budget is gone.',
    exhaustedAtOrBelow: 0,
    atRiskBelow: 0.75,
    fastBurn: { rate: 6, window: '1h' },
    actions: { healthy: 'ship', at_risk: 'ship_with_approval', fast_burn: 'freeze', exhausted: 'freeze' },
    exemptions: ['P0 issues', 'Security fixes'],
    approvers: ['admin', 'payments-lead'],
    incidentBudgetShare: 0.2,
    revision: 1,
  },
];

export const SLOS: Slo[] = [
  { ...ratio('checkout-availability', 'Checkout requests succeed', 'checkout', 'payments', 0.999), policy: 'payments-strict' },
  {
    ...ratio('checkout-latency', 'Checkout answers within 300 ms', 'checkout', 'payments', 0.99),
    sli: {
      kind: 'latency',
      metric: 'http_server_requests_seconds',
      threshold: 0.3,
      matchers: [{ name: 'service', op: '=', value: 'checkout' }],
    },
  },
  ratio('cart-availability', 'Cart requests succeed', 'cart', 'payments', 0.995, '28d'),
  ratio('search-availability', 'Search requests succeed', 'search', 'discovery', 0.99, '7d'),
  {
    ...ratio('login-availability', 'Login is up', 'login', 'identity', 0.9995),
    sli: {
      kind: 'availability',
      metric: 'probe_success',
      matchers: [{ name: 'job', op: '=', value: 'blackbox-login' }],
    },
  },
  {
    ...ratio('orders-monthly', 'Orders API, calendar month', 'orders', 'fulfilment', 0.999),
    window: { type: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' },
  },
  ratio('recommendations', 'Recommendations succeed', 'recommendations', 'discovery', 0.98),
];

/** 30-day error ratio and 1h burn rate per SLO, as the recording rules would report them; absent = no data. */
export const SNAPSHOTS: Record<string, { period: number; burn: number }> = {
  'checkout-availability': { period: 0.00031, burn: 0.4 },
  'checkout-latency': { period: 0.0081, burn: 7.5 },
  'cart-availability': { period: 0.0061, burn: 1.6 },
  'search-availability': { period: 0.0012, burn: 0.2 },
  'login-availability': { period: 0.00002, burn: 0 },
  'orders-monthly': { period: 0.00071, burn: 1.1 },
};

function incidentEvents(): IncidentEvent[][] {
  const a = 'INC-20261127-7q2k';
  const b = 'INC-20261126-c81d';
  const c = 'INC-20261120-x3fa';
  return [
    [
      {
        id: 'e1',
        incidentId: a,
        at: NOW - 2 * H,
        author: 'maria',
        type: 'declared',
        title: 'Checkout returns 5xx for card payments',
        severity: 2,
        services: ['checkout', 'payments-gateway'],
        startedAt: NOW - 2.4 * H,
        detectedAt: NOW - 2.2 * H,
      },
      {
        id: 'e2',
        incidentId: a,
        at: NOW - 1.9 * H,
        author: 'maria',
        type: 'role_assigned',
        role: 'commander',
        to: { login: 'maria', name: 'Maria Lopez' },
      },
      { id: 'e3', incidentId: a, at: NOW - 1.8 * H, author: 'maria', type: 'status_changed', to: 'mitigating' },
      {
        id: 'e4',
        incidentId: a,
        at: NOW - 1.5 * H,
        author: 'dev',
        type: 'note',
        kind: 'mitigation',
        text: 'Rolled back payments-gateway to v412',
      },
      {
        id: 'e5',
        incidentId: a,
        at: NOW - 1.95 * H,
        author: 'maria',
        type: 'slo_linked',
        sloId: 'checkout-availability',
      },
      {
        id: 'e6',
        incidentId: a,
        at: NOW - 1.7 * H,
        author: 'maria',
        type: 'role_assigned',
        role: 'techLead',
        to: { login: 'dev', name: 'Dev Patel' },
      },
      {
        id: 'e7',
        incidentId: a,
        at: NOW - 1.6 * H,
        author: 'kim',
        type: 'status_update',
        audience: 'external',
        message:
          'Some card payments fail at checkout. We have identified the cause and are rolling back. Next update in 30 minutes.',
      },
    ],
    [
      {
        id: 'f1',
        incidentId: b,
        at: NOW - 27 * H,
        author: 'sam',
        type: 'declared',
        title: 'Search latency above 2 s in eu-west',
        severity: 3,
        services: ['search'],
        startedAt: NOW - 27.5 * H,
      },
      {
        id: 'f2',
        incidentId: b,
        at: NOW - 26.8 * H,
        author: 'sam',
        type: 'role_assigned',
        role: 'commander',
        to: { login: 'sam' },
      },
      { id: 'f3', incidentId: b, at: NOW - 26.5 * H, author: 'sam', type: 'status_changed', to: 'triage' },
    ],
    [
      {
        id: 'g1',
        incidentId: c,
        at: NOW - 170 * H,
        author: 'li',
        type: 'declared',
        title: 'Login outage after certificate rotation',
        severity: 1,
        services: ['login'],
        startedAt: NOW - 170.3 * H,
      },
      {
        id: 'g2',
        incidentId: c,
        at: NOW - 169.9 * H,
        author: 'li',
        type: 'role_assigned',
        role: 'commander',
        to: { login: 'li' },
      },
      { id: 'g3', incidentId: c, at: NOW - 169.5 * H, author: 'li', type: 'impact_ended' },
      {
        id: 'g4',
        incidentId: c,
        at: NOW - 168 * H,
        author: 'li',
        type: 'resolved',
        summary: 'Certificate chain fixed',
      },
    ],
  ] as IncidentEvent[][];
}

/** Annotations as Grafana would return them for the incidents above (ids, regions and event points). */
export function incidentAnnotations(): { regions: object[]; events: object[] } {
  let nextId = 100;
  const regions: object[] = [];
  const events: object[] = [];
  for (const list of incidentEvents()) {
    const { incident } = foldIncident(list);
    if (!incident) {
      continue;
    }
    regions.push({ id: nextId++, ...incidentAnnotation(incident, { appUrl: '' }, NOW) });
    for (const e of list) {
      events.push({ id: nextId++, ...eventAnnotation(e) });
    }
  }
  return { regions, events };
}
