/** Prometheus HTTP API calls used by the bench: instant queries with stats, and chunked range queries. */

export interface InstantResult {
  /** The single result value (NaN when the result is empty). */
  value: number;
  series: number;
  totalQueryableSamples: number;
  peakSamples: number;
  /** Server-side evaluation time (stats.timings.evalTotalTime), ms. */
  evalMs: number;
  /** Client wall time of the HTTP round trip, ms. */
  wallMs: number;
}

interface ApiResponse<T> {
  status: string;
  error?: string;
  data: T;
}

async function apiGet<T>(base: string, path: string, params: Record<string, string>, timeoutMs: number): Promise<T> {
  const url = `${base}${path}?${new URLSearchParams(params).toString()}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.json()) as ApiResponse<T>;
  if (!res.ok || body.status !== 'success') {
    throw new Error(`query failed (${res.status}): ${body.error ?? 'unknown error'}\n  ${params.query}`);
  }
  return body.data;
}

interface VectorData {
  result: Array<{ metric: Record<string, string>; value: [number, string] }>;
  stats?: {
    timings: { evalTotalTime: number };
    samples?: { totalQueryableSamples: number; peakSamples: number };
  };
}

/** One instant query at `timeSec` with `stats=all`. Throws when the query fails or returns several series. */
export async function instantQuery(base: string, query: string, timeSec: number): Promise<InstantResult> {
  const t0 = performance.now();
  const data = await apiGet<VectorData>(base, '/api/v1/query', { query, time: String(timeSec), stats: 'all' }, 120_000);
  const wallMs = performance.now() - t0;
  if (data.result.length > 1) {
    throw new Error(`expected one series, got ${data.result.length}: ${query}`);
  }
  if (!data.stats?.samples) {
    throw new Error('the server returned no sample statistics (needs Prometheus >= 2.35 and stats=all)');
  }
  return {
    value: data.result.length ? Number(data.result[0].value[1]) : NaN,
    series: data.result.length,
    totalQueryableSamples: data.stats.samples.totalQueryableSamples,
    peakSamples: data.stats.samples.peakSamples,
    evalMs: data.stats.timings.evalTotalTime * 1000,
    wallMs,
  };
}

export interface RangeSeries {
  metric: Record<string, string>;
  /** [unix seconds, value as Prometheus formatted it] */
  values: Array<[number, string]>;
}

/**
 * A range query over [start, end] at `stepSec`, split into chunks under the server's 11,000-points-per-series
 * limit. Results of the chunks are concatenated per label set.
 */
export async function rangeQuery(
  base: string,
  query: string,
  start: number,
  end: number,
  stepSec: number
): Promise<RangeSeries[]> {
  const maxPoints = 10_000;
  const bySeries = new Map<string, RangeSeries>();
  for (let s = start; s <= end; s += maxPoints * stepSec) {
    const e = Math.min(end, s + (maxPoints - 1) * stepSec);
    const data = await apiGet<{ result: RangeSeries[] }>(
      base,
      '/api/v1/query_range',
      { query, start: String(s), end: String(e), step: String(stepSec) },
      300_000
    );
    for (const r of data.result) {
      const key = JSON.stringify(r.metric);
      const acc = bySeries.get(key);
      if (acc) {
        acc.values.push(...r.values);
      } else {
        bySeries.set(key, { metric: r.metric, values: [...r.values] });
      }
    }
  }
  return [...bySeries.values()];
}

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
