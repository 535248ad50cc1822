/**
 * PromQL for an SLA's figure over one period, evaluated at query time with `@` from the SLA recording rules
 * (src/domain/rules/slaRecording.ts), never from raw counters.
 *
 * Ground truth: the events observed by the scrapes in each included part (a, b] of the period, i.e. the events
 * that happened in (a, b] (a scrape reports what happened since the one before; nothing finer than a scrape can be
 * known from counters). a and b are whole minutes.
 *
 * How the recorded samples relate to it: the rules run every minute at some offset o < 1m; the sample written at
 * K + o (K a whole minute) holds, in `sla:sli_*:rate1m` × 60, exactly the events of the scrapes in (K − 1m, K], and
 * the sparse hourly sample at H + o, × 3600, those of (H − 1h, H]. So the samples with timestamps in
 * [a + 1m, b + 1m − 1ms] (a range of b − a − 1ms `@` b + 1m − 1ms: Prometheus 2.x ranges include their start) are
 * exactly the minutes (or hours, or 5-minute intervals) of (a, b], for every o. Each part is split at whole hours:
 * the hours in between read one sample per hour, the edges (Kolkata's :30 boundaries, maintenance at any minute)
 * one per minute, at most 59 per edge.
 *
 * The figures are exact (up to float rounding, ~1e-12) when:
 * - the SLA rule groups run every 1m (any offset within the minute);
 * - the `scrapeInterval` given to the rules is the real one and divides 1m; no counter starts or resets in the
 *   period; scrapes are not delayed past the next whole minute;
 * - the SLI is a ratio or latency SLI (availability and freeform SLIs are time-weighted approximations).
 *
 * Per method: exclusions are widened to whole minutes (events, uptime) or whole clock 5-minute intervals
 * (intervals: a 5-minute interval touched by maintenance is left out, as its error rate is not defined on part of
 * it). Period boundaries fall on clock 5-minute intervals in every zone in use today (offsets are multiples of
 * 15 minutes, Asia/Kathmandu's +5:45 included).
 */
import type { Sla, SlaMethod } from './model';
import type { SlaPeriod } from './period';
import { includedSegments, type Interval } from './exclusions';
import { slaPeriodResult, type SlaExclusion, type SlaMeasurement, type SlaPeriodResult } from './report';
import { formatDuration } from '../slo/durations';
import { sloSeries } from '../rules/names';
import { SLA_SERIES, slaSeries } from '../rules/slaRecording';

const MINUTE = 60_000;
const FIVE = 5 * MINUTE;
const HOUR = 60 * MINUTE;

/** The resolution an SLA method's edges are widened to: whole minutes, or clock 5-minute intervals (intervals). */
export function methodGrain(method: SlaMethod): number {
  return method.kind === 'intervals' ? FIVE : MINUTE;
}

/** The included parts of [period.start, until) that the method measures, after widening exclusions to its grain. */
export function measuredSegments(
  period: SlaPeriod,
  exclusions: readonly Interval[],
  method: SlaMethod,
  until = period.end
): Interval[] {
  const g = methodGrain(method);
  const widened = exclusions.map((x) => ({ start: Math.floor(x.start / g) * g, end: Math.ceil(x.end / g) * g }));
  const end = Math.min(period.end, Math.floor(until / g) * g);
  if (end <= period.start) {
    return [];
  }
  return includedSegments({ start: period.start, end }, widened);
}

/** One PromQL term reading one part of a segment. */
type Term = string;

/** `@` for the samples of (a, b]: written up to a minute after each whole minute they describe. */
const at = (ms: number): string => ((ms + MINUTE - 1) / 1000).toFixed(3);
const under = (ms: number): string => formatDuration(ms - 1);

/** A summed term that is 0 rather than absent, so one empty edge does not blank the whole figure. */
const orZero = (expr: string): string => `(sum(${expr}) or vector(0))`;

