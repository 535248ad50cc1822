/**
 * Counter data for tests against a real Prometheus, with an exact tally of events by time (the ground truth).
 *
 * Series are Micrometer-style `http_server_requests_seconds_count{service,uri,method,status,outcome}`, one sample
 * every `stepSec`, starting at 0. The caller decides how many events each series gets in each step (integers), so a
 * test can build exactly the shape it needs (steady traffic, an outage of known length, ...). Optionally every
 * series also gets `_bucket` series of a latency histogram whose bucket counts are tallied the same way.
 */
import { OpenMetricsWriter, labelText } from '../../bench/openmetrics';
import { prng } from '../../bench/data';

export { prng };

export const METRIC = 'http_server_requests_seconds_count';
export const BUCKET_METRIC = 'http_server_requests_seconds_bucket';

export interface HttpSeries {
  service: string;
  uri: string;
  method: string;
  status: string;
  outcome: 'SUCCESS' | 'CLIENT_ERROR' | 'SERVER_ERROR';
}

export interface CounterSpec {
  /** First sample time (epoch s); every counter is 0 there. */
  startSec: number;
  /** Last sample time (epoch s), inclusive. */
  endSec: number;
  stepSec: number;
  series: HttpSeries[];
  /** Events of `series` in the step ending at `tSec` (a non-negative integer). */
  events: (series: HttpSeries, tSec: number) => number;
  /** Optional histogram: bucket bounds, and which of a step's events fall at or under each bound (non-decreasing). */
  histogram?: { bounds: number[]; inBucket: (series: HttpSeries, tSec: number, events: number, le: number) => number };
}

export interface CounterData {
  spec: CounterSpec;
  /** Sample times, oldest first. */
  times: number[];
  /** Per series (same order as spec.series), the events of each step (index = sample index; index 0 is 0). */
  increments: number[][];
  /** Per series and bound: bucket increments per step. */
  bucketIncrements?: number[][][];
}

function label(s: HttpSeries): Record<string, string> {
  return { service: s.service, uri: s.uri, method: s.method, status: s.status, outcome: s.outcome };
}

/** Builds the per-step increments; throws on a non-integer or negative count (the tally must be exact). */
export function buildCounters(spec: CounterSpec): CounterData {
  const n = Math.floor((spec.endSec - spec.startSec) / spec.stepSec) + 1;
  if (n < 2 || n > 2_000_000) {
    throw new Error(`unreasonable number of samples: ${n}`);
  }
  const times = Array.from({ length: n }, (_, i) => spec.startSec + i * spec.stepSec);
  const check = (v: number, what: string) => {
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`${what} must be a non-negative integer, got ${v}`);
    }
    return v;
  };
  const increments = spec.series.map((s) => times.map((t, i) => (i === 0 ? 0 : check(spec.events(s, t), 'events'))));
  const h = spec.histogram;
  const bucketIncrements = h
    ? spec.series.map((s, si) =>
        h.bounds.map((le) =>
          times.map((t, i) => (i === 0 ? 0 : check(h.inBucket(s, t, increments[si][i], le), 'bucket')))
        )
      )
    : undefined;
  return { spec, times, increments, ...(bucketIncrements ? { bucketIncrements } : {}) };
}

/**
 * Exact number of events of the series matching `match` in the samples with fromSec < t <= toSec: what
 * `increase(x[toSec - fromSec])` at `toSec` returns when both ends fall on sample times.
 */
export function tally(data: CounterData, match: (s: HttpSeries) => boolean, fromSec: number, toSec: number): number {
  let sum = 0;
  data.spec.series.forEach((s, si) => {
    if (!match(s)) {
      return;
    }
    data.times.forEach((t, i) => {
      if (t > fromSec && t <= toSec) {
        sum += data.increments[si][i];
      }
    });
  });
  return sum;
}

/** Writes the counters (and buckets) as OpenMetrics for `promtool tsdb create-blocks-from openmetrics`. */
export async function writeOpenMetrics(data: CounterData, file: string): Promise<number> {
  const w = new OpenMetricsWriter(file);
  // Each sample name is its own gauge family: OpenMetrics counter families would need `_total` samples, and the
  // TSDB keeps no type anyway, so PromQL sees exactly what a Micrometer scrape would have stored.
  await w.family(METRIC, 'gauge');
  data.spec.series.forEach((s, si) => {
    const text = METRIC + labelText(label(s));
    let v = 0;
    data.times.forEach((t, i) => {
      v += data.increments[si][i];
      w.sample(text, v, t);
    });
  });
  await w.flushIfFull();
  const h = data.spec.histogram;
  if (h && data.bucketIncrements) {
    await w.family(BUCKET_METRIC, 'gauge');
    data.spec.series.forEach((s, si) => {
      h.bounds.forEach((le, bi) => {
        const text = BUCKET_METRIC + labelText({ ...label(s), le: String(le) });
        let v = 0;
        data.times.forEach((t, i) => {
          v += data.bucketIncrements![si][bi][i];
          w.sample(text, v, t);
        });
      });
    });
  }
  await w.close();
  return w.lines;
}

/** Four Micrometer-style series of one service: 200 and 404 on two endpoints, 500 on one, 503 on the other. */
export function serviceSeries(service: string): HttpSeries[] {
  return [
    { service, uri: '/api/orders', method: 'GET', status: '200', outcome: 'SUCCESS' },
    { service, uri: '/api/orders', method: 'GET', status: '500', outcome: 'SERVER_ERROR' },
    { service, uri: '/api/cart', method: 'POST', status: '200', outcome: 'SUCCESS' },
    { service, uri: '/api/cart', method: 'POST', status: '404', outcome: 'CLIENT_ERROR' },
    { service, uri: '/api/cart', method: 'POST', status: '503', outcome: 'SERVER_ERROR' },
  ];
}
