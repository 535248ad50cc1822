// The SLA screenshots: three customers' SLAs on the fixture SLOs, figures from the SLA recording series as
// /api/ds/query would return them, and maintenance windows as annotations. Run in Node by run.ts (no @grafana/data).
import type { Sla } from '../../src/domain/sla/model';
import { maintenanceCancelAnnotation, maintenanceRegionAnnotation } from '../../src/domain/sla/maintenance';
import { NOW } from './fixtures';
import type { FakeRequest } from './scenarios';

const H = 3_600_000;
const D = 24 * H;

export const SLAS: Sla[] = [
  {
    id: 'acme-checkout',
    name: 'Acme · checkout availability',
    customer: 'Acme Corp',
    services: ['checkout'],
    indicator: { sloId: 'checkout-availability' },
    target: 0.995,
    method: { kind: 'events' },
    period: { unit: 'month', timeZone: 'Europe/Berlin' },
    credits: [
      { below: 0.995, creditPercent: 10 },
      { below: 0.99, creditPercent: 25 },
      { below: 0.95, creditPercent: 100 },
    ],
    effective: { from: '2025-01-01' },
    contractUrl: 'https://contracts.example.com/acme/checkout.pdf',
    revision: 3,
  },
  {
    id: 'globex-checkout-uptime',
    name: 'Globex · checkout monthly uptime',
    customer: 'Globex',
    services: ['checkout'],
    indicator: { sloId: 'checkout-availability' },
    target: 0.999,
    method: { kind: 'uptime', unavailableAbove: 0.05 },
    period: { unit: 'month', timeZone: 'Asia/Kolkata' },
    credits: [
      { below: 0.999, creditPercent: 10 },
      { below: 0.99, creditPercent: 30 },
    ],
    revision: 1,
  },
  {
    id: 'initech-cart',
    name: 'Initech · cart error rate',
    customer: 'Initech',
    services: ['cart'],
    indicator: { sloId: 'cart-availability' },
    target: 0.99,
    method: { kind: 'intervals' },
    period: { unit: 'month', timeZone: 'America/New_York' },
    credits: [{ below: 0.99, creditPercent: 10 }],
    revision: 2,
  },
];

/** Error ratio per SLO and months back from NOW's month (0 = this month): a breach in August, quiet otherwise. */
function errorRatio(sloId: string, monthsBack: number): number {
  const checkout = [0.0016, 0.0009, 0.0004, 0.0061, 0.0007, 0.0003, 0.0012, 0.0005, 0.0002, 0.0008, 0.0004, 0.0006];
  const cart = [0.0131, 0.004, 0.006, 0.003, 0.012, 0.005, 0.002, 0.004, 0.003, 0.006, 0.002, 0.003];
  return (sloId === 'cart-availability' ? cart : checkout)[monthsBack % 12];
}

const monthIndex = (t: number) => {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** Answers one SLA query (refId `p<i>_<role>`, see src/api/slaCompliance.ts) from the period end in its `@`. */
function slaValue(refId: string, expr: string): number | undefined {
  const role = /^p\d+_(total|bad|rateSum|intervals|downMinutes)$/.exec(refId)?.[1];
  if (!role) {
    return undefined;
  }
  const ats = [...expr.matchAll(/@ (\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]) * 1000);
  const end = Math.max(...ats, 0);
  const back = Math.max(0, monthIndex(NOW) - monthIndex(end - 1));
  const sloId = /slo_id="([^"]+)"/.exec(expr)?.[1] ?? '';
  const r = errorRatio(sloId, back);
  // This month is 27 days in; earlier months are whole.
  const share = back === 0 ? 26.6 / 30 : 1;
  switch (role) {
    case 'total':
      return Math.round(4_200_000 * share);
    case 'bad':
      return Math.round(4_200_000 * share * r);
    case 'intervals':
      return Math.round(8640 * share);
    case 'rateSum':
      return 8640 * share * r;
    default:
      // Unavailable minutes: bursts make up a third of the errors.
      return Math.round(43_200 * share * r * 0.35);
  }
}

function maintenance() {
  const region = (
    id: number,
    mid: string,
    title: string,
    services: string[],
    start: number,
    hours: number,
    by: string
  ) => ({
    id,
    ...maintenanceRegionAnnotation({
      kind: 'maintenance',
      id: mid,
      title,
      services,
      start,
      end: start + hours * H,
      by,
    }),
  });
  const regions = [
    region(
      501,
      'mnt-m1-planned01',
      'Payments database failover drill',
      ['checkout', 'payments'],
      Date.UTC(2026, 11, 2, 1, 0),
      2,
      'maria'
    ),
    region(502, 'mnt-m2-patching1', 'Kernel patching, checkout nodes', ['checkout'], NOW - 6 * D, 3, 'li'),
    region(503, 'mnt-m3-cancelled', 'Load balancer migration', ['checkout'], NOW + 3 * D, 4, 'maria'),
    region(504, 'mnt-m4-october01', 'Checkout datacentre move', ['checkout'], Date.UTC(2026, 9, 11, 22, 0), 6, 'li'),
  ];
  const events = [
    {
      id: 601,
      ...maintenanceCancelAnnotation(
        {
          kind: 'maintenance_cancelled',
          id: 'mev-1-cancelled01',
          maintenanceId: 'mnt-m3-cancelled',
          at: NOW - 2 * H,
          by: 'li',
        },
        NOW + 3 * D
      ),
    },
  ];
  return { regions, events };
}

type Respond = (req: FakeRequest) => { status?: number; data: unknown };

/** The SLA pages' backend, falling back to the shared one for everything else. */
export function slaRespond(common: Respond, settings: { jsonData: object }): Respond {
  return (req) => {
    if (req.path === '/api/plugins/sre-reliability-app/settings') {
      return { data: { ...settings, jsonData: { ...settings.jsonData, slas: SLAS } } };
    }
    if (req.path === '/api/annotations' && req.search.getAll('tags').some((t) => t.startsWith('sre-maintenance'))) {
      const { regions, events } = maintenance();
      return { data: req.search.getAll('tags').includes('sre-maintenance-event') ? events : regions };
    }
    if (req.path === '/api/ds/query') {
      const queries = (req.body as { queries: Array<{ refId: string; expr: string }> }).queries;
      if (queries.every((q) => slaValue(q.refId, q.expr) !== undefined)) {
        const results: Record<string, object> = {};
        for (const q of queries) {
          results[q.refId] = {
            frames: [
              {
                schema: { fields: [{ name: 'Time' }, { name: 'Value', labels: {} }] },
                data: { values: [[NOW], [slaValue(q.refId, q.expr)]] },
              },
            ],
          };
        }
        return { data: { results } };
      }
    }
    return common(req);
  };
}
