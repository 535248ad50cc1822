/**
 * @jest-environment node
 */
// `sla-report` against a REAL Prometheus: counters backfilled, the SLA recording rules evaluated and backfilled at
// whole minutes, maintenance read from a Grafana stand-in's /api/annotations; the figures are checked against an
// exact tally of the generated events.
import { slaSloRuleGroup } from '../domain/rules/slaRecording';
import type { RecordingRule } from '../domain/rules/types';
import type { Sla } from '../domain/sla/model';
import { maintenanceRegionAnnotation } from '../domain/sla/maintenance';
import type { Slo } from '../domain/slo/model';
import {
  backfillRules,
  buildCounters,
  METRIC,
  ruleLevels,
  serviceSeries,
  startBackfilledPrometheus,
  tally,
  type HttpSeries,
  type PromFixture,
} from '../../tests/prometheus';
import { runCliAsync } from './run';

jest.setTimeout(180_000);

// February 2026 in UTC, with data from 3 hours before it (counters must not start inside the measured month: rate()
// cannot see a counter's first increment) to 1 hour into March.
const FEB = Date.UTC(2026, 1, 1) / 1000;
const MAR = Date.UTC(2026, 2, 1) / 1000;
const START = FEB - 3 * 3600;
const END = MAR + 3600;
const NOW = Date.UTC(2026, 2, 10);
const TOKEN = 'glsa_sla';

function events(s: HttpSeries, t: number): number {
  if (t === START + 60) {
    return 1;
  }
  const outage = t > MAR - 10 * 3600 && t <= MAR - 10 * 3600 + 25 * 60; // 25 minutes of 30% errors
  switch (s.status) {
    case '200':
      return outage ? 35 : 50;
    case '500':
      return outage ? 15 : t % 900 === 0 ? 1 : 0;
    case '503':
      return 0;
    default:
      return t % 600 === 0 ? 1 : 0;
  }
}
const data = buildCounters({ startSec: START, endSec: END, stepSec: 60, series: serviceSeries('cart'), events });

const slo: Slo = {
  id: 'cart',
  name: 'Cart',
  service: 'cart',
  sli: { kind: 'ratio', bad: `${METRIC}{service="cart",outcome="SERVER_ERROR"}`, total: `${METRIC}{service="cart"}` },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};
const uptime: Sla = {
  id: 'acme-up',
  name: 'Acme | uptime',
  customer: 'Acme',
  services: ['cart'],
  indicator: { sloId: 'cart' },
  target: 0.9997,
  method: { kind: 'uptime', unavailableAbove: 0.05 },
  period: { unit: 'month', timeZone: 'UTC' },
  credits: [{ below: 0.9997, creditPercent: 10 }],
};
const eventsSla: Sla = {
  ...uptime,
  id: 'acme-ev',
  name: 'Acme events',
  target: 0.9995,
  method: { kind: 'events' },
  credits: [{ below: 0.9995, creditPercent: 10 }],
};

const SPEC = JSON.stringify({
  apiVersion: 'sre-reliability/v1',
  kind: 'SLOList',
  slos: [slo],
  slas: [uptime, eventsSla],
});

// 10 of the 25 outage minutes are under maintenance (planned from 09:50 to 14:00 UTC on 28 February... clipped).
const maint = maintenanceRegionAnnotation({
  kind: 'maintenance',
  id: 'mnt-mi3k2a1b-x7p2q9ab',
  title: 'db failover',
  services: ['cart'],
  start: (MAR - 10 * 3600) * 1000,
  end: (MAR - 10 * 3600 + 600) * 1000,
  by: 'ops',
});

let prom: PromFixture;
beforeAll(async () => {
  prom = await startBackfilledPrometheus('sla-report', data);
  try {
    const rules = slaSloRuleGroup(slo, [uptime, eventsSla]).rules as RecordingRule[];
    await backfillRules(
      prom.server,
      ruleLevels(
        rules,
        rules.map((r) => r.record)
      ),
      START,
      END,
      60
    );
  } catch (e) {
    await prom.close();
    throw e;
  }
});
afterAll(async () => {
  await prom?.close();
});