/** Splits (a, b] into a leading edge, whole hours, and a trailing edge. */
export function splitAtHours(seg: Interval): { edges: Interval[]; hours?: Interval } {
  const h0 = Math.ceil(seg.start / HOUR) * HOUR;
  const h1 = Math.floor(seg.end / HOUR) * HOUR;
  if (h1 <= h0) {
    return { edges: [seg] };
  }
  const edges = [
    { start: seg.start, end: h0 },
    { start: h1, end: seg.end },
  ].filter((e) => e.end > e.start);
  return { edges, hours: { start: h0, end: h1 } };
}

/** `fn` over the samples describing the minutes, 5-minute intervals or hours of (a, b] (see the file comment). */
function rangeSum(sel: string, part: Interval, fn = 'sum_over_time'): Term {
  return `${fn}(${sel}[${under(part.end - part.start)}] @ ${at(part.end)})`;
}

/** Events in the segments: 60 × Σ 1m samples on the edges + 3600 × Σ hourly samples in between. */
export function eventsExpr(perMinute: string, perHour: string, segments: readonly Interval[]): string {
  const fine: Term[] = [];
  const coarse: Term[] = [];
  for (const seg of segments) {
    const { edges, hours } = splitAtHours(seg);
    edges.forEach((e) => fine.push(orZero(rangeSum(perMinute, e))));
    if (hours) {
      coarse.push(orZero(rangeSum(perHour, hours)));
    }
  }
  const parts: string[] = [];
  if (fine.length) {
    parts.push(`60 * (${fine.join(' + ')})`);
  }
  if (coarse.length) {
    parts.push(`3600 * (${coarse.join(' + ')})`);
  }
  return parts.length ? parts.join(' + ') : 'vector(0)';
}

/** The PromQL one period needs, by role; every query is an instant query whose time does not matter. */
export interface SlaPeriodQueries {
  /** All events in the measured parts (every method: 0 means no data). */
  total: string;
  /** Bad events (events method). */
  bad?: string;
  /** Sum of the 5-minute intervals' error rates, and how many intervals had traffic (intervals method). */
  rateSum?: string;
  intervals?: string;
  /** Minutes whose error ratio was above the threshold (uptime method). */
  downMinutes?: string;
}

/** Sum (or count) over whole clock 5-minute intervals: the interval samples on the edges, the hourly roll-ups between. */
function intervalsExpr(sloId: string, segments: readonly Interval[], fn: 'sum_over_time' | 'count_over_time'): string {
  const ratio = sloSeries(SLA_SERIES.errorRatio5m, sloId);
  const hourly = sloSeries(fn === 'sum_over_time' ? SLA_SERIES.errorRatio5mSum1h : SLA_SERIES.intervals1h, sloId);
  const terms: Term[] = [];
  for (const seg of segments) {
    const { edges, hours } = splitAtHours(seg);
    edges.forEach((e) => terms.push(orZero(rangeSum(ratio, e, fn))));
    if (hours) {
      terms.push(orZero(rangeSum(hourly, hours)));
    }
  }
  return terms.length ? terms.join(' + ') : 'vector(0)';
}

/** Unavailable minutes: the SLA's per-minute test on the edges, its hourly roll-up between. */
function downMinutesExpr(slaId: string, segments: readonly Interval[]): string {
  const minute = slaSeries(SLA_SERIES.unavailableMinute, slaId);
  const hourly = slaSeries(SLA_SERIES.unavailableMinutes1h, slaId);
  const terms: Term[] = [];
  for (const seg of segments) {
    const { edges, hours } = splitAtHours(seg);
    edges.forEach((e) => terms.push(orZero(rangeSum(minute, e))));
    if (hours) {
      terms.push(orZero(rangeSum(hourly, hours)));
    }
  }
  return terms.length ? terms.join(' + ') : 'vector(0)';
}

