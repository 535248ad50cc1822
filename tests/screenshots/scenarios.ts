import type { Page } from 'playwright-core';
import { NOW, POLICIES, SLOS, SNAPSHOTS, incidentAnnotations } from './fixtures';
import { LOGIN_INCIDENT, postmortemRespond, writeBlamingSentence } from './postmortemScenario';
import { slaRespond } from './slaScenario';
import { TOIL_TEAMS, toilAnnotations } from './toilFixtures';

/** Clicks and typing before the screenshot (run in Node by run.ts through Playwright). */
export type Interaction = (page: Page) => Promise<void>;

export type SeriesOut =
  | { name: string; points: Array<[number, number]> }
  | { logs: Array<{ t: number; line: string }> };

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
  /** Capture the whole page rather than the first screenful. */
  fullPage?: boolean;
  interact?: Interaction;
  user: { orgRole: 'Admin' | 'Editor' | 'Viewer'; login: string; isGrafanaAdmin: boolean; orgId: number };
  dataSources: Array<{ uid: string; type: string; name: string }>;
  /** Series for a scenes query (by its expression) over [from, to]; omit for pages without scenes. */
  series?: (expr: string, from: number, to: number, stepMs: number) => SeriesOut[];
  respond: (req: FakeRequest) => { status?: number; data: unknown };
}

// run.ts imports this file in Node, where @grafana/data cannot load, so roles are plain strings.
const admin = { orgRole: 'Admin' as const, login: 'admin', isGrafanaAdmin: false, orgId: 1 };
const dataSources = [
  { uid: 'prometheus', name: 'Prometheus', type: 'prometheus' },
  { uid: 'loki', name: 'Loki', type: 'loki' },
];

const settings = {
  enabled: true,
  pinned: true,
  jsonData: {
    settings: { defaultPrometheusUid: 'prometheus', lokiUid: 'loki', logServiceLabel: 'service' },
    slos: SLOS,
    policies: POLICIES,
  },
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
    if (!q.expr.includes('slo_id=~') && / \/ /.test(q.expr) && !q.expr.includes(' * ')) {
      // Raw error-ratio queries (an SLO without recording rules): a plausible ratio, more errors in the last hour.
      // Answering them with the event counts below gave an error ratio of 1830 (SLI −182900%) in the screenshots.
      results[q.refId] = { frames: [frame(q.expr.includes('[1h]') ? 0.03 : 0.012, {})] };
      continue;
    }
    if (!q.expr.includes('slo_id=~')) {
      // Raw SLI queries (an incident's budget): bad events over the incident, all events over the window.
      // 924 bad of 4.2M events at 99.9%: the checkout incident consumed 22% of the budget, which the SLO page's
      // burn-down shows as its step (31% of the budget is spent in all, so 69% is left).
      results[q.refId] = { frames: [frame(q.expr.includes('SERVER_ERROR') ? 924 : 4_200_000, {})] };
      continue;
    }
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
    const tags = req.search.getAll('tags');
    const list = (tags.includes('sre-incident-event') ? events : regions) as Array<{ tags: string[] }>;
    return { data: list.filter((a) => tags.every((t) => a.tags.includes(t))) };
  }
  return { status: 404, data: { message: `no fixture for ${req.method} ${req.path}` } };
}

/** A smooth, repeatable wave for demo series (no randomness: screenshots stay stable). */
const wave = (t: number, period: number, phase = 0) => Math.sin((2 * Math.PI * t) / period + phase);

function points(
  from: number,
  to: number,
  stepMs: number,
  f: (t: number, i: number) => number
): Array<[number, number]> {
  const step = Math.max(stepMs, (to - from) / 400);
  const out: Array<[number, number]> = [];
  for (let t = from, i = 0; t <= to; t += step, i++) {
    out.push([t, f(t, i)]);
  }
  return out;
}

/**
 * Recording-rule series for the checkout SLO (99.9%): an incident-sized burn yesterday, healthy otherwise. Each series
 * ends (at the range's end) on the value the list and the overview show for it (SNAPSHOTS), so the pages agree with each other.
 */
