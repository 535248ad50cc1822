/**
 * fetchSlaResults against a REAL Prometheus (tests/prometheus): counters backfilled, the SLA recording rules
 * (slaRecording.ts) evaluated and backfilled at whole minutes, then each method's figure compared with an exact
 * tally of the generator's events, for March 2026 in Europe/Berlin (a DST month) and in Asia/Kolkata (edges at :30
 * UTC), with exclusions crossing period edges and at odd minutes inside.
 */
import type { Sla } from '../domain/sla/model';
import { slaPeriodAt, type SlaPeriod } from '../domain/sla/period';
import type { Slo } from '../domain/slo/model';
import { slaSloRuleGroup } from '../domain/rules/slaRecording';
import type { RecordingRule } from '../domain/rules/types';
import {
  backfillRules,
  buildCounters,
  METRIC,
  prng,
  ruleLevels,
  serviceSeries,
  setUpPrometheus,
  type HttpSeries,
} from '../../tests/prometheus';
import { fetchSlaResults, type MaintenanceLike } from './slaCompliance';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => prom.backend().srv,
}));

jest.setTimeout(180_000);

const STEP = 60;
// One data set holds March 2026 in Europe/Berlin (31 days minus the hour of the 29 March DST change: 01:00 UTC on
// 1 March to 22:00 UTC on 31 March) and in Asia/Kolkata (18:30 UTC on 28 February to 18:30 UTC on 31 March).
const berlin = slaPeriodAt(Date.UTC(2026, 2, 15), 'month', 'Europe/Berlin');
const kolkata = slaPeriodAt(Date.UTC(2026, 2, 15), 'month', 'Asia/Kolkata');
const START = kolkata.start / 1000 - 3 * 3600;
const END = berlin.end / 1000 + 3600;
const AFTER = END * 1000 + 86400_000;

const rnd = prng(12);
const perMinute = new Map<number, { ok: number; bad: number }>();
for (let t = START + STEP; t <= END; t += STEP) {
  const burst = (t % 86400) / 3600 > 2 && (t % 86400) / 3600 < 2.6; // a daily 36-minute burst at 02:00 UTC
  const quiet = (t % 86400) / 3600 > 20 && (t % 86400) / 3600 < 20.3; // 18 minutes without traffic
  const ok = quiet ? 0 : 40 + Math.floor(rnd() * 80);
  const bad = quiet ? 0 : burst ? Math.floor(rnd() * 60) : rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : 0;
  perMinute.set(t, { ok, bad });
}

function events(s: HttpSeries, t: number): number {
  const m = perMinute.get(t)!;
  if (t === START + STEP) {
    return 1; // every counter leaves 0 before the period: rate() extrapolates a counter at 0 differently
  }
  // Split: 200s carry the good events, 500 and 503 the bad ones, 404s one in ten minutes (not bad).
  switch (s.status) {
    case '200':
      return s.uri === '/api/orders' ? Math.ceil(m.ok / 2) : Math.floor(m.ok / 2);
    case '500':
      return Math.ceil(m.bad / 2);
    case '503':
      return Math.floor(m.bad / 2);
    default:
      return t % 600 === 0 ? 1 : 0;
  }
}

const data = buildCounters({ startSec: START, endSec: END, stepSec: STEP, series: serviceSeries('cart'), events });

const slo: Slo = {
  id: 'cart-availability',
  name: 'Cart',
  service: 'cart',
  sli: {
    kind: 'ratio',
    bad: `${METRIC}{service="cart",outcome="SERVER_ERROR"}`,
    total: `${METRIC}{service="cart"}`,
  },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
  datasource: { uid: 'prom' },
};

const sla = (id: string, method: Sla['method']): Sla => ({
  id,
  name: id,
  services: ['cart'],
  indicator: { sloId: slo.id },
  target: 0.995,
  method,
  period: { unit: 'month', timeZone: 'Asia/Kolkata' },
  credits: [{ below: 0.995, creditPercent: 10 }],
});
const events1 = sla('ev', { kind: 'events' });
const intervals1 = sla('iv', { kind: 'intervals' });
const uptime1 = sla('up', { kind: 'uptime', unavailableAbove: 0.05 });