/** The queries for one SLA period over its measured segments (see measuredSegments). */
export function slaPeriodQueries(
  sla: { id: string; method: SlaMethod },
  sloId: string,
  segments: readonly Interval[]
): SlaPeriodQueries {
  const total = eventsExpr(
    sloSeries(SLA_SERIES.totalRate1m, sloId),
    sloSeries(SLA_SERIES.totalRate1h, sloId),
    segments
  );
  switch (sla.method.kind) {
    case 'events':
      return {
        total,
        bad: eventsExpr(sloSeries(SLA_SERIES.badRate1m, sloId), sloSeries(SLA_SERIES.badRate1h, sloId), segments),
      };
    case 'intervals':
      return {
        total,
        rateSum: intervalsExpr(sloId, segments, 'sum_over_time'),
        intervals: intervalsExpr(sloId, segments, 'count_over_time'),
      };
    case 'uptime':
      return { total, downMinutes: downMinutesExpr(sla.id, segments) };
  }
}

/** Samples the queries read per series, from the plan: 1 per edge minute (5 min: intervals), 1 per whole hour. */
export function plannedSamples(segments: readonly Interval[], method: SlaMethod): { fine: number; hourly: number } {
  const g = methodGrain(method);
  let fine = 0;
  let hourly = 0;
  for (const seg of segments) {
    const { edges, hours } = splitAtHours(seg);
    edges.forEach((e) => (fine += Math.round((e.end - e.start) / g)));
    if (hours) {
      hourly += Math.round((hours.end - hours.start) / HOUR);
    }
  }
  return { fine, hourly };
}

/** The last instant the SLA rules have surely written at `now`: a minute before the current whole minute. */
export const measuredUntil = (now: number): number => Math.floor(now / MINUTE) * MINUTE - MINUTE;

const ROLES = ['total', 'bad', 'rateSum', 'intervals', 'downMinutes'] as const;

/** Every query a set of periods needs (to send in one request), and how to turn their values into results. */
export interface SlaQueryPlan {
  queries: Array<{ refId: string; expr: string }>;
  /** `read(refId)`: the query's value, or undefined when it returned nothing. */
  results: (read: (refId: string) => number | undefined) => SlaPeriodResult[];
}

/** Plans the queries of an SLA's periods (shared by the app and the CLI); periods with nothing to measure send none. */
export function planSlaResults(
  sla: Pick<Sla, 'id' | 'target' | 'method' | 'credits'>,
  sloId: string,
  periods: readonly SlaPeriod[],
  exclusions: readonly SlaExclusion[],
  now: number
): SlaQueryPlan {
  const until = measuredUntil(now);
  const span = (xs: Interval[]) => xs.reduce((s, x) => s + x.end - x.start, 0);
  const plans = periods.map((period) => {
    const segments = measuredSegments(period, exclusions, sla.method, until);
    return {
      period,
      segments,
      measuredMs: span(segments),
      periodMeasuredMs: span(measuredSegments(period, exclusions, sla.method)),
    };
  });
  const queries: SlaQueryPlan['queries'] = [];
  plans.forEach((p, i) => {
    if (p.segments.length) {
      const q = slaPeriodQueries(sla, sloId, p.segments);
      for (const role of ROLES) {
        const expr = q[role];
        if (expr) {
          queries.push({ refId: `p${i}_${role}`, expr });
        }
      }
    }
  });
  const results = (read: (refId: string) => number | undefined) =>
    plans.map((p, i) => {
      const get = (role: (typeof ROLES)[number]) => read(`p${i}_${role}`);
      const totalEvents = p.segments.length ? get('total') : undefined;
      const m: SlaMeasurement | undefined =
        totalEvents === undefined
          ? undefined
          : {
              totalEvents,
              badEvents: get('bad'),
              rateSum: get('rateSum'),
              intervals: get('intervals'),
              downMinutes: get('downMinutes'),
              measuredMs: p.measuredMs,
              periodMeasuredMs: p.periodMeasuredMs,
            };
      return slaPeriodResult(sla, p.period, exclusions, m, now);
    });
  return { queries, results };
}