function sloSeries(expr: string, from: number, to: number, stepMs: number): SeriesOut[] {
  const now = SNAPSHOTS['checkout-availability'];
  const incident = NOW - 20 * 3_600_000;
  const burst = (t: number) => Math.exp(-(((t - incident) / 3_000_000) ** 2));
  const daily = (t: number) => wave(t, 86_400_000) - wave(to, 86_400_000);
  const burn = (t: number, scale: number) => Math.max(0, now.burn + 0.15 * daily(t) + scale * burst(t));
  if (expr.startsWith('1 - slo:sli_error:ratio_period')) {
    const sli = (t: number) => 1 - now.period + 0.00022 * (t <= incident ? 1 : 0) + 0.00002 * daily(t);
    return [{ name: 'SLI', points: points(from, to, stepMs, sli) }];
  }
  if (expr.startsWith('slo:objective:ratio')) {
    return [{ name: 'Objective', points: points(from, to, stepMs, () => 0.999) }];
  }
  if (expr.startsWith('slo:error_budget_remaining:ratio')) {
    const remaining = 1 - now.period / 0.001;
    const budget = (t: number) => remaining + (0.08 * (to - t)) / (to - from) + (t <= incident ? 0.22 : 0);
    return [{ name: 'Budget remaining', points: points(from, to, stepMs, budget) }];
  }
  if (expr.startsWith('ALERTS')) {
    return [];
  }
  const windowMatch = expr.match(/ratio_rate(\w+)/);
  const win = windowMatch?.[1] ?? '1h';
  const scale = { '1h': 16, '6h': 7, '1d': 2.5, '3d': 1 }[win] ?? 3;
  return [{ name: `Burn rate (${win})`, points: points(from, to, stepMs, (t) => burn(t, scale)) }];
}

/** Loki lines for the checkout incident. */
function incidentLogs(expr: string, from: number, to: number): SeriesOut[] {
  const lines: Array<{ t: number; line: string }> = [];
  for (let i = 0; i < 40; i++) {
    const t = to - i * ((to - from) / 40);
    const error = i % 3 === 0;
    lines.push({
      t,
      line: JSON.stringify({
        level: error ? 'error' : 'info',
        service: 'checkout',
        method: 'POST',
        uri: '/api/checkout',
        status: error ? 502 : 200,
        duration_ms: error ? 2950 : 184,
        msg: error ? 'payments-gateway: upstream connect error' : 'request completed',
      }),
    });
  }
  return expr.includes('checkout') ? [{ logs: lines }] : [];
}

/** Gate annotations for the checkout service: a release, a blocked attempt during yesterday's burn, a fix shipped. */
function releaseAnnotations() {
  const release = (id: number, hoursAgo: number, version: string, decision: string, text: string) => ({
    id,
    time: NOW - hoursAgo * 3_600_000,
    timeEnd: NOW - hoursAgo * 3_600_000,
    tags: ['sre-release', 'service:checkout', `version:${version}`, `decision:${decision}`],
    text,
    data: { decision, version },
  });
  return [
    release(301, 72, '1.42.0', 'ship', 'Release 1.42.0 of checkout: ship'),
    release(302, 19, '1.43.0', 'blocked', 'Release 1.43.0 of checkout: blocked (Payments strict needs an approver)'),
    release(303, 6, '1.43.1', 'ship', 'Release 1.43.1 of checkout: ship, approved by payments-lead'),
  ];
}

/** Events since a release: checkout's current 0.4× burn, plus yesterday's incident for releases before it. */
const CHECKOUT_TOTAL_30D = 4_200_000;
function sloDetailRespond(req: FakeRequest) {
  if (req.path === '/api/annotations' && req.search.getAll('tags').includes('sre-release')) {
    return { data: releaseAnnotations() };
  }
  if (req.path === '/api/ds/query') {
    const body = req.body as { queries: Query[] };
    const since = body.queries.filter((q) => / \* (\d+)$/.test(q.expr) && q.expr.includes('SERVER_ERROR'));
    if (since.length > 0 && body.queries.every((q) => !q.expr.includes('slo_id=~'))) {
      const results: Record<string, object> = {};
      for (const q of body.queries) {
        const seconds = Number(q.expr.match(/ \* (\d+)$/)?.[1] ?? 0);
        // Releases before yesterday's incident (20 h ago) also carry its 924 bad events.
        const bad = (0.4 * 0.001 * CHECKOUT_TOTAL_30D * seconds) / (30 * 86_400) + (seconds > 20 * 3600 ? 924 : 0);
        results[q.refId] = { frames: [frame(q.expr.includes('SERVER_ERROR') ? bad : CHECKOUT_TOTAL_30D, {})] };
      }
      return { data: { results } };
    }
  }
  return common(req);
}