const min = (m: number) => m * 60_000;
const maintenance: MaintenanceLike[] = [
  // Crosses the Kolkata month's start, ends at an odd minute.
  { id: 'a', title: 'db upgrade', services: ['cart'], start: kolkata.start - min(20), end: kolkata.start + min(17) },
  { id: 'b', title: 'mid', services: ['cart', 'x'], start: kolkata.start + min(607), end: kolkata.start + min(703) },
  // Crosses the Berlin month's end.
  { id: 'c', title: 'late', services: ['cart'], start: berlin.end - min(43), end: berlin.end + min(30) },
  // Another service's and a cancelled window: not applied.
  { id: 'd', title: 'other', services: ['search'], start: berlin.start + min(100), end: berlin.start + min(200) },
  {
    id: 'e',
    title: 'off',
    services: ['cart'],
    start: berlin.start + min(300),
    end: berlin.start + min(400),
    cancelled: true,
  },
];
const applied = maintenance.filter((w) => !w.cancelled && w.services.includes('cart'));

/** The period's included (a, b] parts in seconds, exclusions widened to `grain` seconds: the ground truth's. */
function included(period: SlaPeriod, grain: number): Array<[number, number]> {
  const [p0, p1] = [period.start / 1000, period.end / 1000];
  const xs = applied.map((w) => [Math.floor(w.start / 1000 / grain) * grain, Math.ceil(w.end / 1000 / grain) * grain]);
  const out: Array<[number, number]> = [];
  let cursor = p0;
  for (const [a, b] of xs.sort((x, y) => x[0] - y[0])) {
    if (a >= p1) {
      break;
    }
    if (a > cursor) {
      out.push([cursor, a]);
    }
    cursor = Math.max(cursor, b);
  }
  if (cursor < p1) {
    out.push([cursor, p1]);
  }
  return out;
}
const inside = (t: number, parts: Array<[number, number]>) => parts.some(([a, b]) => t > a && t <= b);
const badOf = (t: number) => Math.ceil(perMinute.get(t)!.bad / 2) + Math.floor(perMinute.get(t)!.bad / 2);
const totalOf = (t: number) => perMinute.get(t)!.ok + badOf(t) + (t % 600 === 0 ? 1 : 0);

const prom = setUpPrometheus('sla-compliance', data, async (fixture) => {
  const rules = slaSloRuleGroup(slo, [uptime1]).rules as RecordingRule[];
  const levels = ruleLevels(
    rules,
    rules.map((r) => r.record)
  );
  // Evaluated 17 s past each minute, as Prometheus offsets a group (by its hash): the figures must not depend on it.
  await backfillRules(fixture.server, levels, START + 17, END, STEP);
});

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

/** Ground truth per method, from the generator's per-minute events (independent of Prometheus and the queries). */
function truthEvents(period: SlaPeriod, until = Infinity): { bad: number; total: number } {
  const parts = included(period, 60);
  let bad = 0;
  let total = 0;
  for (const t of perMinute.keys()) {
    if (inside(t, parts) && t <= until) {
      bad += badOf(t);
      total += totalOf(t);
    }
  }
  return { bad, total };
}

function truthIntervals(period: SlaPeriod): { mean: number; n: number } {
  const parts = included(period, 300);
  let sum = 0;
  let n = 0;
  for (let k = period.start / 1000; k < period.end / 1000; k += 300) {
    if (!inside(k + 60, parts) || !inside(k + 300, parts)) {
      continue;
    }
    let b = 0;
    let tot = 0;
    for (let t = k + 60; t <= k + 300; t += 60) {
      b += badOf(t);
      tot += totalOf(t);
    }
    if (tot > 0) {
      sum += b / tot;
      n++;
    }
  }
  return { mean: sum / n, n };
}