const requests: string[] = [];
/** Real fetch to Prometheus; Grafana's annotations answered from the fixture (checking the token). */
const fetchWith = (annotations: unknown[]): typeof fetch =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push(url.split('?')[0]);
    if (url.startsWith('http://grafana.test/')) {
      const auth = new Headers(init?.headers).get('Authorization');
      if (auth !== `Bearer ${TOKEN}`) {
        return new Response('{}', { status: 401 });
      }
      const tags = new URL(url).searchParams.get('tags');
      return Response.json(
        tags === 'sre-maintenance' ? annotations.map((a, i) => ({ id: i + 1, ...(a as object) })) : []
      );
    }
    return fetch(input, init);
  }) as typeof fetch;

async function report(argv: string[], annotations: unknown[] = [], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCliAsync(['sla-report', 'spec.json', '--prometheus-url', prom.server.url, ...argv], {
    readFile: () => SPEC,
    writeFile: () => {
      throw new Error('no file');
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    fetch: fetchWith(annotations),
    now: () => NOW,
    env,
  });
  return { code, stdout, stderr };
}

describe('sla-report on a real Prometheus', () => {
  it('uptime, JSON: downtime minutes and achieved equal the exact tally, maintenance from Grafana excluded', async () => {
    requests.length = 0;
    const r = await report(
      ['--sla', 'acme-up', '--period', '2026-02', '--format', 'json', '--grafana-url', 'http://grafana.test'],
      [maint],
      {
        GRAFANA_TOKEN: TOKEN,
      }
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [res] = JSON.parse(r.stdout).results;
    // 25 minutes at 30% errors, the first 10 excluded: 15 minutes down, of February minus 10 excluded minutes.
    expect(res.downtimeMinutes).toBe(15);
    expect(res.achieved).toBeCloseTo(1 - 15 / (28 * 1440 - 10), 12);
    expect(res).toMatchObject({ standing: 'breached', creditPercent: 10, excludedMs: 600_000 });
    expect(res.exclusions).toEqual([expect.objectContaining({ id: 'mnt-mi3k2a1b-x7p2q9ab', title: 'db failover' })]);
    // One Prometheus query for the whole report, two annotation reads.
    expect(requests.filter((u) => u.endsWith('/api/v1/query'))).toHaveLength(1);
    expect(requests.filter((u) => u.endsWith('/api/annotations'))).toHaveLength(2);
  });

  it('events, CSV: bad and total events equal the exact tally; without --grafana-url nothing is excluded (a note)', async () => {
    const r = await report(['--sla', 'acme-ev', '--period', '2026-02', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: no --grafana-url: no maintenance is excluded\n');
    const bad = tally(data, (s) => s.outcome === 'SERVER_ERROR', FEB, MAR);
    const total = tally(data, () => true, FEB, MAR);
    const row = r.stdout.split('\r\n')[1].split(',');
    expect(Number(row[10])).toBeCloseTo(bad, 6);
    expect(Number(row[11])).toBeCloseTo(total, 6);
    expect(Number(row[7])).toBeCloseTo(1 - bad / total, 12);
  });

  it('a quarter of a monthly SLA is its three months in Markdown, the current one running', async () => {
    const r = await report(['--sla', 'acme-ev', '--period', '2026-Q1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# SLA report: Acme events');
    // January holds only the 3 hours before February (and the counters' start), so only its shape is checked.
    expect(r.stdout).toMatch(/\| 2026-01 \| [\d.]+% \| 99\.950% \| (met|breached) \|/);
    expect(r.stdout).toMatch(/\| 2026-02 \| 99\.924% \| 99\.950% \| breached \| 3062 of 4038344 \| 0\.00 h \| 10% \|/);
    expect(r.stdout).toMatch(/\| 2026-03 \| [\d.]+% \| 99\.950% \| (met|at risk) \(running\) \|/);
  });

  it('a month without data is reported as such and exits 3', async () => {
    const r = await report(['--sla', 'acme-ev', '--period', '2025-12']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('| 2025-12 | no data | 99.950% | no data |');
  });

  it('an unreachable Grafana or a refused token: the report says no data and stderr says why (exit 3)', async () => {
    const r = await report(['--sla', 'acme-up', '--period', '2026-02', '--grafana-url', 'http://grafana.test'], [], {
      GRAFANA_TOKEN: 'wrong',
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'error: maintenance not read: http://grafana.test/api/annotations: HTTP 401: the token is refused'
    );
    expect(r.stdout).toContain('| 2026-02 | no data |');
  });
});