/** The Toil page: toil annotations by tag, the teams' settings and Grafana's teams. */
function toilRespond(req: FakeRequest) {
  if (req.path === '/api/plugins/sre-reliability-app/settings') {
    return { data: { ...settings, jsonData: { ...settings.jsonData, toilTeams: TOIL_TEAMS } } };
  }
  if (req.path === '/api/teams/search') {
    const names = ['Checkout', 'Payments', 'Platform', 'Search'];
    return { data: { totalCount: names.length, teams: names.map((name) => ({ name })) } };
  }
  const tags = req.search.getAll('tags');
  if (req.path === '/api/annotations' && tags.some((t) => t.startsWith('sre-toil'))) {
    const { regions, events, estimates } = toilAnnotations();
    const list = tags.includes('sre-toil-event') ? events : tags.includes('sre-toil-estimate') ? estimates : regions;
    return { data: list };
  }
  return common(req);
}

export const SCENARIOS: Record<string, Scenario> = {
  slas: {
    route: 'slas',
    waitFor: 'Globex · checkout monthly uptime',
    user: admin,
    dataSources,
    respond: slaRespond(common, settings),
  },
  'sla-detail': {
    route: 'slas/acme-checkout',
    waitFor: 'Last 12 periods',
    fullPage: true,
    user: admin,
    dataSources,
    respond: slaRespond(common, settings),
  },
  'sla-report': {
    route: 'slas/report?customer=Acme%20Corp&period=2026-10',
    waitFor: 'Checkout datacentre',
    fullPage: true,
    user: admin,
    dataSources,
    respond: slaRespond(common, settings),
  },
  slos: { route: 'slos', waitFor: 'Checkout requests succeed', user: admin, dataSources, respond: common },
  overview: { route: 'overview', waitFor: 'Checkout answers within 300 ms', user: admin, dataSources, respond: common },
  incidents: {
    route: 'incidents',
    waitFor: 'Checkout returns 5xx for card payments',
    user: admin,
    dataSources,
    respond: common,
  },
  'incident-declare': { route: 'incidents/new', waitFor: 'SEV1', user: admin, dataSources, respond: common },
  'incident-detail': {
    route: 'incidents/INC-20261127-7q2k',
    waitFor: 'Incident commander',
    fullPage: true,
    user: admin,
    dataSources,
    respond: common,
    series: (expr, from, to) => incidentLogs(expr, from, to),
  },
  'slo-detail': {
    route: 'slos/checkout-availability',
    waitFor: '1.43.1',
    fullPage: true,
    user: admin,
    dataSources,
    respond: sloDetailRespond,
    series: sloSeries,
  },
  'slo-editor': {
    route: 'slos/new',
    waitFor: 'Data source',
    user: admin,
    dataSources,
    respond: common,
    interact: async (page) => {
      await page.getByText('2. Queries').click();
      await page.getByText('Start from a template').waitFor();
    },
  },
  'postmortem-list': {
    route: 'postmortems',
    waitFor: 'Search results stale after reindex',
    user: admin,
    dataSources,
    respond: postmortemRespond(common),
  },
  'postmortem-detail': {
    route: `postmortems/${LOGIN_INCIDENT}`,
    waitFor: 'Rewrite the certificate rotation runbook',
    fullPage: true,
    user: admin,
    dataSources,
    respond: postmortemRespond(common),
    interact: writeBlamingSentence,
  },
  'action-items': {
    route: 'postmortems/action-items',
    waitFor: 'Completion rate',
    user: admin,
    dataSources,
    respond: postmortemRespond(common),
  },
  toil: {
    route: 'toil?view=reports',
    waitFor: 'Teams against their toil budget',
    fullPage: true,
    user: admin,
    dataSources,
    respond: toilRespond,
  },
};