function truthUptime(period: SlaPeriod, threshold: number): { down: number; minutes: number } {
  const parts = included(period, 60);
  let down = 0;
  let minutes = 0;
  for (const t of perMinute.keys()) {
    if (inside(t, parts)) {
      minutes++;
      if (totalOf(t) > 0 && badOf(t) / totalOf(t) > threshold) {
        down++;
      }
    }
  }
  return { down, minutes };
}

describe('SLA compliance on a real Prometheus, March 2026', () => {
  it('the periods are the calendar months: Berlin loses an hour to DST, Kolkata starts at 18:30 UTC', () => {
    expect(berlin.end - berlin.start).toBe((31 * 24 - 1) * 3_600_000);
    expect(new Date(kolkata.start).toISOString()).toBe('2026-02-28T18:30:00.000Z');
  });

  it.each([
    ['Europe/Berlin', berlin],
    ['Asia/Kolkata', kolkata],
  ])('events (%s): bad ÷ all events over the included minutes, exactly', async (_zone, period) => {
    const { bad, total } = truthEvents(period);
    const [r] = await fetchSlaResults(events1, [slo], [period], maintenance, AFTER);
    expect(bad).toBeGreaterThan(1000);
    expect(rel(r.totalEvents!, total)).toBeLessThan(1e-9);
    expect(rel(r.badEvents!, bad)).toBeLessThan(1e-9);
    expect(rel(1 - r.achieved!, bad / total)).toBeLessThan(1e-9);
    expect(r.running).toBe(false);
  });

  it('applies only the windows of its services that are not cancelled, clipped to the period', async () => {
    const [k, b] = await fetchSlaResults(events1, [slo], [kolkata, berlin], maintenance, AFTER);
    expect(k.exclusions.map((x) => [x.id, x.start, x.end])).toEqual([
      ['a', kolkata.start, kolkata.start + min(17)],
      ['b', kolkata.start + min(607), kolkata.start + min(703)],
    ]);
    expect(k.excludedMs).toBe(min(17 + 96));
    expect(b.exclusions.map((x) => [x.id, x.start, x.end])).toEqual([
      ['b', kolkata.start + min(607), kolkata.start + min(703)],
      ['c', berlin.end - min(43), berlin.end],
    ]);
  });

  it.each([
    ['Europe/Berlin', berlin],
    ['Asia/Kolkata', kolkata],
  ])('intervals (%s): mean of the clock 5-minute error rates, maintained intervals left out', async (_z, period) => {
    const { mean, n } = truthIntervals(period);
    const [r] = await fetchSlaResults(intervals1, [slo], [period], maintenance, AFTER);
    expect(n).toBeLessThan((period.end - period.start) / 300_000 - 30); // quiet intervals and exclusions left out
    expect(rel(1 - r.achieved!, mean)).toBeLessThan(1e-9);
  });

  it.each([
    ['Europe/Berlin', berlin],
    ['Asia/Kolkata', kolkata],
  ])('uptime (%s): minutes above 5% errors over included minutes; no traffic is available', async (_z, period) => {
    const { down, minutes } = truthUptime(period, 0.05);
    const [r] = await fetchSlaResults(uptime1, [slo], [period], maintenance, AFTER);
    expect(down).toBeGreaterThan(100);
    expect(r.downtimeMinutes).toBe(down);
    expect(rel(1 - r.achieved!, down / minutes)).toBeLessThan(1e-9);
  });

  it('a running period measures up to the last written minute and is met or at risk, never breached', async () => {
    const now = kolkata.start + 86_400_000 + 17_000;
    const [r] = await fetchSlaResults(events1, [slo], [kolkata], maintenance, now);
    const { bad } = truthEvents(kolkata, kolkata.start / 1000 + 86400 - 60);
    expect(r.running).toBe(true);
    expect(['met', 'at_risk']).toContain(r.standing);
    expect(rel(r.badEvents!, bad)).toBeLessThan(1e-9);
    expect(r.creditPercent).toBe(0);
  });
});
